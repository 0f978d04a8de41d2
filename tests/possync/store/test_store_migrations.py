"""The packaged migrations build the schema from nothing, match the models exactly, and go back down."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from possync.store import current_revision, downgrade, drift, make_engine, open_store, upgrade
from possync.store.models import Base
from possync.store.testing import BACKENDS, require_backend, scratch_database

TABLES = {"bindings", "cursors", "outbox", "runs", "run_events"}


@pytest.fixture(params=BACKENDS)
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    require_backend(request.param)
    with scratch_database(request.param, tmp_path) as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()


def test_upgrade_from_empty_creates_every_table(empty_engine: Engine) -> None:
    assert current_revision(empty_engine) is None
    upgrade(empty_engine)
    assert set(inspect(empty_engine).get_table_names()) >= TABLES
    assert current_revision(empty_engine) == "0001"


def test_models_and_migrations_agree(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    assert drift(empty_engine) == []


def test_drift_sees_a_schema_built_without_migrations(empty_engine: Engine) -> None:
    Base.metadata.tables["cursors"].create(empty_engine)
    assert drift(empty_engine) != []


def test_downgrade_removes_every_table(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    downgrade(empty_engine)
    assert not TABLES & set(inspect(empty_engine).get_table_names())


def test_upgrade_twice_is_harmless(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    upgrade(empty_engine)
    assert current_revision(empty_engine) == "0001"


def test_open_store_migrates_and_hands_out_sessions(tmp_path: Path) -> None:
    sessions = open_store(f"sqlite:///{tmp_path / 'shop' / 'possync.db'}")
    with sessions() as session:
        assert session.execute(text("SELECT count(*) FROM outbox")).scalar_one() == 0
        engine = session.get_bind()
    assert isinstance(engine, Engine)
    assert current_revision(engine) == "0001"
    engine.dispose()
