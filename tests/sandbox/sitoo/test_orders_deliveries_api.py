"""Order deliveries over HTTP: sale and refund transactions, ignored stock, partial and over-delivery."""

from __future__ import annotations

from typing import Any

import httpx

from .conftest import NOW
from .stock_support import FIFO_ID, VIRTUAL_ID, create_order, deliver, move_in, ok, stock_of


def _transactions(api: httpx.Client) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = ok(
        api.get("/warehousetransactions.json", params={"sort": "warehousetransactionid"})
    )["items"]
    return found


def test_delivery_creates_one_sales_transaction_tied_to_it(api: httpx.Client) -> None:
    move_in(api, "A", "10", "10.00")
    orderid = create_order(api, ("A", 2, "250.00"), ("B", 1, "125.00"))
    deliveryid = deliver(api, orderid, (0, 2), (1, 1))
    sale = _transactions(api)[-1]
    assert (sale["transactiontype"], sale["orderdeliveryid"]) == (30, deliveryid)
    assert [(line["sku"], line["decimalquantity"]) for line in sale["items"]] == [
        ("A", "-2.000"),
        ("B", "-1.000"),
    ]
    assert stock_of(api, "A")["decimaltotal"] == "8.000"
    assert stock_of(api, "B")["decimaltotal"] == "-1.000"
    listed = ok(api.get(f"/orders/{orderid}/orderdeliveries.json"))["items"][0]
    assert (
        listed["orderdeliveryid"],
        listed["warehouseid"],
        listed["datedelivery"],
        listed["datecancelled"],
    ) == (
        deliveryid,
        FIFO_ID,
        NOW,
        None,
    )
    assert [(i["orderitemid"], i["quantity"]) for i in listed["orderdeliveryitems"]] == [(0, 2), (1, 1)]


def test_refund_order_delivery_brings_stock_back(api: httpx.Client) -> None:
    move_in(api, "A", "7", "878.00")
    orderid = create_order(api, ("A", -1, "-1097.50"))
    deliver(api, orderid, (0, 1))
    refund = _transactions(api)[-1]
    line = refund["items"][0]
    assert refund["transactiontype"] == 40
    assert (line["decimalquantity"], line["decimaltotal"], line["moneyvalue"]) == ("1.000", "8.000", "878.00")


def test_ignorestock_query_or_order_flag_leaves_stock_alone(api: httpx.Client) -> None:
    move_in(api, "A", "5")
    by_query = create_order(api, ("A", 1, "10.00"))
    deliver(api, by_query, (0, 1), ignorestock="true")
    by_flag = create_order(api, ("A", 1, "10.00"), additionaldata={"delivery-ignore-stock": "true"})
    deliver(api, by_flag, (0, 1))
    assert stock_of(api, "A")["decimaltotal"] == "5.000"
    assert len(_transactions(api)) == 1
    assert ok(api.get(f"/orders/{by_flag}/orderdeliveries.json"))["totalcount"] == 1


def test_partial_deliveries_add_up_and_over_delivery_is_refused(
    api: httpx.Client, control: httpx.Client
) -> None:
    orderid = create_order(api, ("A", 3, "30.00"), ("B", 1, "10.00"))
    deliver(api, orderid, (0, 1))
    deliver(api, orderid, (0, 2))
    too_many = {"warehouseid": FIFO_ID, "orderdeliveryitems": [{"orderitemid": 0, "quantity": 1}]}
    refused = api.post(f"/orders/{orderid}/orderdeliveries.json", json=too_many)
    assert refused.status_code == 400
    assert ok(api.get(f"/orders/{orderid}/orderdeliveries.json"))["totalcount"] == 2
    assert stock_of(api, "A")["decimaltotal"] == "-3.000"
    control.patch("/settings", json={"over_delivery_allowed": True})
    assert api.post(f"/orders/{orderid}/orderdeliveries.json", json=too_many).status_code == 200


def test_delivery_needs_a_known_warehouse_and_order_item(api: httpx.Client) -> None:
    orderid = create_order(api, ("A", 1, "10.00"))
    no_warehouse = {"orderdeliveryitems": [{"orderitemid": 0, "quantity": 1}]}
    assert api.post(f"/orders/{orderid}/orderdeliveries.json", json=no_warehouse).status_code == 400
    unknown_item = {"warehouseid": FIFO_ID, "orderdeliveryitems": [{"orderitemid": 5, "quantity": 1}]}
    assert api.post(f"/orders/{orderid}/orderdeliveries.json", json=unknown_item).status_code == 400
    unknown_warehouse = {"warehouseid": 77, "orderdeliveryitems": [{"orderitemid": 0, "quantity": 1}]}
    assert api.post(f"/orders/{orderid}/orderdeliveries.json", json=unknown_warehouse).status_code == 404


def test_delivery_from_a_virtual_warehouse_changes_its_level_without_a_transaction(api: httpx.Client) -> None:
    api.put(f"/warehouses/{VIRTUAL_ID}/warehouseitems.json", json=[{"sku": "W", "decimaltotal": "4"}])
    orderid = create_order(api, ("W", 1, "10.00"))
    deliver(api, orderid, (0, 1), warehouseid=VIRTUAL_ID)
    assert stock_of(api, "W", VIRTUAL_ID)["decimaltotal"] == "3.000"
    assert _transactions(api) == []


def test_strict_mode_refuses_delivering_more_than_is_in_stock(
    api: httpx.Client, control: httpx.Client
) -> None:
    move_in(api, "A", "1")
    orderid = create_order(api, ("A", 2, "20.00"))
    control.patch("/settings", json={"delivery_requires_stock": True})
    body = {"warehouseid": FIFO_ID, "orderdeliveryitems": [{"orderitemid": 0, "quantity": 2}]}
    assert api.post(f"/orders/{orderid}/orderdeliveries.json", json=body).status_code == 400
    assert ok(api.get(f"/orders/{orderid}/orderdeliveries.json"))["totalcount"] == 0
    deliver(api, orderid, (0, 1))
    assert stock_of(api, "A")["decimaltotal"] == "0.000"
