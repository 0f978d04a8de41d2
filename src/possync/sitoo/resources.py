"""Typed Sitoo collections: one class that reads, creates, updates and deletes one kind of record.

``Collection`` covers the single-object endpoints every Sitoo list has (paged list, get, create
answering the new id, partial PUT, DELETE); ``BatchCollection`` adds the array-body endpoints
(products, manufacturers) with one result per element. Resources with nested paths build a
collection for the parent they are given.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from possync.sitoo.api import SitooApi
from possync.sitoo.batch import ItemResult
from possync.sitoo.records import SitooRecord

R = TypeVar("R", bound=SitooRecord)
Body = SitooRecord | Mapping[str, Any]


def wire(record: Body, *, keep: Iterable[str] = ()) -> dict[str, Any]:
    """The JSON body of a write, from a record or an already-shaped mapping (``keep``: see ``to_wire``)."""
    return record.to_wire(keep=keep) if isinstance(record, SitooRecord) else dict(record)


def all_fields(model: type[SitooRecord], *, leave_out: Iterable[str] = ()) -> tuple[str, ...]:
    """Every field the model knows, for an explicit ``fields`` that loses nothing."""
    skip = set(leave_out)
    return tuple(name for name in model.model_fields if name not in skip)


class Collection(Generic[R]):
    """A Sitoo list endpoint (``<tail>.json``) and its ``<tail>/{id}.json`` items."""

    def __init__(
        self, api: SitooApi, model: type[R], path: str, *, fields: Sequence[str] | None = None
    ) -> None:
        self.api = api
        self.model = model
        self.path = path
        self.fields = fields

    def item_path(self, record_id: int | str) -> str:
        return f"{self.path.removesuffix('.json')}/{record_id}.json"

    def pages(self, **params: Any) -> AsyncIterator[list[R]]:
        """Every page, ``num`` = the configured page size, with the explicit field set."""
        return self.api.pages(self.model, self.path, params, self.fields)

    async def iterate(self, **params: Any) -> AsyncIterator[R]:
        async for page in self.pages(**params):
            for record in page:
                yield record

    async def read_all(self, **params: Any) -> list[R]:
        return [record async for record in self.iterate(**params)]

    async def get(self, record_id: int | str) -> R:
        params = {"fields": ",".join(self.fields)} if self.fields else None
        return await self.api.get(self.model, self.item_path(record_id), params)

    async def create(self, record: Body) -> int:
        """Create one record; the new id. Not repeated by itself when the answer is lost."""
        return await self.api.create(self.path, wire(record))

    async def update(self, record_id: int | str, changes: Body) -> None:
        """Partial update: only the fields given change. Repeated after a lost answer only where
        ``WRITE_SAFETY`` allows it (not for orders: new order items would be added twice).
        """
        await self.api.write("PUT", self.item_path(record_id), wire(changes))

    async def delete(self, record_id: int | str) -> None:
        await self.api.write("DELETE", self.item_path(record_id))


class BatchCollection(Collection[R]):
    """A collection whose list endpoint also takes array bodies, keyed by ``key`` on update/delete."""

    def __init__(
        self, api: SitooApi, model: type[R], path: str, *, key: str, fields: Sequence[str] | None = None
    ) -> None:
        super().__init__(api, model, path, fields=fields)
        self.key = key

    async def create_many(self, records: Sequence[Body]) -> list[ItemResult]:
        """Create in array bodies; each result's ``id`` is the new record's id."""
        return await self.api.batch("POST", self.path, [wire(r) for r in records])

    async def update_many(self, records: Sequence[Body]) -> list[ItemResult]:
        """Partial updates in array bodies; every element must carry ``key``. Safe to repeat."""
        bodies = [wire(r, keep=(self.key,)) for r in records]
        self._require_key(bodies)
        return await self.api.batch("PUT", self.path, bodies)

    async def delete_many(self, ids: Sequence[int]) -> list[ItemResult]:
        return await self.api.batch("DELETE", self.path, [{self.key: i} for i in ids])

    def _require_key(self, bodies: Sequence[dict[str, Any]]) -> None:
        missing = [i for i, body in enumerate(bodies) if body.get(self.key) in (None, "", 0)]
        if missing:
            msg = f"{self.model.KIND} updates need {self.key}; missing in elements {missing[:10]}"
            raise ValueError(msg)
