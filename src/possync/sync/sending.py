"""``Sender``: the push half of the engine's skeleton — claim a flow's operations, send, record results.

Every operation was stored before it is sent. A create whose earlier try failed or whose answer
was never recorded is first looked up by its natural key on the target, so a retry never makes a
second record; one found there is sent again as an update of that record, since only an answer
tells what the target filled in (the media ids of images the shop downloaded). Each item's result
is recorded on its own: bound, retried later, or parked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from possync.store.models import OperationRow
from possync.sync.binder import Binder, BindingConflictError
from possync.sync.fingerprint import fingerprint
from possync.sync.flow import Flow, Related, View, WriteItem, WriteResult
from possync.sync.outbox import Outbox, Status
from possync.sync.reads import SharedReads
from possync.sync.report import FlowReport

if TYPE_CHECKING:
    from possync.sync.engine import Engine

CLAIM = 500
INTERRUPTED = "interrupted: the answer was never recorded"


class Sender:
    """Sends the outbox operations of one flow."""

    def __init__(self, engine: Engine, session: Session, flow: Flow, report: FlowReport) -> None:
        self.engine = engine
        self.session = session
        self.flow = flow
        self.report = report
        self.outbox = Outbox(session, engine.connection, clock=engine.clock, backoff=engine.backoff)

    def recover(self) -> None:
        """Operations left in flight by a run that died go back in line, marked for a look-up first."""
        self.session.execute(
            update(OperationRow)
            .where(
                OperationRow.connection == self.engine.connection,
                OperationRow.entity == self.flow.name,
                OperationRow.status == Status.IN_FLIGHT.value,
            )
            .values(status=Status.PENDING.value, next_try_at=self.engine.clock(), last_error=INTERRUPTED)
        )
        self.session.commit()

    async def drain(self) -> None:
        """Send until nothing of this flow is due; wait briefly for operations retried soon."""
        while True:
            operations = self.outbox.claim(CLAIM, entity=self.flow.name)
            self.session.commit()
            if operations:
                await self._send(operations)
                continue
            upcoming = self._next_try()
            if upcoming is None:
                SharedReads.of(self.engine.facts).release_claims()  # nothing of this flow is in flight
                return
            await self.engine.sleep_until(upcoming)

    def _next_try(self) -> datetime | None:
        statement = select(func.min(OperationRow.next_try_at)).where(
            OperationRow.connection == self.engine.connection,
            OperationRow.entity == self.flow.name,
            OperationRow.status == Status.PENDING.value,
        )
        return self.session.scalar(statement)

    async def _send(self, operations: Sequence[OperationRow]) -> None:
        creates = [op for op in operations if op.action == "create"]
        updates = [op for op in operations if op.action != "create"]
        found = await self._look_up(creates)
        landed = [op for op in creates if op.payload["key"] in found]
        creates = [op for op in creates if op.payload["key"] not in found]
        resent = [*updates, *landed]
        items = [_item(op, self.flow.compared, found.get(op.payload["key"])) for op in resent]
        writer = self.flow.writer
        created = await writer.create([_item(op, dict) for op in creates]) if creates else []
        updated = await writer.update(items) if items else []
        for op, result in zip([*creates, *resent], [*created, *updated], strict=True):
            self._record(op, result)
        self.session.commit()
        self.engine.progress(self.flow.name, "written", len(operations))
        parked = [op for op in operations if op.status == Status.PARKED]
        if parked and self.engine.stop_on_error:
            from possync.sync.engine import SyncStoppedError

            op = parked[0]
            raise SyncStoppedError(f"{self.flow.entity} {op.payload['key']}: {op.last_error}")

    async def _look_up(self, creates: Sequence[OperationRow]) -> dict[str, str]:
        """Target ids of creates that may already have landed (an earlier try failed or was cut off)."""
        keys = [op.payload["key"] for op in creates if op.last_error and op.payload["key"]]
        return await self.flow.writer.find(keys) if keys else {}

    def _record(self, op: OperationRow, result: WriteResult) -> None:
        if result.ok:
            self._bind(op, result)
        elif result.retryable:
            self.outbox.retry_later(op, result.error or "failed")
            if op.status == Status.PARKED:
                self.report.park(op.payload["key"], op.last_error or "")
        else:
            self.outbox.park(op, result.error or "refused")
            self.report.park(op.payload["key"] or op.payload["source_id"], op.last_error or "")

    def _bind(self, op: OperationRow, result: WriteResult) -> None:
        flow, payload = self.flow, op.payload
        written = payload["view"] if result.written is None else result.written
        binder = Binder(self.session, self.engine.connection, self.engine.clock)
        try:
            binder.bind(
                flow.entity,
                natural_key=payload["key"] or None,
                **{f"{flow.source}_id": payload["source_id"], f"{flow.target}_id": str(result.target_id)},
                **{
                    f"{flow.target}_fingerprint": fingerprint(flow.compared(written)),
                    f"{flow.source}_fingerprint": payload["source_fp"],
                },
            )
        except BindingConflictError as exc:
            self.outbox.park(op, f"written, but its binding clashes with another record: {exc}")
            self.report.park(payload["key"], op.last_error or "")
            return
        _bind_related(binder, result.related)
        self.outbox.complete(op)
        self.report.count("created" if op.action == "create" else "updated")


def _bind_related(binder: Binder, related: Sequence[Related]) -> None:
    """Bind what a write made on the way; one clashing with another binding is left unbound rather
    than failing the write it came with."""
    for record in related:
        fields = asdict(record)
        try:
            binder.bind(fields.pop("entity"), **fields)
        except BindingConflictError:
            continue


def _item(op: OperationRow, written: Callable[[View], View], landed: str | None = None) -> WriteItem:
    """The write of one operation; ``written`` picks what of its view is sent (an update: ``compared``);
    ``landed``: the target id of a create found on the target, updated instead."""
    payload = op.payload
    return WriteItem(
        key=payload["key"],
        view=written(payload["view"]),
        target_id=landed if landed is not None else payload["target_id"],
        source_id=str(payload["source_id"]),
    )
