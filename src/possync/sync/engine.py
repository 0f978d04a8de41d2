"""``Engine``: the one sync skeleton every flow runs through, in small named steps.

Read (changes since the cursor, or everything), skip records already up to date by fingerprint,
wait for dependencies (a ``MappingError`` defers a record until its parent is written), map,
store each real change in the outbox before sending it, send through the writer's batches, and
record each item's result on its own: bind, retry later, or park with the reason. Each page's
outbox entries commit as they are decided; a cursor moves only once its whole window was read,
so a run killed at any point reads that window again and loses no change.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from possync.errors import MappingError, PossyncError
from possync.store.models import Binding
from possync.store.types import utcnow
from possync.sync.backoff import Backoff
from possync.sync.binder import Binder, BindingConflictError
from possync.sync.cursor import Cursor
from possync.sync.fingerprint import fingerprint
from possync.sync.flow import Flow, PlanRefs, Record, Refs, View
from possync.sync.memory import release_free_memory
from possync.sync.outbox import Outbox, Status
from possync.sync.reads import SharedReads
from possync.sync.report import Change, FlowReport, diff
from possync.sync.sending import Sender
from possync.sync.spill import SpilledMap

FAST_BACKOFF = Backoff(base=timedelta(milliseconds=200), cap=timedelta(seconds=2), max_attempts=6)
"""Retries inside one interactive run: short waits, then the operation is parked."""
Progress = Callable[[str, str, int], None]
Dependencies = Callable[[Flow], Awaitable[None]]


class SyncStoppedError(PossyncError):
    """A bad record stopped the sync (the "ignore errors" option is off); names the record and why."""


@dataclass(frozen=True)
class Scope:
    """Which records a flow touches and how.

    ``full``: read everything (else changes since the cursor); ``unmatched`` / ``matched``: include
    records without / with a binding; ``match_only``: bind by natural key and write nothing;
    ``dry_run``: decide everything, write nothing, collect the changes.
    """

    full: bool = True
    unmatched: bool = True
    matched: bool = True
    match_only: bool = False
    dry_run: bool = False

    @property
    def everything(self) -> bool:
        """A full read that writes every record: where it started is where changes start from."""
        return self.full and self.unmatched and self.matched and not self.match_only and not self.dry_run


@dataclass(frozen=True, slots=True)
class Target:
    """A target record as matching needs it: its id, its fingerprint, and its view for a plan."""

    id: str
    fingerprint: str
    view: View | None = None


@dataclass
class _Page:
    """The decisions of one page of source records."""

    waiting: list[Record] = field(default_factory=list)
    enqueued: int = 0


class Engine:
    """Runs flows for one connection against its store."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        connection: str,
        *,
        stop_on_error: bool = False,
        backoff: Backoff = FAST_BACKOFF,
        clock: Callable[[], datetime] = utcnow,
        progress: Progress | None = None,
        facts: dict[str, Any] | None = None,
    ) -> None:
        self.sessions = sessions
        self.connection = connection
        self.stop_on_error = stop_on_error
        self.backoff = backoff
        self.clock = clock
        self.progress = progress or (lambda flow, event, n: None)
        self.facts = facts if facts is not None else {}

    async def pull(self, flow: Flow, scope: Scope = Scope()) -> FlowReport:
        """Sync ``flow`` from the POS into WooCommerce."""
        if flow.source != "pos":
            raise ValueError(f"{flow.name} does not read the POS")
        return await self.run(flow, scope)

    async def push(self, flow: Flow, scope: Scope = Scope()) -> FlowReport:
        """Sync ``flow`` from WooCommerce up to the POS."""
        if flow.source != "woo":
            raise ValueError(f"{flow.name} does not read WooCommerce")
        return await self.run(flow, scope)

    async def run(
        self, flow: Flow, scope: Scope = Scope(), dependencies: Dependencies | None = None
    ) -> FlowReport:
        """The skeleton: resume, read, decide, send, wait for dependencies, park what is left.

        ``dependencies`` syncs the flows this one depends on; it is called only when records are
        left waiting for a reference, so an incremental run reads reference data only when needed.
        """
        report = FlowReport(flow.entity, flow.target)
        with self.sessions() as session:
            sender = Sender(self, session, flow, report)
            if not scope.dry_run:
                sender.recover()
                await sender.drain()
            index = await self._index(flow, scope) if scope.full and flow.indexed else None
            cursor = None if scope.full else Cursor(session, self.connection, flow.name, clock=self.clock)
            since = None if cursor is None else cursor.start().since
            bookmark = cursor or self._bookmark_of_full_run(session, flow, scope)
            session.commit()
            waiting: list[Record] = []
            async for records in flow.read(since):
                self.progress(flow.name, "read", len(records))
                page = await self._decide(session, flow, scope, records, index, cursor, report)
                waiting.extend(page.waiting)
                self.progress(flow.name, "decided", len(records))
                session.commit()  # the bookmark waits for the whole window: pages come in id order
                if not scope.dry_run:
                    await sender.drain()
                waiting = await self._retry_waiting(session, flow, scope, waiting, index, report, sender)
                release_free_memory()  # what a page freed goes back, so memory follows a page, not a run
            if bookmark is not None and not scope.dry_run:
                bookmark.reach()
                bookmark.save()
                session.commit()
            if waiting and dependencies is not None and not scope.dry_run:
                session.commit()  # end this session's snapshot: the dependencies commit elsewhere
                await dependencies(flow)
                session.commit()
                waiting = await self._retry_waiting(session, flow, scope, waiting, index, report, sender)
            await self._park_waiting(session, flow, waiting, report)
        return report

    # -- steps ------------------------------------------------------------------------------------

    def _bookmark_of_full_run(self, session: Session, flow: Flow, scope: Scope) -> Cursor | None:
        """The stream's cursor, started, when a full run covers everything: the next incremental run
        then reads only what changed since this one began, not the whole catalogue again."""
        if not scope.everything:
            return None
        bookmark = Cursor(session, self.connection, flow.name, clock=self.clock)
        bookmark.start()
        return bookmark

    async def _index(self, flow: Flow, scope: Scope) -> SpilledMap[Target]:
        """The target index, read once per run: records this run writes are bound, not looked up."""
        name = f"index:{flow.name}:{'plan' if scope.dry_run else 'match'}"
        return await SharedReads.of(self.facts).get(name, lambda: self._target_index(flow, scope.dry_run))

    async def _target_index(self, flow: Flow, with_views: bool) -> SpilledMap[Target]:
        """Every target record by natural key, for matching (and, ``with_views``, a plan's old values).

        Only the id and fingerprint of each record are kept, in a temporary file: memory stays the
        size of a page whatever the size of the catalogue.
        """
        index: SpilledMap[Target] = SpilledMap()
        async for page in flow.read_target(None):
            index.update_many(
                (r.key, Target(r.id, fingerprint(flow.compared(r.view)), r.view if with_views else None))
                for r in page
                if r.key
            )
        return index

    async def _resolve(
        self,
        flow: Flow,
        records: Sequence[Record],
        bound: dict[str, Binding],
        index: SpilledMap[Target] | None,
    ) -> dict[str, Target | str]:
        """The target record (or id) of each unbound source record found on the target by natural key."""
        keys = [r.key for r in records if r.key and _target_id(bound.get(r.id), flow) is None]
        if not keys:
            return {}
        if index is not None:
            return dict(index.get_many(keys).items())
        shared = SharedReads.of(self.facts)
        absent = shared.absent(flow.name, keys)
        keys = [key for key in keys if key not in absent]
        found = await flow.writer.find(keys) if keys else {}
        shared.note_absent(flow.name, (key for key in keys if key not in found))
        return dict(found.items())

    async def _decide(
        self,
        session: Session,
        flow: Flow,
        scope: Scope,
        records: Sequence[Record],
        index: SpilledMap[Target] | None,
        cursor: Cursor | None,
        report: FlowReport,
    ) -> _Page:
        binder = Binder(session, self.connection, self.clock)
        page = _Page()
        if cursor is not None:
            records = [r for r in records if not (r.modified and cursor.skip(r.id, r.modified))]
        records = self._skip(flow, await flow.complete(list(records)), report)
        bound = binder.lookup_many(flow.entity, f"{flow.source}_id", [r.id for r in records])  # type: ignore[arg-type]
        found = await self._resolve(flow, records, bound, index)
        refs = (PlanRefs if scope.dry_run else Refs)(binder, flow.source, self.facts)
        outbox = Outbox(session, self.connection, clock=self.clock, backoff=self.backoff)
        for record in records:
            if self._decide_one(binder, refs, outbox, flow, scope, record, bound, found, index, report):
                page.waiting.append(record)
            if cursor is not None and record.modified is not None:
                cursor.advance(record.id, record.modified)
        return page

    @staticmethod
    def _skip(flow: Flow, records: list[Record], report: FlowReport) -> list[Record]:
        """The records the options keep; the others are counted as skipped with the option's reason."""
        kept = []
        for record in records:
            reason = flow.skip(record)
            if reason is None:
                kept.append(record)
            else:
                report.skip(record.key or record.id, reason)
        return kept

    def _decide_one(
        self,
        binder: Binder,
        refs: Refs,
        outbox: Outbox,
        flow: Flow,
        scope: Scope,
        record: Record,
        bound: dict[str, Binding],
        found: dict[str, Target | str],
        index: SpilledMap[Target] | None,
        report: FlowReport,
    ) -> bool:
        """Decide one record; ``True`` when it must wait for a dependency."""
        binding = bound.get(record.id)
        target_id = _target_id(binding, flow)
        if (target_id is None and not scope.unmatched) or (target_id is not None and not scope.matched):
            report.count("skipped")
            return False
        if record.problem:
            self._reject(report, flow, record.key or record.id, record.problem, binder)
            return False
        match = found.get(record.key) if target_id is None else None
        if match is not None:
            binding = self._match(binder, flow, record, match, scope, report)
            if binding is None:
                return False
            target_id = _target_id(binding, flow)
        if scope.match_only:
            report.count("skipped" if match is None else "matched")
            return False
        try:
            view = flow.map(record, refs)
        except MappingError:
            return True
        except ValueError as exc:
            self._reject(report, flow, record.key or record.id, str(exc), binder)
            return False
        new_fp = fingerprint(flow.compared(view))
        if binding is not None and target_id is not None and _target_fp(binding, flow) == new_fp:
            report.count("unchanged")
            return False
        old = None if index is None else _old_view(index, record.key)
        if scope.dry_run:
            action = "update" if target_id is not None else "create"
            report.count(f"{action}d")
            shown = view if target_id is None else flow.compared(view)
            report.changes.append(Change(action, record.key or record.id, diff(old, shown)))
            return False
        self._enqueue(outbox, flow, record, view, target_id, binding)
        return False

    def _match(
        self,
        binder: Binder,
        flow: Flow,
        record: Record,
        match: Target | str,
        scope: Scope,
        report: FlowReport,
    ) -> Binding | None:
        """Bind a source record to the target record holding the same natural key."""
        target_id = match.id if isinstance(match, Target) else match
        target_fp = match.fingerprint if isinstance(match, Target) else None
        if scope.dry_run:
            return Binding(
                entity=flow.entity,
                natural_key=record.key,
                **{f"{flow.target}_id": target_id, f"{flow.target}_fingerprint": target_fp},
            )
        try:
            return binder.bind(
                flow.entity,
                natural_key=record.key or None,
                **{f"{flow.source}_id": record.id, f"{flow.target}_id": target_id},
                **{f"{flow.target}_fingerprint": target_fp, f"{flow.source}_fingerprint": None},
            )
        except BindingConflictError as exc:
            self._reject(report, flow, record.key, f"cannot match: {exc}", binder)
            return None

    def _enqueue(
        self,
        outbox: Outbox,
        flow: Flow,
        record: Record,
        view: View,
        target_id: str | None,
        binding: Binding | None,
    ) -> None:
        action = "update" if target_id is not None else "create"
        payload = {
            "key": record.key,
            "source_id": record.id,
            "target_id": target_id,
            "view": view,
            "source_fp": fingerprint(record.view),
        }
        base = None if binding is None else _target_fp(binding, flow)
        subject = f"{flow.source}:{record.id}"
        operation = outbox.enqueue(flow.name, action, flow.target, payload, subject=subject, base=base)
        if operation.status in (Status.DONE, Status.PARKED):
            operation.payload, operation.status, operation.attempts = payload, Status.PENDING.value, 0
            operation.next_try_at = self.clock()
            operation.last_error = operation.last_error or "sent again after an earlier try"
            outbox.session.flush()

    async def _retry_waiting(
        self,
        session: Session,
        flow: Flow,
        scope: Scope,
        waiting: list[Record],
        index: SpilledMap[Target] | None,
        report: FlowReport,
        sender: Sender,
    ) -> list[Record]:
        """Records whose dependencies were written meanwhile are decided again, round after round."""
        while waiting and not scope.dry_run:
            page = await self._decide(session, flow, scope, waiting, index, None, report)
            session.commit()
            await sender.drain()
            if len(page.waiting) == len(waiting):
                return page.waiting
            waiting = page.waiting
        return waiting

    async def _park_waiting(
        self, session: Session, flow: Flow, waiting: list[Record], report: FlowReport
    ) -> None:
        binder = Binder(session, self.connection, self.clock)
        refs = Refs(binder, flow.source, self.facts)
        for record in waiting:
            try:
                flow.map(record, refs)
                reason = "its dependencies were written by another run; run the sync again"
            except MappingError as exc:
                reason = f"waiting for a dependency: {exc}"
            self._reject(report, flow, record.key or record.id, reason, binder)
        session.commit()

    def _reject(self, report: FlowReport, flow: Flow, key: str, reason: str, binder: Binder) -> None:
        report.park(key, reason)
        if self.stop_on_error:
            binder.session.commit()
            raise SyncStoppedError(f"{flow.entity} {key}: {reason}")

    async def sleep_until(self, moment: datetime) -> None:
        """Wait for an operation's next try (bounded by the backoff's cap)."""
        delay = (moment - self.clock()).total_seconds()
        await asyncio.sleep(min(max(delay, 0.0), self.backoff.cap.total_seconds()))


def _target_id(binding: Binding | None, flow: Flow) -> str | None:
    return None if binding is None else getattr(binding, f"{flow.target}_id")


def _target_fp(binding: Binding, flow: Flow) -> str | None:
    value: str | None = getattr(binding, f"{flow.target}_fingerprint")
    return value


def _old_view(index: SpilledMap[Target], key: str) -> View | None:
    target = index.get(key)
    return None if target is None else target.view
