"""Warehouse batches over HTTP: open → set items → close makes one transaction; stock-taking counts."""

from __future__ import annotations

from typing import Any

import httpx

from .stock_support import FIFO_ID, VIRTUAL_ID, move_in, ok, stock_of

BATCHES = f"/warehouses/{FIFO_ID}/warehousebatches"


def open_batch(api: httpx.Client, transactiontype: int, **extra: Any) -> int:
    batchid: int = ok(api.post(f"{BATCHES}.json", json={"transactiontype": transactiontype, **extra}))
    return batchid


def set_items(api: httpx.Client, batchid: int, *lines: dict[str, Any]) -> list[dict[str, Any]]:
    answer: list[dict[str, Any]] = ok(
        api.put(f"{BATCHES}/{batchid}/warehousebatchitems.json", json=list(lines))
    )
    return answer


def close(api: httpx.Client, batchid: int) -> dict[str, Any]:
    assert ok(api.put(f"{BATCHES}/{batchid}.json", json={"warehousebatchstate": 20})) is True
    batch: dict[str, Any] = ok(api.get(f"{BATCHES}/{batchid}.json"))
    return batch


def test_a_new_batch_is_open_and_moves_no_stock(api: httpx.Client) -> None:
    batchid = open_batch(api, 10, comment="Delivery 7")
    batch = ok(api.get(f"{BATCHES}/{batchid}.json"))
    assert (batch["warehousebatchstate"], batch["warehousetransactionid"], batch["comment"]) == (
        10,
        None,
        "Delivery 7",
    )
    assert [
        entry["statuscode"] for entry in set_items(api, batchid, {"sku": "IN-1", "decimalquantity": "5"})
    ] == [200]
    assert stock_of(api, "IN-1")["decimaltotal"] == "0.000"
    assert ok(api.get("/warehousetransactions.json"))["totalcount"] == 0


def test_closing_an_inbound_batch_commits_one_transaction(api: httpx.Client) -> None:
    batchid = open_batch(api, 10, externalid="DEL-7")
    set_items(
        api,
        batchid,
        {"sku": "IN-1", "decimalquantity": "25.000", "moneypricein": "3920.00"},
        {"sku": "IN-2", "decimalquantity": "5.000", "moneypricein": "3920.00"},
    )
    batch = close(api, batchid)
    transaction = ok(
        api.get(f"/warehouses/{FIFO_ID}/warehousetransactions/{batch['warehousetransactionid']}.json")
    )
    assert (batch["warehousebatchstate"], transaction["transactiontype"], transaction["externalid"]) == (
        20,
        10,
        "DEL-7",
    )
    assert [(line["sku"], line["decimalquantity"]) for line in transaction["items"]] == [
        ("IN-1", "25.000"),
        ("IN-2", "5.000"),
    ]
    assert stock_of(api, "IN-1")["moneytotal"] == "98000.00"
    assert ok(api.get("/warehousetransactions.json"))["totalcount"] == 1


def test_stocktaking_records_the_difference_from_the_counted_total(api: httpx.Client) -> None:
    move_in(api, "10038-1", "10", "3920.00")
    move_in(api, "10038-2", "2", "3920.00")
    batchid = open_batch(api, 50, comment="New Stocktaking")
    set_items(
        api,
        batchid,
        {"sku": "10038-1", "decimalquantity": "9.000", "comment": "1 missing"},
        {"sku": "10038-2", "decimalquantity": "2.000"},
    )
    batch = close(api, batchid)
    transaction = ok(
        api.get(f"/warehouses/{FIFO_ID}/warehousetransactions/{batch['warehousetransactionid']}.json")
    )
    line = transaction["items"][0]
    assert len(transaction["items"]) == 1
    assert (line["sku"], line["decimalquantity"], line["decimaltotal"]) == ("10038-1", "-1.000", "9.000")
    assert (line["moneyvalue"], line["moneytotal"]) == ("-3920.00", "35280.00")
    counted = stock_of(api, "10038-2")
    assert counted["datelaststocktaking"] is not None
    assert counted["decimaltotal"] == "2.000"


def test_outbound_session_removes_whatever_sign_is_sent(api: httpx.Client) -> None:
    move_in(api, "OUT-1", "10")
    batchid = open_batch(api, 20)
    set_items(api, batchid, {"sku": "OUT-1", "decimalquantity": "3"})
    close(api, batchid)
    assert stock_of(api, "OUT-1")["decimaltotal"] == "7.000"


def test_items_are_upserted_by_sku_and_can_be_deleted(api: httpx.Client) -> None:
    batchid = open_batch(api, 10)
    set_items(api, batchid, {"sku": "A", "decimalquantity": "1"}, {"sku": "B", "decimalquantity": "1"})
    set_items(api, batchid, {"sku": "A", "decimalquantity": "4"})
    removed = ok(api.request("DELETE", f"{BATCHES}/{batchid}/warehousebatchitems.json", json=[{"sku": "B"}]))
    assert removed == [{"statuscode": 200, "return": True}]
    items = ok(api.get(f"{BATCHES}/{batchid}/warehousebatchitems.json"))["items"]
    assert [(item["sku"], item["decimalquantity"]) for item in items] == [("A", "4.000")]


def test_a_closed_batch_is_frozen(api: httpx.Client) -> None:
    batchid = open_batch(api, 10)
    close(api, batchid)
    assert api.put(f"{BATCHES}/{batchid}.json", json={"comment": "late"}).status_code == 400
    late = set_items(api, batchid, {"sku": "A", "decimalquantity": "1"})
    assert late[0]["statuscode"] == 400


def test_list_shows_open_batches_unless_asked_for_closed(api: httpx.Client) -> None:
    closed = open_batch(api, 10)
    close(api, closed)
    still_open = open_batch(api, 50)
    assert [b["warehousebatchid"] for b in ok(api.get(f"{BATCHES}.json"))["items"]] == [still_open]
    asked = ok(api.get(f"{BATCHES}.json", params={"warehousebatchstate": 20}))
    assert [b["warehousebatchid"] for b in asked["items"]] == [closed]
    by_type = ok(api.get(f"{BATCHES}.json", params={"warehousebatchstate": "10,20", "transactiontype": 10}))
    assert [b["warehousebatchid"] for b in by_type["items"]] == [closed]


def test_virtual_warehouses_take_no_batches(api: httpx.Client) -> None:
    refused = api.post(f"/warehouses/{VIRTUAL_ID}/warehousebatches.json", json={"transactiontype": 50})
    assert refused.status_code == 400


def test_strict_mode_allows_one_open_batch_per_type(api: httpx.Client, control: httpx.Client) -> None:
    open_batch(api, 50)
    assert api.post(f"{BATCHES}.json", json={"transactiontype": 50}).status_code == 200
    control.patch("/settings", json={"single_open_batch_per_type": True})
    assert api.post(f"{BATCHES}.json", json={"transactiontype": 50}).status_code == 400
    assert api.post(f"{BATCHES}.json", json={"transactiontype": 10}).status_code == 200


def test_a_full_stocktaking_can_zero_what_was_not_counted(api: httpx.Client, control: httpx.Client) -> None:
    move_in(api, "COUNTED", "4")
    move_in(api, "FORGOTTEN", "3")
    control.patch("/settings", json={"stocktaking_zeroes_missing": True})
    batchid = open_batch(api, 50)
    set_items(api, batchid, {"sku": "COUNTED", "decimalquantity": "4"})
    close(api, batchid)
    assert stock_of(api, "FORGOTTEN")["decimaltotal"] == "0.000"
    assert stock_of(api, "COUNTED")["decimaltotal"] == "4.000"
