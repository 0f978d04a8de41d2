"""End-to-end fixtures: every test using ``store_engine`` runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from possync.store.testing import migrated_store, store_engine, store_session

__all__ = ["migrated_store", "store_engine", "store_session"]
