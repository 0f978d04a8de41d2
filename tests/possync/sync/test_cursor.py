"""The Cursor fixes a signpost at the start, never stores a bookmark past it, re-reads an overlap
window, and skips the ids already seen exactly at the bookmark."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from possync.store import CursorRow
from possync.sync import Cursor, IdCursor, reset_cursors

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
OVERLAP = timedelta(seconds=30)


def _cursor(session: Session, now: datetime) -> Cursor:
    clock: Callable[[], datetime] = lambda: now  # noqa: E731
    return Cursor(session, "shop", "sitoo.products", overlap=OVERLAP, clock=clock)


def _run(session: Session, now: datetime, records: list[tuple[str, datetime]]) -> list[str]:
    """One run: read the window, handle what is not skipped, save. Returns the handled ids."""
    cursor = _cursor(session, now)
    window = cursor.start()
    handled = []
    for record_id, modified in records:
        if window.since is not None and modified < window.since:
            continue
        if cursor.skip(record_id, modified):
            continue
        handled.append(record_id)
        cursor.advance(record_id, modified)
    cursor.save()
    session.commit()
    return handled


def test_first_run_reads_everything_up_to_the_signpost(store_session: Session) -> None:
    window = _cursor(store_session, T0).start()
    assert (window.since, window.until) == (None, T0)


def test_next_window_starts_an_overlap_before_the_bookmark(store_session: Session) -> None:
    _run(store_session, T0, [("a", T0 - timedelta(minutes=5))])
    window = _cursor(store_session, T0 + timedelta(minutes=1)).start()
    assert window.since == T0 - timedelta(minutes=5) - OVERLAP
    assert window.until == T0 + timedelta(minutes=1)


def test_bookmark_never_passes_the_signpost(store_session: Session) -> None:
    late = T0 + timedelta(seconds=10)
    _run(store_session, T0, [("a", T0 - timedelta(minutes=1)), ("b", late)])
    cursor = _cursor(store_session, T0 + timedelta(minutes=1))
    cursor.start()
    assert cursor.value == T0
    assert cursor.skip("b", late) is False


def test_boundary_ids_are_skipped_and_overlap_records_reread(store_session: Session) -> None:
    edge = T0 - timedelta(seconds=5)
    inside = T0 - timedelta(seconds=20)
    first = [("inside", inside), ("x", edge), ("y", edge)]
    assert _run(store_session, T0, first) == ["inside", "x", "y"]
    second = [*first, ("z", edge), ("new", T0 + timedelta(seconds=30))]
    assert _run(store_session, T0 + timedelta(minutes=1), second) == ["inside", "z", "new"]


def test_boundary_ids_accumulate_while_the_bookmark_stays(store_session: Session) -> None:
    edge = T0 - timedelta(seconds=5)
    _run(store_session, T0, [("x", edge)])
    _run(store_session, T0 + timedelta(minutes=1), [("x", edge), ("y", edge)])
    cursor = _cursor(store_session, T0 + timedelta(minutes=2))
    cursor.start()
    assert cursor.skip("x", edge)
    assert cursor.skip("y", edge)


def test_a_new_bookmark_replaces_the_boundary_ids(store_session: Session) -> None:
    _run(store_session, T0, [("x", T0 - timedelta(seconds=9))])
    _run(store_session, T0 + timedelta(minutes=1), [("y", T0 + timedelta(seconds=5))])
    cursor = _cursor(store_session, T0 + timedelta(minutes=2))
    cursor.start()
    assert cursor.value == T0 + timedelta(seconds=5)
    assert not cursor.skip("x", T0 + timedelta(seconds=5))
    assert cursor.skip("y", T0 + timedelta(seconds=5))


def test_signpost_is_stored_at_start(store_session: Session) -> None:
    _cursor(store_session, T0).start()
    store_session.commit()
    row = store_session.scalars(select(CursorRow)).one()
    assert (row.stream, row.signpost, row.value) == ("sitoo.products", T0.isoformat(), None)


def test_unsaved_progress_is_lost_with_the_transaction(store_session: Session) -> None:
    cursor = _cursor(store_session, T0)
    cursor.start()
    cursor.advance("a", T0 - timedelta(seconds=1))
    cursor.save()
    store_session.rollback()
    fresh = _cursor(store_session, T0)
    assert fresh.start().since is None


def test_reset_forgets_the_bookmark(store_session: Session) -> None:
    _run(store_session, T0, [("a", T0 - timedelta(seconds=1))])
    cursor = _cursor(store_session, T0 + timedelta(minutes=1))
    cursor.reset()
    store_session.commit()
    assert _cursor(store_session, T0 + timedelta(minutes=2)).start().since is None


def test_id_cursor_applies_each_movement_once(store_session: Session) -> None:
    first = IdCursor(store_session, "shop", "sitoo.warehousetransactions")
    applied = [record for record in (3, 4, 5) if not first.skip(record)]
    for record in applied:
        first.advance(record)
    first.save()
    store_session.commit()
    second = IdCursor(store_session, "shop", "sitoo.warehousetransactions")
    assert [record for record in (4, 5, 6, 7) if not second.skip(record)] == [6, 7]
    assert applied == [3, 4, 5]


def test_reset_cursors_by_prefix(store_session: Session) -> None:
    for stream in ("sitoo.products", "sitoo.orders", "woo.products"):
        _run_stream(store_session, stream)
    assert reset_cursors(store_session, "shop", "sitoo.") == 2
    store_session.commit()
    remaining = store_session.scalars(select(CursorRow.stream)).all()
    assert remaining == ["woo.products"]


def _run_stream(session: Session, stream: str) -> None:
    cursor = Cursor(session, "shop", stream, clock=lambda: T0)
    cursor.start()
    cursor.advance("a", T0 - timedelta(seconds=1))
    cursor.save()
    session.commit()
