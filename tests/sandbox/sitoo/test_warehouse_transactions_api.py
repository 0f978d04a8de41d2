"""Warehouse transactions over HTTP: batch add, value arithmetic, refusals, id cursor, filters, sorting."""

from __future__ import annotations

from typing import Any

import httpx

from possync_sandbox.sitoo import SitooEmulator

from .conftest import NOW
from .stock_support import FIFO_ID, VIRTUAL_ID, move_in, ok, stock_of


def _transaction(
    warehouseid: int, transactiontype: int, sku: str, quantity: str, **extra: str
) -> dict[str, object]:
    return {
        "warehouseid": warehouseid,
        "transactiontype": transactiontype,
        "items": [{"sku": sku, "decimalquantity": quantity, **extra}],
    }


def test_batch_add_answers_an_envelope_in_request_order(api: httpx.Client) -> None:
    body = [
        _transaction(FIFO_ID, 10, "Q100", "13.000", moneypricein="3.45"),
        _transaction(VIRTUAL_ID, 10, "Q100", "1.000"),
        _transaction(FIFO_ID, 20, "Q100", "-3.000"),
    ]
    answer = ok(api.post("/warehousetransactions.json", json=body))
    assert [entry["statuscode"] for entry in answer] == [200, 400, 200]
    assert answer[0]["return"] < answer[2]["return"]
    assert "Virtual" in answer[1]["errortext"]


def test_move_in_values_stock_at_purchase_price_and_move_out_at_average_cost(api: httpx.Client) -> None:
    first = move_in(api, "Q100", "13.000", "3.45")
    shown = ok(api.get(f"/warehouses/{FIFO_ID}/warehousetransactions/{first}.json"))
    line = shown["items"][0]
    assert (shown["transactiontype"], shown["datecreated"], shown["orderdeliveryid"]) == (10, NOW, None)
    assert (line["decimalquantity"], line["decimaltotal"], line["moneytotal"], line["moneyvalue"]) == (
        "13.000",
        "13.000",
        "44.85",
        "44.85",
    )
    ok(api.post("/warehousetransactions.json", json=[_transaction(FIFO_ID, 20, "Q100", "-3")]))
    item = stock_of(api, "Q100")
    assert (item["decimaltotal"], item["moneytotal"], item["datelastmodified"]) == ("10.000", "34.50", NOW)


def test_stock_may_go_negative(api: httpx.Client) -> None:
    ok(api.post("/warehousetransactions.json", json=[_transaction(FIFO_ID, 20, "NEG", "-2")]))
    assert stock_of(api, "NEG")["decimaltotal"] == "-2.000"


def test_sales_refund_and_stocktaking_cannot_be_posted(api: httpx.Client) -> None:
    body = [_transaction(FIFO_ID, kind, "X", "1") for kind in (30, 40, 50)]
    assert [entry["statuscode"] for entry in ok(api.post("/warehousetransactions.json", json=body))] == [
        400
    ] * 3


def test_at_most_1000_transactions_per_request(api: httpx.Client) -> None:
    body = [_transaction(FIFO_ID, 10, f"S{n}", "1") for n in range(1001)]
    refused = api.post("/warehousetransactions.json", json=body)
    assert refused.status_code == 400
    assert refused.json()["statuscode"] == 400
    assert len(ok(api.post("/warehousetransactions.json", json=body[:1000]))) == 1000


def test_single_object_body_answers_the_bare_id(api: httpx.Client) -> None:
    transactionid = ok(api.post("/warehousetransactions.json", json=_transaction(FIFO_ID, 10, "ONE", "1")))
    assert isinstance(transactionid, int)


def test_id_cursor_is_from_inclusive_to_exclusive(api: httpx.Client) -> None:
    ids = [move_in(api, f"C{n}", "1") for n in range(5)]
    params: dict[str, Any] = {
        "warehousetransactionidfrom": ids[1],
        "warehousetransactionidto": ids[4],
        "sort": "warehousetransactionid",
    }
    page = ok(api.get("/warehousetransactions.json", params=params))
    assert [t["warehousetransactionid"] for t in page["items"]] == ids[1:4]
    assert page["totalcount"] == 3


def test_default_sort_is_newest_first_and_ascending_on_request(api: httpx.Client) -> None:
    ids = [move_in(api, f"D{n}", "1") for n in range(3)]
    newest = ok(api.get("/warehousetransactions.json"))["items"]
    oldest = ok(api.get("/warehousetransactions.json", params={"sort": "warehousetransactionid"}))["items"]
    assert [t["warehousetransactionid"] for t in newest] == ids[::-1]
    assert [t["warehousetransactionid"] for t in oldest] == ids


def test_filters_by_type_id_list_warehouse_and_creation_date(
    api: httpx.Client, control: httpx.Client
) -> None:
    first = move_in(api, "F1", "1")
    control.put("/clock", json={"advance": 60})
    ok(api.post("/warehousetransactions.json", json=[_transaction(FIFO_ID, 20, "F1", "-1")]))
    other = ok(api.post("/warehouses.json", json={"usetype": 10, "currencycode": "SEK", "name": "Back room"}))
    third = move_in(api, "F1", "1", warehouseid=other)
    by_type = ok(api.get("/warehousetransactions.json", params={"transactiontype": 20}))
    assert [t["transactiontype"] for t in by_type["items"]] == [20]
    repeated = api.get(
        f"/warehousetransactions.json?warehousetransactionid={first}&warehousetransactionid={third}"
    )
    assert sorted(t["warehousetransactionid"] for t in ok(repeated)["items"]) == [first, third]
    assert ok(api.get("/warehousetransactions.json", params={"warehouseid": other}))["totalcount"] == 1
    assert ok(api.get(f"/warehouses/{other}/warehousetransactions.json"))["totalcount"] == 1
    early = ok(api.get("/warehousetransactions.json", params={"datecreatedto": NOW + 60}))
    assert [t["warehousetransactionid"] for t in early["items"]] == [first]


def test_default_fields_and_field_selection(api: httpx.Client) -> None:
    move_in(api, "FLD", "1")
    full = ok(api.get("/warehousetransactions.json"))["items"][0]
    assert set(full) >= {"warehousetransactionid", "warehouseid", "datecreated", "transactiontype", "items"}
    narrowed = ok(api.get("/warehousetransactions.json", params={"fields": "warehousetransactionid,items"}))
    assert set(narrowed["items"][0]) == {"warehousetransactionid", "items"}


def test_transaction_of_another_warehouse_is_not_found(api: httpx.Client) -> None:
    transactionid = move_in(api, "W", "1")
    assert api.get(f"/warehouses/{VIRTUAL_ID}/warehousetransactions/{transactionid}.json").status_code == 404


def test_a_thousand_transactions_page_by_cursor(api: httpx.Client, fresh: SitooEmulator) -> None:
    body = [_transaction(FIFO_ID, 10, f"P{n}", "1") for n in range(1000)]
    ok(api.post("/warehousetransactions.json", json=body))
    seen: list[int] = []
    cursor = 1
    while True:
        params: dict[str, Any] = {
            "warehousetransactionidfrom": cursor,
            "sort": "warehousetransactionid",
            "num": 400,
        }
        page = ok(api.get("/warehousetransactions.json", params=params))["items"]
        if not page:
            break
        seen += [t["warehousetransactionid"] for t in page]
        cursor = page[-1]["warehousetransactionid"] + 1
    assert seen == list(range(1, 1001))
