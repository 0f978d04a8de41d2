"""Running the store's Alembic migrations from code, with no ``alembic.ini`` anywhere.

The migration scripts ship inside the package (``possync/store/migrations``); ``open_store`` and
``upgrade`` bring a database to the newest schema and ``drift`` lists any difference between the
models and the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from possync.store.db import make_engine, session_factory
from possync.store.models import Base

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection) -> Config:
    """An Alembic ``Config`` pointing at the packaged scripts and running on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def open_store(url: str) -> sessionmaker[Session]:
    """Open the store at ``url``, bring it to the newest schema, and return its session factory."""
    engine = make_engine(url)
    upgrade(engine)
    return session_factory(engine)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database behind ``engine`` up to ``revision`` (the newest by default)."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Migrate the database behind ``engine`` down to ``revision`` (empty by default)."""
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or ``None`` when it was never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def drift(engine: Engine) -> list[Any]:
    """Differences between the models and the migrated database; empty when they agree."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts=compare_options())
        return list(compare_metadata(context, Base.metadata))


def compare_options() -> dict[str, Any]:
    """The autogenerate options used both by ``env.py`` and by ``drift``."""
    return {"compare_type": True, "compare_server_default": True, "render_as_batch": True}
