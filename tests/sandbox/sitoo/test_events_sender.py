"""The events sender against a real receiver on loopback that answers a scripted status sequence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from possync_sandbox.server import running
from possync_sandbox.sitoo.event_sender import EventSender

from .stock_support import Receiver


@dataclass
class Settings:
    event_receiver_url: str | None = None
    event_batch_size: int = 10
    event_retry_statuses: list[int] = field(default_factory=lambda: [429, 503, 504])
    event_retry_delays: list[float] = field(default_factory=lambda: [0.0])
    event_timeout_seconds: float = 5.0


@dataclass
class Source:
    settings: Settings


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    with running(found.app()) as server:
        found.url = f"{server.base_url}/events"
        yield found


def sender_for(receiver: Receiver, sleeps: list[float]) -> EventSender:
    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    return EventSender(
        Source(Settings(event_receiver_url=receiver.url)), clock=lambda: 1_700_000_000, sleep=sleep
    )


async def test_events_leave_in_batches_of_at_most_ten_in_order(receiver: Receiver) -> None:
    sender = sender_for(receiver, [])
    for orderid in range(1, 24):
        sender.emit("order.add", {"orderid": orderid})
    await sender.idle()
    assert [len(batch) for batch in receiver.batches] == [10, 10, 3]
    assert [event["orderid"] for batch in receiver.batches for event in batch] == list(range(1, 24))
    assert receiver.batches[0][0]["datecreated"] == 1_700_000_000
    assert sender.log.wire()["pending"] == []


async def test_retryable_status_resends_and_blocks_later_events(receiver: Receiver) -> None:
    receiver.script = [503, 429, 200]
    sleeps: list[float] = []
    sender = sender_for(receiver, sleeps)
    sender.emit("order.add", {"orderid": 1})
    await sender.idle()
    sender.emit("order.update", {"orderid": 1})
    await sender.idle()
    ids = [[event["eventid"] for event in batch] for batch in receiver.batches]
    assert ids == [[1], [1], [1], [2]]
    assert len(sleeps) == 2
    assert [d.outcome for d in sender.log.deliveries] == ["retry", "retry", "delivered", "delivered"]


async def test_events_raised_during_the_back_off_wait_behind_the_failing_batch(receiver: Receiver) -> None:
    receiver.script = [503, 503]
    sender = sender_for(receiver, [])
    raised = iter([2, 3])

    async def raise_one_more(seconds: float) -> None:
        sender.emit("order.add", {"orderid": next(raised)})

    sender.sleep = raise_one_more
    sender.emit("order.add", {"orderid": 1})
    await sender.idle()
    assert [[event["orderid"] for event in batch] for batch in receiver.batches] == [[1], [1], [1], [2, 3]]


async def test_other_client_errors_drop_the_batch(receiver: Receiver) -> None:
    receiver.script = [400]
    sender = sender_for(receiver, [])
    sender.emit("order.add", {"orderid": 1})
    await sender.idle()
    sender.emit("order.add", {"orderid": 2})
    await sender.idle()
    assert [[event["orderid"] for event in batch] for batch in receiver.batches] == [[1], [2]]
    assert sender.log.deliveries[0].outcome == "dropped"


async def test_unreachable_receiver_is_retried_until_it_answers(receiver: Receiver) -> None:
    sleeps: list[float] = []
    sender = sender_for(receiver, sleeps)
    real_url = receiver.url
    sender.settings.event_receiver_url = "http://127.0.0.1:9/unreachable"  # type: ignore[misc]

    async def heal(seconds: float) -> None:
        sleeps.append(seconds)
        sender.settings.event_receiver_url = real_url  # type: ignore[misc]

    sender.sleep = heal
    sender.emit("warehousetransaction.add", {"warehousetransactionid": 7})
    await sender.idle()
    assert sender.log.deliveries[0].outcome == "retry"
    assert sender.log.deliveries[0].error is not None
    assert len(receiver.batches) == 1
    assert receiver.batches[0][0]["warehousetransactionid"] == 7
    assert sender.log.deliveries[1].outcome == "delivered"


async def test_a_timed_out_answer_is_resent_so_the_receiver_sees_a_duplicate(receiver: Receiver) -> None:
    receiver.delays = [1.0]
    sender = sender_for(receiver, [])
    sender.settings.event_timeout_seconds = 0.2  # type: ignore[misc]
    sender.emit("orderdelivery.add", {"orderdeliveryid": 3})
    await sender.idle()
    assert [batch[0]["eventid"] for batch in receiver.batches] == [1, 1]
    assert [d.error for d in sender.log.deliveries] == ["ReadTimeout", None]


async def test_no_receiver_means_no_events() -> None:
    sender = EventSender(Source(Settings()))
    sender.emit("order.add", {"orderid": 1})
    await sender.idle()
    assert sender.log.emitted == 0
