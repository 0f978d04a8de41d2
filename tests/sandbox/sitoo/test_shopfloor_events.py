"""The shop floor's events (SPI): what a configured receiver hears when staff act at the POS.

Each action is announced with the event types its API twin raises (order add, warehouse
transaction, order delivery, ready for pickup), carrying the ids the action answered.
"""

from __future__ import annotations

from typing import Any

import httpx

from .conftest import flush_events
from .stock_support import FIFO_ID, Receiver, act, add_product, move_in, ok

SALE_EVENTS = ["order.add", "warehousetransaction.add", "orderdelivery.add"]


def announced(
    control: httpx.Client, receiver: Receiver, action: str, **body: Any
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Run a shop-floor action; answers its result and the events delivered for it alone."""
    flush_events(control)
    before = len(receiver.events())
    result = act(control, action, **body)
    flush_events(control)
    return result, receiver.events()[before:]


def kinds(events: list[dict[str, Any]]) -> list[str]:
    return [event["eventtype"] for event in events]


def transaction_of_delivery(api: httpx.Client, orderdeliveryid: int) -> dict[str, Any]:
    found = [
        row
        for row in ok(api.get("/warehousetransactions.json"))["items"]
        if row["orderdeliveryid"] == orderdeliveryid
    ]
    assert len(found) == 1, found
    return found[0]


def test_a_sale_announces_its_order_stock_move_and_delivery(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    add_product(api, "SHIRT", "250.00")
    sold, events = announced(control, receiver, "sale", lines=[{"sku": "SHIRT", "quantity": 2}])
    assert kinds(events) == SALE_EVENTS
    order, moved, delivery = events
    assert (order["orderid"], order["orderstateid"], order["paymentstateid"]) == (sold["orderid"], 10, 20)
    assert (delivery["orderid"], delivery["orderdeliveryid"]) == (sold["orderid"], sold["orderdeliveryid"])
    transaction = transaction_of_delivery(api, sold["orderdeliveryid"])
    assert transaction["transactiontype"] == 30
    assert (moved["warehouseid"], moved["warehousetransactionid"]) == (
        FIFO_ID,
        transaction["warehousetransactionid"],
    )
    assert {event["accountid"] for event in events} == {90001}


def test_a_refund_announces_the_credit_order_and_the_stock_coming_back(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    add_product(api, "SHIRT", "250.00")
    sold = act(control, "sale", lines=[{"sku": "SHIRT", "quantity": 2}])
    refunded, events = announced(control, receiver, "refund", orderid=sold["orderid"])
    assert kinds(events) == SALE_EVENTS
    order, moved, delivery = events
    assert order["orderid"] == refunded["orderid"] != sold["orderid"]
    assert delivery["orderdeliveryid"] == refunded["orderdeliveryid"]
    transaction = transaction_of_delivery(api, refunded["orderdeliveryid"])
    assert transaction["transactiontype"] == 40
    assert moved["warehousetransactionid"] == transaction["warehousetransactionid"]


def test_a_delivery_in_announces_one_warehouse_transaction(control: httpx.Client, receiver: Receiver) -> None:
    lines = [{"sku": "BOX", "quantity": 12}, {"sku": "CUP", "quantity": 3}]
    done, events = announced(control, receiver, "delivery-in", lines=lines)
    assert kinds(events) == ["warehousetransaction.add"]
    assert events[0]["warehousetransactionid"] == done["warehousetransactionid"]
    assert events[0]["warehouseid"] == FIFO_ID


def test_a_stocktaking_announces_its_correcting_transaction(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    move_in(api, "CUP", "10")
    done, events = announced(control, receiver, "stocktaking", lines=[{"sku": "CUP", "quantity": 7}])
    assert kinds(events) == ["warehousetransaction.add"]
    assert events[0]["warehousetransactionid"] == done["warehousetransactionid"]


def test_click_and_collect_announces_the_order_then_ready_for_pickup(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    add_product(api, "MUG", "99.00")
    placed, events = announced(control, receiver, "ready-for-pickup", lines=[{"sku": "MUG", "quantity": 1}])
    assert kinds(events) == ["order.add", "order.readyforpickup"]
    assert {event["orderid"] for event in events} == {placed["orderid"]}
    assert events[0]["orderstateid"] == 0
    _, again = announced(control, receiver, "ready-for-pickup", orderid=placed["orderid"])
    assert kinds(again) == ["order.readyforpickup"]
    assert again[0]["orderid"] == placed["orderid"]


def test_store_to_door_announces_only_what_left_the_store(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    add_product(api, "SOFA", "4990.00")
    add_product(api, "PILLOW", "199.00")
    lines = [{"sku": "PILLOW", "quantity": 2}, {"sku": "SOFA", "quantity": 1, "delivered": False}]
    sold, events = announced(control, receiver, "store-to-door", lines=lines)
    assert kinds(events) == SALE_EVENTS
    assert (events[0]["orderid"], events[0]["orderstateid"]) == (sold["orderid"], 0)
    assert events[2]["orderdeliveryid"] == sold["orderdeliveryid"]
    nothing_handed = [{"sku": "SOFA", "quantity": 1, "delivered": False}]
    later, events = announced(control, receiver, "store-to-door", lines=nothing_handed)
    assert kinds(events) == ["order.add"]
    assert (events[0]["orderid"], later["orderdeliveryid"]) == (later["orderid"], None)
