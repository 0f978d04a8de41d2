"""Sitoo catalogue resources: products (with variants and images), price lists and vouchers.

Products are read with every field named (Sitoo's default set drops titles and descriptions) and
with ``includeinactive=true`` so a product switched off is still seen; changes are read with
``datelastmodified``. Creates by SKU and vouchers by code look the natural key up first and again
after a lost answer.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

from possync.errors import RetryableError
from possync.sitoo.api import SitooApi
from possync.sitoo.batch import ItemResult
from possync.sitoo.idempotency import create_once
from possync.sitoo.models import PriceList, PriceListItem, Product, ProductVariants, Resource, Voucher
from possync.sitoo.resources import BatchCollection, Body, Collection, all_fields, wire
from possync.sitoo.wire import unix_seconds

PRODUCT_FIELDS = all_fields(Product, leave_out=("moneyofferprice",))
VOUCHER_FIELDS = all_fields(Voucher)
SKUS_PER_LOOKUP = 50
"""SKUs per ``sku=a,b,c`` look-up, to keep URLs short."""


class Products(BatchCollection[Product]):
    def __init__(self, api: SitooApi) -> None:
        super().__init__(api, Product, api.site_path("products.json"), key="productid", fields=PRODUCT_FIELDS)

    def pages(self, **params: Any) -> AsyncIterator[list[Product]]:
        """Every product, inactive ones included unless ``includeinactive=False`` is passed."""
        return super().pages(**{"includeinactive": True, **params})

    def changed_since(self, since: datetime, **params: Any) -> AsyncIterator[list[Product]]:
        """Products modified at or after ``since``, to the second (one second before may come too).

        Sitoo does not say whether ``datelastmodified`` is inclusive, so one second before is asked,
        as for WooCommerce's ``modified_after``. No overlap window is added: re-reading a window
        before the bookmark is the caller's cursor's job (``possync.sync.cursor``), done once.
        """
        return self.pages(datelastmodified=unix_seconds(since) - 1, **params)

    async def find_by_skus(self, skus: Sequence[str]) -> dict[str, Product]:
        """The products holding these SKUs, active or not, by SKU."""
        found: dict[str, Product] = {}
        wanted = list(dict.fromkeys(s for s in skus if s))
        for start in range(0, len(wanted), SKUS_PER_LOOKUP):
            group = wanted[start : start + SKUS_PER_LOOKUP]
            async for product in self.iterate(sku=",".join(group)):
                if product.sku in group:
                    found[product.sku] = product
        return found

    async def create_once(self, records: Sequence[Body], *, attempts: int = 3) -> list[ItemResult]:
        """Create products that do not exist yet, by SKU; one result per record, in order.

        SKUs already in Sitoo are returned as ``existed`` with their id. A chunk whose answer was
        lost is resolved by looking its SKUs up; only those that did not land are sent again.
        """
        bodies = [wire(r) for r in records]
        results: dict[int, ItemResult] = {}
        pending = list(range(len(bodies)))
        for attempt in range(1, attempts + 1):
            pending = await self._resolve_existing(bodies, pending, results, existed=attempt == 1)
            if not pending:
                break
            pending = await self._send_creates(bodies, pending, results, last=attempt == attempts)
        return [results[i] for i in range(len(bodies))]

    async def _resolve_existing(
        self,
        bodies: list[dict[str, Any]],
        pending: list[int],
        results: dict[int, ItemResult],
        *,
        existed: bool,
    ) -> list[int]:
        found = await self.find_by_skus([str(bodies[i].get("sku") or "") for i in pending])
        left = []
        for i in pending:
            product = found.get(str(bodies[i].get("sku") or ""))
            if product is None:
                left.append(i)
            else:
                results[i] = ItemResult(i, bodies[i], 200, product.productid, existed=existed)
        return left

    async def _send_creates(
        self, bodies: list[dict[str, Any]], pending: list[int], results: dict[int, ItemResult], *, last: bool
    ) -> list[int]:
        lost: list[int] = []
        answers = await self.create_many([bodies[i] for i in pending])
        for index, answer in zip(pending, answers, strict=True):
            if isinstance(answer.error, RetryableError) and not last:
                lost.append(index)
            else:
                results[index] = ItemResult(index, answer.sent, answer.status, answer.value, answer.error)
        return lost

    async def variants(self, productid: int) -> ProductVariants:
        path = self.item_path(productid).replace(".json", "/productvariants.json")
        return await self.api.get(ProductVariants, path)

    async def set_variants(self, productid: int, family: ProductVariants) -> None:
        """Replace the whole family; variants with ``productid`` 0 are created. Not safe to repeat."""
        path = self.item_path(productid).replace(".json", "/productvariants.json")
        await self.api.write("PUT", path, family.to_wire())

    def images(self, productid: int) -> Collection[Resource]:
        """The product's images; an image's id is its position in the list."""
        return Collection(self.api, Resource, self.item_path(productid).replace(".json", "/images.json"))

    async def add_image(self, productid: int, resourceid: str, content: bytes | None = None) -> None:
        """Upload (or link, without ``content``) an image; Sitoo answers ``true``, not an id."""
        body: dict[str, Any] = {"resourceid": resourceid}
        if content is not None:
            body["filedata"] = base64.b64encode(content).decode()
        await self.api.write("POST", self.images(productid).path, body)


class PriceLists(Collection[PriceList]):
    def __init__(self, api: SitooApi) -> None:
        super().__init__(api, PriceList, api.site_path("pricelists.json"))

    def items(self, pricelistid: int) -> BatchCollection[PriceListItem]:
        """The list's prices (ordered by productid); set and delete by ``sku``."""
        path = self.item_path(pricelistid).replace(".json", "/pricelistitems.json")
        return BatchCollection(self.api, PriceListItem, path, key="sku")

    async def set_prices(self, pricelistid: int, items: Sequence[Body]) -> list[ItemResult]:
        """Upsert prices by ``sku`` or ``productid``; safe to repeat."""
        path = self.items(pricelistid).path
        return await self.api.batch("PUT", path, [wire(i) for i in items])

    async def delete_prices(self, pricelistid: int, skus: Sequence[str]) -> list[ItemResult]:
        path = self.items(pricelistid).path
        return await self.api.batch("DELETE", path, [{"sku": s} for s in skus])


class Vouchers(Collection[Voucher]):
    def __init__(self, api: SitooApi) -> None:
        super().__init__(api, Voucher, api.site_path("vouchers.json"), fields=VOUCHER_FIELDS)

    async def find_by_code(self, code: str, *, field: str = "voucherpassword") -> Voucher | None:
        """The voucher whose code (the one a customer types, by default) is ``code``; lists have no filter."""
        async for voucher in self.iterate():
            if getattr(voucher, field, None) == code:
                return voucher
        return None

    async def create_once(self, voucher: Voucher, *, field: str = "voucherpassword") -> tuple[int, bool]:
        """``(voucherid, existed)``: never a second voucher with the same code."""
        code = getattr(voucher, field, None)
        if not code:
            msg = f"a voucher created by possync needs {field}"
            raise ValueError(msg)

        async def find() -> int | None:
            found = await self.find_by_code(code, field=field)
            return found.voucherid if found else None

        return await create_once(lambda: self.create(voucher), find)
