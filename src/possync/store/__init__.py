"""The possync store: SQLAlchemy models and packaged Alembic migrations for sync state.

Bindings, cursors, the outbox, runs and run events live here; SQLite is the embedded default
and PostgreSQL works the same.
"""

from __future__ import annotations

from possync.store.db import begin_write, is_sqlite, make_engine, rowcount, session_factory
from possync.store.migrate import current_revision, downgrade, drift, open_store, upgrade
from possync.store.models import Base, Binding, CursorRow, OperationRow, Run, RunEvent
from possync.store.types import utcnow

__all__ = [
    "Base",
    "Binding",
    "CursorRow",
    "OperationRow",
    "Run",
    "RunEvent",
    "begin_write",
    "current_revision",
    "downgrade",
    "drift",
    "is_sqlite",
    "make_engine",
    "open_store",
    "rowcount",
    "session_factory",
    "upgrade",
    "utcnow",
]
