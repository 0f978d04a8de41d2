"""Opening the store: an engine with the right pragmas per backend and a session factory.

SQLite (the embedded default) runs in WAL mode with foreign keys on and real transactions;
``begin_write`` turns a session's next transaction into SQLite's single-writer ``BEGIN IMMEDIATE``.
PostgreSQL needs nothing special.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Result, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session, sessionmaker

IMMEDIATE = "possync_sqlite_begin_immediate"
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_CACHED_STATEMENTS = 32
"""Prepared statements kept per SQLite connection. Python's default of 128 fills, over a sync of a
large catalogue, with look-ups of every page size (one ``IN`` list each, up to a few hundred kB
prepared): a few megabytes more at 50 000 products than at 10 000. The statements possync runs
over and over are far fewer than 32."""


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; a SQLite file's folder is created if missing."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, **kwargs)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    connect_args = {"cached_statements": SQLITE_CACHED_STATEMENTS, **kwargs.pop("connect_args", {})}
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    _configure_sqlite(engine)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def is_sqlite(session: Session) -> bool:
    """Whether the session talks to SQLite."""
    return session.get_bind().dialect.name == "sqlite"


def begin_write(session: Session) -> None:
    """Start the session's transaction as a writer (``BEGIN IMMEDIATE`` on SQLite) if none is open."""
    if is_sqlite(session) and not session.in_transaction():
        session.connection(execution_options={IMMEDIATE: True})


def rowcount(result: Result[Any]) -> int:
    """How many rows an ``UPDATE`` or ``DELETE`` touched."""
    return cast(CursorResult[Any], result).rowcount


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below, not by the driver
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
