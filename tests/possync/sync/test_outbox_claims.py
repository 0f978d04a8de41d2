"""Concurrent workers never claim the same operation twice: row locks skipped on PostgreSQL,
a single writer at a time on SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from possync.store import make_engine, session_factory, upgrade
from possync.store.testing import require_backend, scratch_database
from possync.sync import Outbox, Target

OPERATIONS = 120


def _fill(sessions: sessionmaker[Session], count: int) -> set[int]:
    with sessions() as session:
        outbox = Outbox(session, "shop")
        ids = {
            outbox.enqueue("product", "create", Target.POS, {"n": n}, subject=f"SKU-{n}").id
            for n in range(count)
        }
        session.commit()
    return ids


def _work(sessions: sessionmaker[Session]) -> list[int]:
    """Claim small batches until nothing is due; each claim is committed before the next."""
    taken: list[int] = []
    with sessions() as session:
        outbox = Outbox(session, "shop")
        while batch := outbox.claim(limit=7):
            taken.extend(operation.id for operation in batch)
            session.commit()
    return taken


def test_concurrent_workers_split_the_outbox(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    expected = _fill(sessions, OPERATIONS)
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(_work, [sessions] * 3))
    claimed = [operation_id for result in results for operation_id in result]
    assert len(claimed) == len(set(claimed))
    assert set(claimed) == expected


@pytest.fixture
def postgres(tmp_path: Path) -> Iterator[Engine]:
    require_backend("postgresql")
    with scratch_database("postgresql", tmp_path) as url:
        engine = make_engine(url)
        upgrade(engine)
        yield engine
        engine.dispose()


def test_postgres_claim_skips_rows_locked_by_an_open_claim(postgres: Engine) -> None:
    sessions = session_factory(postgres)
    expected = _fill(sessions, 10)
    with sessions() as first, sessions() as second:
        mine = {operation.id for operation in Outbox(first, "shop").claim(limit=4)}
        theirs = {operation.id for operation in Outbox(second, "shop").claim(limit=100)}
        second.commit()
        first.commit()
    assert len(mine) == 4
    assert mine.isdisjoint(theirs)
    assert mine | theirs == expected
