"""Events (SPI) end to end: API writes in the emulator are POSTed to a receiver on loopback."""

from __future__ import annotations

import httpx

from .conftest import flush_events as flush
from .stock_support import FIFO_ID, Receiver, create_order, deliver, move_in, ok


def test_order_life_is_announced_in_order(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    orderid = create_order(api, ("A", 1, "10.00"), externalid="WEB-1")
    api.put(f"/orders/{orderid}.json", json={"comment": "gift"})
    api.put(f"/orders/{orderid}.json", json={"paymentstateid": 20})
    deliveryid = deliver(api, orderid, (0, 1))
    api.post(f"/orders/{orderid}/orderlogitems.json", json={"orderlogtypeid": 900})
    flush(control)
    assert receiver.kinds() == [
        "order.add",
        "order.update",
        "order.update",
        "order.statechange",
        "warehousetransaction.add",
        "orderdelivery.add",
        "order.readyforpickup",
    ]
    events = receiver.events()
    assert all(event["orderid"] == orderid for event in events if event["eventtype"].startswith("order."))
    assert events[0]["externalid"] == "WEB-1"
    assert events[0]["accountid"] == 90001
    assert events[5]["orderdeliveryid"] == deliveryid
    assert events[4]["warehouseid"] == FIFO_ID
    assert [event["eventid"] for event in events] == list(range(1, 8))


def test_at_most_ten_events_per_post(api: httpx.Client, control: httpx.Client, receiver: Receiver) -> None:
    body = [
        {"warehouseid": FIFO_ID, "transactiontype": 10, "items": [{"sku": f"S{n}", "decimalquantity": "1"}]}
        for n in range(25)
    ]
    ok(api.post("/warehousetransactions.json", json=body))
    flush(control)
    assert all(len(batch) <= 10 for batch in receiver.batches)
    assert sum(len(batch) for batch in receiver.batches) == 25
    assert [event["warehousetransactionid"] for event in receiver.events()] == list(range(1, 26))


def test_429_503_504_are_retried_until_the_receiver_takes_the_batch(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    receiver.script = [503, 504, 429]
    move_in(api, "A", "1")
    move_in(api, "B", "1")
    log = flush(control)
    first_ids = [event["eventid"] for event in receiver.batches[0]]
    assert all([event["eventid"] for event in batch] == first_ids for batch in receiver.batches[:4])
    assert [delivery["outcome"] for delivery in log["deliveries"]][:4] == [
        "retry",
        "retry",
        "retry",
        "delivered",
    ]
    assert sorted({event["eventid"] for event in receiver.events()}) == [1, 2]
    assert log["pending"] == []


def test_rejected_batch_is_dropped_and_the_next_one_goes(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    receiver.script = [400]
    move_in(api, "A", "1")
    flush(control)
    move_in(api, "B", "1")
    log = flush(control)
    assert [delivery["outcome"] for delivery in log["deliveries"]] == ["dropped", "delivered"]
    assert [event["eventid"] for event in receiver.events()] == [1, 2]


def test_lost_answer_means_the_same_events_arrive_twice(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    control.patch("/settings", json={"event_timeout_seconds": 0.2})
    receiver.delays = [1.0]
    create_order(api, ("A", 1, "10.00"))
    flush(control)
    assert [event["eventid"] for event in receiver.events()] == [1, 1]


def test_no_receiver_no_events(api: httpx.Client, control: httpx.Client) -> None:
    create_order(api, ("A", 1, "10.00"))
    log = ok(control.get("/events"))
    assert (log["emitted"], log["deliveries"]) == (0, [])
