"""The WooCommerce side of the catalogue flows: readers that turn shop records into views, and writers.

Categories are keyed by their path of names, products and variations by SKU, manufacturers by
the name of a term of the global "Manufacturer" attribute. Writes go through the shop's batch
endpoints (100 items a call); each item's own result is returned, a product's (or variation's)
with the media its new images became.
"""

from __future__ import annotations

import html
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from possync.errors import RetryableError
from possync.sync import flows
from possync.sync.flow import Record, View, WriteItem, WriteResult
from possync.sync.images_down import product_written, variation_written
from possync.woo import WooClient
from possync.woo.batch import ItemResult
from possync.woo.catalog import create_term_once
from possync.woo.models import AttributeTerm, Product, Variation

PAGE = 100
DEFAULT_CATEGORY = "uncategorized"
W = TypeVar("W", Product, Variation)


def term_name(name: str) -> str:
    """Text as the merchant typed it: WordPress stores ``&`` as ``&amp;`` in names and content."""
    return html.unescape(name)


def _result(item: ItemResult[Any]) -> WriteResult:
    if item.ok and item.value is not None:
        return WriteResult(target_id=str(item.value.id))
    return WriteResult(error=str(item.error), retryable=isinstance(item.error, RetryableError))


def _shown_result(
    item: WriteItem, answer: ItemResult[W], written: Callable[[WriteItem, W], WriteResult]
) -> WriteResult:
    """A product's or variation's result: once written, with the media its new images became."""
    if answer.ok and answer.value is not None:
        return written(item, answer.value)
    return _result(answer)


def _context(facts: dict[str, Any]) -> flows.Context:
    context: flows.Context = facts.get("context", flows.DEFAULTS)
    return context


def _product_record(product: Product, context: flows.Context) -> Record:
    view = flows.woo_product_payload(product, context)
    meta = {"type": product.type, "tax_class": product.tax_class}
    return Record(str(product.id), product.sku, view, product.date_modified_gmt, meta=meta, raw=product)


def _variation_record(variation: Variation, parent: Product, context: flows.Context) -> Record:
    view = flows.woo_variation_payload(variation, parent, context)
    meta = {"type": parent.type, "tax_class": parent.tax_class}
    modified = variation.date_modified_gmt
    return Record(str(variation.id), variation.sku, view, modified, meta=meta, raw=(variation, parent))


def _without(body: View, keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key not in keys}


class WooSide:
    """Readers and writers of one shop's catalogue."""

    def __init__(self, client: WooClient, facts: dict[str, Any]) -> None:
        self.client = client
        self.facts = facts

    # -- categories -------------------------------------------------------------------------------

    async def read_categories(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        categories = await self.client.categories.list_all(context="edit")
        paths = flows.woo_category_paths(categories)
        yield [
            Record(str(c.id), paths[c.id], flows.woo_category_payload(c), raw=c)
            for c in categories
            if not flows.is_default_category(c)
        ]

    async def find_categories(self, keys: Sequence[str]) -> dict[str, str]:
        paths = flows.woo_category_paths(await self.client.categories.list_all())
        by_path = {path: str(cid) for cid, path in paths.items()}
        return {key: by_path[key] for key in keys if key in by_path}

    async def create_categories(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        answers = await self.client.categories.batch(create=[dict(i.view) for i in items])
        return [_result(a) for a in answers]

    async def update_categories(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        bodies = [{"id": int(str(i.target_id)), **i.view} for i in items]
        return [_result(a) for a in await self.client.categories.batch(update=bodies)]

    # -- manufacturers: terms of the global "Manufacturer" attribute ------------------------------

    async def attribute_id(self, name: str) -> int:
        """The id of the shop's global attribute ``name``, created when the shop has none."""
        found = await self.existing_attribute_id(name)
        if found is None:
            created = await create_term_once(self.client.attributes, {"name": name})
            found = self.facts["woo_attributes"][name.casefold()] = created.id
        return found

    async def existing_attribute_id(self, name: str) -> int | None:
        """The id of the shop's global attribute ``name``, or None: reading never creates it."""
        known: dict[str, int] = self.facts.setdefault("woo_attributes", {})
        if not known:
            known.update({a.name.casefold(): a.id for a in await self.client.attributes.list_all()})
        return known.get(name.casefold())

    async def manufacturer_attribute(self) -> int:
        """The id of the global "Manufacturer" attribute whose terms are the manufacturers."""
        return await self.attribute_id(_context(self.facts).manufacturer_attribute)

    async def _manufacturer_terms(self) -> list[AttributeTerm]:
        attribute = await self.existing_attribute_id(_context(self.facts).manufacturer_attribute)
        return [] if attribute is None else await self.client.terms(attribute).list_all()

    async def read_manufacturers(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        yield [
            Record(str(t.id), flows.manufacturer_key(t.name), flows.woo_manufacturer_payload(t), raw=t)
            for t in await self._manufacturer_terms()
        ]

    async def find_manufacturers(self, keys: Sequence[str]) -> dict[str, str]:
        found = {flows.manufacturer_key(t.name): str(t.id) for t in await self._manufacturer_terms()}
        return {key: found[key] for key in keys if key in found}

    async def create_manufacturers(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        terms = self.client.terms(await self.manufacturer_attribute())
        return [_result(a) for a in await terms.batch(create=[{"name": i.view["name"]} for i in items])]

    async def update_manufacturers(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        terms = self.client.terms(await self.manufacturer_attribute())
        bodies = [{"id": int(str(i.target_id)), "name": i.view["name"]} for i in items]
        return [_result(a) for a in await terms.batch(update=bodies)]

    # -- products and variations ------------------------------------------------------------------

    async def _product_pages(self, since: datetime | None, **params: Any) -> AsyncIterator[list[Product]]:
        products = self.client.products
        if since is None:
            query = {"orderby": "id", "order": "asc", "status": "any", "context": "edit", **params}
            async for page in products.pages(query):
                yield page
            return
        batch: list[Product] = []
        async for product in products.changed_since(since, status="any", context="edit", **params):
            batch.append(product)
            if len(batch) == PAGE:
                yield batch
                batch = []
        if batch:
            yield batch

    async def read_products(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        context = _context(self.facts)
        async for page in self._product_pages(since):
            yield [_product_record(p, context) for p in page]

    async def read_variations(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        async for page in self._product_pages(since, type="variable"):
            records: list[Record] = []
            for parent in page:
                if parent.type != "variable":
                    continue
                variations = await self.client.variations(parent.id).list_all(context="edit")
                records.extend(_variation_record(v, parent, _context(self.facts)) for v in variations)
            yield records

    async def find_products(self, keys: Sequence[str]) -> dict[str, str]:
        found = await self.client.products.by_skus(keys)
        return {sku: str(p.id) for sku, p in found.items()}

    find_variations = find_products

    async def create_products(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        bodies = [flows.sent_images(i.view) for i in items]
        answers = await self.client.products.batch(create=bodies, sideload=True)
        return [_shown_result(i, a, product_written) for i, a in zip(items, answers, strict=True)]

    async def update_products(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        bodies = [{"id": int(str(i.target_id)), **flows.sent_images(i.view)} for i in items]
        answers = await self.client.products.batch(update=bodies, sideload=True)
        return [_shown_result(i, a, product_written) for i, a in zip(items, answers, strict=True)]

    async def create_variations(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        return await self._variation_batches(items, "create")

    async def update_variations(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        return await self._variation_batches(items, "update")

    async def _variation_batches(self, items: Sequence[WriteItem], action: str) -> list[WriteResult]:
        parents: dict[int, list[int]] = {}
        for n, item in enumerate(items):
            parents.setdefault(int(item.view["parent_id"]), []).append(n)
        results: dict[int, WriteResult] = {}
        for parent, positions in parents.items():
            bodies = [_variation_body(items[n], action) for n in positions]
            resource = self.client.variations(parent)
            answers = await (
                resource.batch(create=bodies, sideload=True)
                if action == "create"
                else resource.batch(update=bodies, sideload=True)
            )
            results.update(
                {
                    n: _shown_result(items[n], a, variation_written)
                    for n, a in zip(positions, answers, strict=True)
                }
            )
        return [results[n] for n in range(len(items))]


def _variation_body(item: WriteItem, action: str) -> dict[str, Any]:
    body = flows.sent_images(_without(item.view, flows.WOO_ROUTING))
    if action == "update":
        body["id"] = int(str(item.target_id))
    return body
