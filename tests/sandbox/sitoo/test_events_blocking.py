"""Events (SPI) behind a failing batch: later events wait, in order, until it is taken or dropped.

Which answers count as "try again" is the one [OPEN] switch ``event_retry_statuses`` (SPI is not
in the spec, §11.13): by default 429/503/504 are retried and 500/502 drop the batch like a 4xx.
"""

from __future__ import annotations

import httpx
import pytest

from .conftest import flush_events
from .stock_support import Receiver, create_order, move_in, ok

SERVER_ERRORS = [500, 502]


def test_events_raised_while_a_batch_fails_wait_behind_it_in_order(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    receiver.script = [503]
    receiver.hold = 1
    move_in(api, "A", "1")
    receiver.wait_for(1)
    move_in(api, "B", "1")
    create_order(api, ("C", 1, "10.00"))
    waiting = ok(control.get("/events"))
    assert [event["eventid"] for event in waiting["pending"]] == [1, 2, 3]
    assert waiting["deliveries"] == []
    receiver.released.set()
    log = flush_events(control)
    assert receiver.ids() == [[1], [1], [2, 3]]
    assert [delivery["outcome"] for delivery in log["deliveries"]] == ["retry", "delivered", "delivered"]
    assert receiver.kinds()[2:] == ["warehousetransaction.add", "order.add"]
    assert log["pending"] == []


def test_a_batch_failing_again_and_again_holds_everything_behind_it(
    api: httpx.Client, control: httpx.Client, receiver: Receiver
) -> None:
    receiver.script = [503, 504, 429, 503]
    receiver.hold = 1
    move_in(api, "A", "1")
    receiver.wait_for(1)
    for sku in ("B", "C", "D"):
        move_in(api, sku, "1")
    receiver.released.set()
    flush_events(control)
    assert receiver.ids() == [[1], [1], [1], [1], [1], [2, 3, 4]]


@pytest.mark.parametrize("status", SERVER_ERRORS)
def test_a_server_error_drops_the_batch_by_default(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, status: int
) -> None:
    assert ok(control.get("/settings"))["event_retry_statuses"] == [429, 503, 504]
    receiver.script = [status]
    move_in(api, "A", "1")
    flush_events(control)
    move_in(api, "B", "1")
    log = flush_events(control)
    assert receiver.ids() == [[1], [2]]
    assert [(d["status"], d["outcome"]) for d in log["deliveries"]] == [
        (status, "dropped"),
        (200, "delivered"),
    ]


@pytest.mark.parametrize("status", SERVER_ERRORS)
def test_a_server_error_is_retried_when_the_switch_lists_it(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, status: int
) -> None:
    control.patch("/settings", json={"event_retry_statuses": [429, 500, 502, 503, 504]})
    receiver.script = [status, status]
    receiver.hold = 1
    move_in(api, "A", "1")
    receiver.wait_for(1)
    move_in(api, "B", "1")
    receiver.released.set()
    log = flush_events(control)
    assert receiver.ids() == [[1], [1], [1], [2]]
    assert [d["outcome"] for d in log["deliveries"]] == ["retry", "retry", "delivered", "delivered"]
