"""Test support: throwaway store databases on SQLite and PostgreSQL, as pytest fixtures.

Import the fixtures into a ``conftest.py`` (``from possync.store.testing import store_engine, ...``)
and every test using ``store_session`` runs once per backend. PostgreSQL is taken from
``POSSYNC_TEST_POSTGRES_URL`` (default: local ``test`` database, user ``postgres``); each test session
works in its own fresh schema. When PostgreSQL is unreachable the tests fail under ``CI=true`` and
are skipped otherwise.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from possync.store.db import make_engine, session_factory
from possync.store.migrate import upgrade
from possync.store.models import Base

BACKENDS = ("sqlite", "postgresql")
POSTGRES_URL = os.environ.get(
    "POSSYNC_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@contextmanager
def scratch_database(backend: str, folder: Path) -> Iterator[str]:
    """The URL of an empty database (a new SQLite file, or a new PostgreSQL schema dropped afterwards)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'store-{uuid.uuid4().hex[:8]}.db'}"
        return
    schema = f"possync_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def require_backend(backend: str) -> None:
    """Fail (under ``CI=true``) or skip when the backend cannot be reached."""
    if backend != "postgresql":
        return
    probe = create_engine(POSTGRES_URL)
    try:
        with probe.connect():
            pass
    except OperationalError as exc:
        message = f"PostgreSQL unreachable at {POSTGRES_URL}: {exc.orig}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    finally:
        probe.dispose()


def clear(engine: Engine) -> None:
    """Delete every row of every store table."""
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture(scope="session", params=BACKENDS)
def migrated_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """One migrated database per backend for the whole test session."""
    backend: str = request.param
    require_backend(backend)
    with scratch_database(backend, tmp_path_factory.mktemp("store")) as url:
        engine = make_engine(url)
        upgrade(engine)
        yield engine
        engine.dispose()


@pytest.fixture
def store_engine(migrated_store: Engine) -> Engine:
    """The migrated database of the current backend, emptied for this test."""
    clear(migrated_store)
    return migrated_store


@pytest.fixture
def store_session(store_engine: Engine) -> Iterator[Session]:
    """A session on the emptied database, closed after the test."""
    with session_factory(store_engine)() as session:
        yield session
