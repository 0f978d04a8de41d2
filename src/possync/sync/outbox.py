"""The ``Outbox``: every remote write is stored as an operation before it is sent.

An operation carries a stable idempotency key (the same decision always yields the same key, so
enqueueing it twice stores it once), and ends done (and bound), retried later with a capped
backoff, or parked with its reason until an operator replays or drops it. Claiming is safe for
concurrent workers: ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, a single-writer transaction on SQLite.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from possync.store.db import begin_write, rowcount
from possync.store.models import OperationRow
from possync.store.types import utcnow
from possync.sync.backoff import Backoff
from possync.sync.binder import Binder, RemoteId
from possync.sync.fingerprint import fingerprint

DEFAULT_LEASE = timedelta(minutes=5)
CREATE = "create"


class Status(StrEnum):
    """Where an operation stands."""

    PENDING = "pending"
    IN_FLIGHT = "in_flight"
    DONE = "done"
    PARKED = "parked"


class Target(StrEnum):
    """The side an operation writes to."""

    WOO = "woo"
    POS = "pos"


def idempotency_key(
    connection: str,
    entity: str,
    action: str,
    target: str,
    subject: str | None,
    payload: Any = None,
    base: str | None = None,
) -> str:
    """The stable key of one write decision.

    A create is keyed by what it creates (one create per thing, whatever its payload); any other
    action also by its payload and by ``base``, the fingerprint the target held when it was decided,
    so writing A, then B, then A again yields three operations, but deciding A twice yields one.
    """
    content = None if action == CREATE else fingerprint(payload)
    return fingerprint([connection, entity, action, str(target), subject, content, base])


class Outbox:
    """The operations of one connection: enqueue, claim, record results, replay and drop."""

    def __init__(
        self,
        session: Session,
        connection: str,
        *,
        clock: Callable[[], datetime] = utcnow,
        backoff: Backoff | None = None,
        lease: timedelta = DEFAULT_LEASE,
    ) -> None:
        self.session = session
        self.connection = connection
        self.clock = clock
        self.backoff = backoff or Backoff()
        self.lease = lease

    def enqueue(
        self,
        entity: str,
        action: str,
        target: Target | str,
        payload: dict[str, Any],
        *,
        subject: str | None = None,
        base: str | None = None,
        key: str | None = None,
    ) -> OperationRow:
        """Store one write (once per idempotency key); a still-pending duplicate takes the new payload."""
        key = key or idempotency_key(self.connection, entity, action, str(target), subject, payload, base)
        now = self.clock()
        values = {
            "connection": self.connection,
            "entity": entity,
            "action": action,
            "target": str(target),
            "subject": subject,
            "idempotency_key": key,
            "payload": payload,
            "status": Status.PENDING.value,
            "attempts": 0,
            "next_try_at": now,
            "created_at": now,
            "updated_at": now,
        }
        self.session.execute(_insert_ignoring_duplicates(self.session, values))
        operation = self.get_by_key(key)
        if operation.status == Status.PENDING and operation.payload != payload:
            operation.payload, operation.updated_at = payload, now
            self.session.flush()
        return operation

    def get_by_key(self, key: str) -> OperationRow:
        """The operation stored under ``key``."""
        statement = select(OperationRow).where(OperationRow.idempotency_key == key)
        return self.session.scalars(statement.execution_options(populate_existing=True)).one()

    def get(self, operation_id: int) -> OperationRow | None:
        """The operation with this id, if it belongs to the connection."""
        operation = self.session.get(OperationRow, operation_id, populate_existing=True)
        return operation if operation and operation.connection == self.connection else None

    def claim(self, limit: int = 100, *, entity: str | None = None) -> list[OperationRow]:
        """Take up to ``limit`` due operations for this worker, oldest first; commit to publish the claim.

        Due means pending with its next try reached, or in flight with an expired lease (its worker
        died). Claimed operations are in flight until ``now + lease``. On SQLite call it with no
        transaction open (a fresh session or right after a commit) so it begins as the single writer.
        """
        begin_write(self.session)
        now = self.clock()
        due = (
            select(OperationRow.id)
            .where(
                OperationRow.connection == self.connection,
                OperationRow.status.in_([Status.PENDING.value, Status.IN_FLIGHT.value]),
                OperationRow.next_try_at <= now,
            )
            .order_by(OperationRow.next_try_at, OperationRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        if entity is not None:
            due = due.where(OperationRow.entity == entity)
        ids = list(self.session.scalars(due))
        if not ids:
            return []
        self.session.execute(
            update(OperationRow)
            .where(OperationRow.id.in_(ids))
            .values(status=Status.IN_FLIGHT.value, next_try_at=now + self.lease, updated_at=now)
        )
        statement = select(OperationRow).where(OperationRow.id.in_(ids)).order_by(OperationRow.id)
        return list(self.session.scalars(statement.execution_options(populate_existing=True)))

    def complete(
        self,
        operation: OperationRow,
        *,
        woo_id: RemoteId | None = None,
        pos_id: RemoteId | None = None,
        natural_key: str | None = None,
    ) -> None:
        """Mark the operation done and, when ids are given, bind them with the fingerprint of the payload."""
        self._set(operation, Status.DONE, error=None)
        if woo_id is None and pos_id is None and natural_key is None:
            return
        written = fingerprint(operation.payload)
        Binder(self.session, self.connection, self.clock).bind(
            operation.entity,
            woo_id=woo_id,
            pos_id=pos_id,
            natural_key=natural_key,
            woo_fingerprint=written if operation.target == Target.WOO else None,
            pos_fingerprint=written if operation.target == Target.POS else None,
        )

    def retry_later(
        self, operation: OperationRow, error: str, *, retry_after: timedelta | None = None
    ) -> None:
        """Count a failed try: wait a capped backoff, or park when the tries are used up."""
        operation.attempts += 1
        if self.backoff.exhausted(operation.attempts):
            self.park(operation, f"gave up after {operation.attempts} tries: {error}")
            return
        operation.next_try_at = self.clock() + self.backoff.delay(operation.attempts, retry_after)
        self._set(operation, Status.PENDING, error=error)

    def park(self, operation: OperationRow, reason: str) -> None:
        """Set the operation aside with the reason; the run goes on."""
        self._set(operation, Status.PARKED, error=reason)

    def replay(self, operation_id: int) -> OperationRow | None:
        """Put a parked (or pending) operation back in line for an immediate try, with fresh attempts."""
        operation = self.get(operation_id)
        if operation is None or operation.status not in (Status.PARKED, Status.PENDING):
            return None
        operation.attempts, operation.next_try_at = 0, self.clock()
        self._set(operation, Status.PENDING, error=operation.last_error)
        return operation

    def drop(self, operation_id: int) -> bool:
        """Delete an operation that is not in flight; whether one was deleted."""
        statement = delete(OperationRow).where(
            OperationRow.id == operation_id,
            OperationRow.connection == self.connection,
            OperationRow.status != Status.IN_FLIGHT.value,
        )
        return bool(rowcount(self.session.execute(statement)))

    def list(self, status: Status | None = None, limit: int = 100) -> list[OperationRow]:
        """Operations of the connection, oldest first, optionally of one status."""
        statement = select(OperationRow).where(OperationRow.connection == self.connection)
        if status is not None:
            statement = statement.where(OperationRow.status == status.value)
        return list(self.session.scalars(statement.order_by(OperationRow.id).limit(limit)))

    def counts(self) -> dict[Status, int]:
        """How many operations the connection has in each status."""
        statement = (
            select(OperationRow.status, func.count())
            .where(OperationRow.connection == self.connection)
            .group_by(OperationRow.status)
        )
        found = {Status(status): count for status, count in self.session.execute(statement)}
        return {status: found.get(status, 0) for status in Status}

    def _set(self, operation: OperationRow, status: Status, *, error: str | None) -> None:
        operation.status, operation.last_error, operation.updated_at = status.value, error, self.clock()
        self.session.flush()


def _insert_ignoring_duplicates(session: Session, values: dict[str, Any]) -> Any:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return (
        dialect.insert(OperationRow)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["idempotency_key"])
    )
