"""The ``Binder``: one binding row per synced thing, found by either side's id or its natural key.

Remote ids are kept as strings; the sync date and the fingerprints of the last writes are stored
together with the ids. Works inside the caller's transaction and never commits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, select, union
from sqlalchemy.orm import Session

from possync.store.db import rowcount
from possync.store.models import Binding
from possync.store.types import utcnow

RemoteId = str | int
Side = Literal["woo_id", "pos_id", "natural_key"]
_SIDE_COLUMNS = {"woo_id": Binding.woo_id, "pos_id": Binding.pos_id, "natural_key": Binding.natural_key}


class BindingConflictError(LookupError):
    """The given keys point at two different bindings; binding them together would merge two things."""


class Binder:
    """Look up, record and remove the bindings of one connection."""

    def __init__(self, session: Session, connection: str, clock: Callable[[], datetime] = utcnow) -> None:
        self.session = session
        self.connection = connection
        self.clock = clock

    def lookup(
        self,
        entity: str,
        *,
        woo_id: RemoteId | None = None,
        pos_id: RemoteId | None = None,
        natural_key: str | None = None,
    ) -> Binding | None:
        """The binding matching any of the given keys, or ``None``."""
        rows = self._matching(entity, woo_id, pos_id, natural_key)
        if len(rows) > 1:
            raise BindingConflictError(_conflict(entity, woo_id, pos_id, natural_key, rows))
        return rows[0] if rows else None

    def lookup_many(self, entity: str, side: Side, keys: Iterable[RemoteId]) -> dict[str, Binding]:
        """The bindings of many records at once (one query per page of records), by ``side``'s key."""
        column = _SIDE_COLUMNS[side]
        wanted = sorted({str(key) for key in keys})
        if not wanted:
            return {}
        statement = select(Binding).where(
            Binding.connection == self.connection, Binding.entity == entity, column.in_(wanted)
        )
        return {str(getattr(row, side)): row for row in self.session.scalars(statement)}

    def bind(
        self,
        entity: str,
        *,
        woo_id: RemoteId | None = None,
        pos_id: RemoteId | None = None,
        natural_key: str | None = None,
        woo_fingerprint: str | None = None,
        pos_fingerprint: str | None = None,
    ) -> Binding:
        """Create or complete the binding of one thing; given values replace stored ones."""
        binding = self.lookup(entity, woo_id=woo_id, pos_id=pos_id, natural_key=natural_key)
        if binding is None:
            binding = Binding(connection=self.connection, entity=entity)
            self.session.add(binding)
        updates = {
            "woo_id": _text(woo_id),
            "pos_id": _text(pos_id),
            "natural_key": natural_key,
            "woo_fingerprint": woo_fingerprint,
            "pos_fingerprint": pos_fingerprint,
        }
        for field, value in updates.items():
            if value is not None:
                setattr(binding, field, value)
        binding.synced_at = self.clock()
        self.session.flush()
        return binding

    def unbind(
        self,
        entity: str,
        *,
        woo_id: RemoteId | None = None,
        pos_id: RemoteId | None = None,
        natural_key: str | None = None,
    ) -> bool:
        """Remove the binding matching the given keys; whether there was one."""
        binding = self.lookup(entity, woo_id=woo_id, pos_id=pos_id, natural_key=natural_key)
        if binding is None:
            return False
        self.session.delete(binding)
        self.session.flush()
        return True

    def unbind_all(self, entity: str | None = None) -> int:
        """Remove every binding of the connection (of one entity if given); how many were removed."""
        statement = delete(Binding).where(Binding.connection == self.connection)
        if entity is not None:
            statement = statement.where(Binding.entity == entity)
        return rowcount(self.session.execute(statement))

    def all(self, entity: str) -> list[Binding]:
        """Every binding of one entity, oldest first."""
        statement = select(Binding).where(Binding.connection == self.connection, Binding.entity == entity)
        return list(self.session.scalars(statement.order_by(Binding.id)))

    def _matching(
        self, entity: str, woo_id: RemoteId | None, pos_id: RemoteId | None, natural_key: str | None
    ) -> list[Binding]:
        keys = [
            column == value
            for column, value in (
                (Binding.woo_id, _text(woo_id)),
                (Binding.pos_id, _text(pos_id)),
                (Binding.natural_key, natural_key),
            )
            if value is not None
        ]
        if not keys:
            raise ValueError("give at least one of woo_id, pos_id or natural_key")
        # one indexed lookup per key: an OR of the keys would scan every binding of the entity
        ids = union(
            *(
                select(Binding.id).where(Binding.connection == self.connection, Binding.entity == entity, key)
                for key in keys
            )
        )
        statement = select(Binding).where(Binding.id.in_(ids))
        return list(self.session.scalars(statement.order_by(Binding.id)))


def _text(remote_id: RemoteId | None) -> str | None:
    return None if remote_id is None else str(remote_id)


def _conflict(
    entity: str,
    woo_id: RemoteId | None,
    pos_id: RemoteId | None,
    natural_key: str | None,
    rows: list[Binding],
) -> str:
    found = "; ".join(f"woo {row.woo_id} / pos {row.pos_id} / key {row.natural_key}" for row in rows)
    return f"{entity} woo {woo_id} / pos {pos_id} / key {natural_key} matches several bindings: {found}"
