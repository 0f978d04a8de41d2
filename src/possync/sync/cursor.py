"""The ``Cursor``: the bookmark of one incremental stream, with a signpost, an overlap and boundary ids.

"Now" is fixed when a run starts (the signpost) and the stored bookmark never passes it; each read
goes back an overlap window before the bookmark, and the records already seen exactly at the
bookmark are skipped. Works inside the caller's transaction, so the bookmark moves together with
whatever the run stored, and never commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from possync.store.db import rowcount
from possync.store.models import CursorRow
from possync.store.types import utcnow

DEFAULT_OVERLAP = timedelta(seconds=30)


@dataclass(frozen=True)
class Window:
    """What to read this run: records modified after ``since`` (``None``: everything) up to ``until``."""

    since: datetime | None
    until: datetime


class Cursor:
    """The bookmark of one stream of one connection."""

    def __init__(
        self,
        session: Session,
        connection: str,
        stream: str,
        *,
        overlap: timedelta = DEFAULT_OVERLAP,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.session = session
        self.connection = connection
        self.stream = stream
        self.overlap = overlap
        self.clock = clock
        self._row: CursorRow | None = None
        self._stored: datetime | None = None
        self._stored_ids: frozenset[str] = frozenset()
        self._signpost: datetime | None = None
        self._value: datetime | None = None
        self._ids: set[str] = set()

    @property
    def value(self) -> datetime | None:
        """The bookmark as it stands now (stored or advanced during this run)."""
        return self._value

    @property
    def signpost(self) -> datetime:
        """The "now" fixed at the start of this run."""
        if self._signpost is None:
            raise RuntimeError(f"cursor {self.stream} is not started")
        return self._signpost

    def start(self) -> Window:
        """Fix the signpost and return the window to read."""
        row = self._load()
        self._signpost = self.clock()
        row.signpost = self._signpost.isoformat()
        self._stored = _parse(row.value)
        self._stored_ids = frozenset(str(item) for item in row.boundary_ids)
        self._value, self._ids = self._stored, set(self._stored_ids)
        since = None if self._stored is None else self._stored - self.overlap
        self.session.flush()
        return Window(since=since, until=self._signpost)

    def skip(self, record_id: str | int, modified: datetime) -> bool:
        """Whether this record was already handled: seen exactly at the stored bookmark."""
        return modified == self._stored and str(record_id) in self._stored_ids

    def advance(self, record_id: str | int, modified: datetime) -> None:
        """Move the bookmark over a handled record, never past the signpost."""
        capped = min(modified, self.signpost)
        if self._value is None or capped > self._value:
            self._value, self._ids = capped, set()
        if capped == self._value and modified <= self.signpost:
            self._ids.add(str(record_id))

    def reach(self) -> None:
        """The whole window was read: move the bookmark to an overlap before the signpost.

        A stream whose records did not change (variants, when only main products did) then reads
        an empty window next time instead of everything since its last own change.
        """
        self.advance("", self.signpost - self.overlap)
        self._ids.discard("")

    def save(self) -> None:
        """Store the bookmark and the ids seen at it (in the caller's transaction)."""
        row = self._load()
        row.value = None if self._value is None else self._value.isoformat()
        row.boundary_ids = sorted(self._ids)
        self.session.flush()

    def reset(self) -> None:
        """Forget the bookmark: the next run reads the whole stream."""
        row = self._load()
        row.value, row.signpost, row.boundary_ids = None, None, []
        self._stored = self._value = None
        self._stored_ids, self._ids = frozenset(), set()
        self.session.flush()

    def _load(self) -> CursorRow:
        if self._row is None:
            self._row = load_row(self.session, self.connection, self.stream)
        return self._row


class IdCursor:
    """The bookmark of a stream read by increasing id (stock transactions, orders): the last id handled.

    Each movement is applied once: records at or below the bookmark are skipped, and the bookmark
    moves in the caller's transaction together with what was applied.
    """

    def __init__(self, session: Session, connection: str, stream: str) -> None:
        self.session = session
        self._row = load_row(session, connection, stream)
        self.last_id: int | None = None if self._row.value is None else int(self._row.value)

    def skip(self, record_id: int) -> bool:
        """Whether this record was already handled."""
        return self.last_id is not None and record_id <= self.last_id

    def advance(self, record_id: int) -> None:
        """Move the bookmark over a handled record."""
        if not self.skip(record_id):
            self.last_id = record_id

    def save(self) -> None:
        """Store the bookmark (in the caller's transaction)."""
        self._row.value = None if self.last_id is None else str(self.last_id)
        self.session.flush()


def load_row(session: Session, connection: str, stream: str) -> CursorRow:
    """The stored row of one stream, created (empty) when the stream was never read."""
    statement = select(CursorRow).where(CursorRow.connection == connection, CursorRow.stream == stream)
    row = session.scalars(statement).one_or_none()
    if row is None:
        row = CursorRow(connection=connection, stream=stream, boundary_ids=[])
        session.add(row)
    return row


def reset_cursors(session: Session, connection: str, prefix: str = "") -> int:
    """Forget the bookmarks of every stream of the connection whose name starts with ``prefix``."""
    statement = delete(CursorRow).where(
        CursorRow.connection == connection, CursorRow.stream.startswith(prefix, autoescape=True)
    )
    return rowcount(session.execute(statement))


def _parse(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)
