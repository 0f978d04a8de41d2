"""Vouchers over HTTP: create answers the id, default list fields, merge update, delete, required fields."""

from __future__ import annotations

import httpx

from .conftest import NOW
from .stock_support import ok

RESELLERS = {"vouchertype": 200, "vouchername": "Resellers", "value_x": 30, "voucherpassword": "RES30"}


def test_create_answers_the_id_and_sets_state_and_group(api: httpx.Client) -> None:
    voucherid = ok(api.post("/vouchers.json", json=RESELLERS))
    voucher = ok(api.get(f"/vouchers/{voucherid}.json"))
    assert (voucher["voucherid"], voucher["datecreated"], voucher["voucherstate"]) == (voucherid, NOW, 10)
    assert (voucher["vouchergrouptype"], voucher["value_x"], voucher["voucherpassword"]) == (20, 30, "RES30")
    assert voucher["dateend"] is None


def test_list_shows_the_documented_default_fields(api: httpx.Client) -> None:
    ok(api.post("/vouchers.json", json=RESELLERS))
    listed = ok(api.get("/vouchers.json"))
    assert listed["totalcount"] == 1
    assert set(listed["items"][0]) == {
        "voucherid",
        "vouchername",
        "datecreated",
        "vouchertype",
        "voucherstate",
    }
    full = ok(api.get("/vouchers.json", params={"fields": "voucherid,voucherpassword,money_m"}))["items"][0]
    assert full == {"voucherid": 1, "voucherpassword": "RES30", "money_m": "0.00"}


def test_update_merges_and_delete_removes(api: httpx.Client) -> None:
    voucherid = ok(api.post("/vouchers.json", json=RESELLERS))
    assert ok(api.put(f"/vouchers/{voucherid}.json", json={"money_m": 10, "dateend": NOW + 86400})) is True
    voucher = ok(api.get(f"/vouchers/{voucherid}.json"))
    assert (voucher["money_m"], voucher["dateend"], voucher["vouchername"]) == (
        "10.00",
        NOW + 86400,
        "Resellers",
    )
    assert ok(api.delete(f"/vouchers/{voucherid}.json")) is True
    assert api.get(f"/vouchers/{voucherid}.json").status_code == 404


def test_name_and_type_are_required(api: httpx.Client) -> None:
    assert api.post("/vouchers.json", json={"vouchername": "No type"}).status_code == 400
    assert api.post("/vouchers.json", json={"vouchertype": 210}).status_code == 400
