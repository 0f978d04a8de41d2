"""SQLite as the embedded store: a file in WAL mode with foreign keys enforced, created where asked."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, text

from possync.store import make_engine
from possync.store.db import SQLITE_CACHED_STATEMENTS


def test_sqlite_file_is_created_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    database = tmp_path / "nested" / "possync.db"
    engine = make_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        journal = connection.execute(text("PRAGMA journal_mode")).scalar_one()
        foreign_keys = connection.execute(text("PRAGMA foreign_keys")).scalar_one()
    engine.dispose()
    assert (journal, foreign_keys) == ("wal", 1)
    assert database.exists()


def test_sqlite_transactions_roll_back(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'tx.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    with engine.connect() as connection:
        connection.execute(text("INSERT INTO t VALUES (1)"))
        connection.rollback()
        count = connection.execute(text("SELECT count(*) FROM t")).scalar_one()
    engine.dispose()
    assert count == 0


def test_sqlite_connections_keep_few_prepared_statements_and_take_more_arguments(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'small.db'}", connect_args={"timeout": 7})
    seen: list[dict[str, object]] = []
    event.listen(engine, "do_connect", lambda dialect, record, args, params: seen.append(dict(params)))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar_one() == 1
    engine.dispose()
    assert len(seen) == 1
    assert (seen[0]["cached_statements"], seen[0]["timeout"]) == (SQLITE_CACHED_STATEMENTS, 7)
    assert SQLITE_CACHED_STATEMENTS < 128  # below Python's default, which a large sync fills
