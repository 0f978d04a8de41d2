"""The shop floor: staff actions through the control API, checked through the Sitoo API as a sync would."""

from __future__ import annotations

from typing import Any

import httpx

from .stock_support import FIFO_ID, act, add_product, move_in, ok, stock_of


def _order(api: httpx.Client, orderid: int) -> dict[str, Any]:
    found: dict[str, Any] = ok(api.get(f"/orders/{orderid}.json"))
    return found


def _delivered(api: httpx.Client, orderid: int) -> dict[int, int]:
    totals: dict[int, int] = {}
    for delivery in ok(api.get(f"/orders/{orderid}/orderdeliveries.json"))["items"]:
        for line in delivery["orderdeliveryitems"]:
            totals[line["orderitemid"]] = totals.get(line["orderitemid"], 0) + line["quantity"]
    return totals


def test_a_sale_is_a_paid_pos_order_whose_stock_leaves(api: httpx.Client, control: httpx.Client) -> None:
    add_product(api, "SHIRT", "250.00")
    move_in(api, "SHIRT", "10")
    sold = act(control, "sale", lines=[{"sku": "SHIRT", "quantity": 2}])
    order = _order(api, sold["orderid"])
    assert (order["ordertypeid"], order["orderstateid"], order["paymentstateid"]) == (10, 10, 20)
    assert order["registerid"] is not None
    assert (order["moneytotal_gross_all"], order["payments"][0]["moneyamount"]) == ("500.00", "500.00")
    assert stock_of(api, "SHIRT")["decimaltotal"] == "8.000"
    sale = ok(api.get("/warehousetransactions.json"))["items"][0]
    assert (sale["transactiontype"], sale["orderdeliveryid"]) == (30, sold["orderdeliveryid"])


def test_a_refund_credits_the_sale_and_brings_stock_back(api: httpx.Client, control: httpx.Client) -> None:
    add_product(api, "SHIRT", "250.00")
    move_in(api, "SHIRT", "10")
    sold = act(control, "sale", lines=[{"sku": "SHIRT", "quantity": 2}])
    refunded = act(control, "refund", orderid=sold["orderid"], lines=[{"orderitemid": 0, "quantity": 1}])
    credit = _order(api, refunded["orderid"])
    assert credit["creditorderid"] == sold["orderid"]
    assert (credit["orderitems"][0]["quantity"], credit["moneytotal_gross_all"]) == (-1, "-250.00")
    assert stock_of(api, "SHIRT")["decimaltotal"] == "9.000"
    assert ok(api.get("/warehousetransactions.json"))["items"][0]["transactiontype"] == 40


def test_a_delivery_in_is_one_closed_inbound_batch(api: httpx.Client, control: httpx.Client) -> None:
    done = act(control, "delivery-in", lines=[{"sku": "BOX", "quantity": 12, "moneypricein": "4.50"}])
    batch = ok(api.get(f"/warehouses/{FIFO_ID}/warehousebatches/{done['warehousebatchid']}.json"))
    assert (batch["warehousebatchstate"], batch["transactiontype"]) == (20, 10)
    assert batch["warehousetransactionid"] == done["warehousetransactionid"]
    assert (stock_of(api, "BOX")["decimaltotal"], stock_of(api, "BOX")["moneytotal"]) == ("12.000", "54.00")


def test_a_stocktaking_books_the_counted_difference(api: httpx.Client, control: httpx.Client) -> None:
    move_in(api, "CUP", "10", "2.00")
    done = act(control, "stocktaking", lines=[{"sku": "CUP", "quantity": 7}])
    path = f"/warehouses/{FIFO_ID}/warehousetransactions/{done['warehousetransactionid']}.json"
    line = ok(api.get(path))["items"][0]
    assert (line["decimalquantity"], line["decimaltotal"]) == ("-3.000", "7.000")
    assert stock_of(api, "CUP")["datelaststocktaking"] is not None


def test_click_and_collect_order_becomes_ready_for_pickup(api: httpx.Client, control: httpx.Client) -> None:
    add_product(api, "MUG", "99.00")
    placed = act(control, "ready-for-pickup", lines=[{"sku": "MUG", "quantity": 1}])
    order = _order(api, placed["orderid"])
    assert [entry["orderlogtypeid"] for entry in order["orderlogitems"]] == [0, 900]
    assert (order["orderstateid"], order["deliverytypename"]) == (0, "Click & Collect")
    assert _delivered(api, placed["orderid"]) == {}
    again = act(control, "ready-for-pickup", orderid=placed["orderid"])
    assert len(_order(api, again["orderid"])["orderlogitems"]) == 3


def test_store_to_door_leaves_lines_undelivered(api: httpx.Client, control: httpx.Client) -> None:
    add_product(api, "SOFA", "4990.00")
    add_product(api, "PILLOW", "199.00")
    lines = [{"sku": "PILLOW", "quantity": 2}, {"sku": "SOFA", "quantity": 1, "delivered": False}]
    sold = act(control, "store-to-door", lines=lines)
    order = _order(api, sold["orderid"])
    assert len(order["orderitems"]) == 2
    assert _delivered(api, sold["orderid"]) == {0: 2}
    assert stock_of(api, "PILLOW")["decimaltotal"] == "-2.000"


def test_unknown_action_and_bad_lines_are_refused(control: httpx.Client) -> None:
    assert control.post("/shopfloor/teleport", json={}).status_code == 404
    assert control.post("/shopfloor/sale", json={"lines": []}).status_code == 400
    assert (
        control.post("/shopfloor/sale", json={"lines": [{"sku": "NOPE", "quantity": 1}]}).status_code == 404
    )
