"""The Outbox stores each write once per idempotency key and records each item's result: done and
bound, retried later with a capped backoff, or parked with its reason; parked items replay or drop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from possync.sync import Backoff, Binder, Outbox, Status, Target, fingerprint

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox(store_session: Session, clock: Clock) -> Outbox:
    backoff = Backoff(base=timedelta(seconds=10), cap=timedelta(seconds=60), max_attempts=4)
    return Outbox(store_session, "shop", clock=clock, backoff=backoff, lease=timedelta(minutes=5))


def _create(outbox: Outbox, sku: str = "A", name: str = "Shirt") -> int:
    return outbox.enqueue("product", "create", Target.POS, {"sku": sku, "name": name}, subject=sku).id


def test_enqueue_is_stored_before_send(outbox: Outbox, store_session: Session) -> None:
    operation_id = _create(outbox)
    store_session.commit()
    stored = outbox.get(operation_id)
    assert stored is not None
    assert (stored.status, stored.attempts, stored.payload) == ("pending", 0, {"sku": "A", "name": "Shirt"})


def test_same_decision_is_stored_once(outbox: Outbox) -> None:
    first = outbox.enqueue("product", "update", Target.WOO, {"price": "10"}, subject="A", base="f0")
    again = outbox.enqueue("product", "update", Target.WOO, {"price": "10"}, subject="A", base="f0")
    assert first.id == again.id
    assert outbox.counts()[Status.PENDING] == 1


def test_writing_back_an_earlier_value_is_a_new_operation(outbox: Outbox) -> None:
    a1 = outbox.enqueue("product", "update", Target.WOO, {"price": "10"}, subject="A", base="f0")
    b = outbox.enqueue(
        "product", "update", Target.WOO, {"price": "11"}, subject="A", base=fingerprint({"price": "10"})
    )
    a2 = outbox.enqueue(
        "product", "update", Target.WOO, {"price": "10"}, subject="A", base=fingerprint({"price": "11"})
    )
    assert len({a1.id, b.id, a2.id}) == 3


def test_a_pending_create_takes_the_newer_payload(outbox: Outbox) -> None:
    first = _create(outbox, name="Shirt")
    second = _create(outbox, name="T-shirt")
    operation = outbox.get(first)
    assert first == second
    assert operation is not None
    assert operation.payload["name"] == "T-shirt"


def test_a_sent_create_is_never_stored_again(outbox: Outbox) -> None:
    operation_id = _create(outbox)
    [claimed] = outbox.claim()
    outbox.complete(claimed, pos_id=77, natural_key="A")
    assert _create(outbox, name="Renamed") == operation_id
    assert outbox.claim() == []


def test_claim_takes_due_operations_oldest_first(outbox: Outbox, clock: Clock) -> None:
    first, second = _create(outbox, "A"), _create(outbox, "B")
    claimed = outbox.claim(limit=1)
    assert [operation.id for operation in claimed] == [first]
    assert claimed[0].status == "in_flight"
    assert [operation.id for operation in outbox.claim()] == [second]
    assert outbox.claim() == []


def test_an_expired_claim_is_claimed_again(outbox: Outbox, clock: Clock) -> None:
    operation_id = _create(outbox)
    outbox.claim()
    clock.now = T0 + timedelta(minutes=4)
    assert outbox.claim() == []
    clock.now = T0 + timedelta(minutes=5)
    assert [operation.id for operation in outbox.claim()] == [operation_id]


def test_done_binds_with_the_fingerprint_of_the_payload(outbox: Outbox, store_session: Session) -> None:
    _create(outbox)
    [operation] = outbox.claim()
    outbox.complete(operation, pos_id=77, natural_key="A")
    binding = Binder(store_session, "shop").lookup("product", natural_key="A")
    assert operation.status == "done"
    assert binding is not None
    assert (binding.pos_id, binding.pos_fingerprint, binding.woo_fingerprint) == (
        "77",
        fingerprint({"sku": "A", "name": "Shirt"}),
        None,
    )


def test_retry_later_backs_off_exponentially_up_to_the_cap(outbox: Outbox, clock: Clock) -> None:
    _create(outbox)
    waits = []
    for _ in range(3):
        [operation] = outbox.claim()
        outbox.retry_later(operation, "HTTP 503")
        waits.append(operation.next_try_at - clock.now)
        clock.now = operation.next_try_at
    assert waits == [timedelta(seconds=10), timedelta(seconds=20), timedelta(seconds=40)]
    assert Backoff(base=timedelta(seconds=10), cap=timedelta(seconds=60)).delay(10) == timedelta(seconds=60)


def test_retry_after_hint_wins_when_longer(outbox: Outbox, clock: Clock) -> None:
    _create(outbox)
    [operation] = outbox.claim()
    outbox.retry_later(operation, "HTTP 429", retry_after=timedelta(seconds=45))
    assert operation.next_try_at == T0 + timedelta(seconds=45)
    assert (operation.status, operation.attempts, operation.last_error) == ("pending", 1, "HTTP 429")
    assert outbox.claim() == []


def test_exhausted_retries_park_with_the_reason(outbox: Outbox, clock: Clock) -> None:
    _create(outbox)
    for _ in range(4):
        clock.now += timedelta(hours=1)
        [operation] = outbox.claim()
        outbox.retry_later(operation, "HTTP 500")
    assert operation.status == "parked"
    assert operation.last_error == "gave up after 4 tries: HTTP 500"


def test_parked_operations_wait_for_replay(outbox: Outbox, clock: Clock) -> None:
    operation_id = _create(outbox)
    [operation] = outbox.claim()
    outbox.park(operation, "SKU contains characters Sitoo refuses")
    clock.now += timedelta(days=1)
    assert outbox.claim() == []
    replayed = outbox.replay(operation_id)
    assert replayed is not None
    assert (replayed.status, replayed.attempts) == ("pending", 0)
    assert [item.id for item in outbox.claim()] == [operation_id]


def test_drop_deletes_but_not_while_in_flight(outbox: Outbox) -> None:
    operation_id = _create(outbox)
    [operation] = outbox.claim()
    assert outbox.drop(operation_id) is False
    outbox.park(operation, "bad record")
    assert outbox.drop(operation_id) is True
    assert outbox.get(operation_id) is None


def test_list_and_counts_by_status(outbox: Outbox) -> None:
    _create(outbox, "A")
    _create(outbox, "B")
    [operation, _] = outbox.claim()
    outbox.park(operation, "bad")
    assert [item.subject for item in outbox.list(Status.PARKED)] == ["A"]
    assert outbox.counts() == {Status.PENDING: 0, Status.IN_FLIGHT: 1, Status.DONE: 0, Status.PARKED: 1}


def test_outboxes_of_two_connections_do_not_mix(outbox: Outbox, store_session: Session, clock: Clock) -> None:
    _create(outbox)
    other = Outbox(store_session, "other-shop", clock=clock)
    other.enqueue("product", "create", Target.POS, {"sku": "A", "name": "Shirt"}, subject="A")
    assert len(outbox.claim()) == 1
    assert len(other.claim()) == 1
