"""The ``RunLog``: a sync run's record — its operations, per-record outcomes with reasons, and counters.

Counters are kept per entity and outcome (``{"product": {"created": 3, "parked": 1}}``) so a run's
summary reads straight from its row. Works inside the caller's transaction and never commits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from possync.store.models import Run, RunEvent
from possync.store.types import utcnow


class Outcome(StrEnum):
    """What happened to one record in a run."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    MATCHED = "matched"
    SKIPPED = "skipped"
    PARKED = "parked"
    FAILED = "failed"


class RunStatus(StrEnum):
    """How a run ended (or that it is still going)."""

    RUNNING = "running"
    FINISHED = "finished"
    FAILED = "failed"
    INTERRUPTED = "interrupted"


class RunLog:
    """Start, record and finish the runs of one connection."""

    def __init__(self, session: Session, connection: str, clock: Callable[[], datetime] = utcnow) -> None:
        self.session = session
        self.connection = connection
        self.clock = clock

    def start(self, operations: Sequence[str]) -> Run:
        """Open a run of the given operations, in their order."""
        run = Run(
            connection=self.connection, operations=list(operations), started_at=self.clock(), counters={}
        )
        self.session.add(run)
        self.session.flush()
        return run

    def record(
        self,
        run: Run,
        entity: str,
        outcome: Outcome,
        *,
        natural_key: str | None = None,
        woo_id: str | int | None = None,
        pos_id: str | int | None = None,
        reason: str | None = None,
    ) -> RunEvent:
        """Note what happened to one record and count it."""
        event = RunEvent(
            run_id=run.id,
            entity=entity,
            outcome=outcome.value,
            natural_key=natural_key,
            woo_id=None if woo_id is None else str(woo_id),
            pos_id=None if pos_id is None else str(pos_id),
            reason=reason,
            at=self.clock(),
        )
        self.session.add(event)
        per_entity = dict(run.counters.get(entity, {}))
        per_entity[outcome.value] = per_entity.get(outcome.value, 0) + 1
        run.counters = {**run.counters, entity: per_entity}
        self.session.flush()
        return event

    def finish(self, run: Run, status: RunStatus = RunStatus.FINISHED) -> None:
        """Close the run with how it ended."""
        run.status, run.finished_at = status.value, self.clock()
        self.session.flush()

    def recent(self, limit: int = 10) -> list[Run]:
        """The latest runs of the connection, newest first."""
        statement = select(Run).where(Run.connection == self.connection)
        return list(
            self.session.scalars(statement.order_by(Run.started_at.desc(), Run.id.desc()).limit(limit))
        )
