"""Sitoo stock resources: warehouses, warehouse items, transactions and batches.

Stock is read per warehouse from warehouse items, and followed incrementally through warehouse
transactions by id cursor (``warehousetransactionidfrom``, ascending). It is written by setting
``decimaltotal`` on Virtual warehouses, by posting transactions (at most 1000 per request), or
by a batch that commits when closed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from datetime import datetime
from typing import Any

from possync.sitoo.api import SitooApi
from possync.sitoo.batch import ItemResult
from possync.sitoo.config import TRANSACTION_BATCH_LIMIT
from possync.sitoo.models import (
    Warehouse,
    WarehouseBatch,
    WarehouseBatchItem,
    WarehouseItem,
    WarehouseTransaction,
)
from possync.sitoo.resources import BatchCollection, Body, Collection, all_fields, wire
from possync.sitoo.stock_models import BATCH_CLOSED
from possync.sitoo.wire import unix_seconds

TRANSACTION_FIELDS = all_fields(WarehouseTransaction)


class Warehouses(Collection[Warehouse]):
    def __init__(self, api: SitooApi) -> None:
        super().__init__(api, Warehouse, api.site_path("warehouses.json"))

    def _nested(self, warehouseid: int, tail: str) -> str:
        return f"{self.item_path(warehouseid).removesuffix('.json')}/{tail}"

    def items(self, warehouseid: int) -> Collection[WarehouseItem]:
        return Collection(self.api, WarehouseItem, self._nested(warehouseid, "warehouseitems.json"))

    def stock(
        self, warehouseid: int, *, skus: Sequence[str] = (), modified_from: datetime | None = None
    ) -> AsyncIterator[list[WarehouseItem]]:
        """Stock levels of a warehouse, optionally only some SKUs or those moved since a time."""
        params: dict[str, Any] = {"sku": ",".join(skus) or None}
        if modified_from is not None:
            params["datelastmodifiedfrom"] = unix_seconds(modified_from)
        return self.items(warehouseid).pages(**params)

    async def set_stock(self, warehouseid: int, items: Sequence[Body]) -> list[ItemResult]:
        """Set items by ``sku`` (``decimaltotal`` on Virtual warehouses only); results hold item ids."""
        path = self.items(warehouseid).path
        return await self.api.batch("PUT", path, [wire(i) for i in items])

    def transactions(self, warehouseid: int) -> Collection[WarehouseTransaction]:
        """One warehouse's transactions (get one by id here)."""
        path = self._nested(warehouseid, "warehousetransactions.json")
        return Collection(self.api, WarehouseTransaction, path, fields=TRANSACTION_FIELDS)

    def batches(self, warehouseid: int) -> Collection[WarehouseBatch]:
        return Collection(self.api, WarehouseBatch, self._nested(warehouseid, "warehousebatches.json"))

    def batch_items(self, warehouseid: int, batchid: int) -> BatchCollection[WarehouseBatchItem]:
        path = self.batches(warehouseid).item_path(batchid).replace(".json", "/warehousebatchitems.json")
        return BatchCollection(self.api, WarehouseBatchItem, path, key="sku")

    def open_batches(self, warehouseid: int, **params: Any) -> AsyncIterator[list[WarehouseBatch]]:
        """Open batches (Sitoo's default); pass ``warehousebatchstate=20`` for closed ones."""
        return self.batches(warehouseid).pages(**params)

    async def set_batch_items(
        self, warehouseid: int, batchid: int, items: Sequence[Body]
    ) -> list[ItemResult]:
        """Upsert batch lines by ``sku``; safe to repeat while the batch is open."""
        path = self.batch_items(warehouseid, batchid).path
        return await self.api.batch("PUT", path, [wire(i) for i in items])

    async def commit_batch(self, warehouseid: int, batchid: int) -> WarehouseBatch:
        """Close the batch, which commits it into one transaction; the batch as it is afterwards."""
        batches = self.batches(warehouseid)
        await batches.update(batchid, {"warehousebatchstate": BATCH_CLOSED})
        return await batches.get(batchid)


class WarehouseTransactions(Collection[WarehouseTransaction]):
    """The site-level transaction log: the stock cursor and the batch add endpoint."""

    def __init__(self, api: SitooApi) -> None:
        super().__init__(
            api, WarehouseTransaction, api.site_path("warehousetransactions.json"), fields=TRANSACTION_FIELDS
        )

    def pages(self, **params: Any) -> AsyncIterator[list[WarehouseTransaction]]:
        """Every transaction (filters: ``warehouseid``, ``transactiontype``, dates), oldest first."""
        return super().pages(**{"sort": "warehousetransactionid", **params})

    def since(
        self, after_id: int, *, warehouseid: int | None = None
    ) -> AsyncIterator[list[WarehouseTransaction]]:
        """Transactions with an id above ``after_id``, ascending, page by page."""
        return self.api.cursor_pages(
            WarehouseTransaction,
            self.path,
            id_field="warehousetransactionid",
            after_id=after_id,
            params={"warehouseid": warehouseid},
            fields=self.fields,
        )

    async def find_by_externalids(
        self, externalids: Iterable[str], *, after_id: int = 0
    ) -> dict[str, WarehouseTransaction]:
        """Transactions carrying these ``externalid``s, among those above ``after_id``.

        There is no ``externalid`` filter, so this follows the cursor from the last id known
        before the lost write; it finds what a lost ``add`` left behind.
        """
        wanted = set(externalids)
        found: dict[str, WarehouseTransaction] = {}
        async for page in self.since(after_id):
            found.update({t.externalid: t for t in page if t.externalid in wanted})
        return found

    async def add(self, transactions: Sequence[Body]) -> list[ItemResult]:
        """Post transactions (FIFO warehouses only) in requests of at most 1000, in order; results hold ids.

        Not safe to repeat: give each an ``externalid`` and look it up after a lost answer.
        """
        size = min(self.api.config.batch_size, TRANSACTION_BATCH_LIMIT)
        bodies = [wire(t) for t in transactions]
        return await self.api.batch("POST", self.path, bodies, size=size, ordered=True)
