"""Warehouses and warehouse items over HTTP: FIFO vs Virtual, stock writes, item filters, reservations."""

from __future__ import annotations

import httpx

from .conftest import NOW
from .stock_support import FIFO_ID, VIRTUAL_ID, create_order, move_in, ok, stock_of


def test_every_site_starts_with_a_fifo_and_a_virtual_warehouse(api: httpx.Client) -> None:
    listed = ok(api.get("/warehouses.json"))
    assert listed["totalcount"] == 2
    assert [(w["warehouseid"], w["warehousetype"]) for w in listed["items"]] == [
        (FIFO_ID, 10),
        (VIRTUAL_ID, 20),
    ]


def test_create_answers_the_bare_id_and_defaults_to_fifo(api: httpx.Client) -> None:
    created = api.post("/warehouses.json", json={"usetype": 40, "currencycode": "SEK", "name": "Reclaims"})
    warehouseid = ok(created)
    assert isinstance(warehouseid, int)
    shown = ok(api.get(f"/warehouses/{warehouseid}.json"))
    assert shown["warehousetype"] == 10
    assert shown["name"] == "Reclaims"
    assert shown["externalid"] is None


def test_create_needs_usetype_currency_and_name(api: httpx.Client) -> None:
    refused = api.post("/warehouses.json", json={"name": "No use type"})
    assert refused.status_code == 400
    assert refused.json()["statuscode"] == 400


def test_update_merges_and_delete_answers_true(api: httpx.Client) -> None:
    warehouseid = ok(api.post("/warehouses.json", json={"usetype": 10, "currencycode": "SEK", "name": "Old"}))
    assert ok(api.put(f"/warehouses/{warehouseid}.json", json={"city": "Malmö"})) is True
    shown = ok(api.get(f"/warehouses/{warehouseid}.json"))
    assert (shown["name"], shown["city"]) == ("Old", "Malmö")
    assert api.put(f"/warehouses/{warehouseid}.json", json={"warehousetype": 20}).status_code == 400
    assert ok(api.delete(f"/warehouses/{warehouseid}.json")) is True
    assert api.get(f"/warehouses/{warehouseid}.json").status_code == 404


def test_virtual_stock_is_written_directly(api: httpx.Client) -> None:
    body = [{"sku": "V-1", "decimaltotal": "7.000", "moneytotal": "70.00"}, {"sku": "V-2", "decimaltotal": 3}]
    answer = ok(api.put(f"/warehouses/{VIRTUAL_ID}/warehouseitems.json", json=body))
    assert [entry["statuscode"] for entry in answer] == [200, 200]
    assert all(isinstance(entry["return"], int) for entry in answer)
    item = stock_of(api, "V-1", VIRTUAL_ID)
    assert (item["decimaltotal"], item["moneytotal"], item["decimalavailable"]) == ("7.000", "70.00", "7.000")
    assert stock_of(api, "V-2", VIRTUAL_ID)["decimaltotal"] == "3.000"


def test_fifo_stock_cannot_be_written_but_bin_locations_can(api: httpx.Client) -> None:
    body = [
        {"sku": "F-1", "decimaltotal": "7.000"},
        {"sku": "F-2", "binlocation": "I3:S4", "decimalthreshold": "3"},
    ]
    answer = ok(api.put(f"/warehouses/{FIFO_ID}/warehouseitems.json", json=body))
    assert answer[0]["statuscode"] == 400
    assert "errortext" in answer[0]
    assert answer[1]["statuscode"] == 200
    item = stock_of(api, "F-2")
    assert (item["binlocation"], item["decimalthreshold"], item["decimaltotal"]) == (
        "I3:S4",
        "3.000",
        "0.000",
    )


def test_items_filter_by_sku_list(api: httpx.Client) -> None:
    for sku in ("A", "B", "C"):
        move_in(api, sku, "1")
    listed = ok(api.get(f"/warehouses/{FIFO_ID}/warehouseitems.json", params={"sku": "A,C"}))
    assert [item["sku"] for item in listed["items"]] == ["A", "C"]
    assert listed["totalcount"] == 2


def test_items_filter_by_last_modified_window(api: httpx.Client, control: httpx.Client) -> None:
    move_in(api, "EARLY", "1")
    control.put("/clock", json={"advance": 100})
    move_in(api, "LATE", "1")
    late = ok(
        api.get(f"/warehouses/{FIFO_ID}/warehouseitems.json", params={"datelastmodifiedfrom": NOW + 100})
    )
    early = ok(
        api.get(f"/warehouses/{FIFO_ID}/warehouseitems.json", params={"datelastmodifiedto": NOW + 100})
    )
    assert [item["sku"] for item in late["items"]] == ["LATE"]
    assert [item["sku"] for item in early["items"]] == ["EARLY"]


def test_open_reserved_orders_hold_stock(api: httpx.Client) -> None:
    move_in(api, "R-1", "5")
    create_order(api, ("R-1", 2, "250.00"), warehouseid=FIFO_ID, datereserved=NOW + 3600)
    create_order(api, ("R-1", 1, "125.00"), warehouseid=FIFO_ID, datereserved=NOW - 1)
    item = stock_of(api, "R-1")
    assert (item["decimaltotal"], item["decimalreserved"], item["decimalavailable"]) == (
        "5.000",
        "2.000",
        "3.000",
    )


def test_unknown_warehouse_is_404(api: httpx.Client) -> None:
    missing = api.get("/warehouses/99/warehouseitems.json")
    assert missing.status_code == 404
    assert missing.json()["statuscode"] == 404


def test_warehouse_type_changes_only_when_the_switch_allows(api: httpx.Client, control: httpx.Client) -> None:
    warehouseid = ok(
        api.post("/warehouses.json", json={"usetype": 10, "currencycode": "SEK", "name": "Pop-up"})
    )
    assert api.put(f"/warehouses/{warehouseid}.json", json={"warehousetype": 20}).status_code == 400
    control.patch("/settings", json={"warehousetype_changeable": True})
    assert api.put(f"/warehouses/{warehouseid}.json", json={"warehousetype": 30}).status_code == 400
    assert ok(api.put(f"/warehouses/{warehouseid}.json", json={"warehousetype": 20})) is True
    assert ok(api.get(f"/warehouses/{warehouseid}.json"))["warehousetype"] == 20


def test_reservations_can_be_switched_off(api: httpx.Client, control: httpx.Client) -> None:
    move_in(api, "R-2", "5")
    create_order(api, ("R-2", 2, "250.00"), warehouseid=FIFO_ID, datereserved=NOW + 3600)
    control.patch("/settings", json={"reserve_stock_for_open_orders": False})
    assert stock_of(api, "R-2")["decimalavailable"] == "5.000"
