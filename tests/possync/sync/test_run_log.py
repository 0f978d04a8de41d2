"""The RunLog records a run's operations, each record's outcome with its reason, and per-entity counts."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from possync.sync import Outcome, RunLog, RunStatus

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_a_run_counts_outcomes_per_entity(store_session: Session) -> None:
    log = RunLog(store_session, "shop", clock=lambda: T0)
    run = log.start(["match_all", "fetch_unmatched_products"])
    log.record(run, "product", Outcome.CREATED, natural_key="A", woo_id=1, pos_id=2)
    log.record(run, "product", Outcome.CREATED, natural_key="B")
    log.record(run, "product", Outcome.PARKED, natural_key="C", reason="SKU is empty")
    log.record(run, "category", Outcome.UNCHANGED, natural_key="Shoes")
    log.finish(run)
    store_session.commit()
    store_session.expire_all()
    [stored] = log.recent()
    assert stored.operations == ["match_all", "fetch_unmatched_products"]
    assert stored.counters == {"product": {"created": 2, "parked": 1}, "category": {"unchanged": 1}}
    assert (stored.status, stored.finished_at) == ("finished", T0)
    parked = [event for event in stored.events if event.outcome == "parked"]
    assert [(event.natural_key, event.reason) for event in parked] == [("C", "SKU is empty")]


def test_recent_runs_newest_first(store_session: Session) -> None:
    log = RunLog(store_session, "shop", clock=lambda: T0)
    first = log.start(["match_all"])
    log.finish(first, RunStatus.INTERRUPTED)
    second = log.start(["fetch_manufacturers"])
    store_session.commit()
    assert [run.id for run in log.recent()] == [second.id, first.id]
    assert [run.status for run in log.recent()] == ["running", "interrupted"]
