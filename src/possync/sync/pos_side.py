"""The Sitoo side of the catalogue flows: readers that turn Sitoo records into views, and writers.

Readers give categories their path of names as natural key, products and variants their SKU,
manufacturers their name; a main product is completed with its images (read once a run), and so
is a variant when its own images sync (``variant_images``). Writers
use Sitoo's array bodies where it has them (products, manufacturers) and the variant family
endpoint for new variants; each returns one result per item.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from possync.errors import PossyncError, RetryableError
from possync.sitoo import SitooClient
from possync.sitoo.batch import ItemResult
from possync.sitoo.models import Category, Manufacturer, Product, ProductVariantGroup, ProductVariants
from possync.sync import flows
from possync.sync.flow import Record, View, WriteItem, WriteResult
from possync.sync.reads import SharedReads
from possync.sync.spill import SpilledMap, SpilledPages

PAGE = 500
FAMILY_EXTRAS = ("stockcountenable", "description")
"""Product fields a new variant takes from its body though the family write's schema lacks them."""
PARENT_FIELDS = ("productid", "sku", "vatid", "description", "active", "activepos", "variantparentid")
"""A main product's fields its variants' records and mappings use."""
IMAGES = "images"
"""The per-product list a Sitoo product's image files are shared under during a run."""
PARTIAL = "partial"
"""Meta flag of a record whose reader left something to ``complete``."""


def _category_record(category: Category, paths: dict[int, str]) -> Record:
    view = flows.pos_category_payload(category)
    cid = category.categoryid or 0
    return Record(str(cid), paths[cid], view, category.datemodified, raw=category)


def _result(item: ItemResult) -> WriteResult:
    if item.ok:
        return WriteResult(target_id=str(item.id if item.id is not None else item.sent.get("productid")))
    return _failed(item.error)


def _failed(error: BaseException | None) -> WriteResult:
    return WriteResult(error=str(error), retryable=isinstance(error, RetryableError))


async def _each(call: Callable[[WriteItem], Awaitable[str]], items: Sequence[WriteItem]) -> list[WriteResult]:
    """One call per item, concurrently (bounded by the client), one result per item."""

    async def one(item: WriteItem) -> WriteResult:
        try:
            return WriteResult(target_id=await call(item))
        except PossyncError as exc:
            return _failed(exc)

    return list(await asyncio.gather(*(one(item) for item in items)))


def _chunks(items: list[Product], size: int = PAGE) -> list[list[Product]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class PosSide:
    """Readers and writers of one Sitoo site's catalogue."""

    def __init__(
        self, client: SitooClient, shared: SharedReads | None = None, *, variant_images: bool = True
    ) -> None:
        self.client = client
        self.shared = shared or SharedReads()
        self.variant_images = variant_images

    async def _all_categories(self) -> list[Category]:
        return await self.shared.get("categories", self.client.categories.read_all)

    async def _all_manufacturers(self) -> list[Manufacturer]:
        return await self.shared.get("manufacturers", self.client.manufacturers.read_all)

    # -- categories -------------------------------------------------------------------------------

    async def read_categories(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        categories = await self._all_categories()
        paths = flows.pos_category_paths(categories)
        yield [_category_record(c, paths) for c in categories]

    async def find_categories(self, keys: Sequence[str]) -> dict[str, str]:
        categories = await self._all_categories()
        by_path = {path: str(cid) for cid, path in flows.pos_category_paths(categories).items()}
        return {key: by_path[key] for key in keys if key in by_path}

    async def create_categories(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        self.shared.forget("categories")

        async def create(item: WriteItem) -> str:
            return str(await self.client.categories.create(_present(item.view)))

        return await _each(create, items)

    async def update_categories(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        self.shared.forget("categories")

        async def update(item: WriteItem) -> str:
            await self.client.categories.update(str(item.target_id), _present(item.view))
            return str(item.target_id)

        return await _each(update, items)

    # -- manufacturers ----------------------------------------------------------------------------

    async def read_manufacturers(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        found = await self._all_manufacturers()
        yield [
            Record(
                str(m.externalcompanyid),
                flows.manufacturer_key(m.name),
                flows.pos_manufacturer_payload(m),
                raw=m,
            )
            for m in found
            if m.name
        ]

    async def find_manufacturers(self, keys: Sequence[str]) -> dict[str, str]:
        manufacturers = await self._all_manufacturers()
        found = {flows.manufacturer_key(m.name): str(m.externalcompanyid) for m in manufacturers}
        return {key: found[key] for key in keys if key in found}

    async def create_manufacturers(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        self.shared.forget("manufacturers")
        answers = await self.client.manufacturers.create_many([{"name": i.view["name"]} for i in items])
        return [_result(a) for a in answers]

    async def update_manufacturers(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        self.shared.forget("manufacturers")
        bodies = [{"externalcompanyid": int(str(i.target_id)), "name": i.view["name"]} for i in items]
        answers = await self.client.manufacturers.update_many(bodies)
        return [
            WriteResult(target_id=i.target_id) if a.ok else _failed(a.error)
            for i, a in zip(items, answers, strict=False)
        ]

    # -- products and variants --------------------------------------------------------------------

    async def read_products(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        """Main products; changed main variants get their family's options in ``complete_products``."""
        pages = await self._products(since)
        options = _family_options(pages)
        for page in pages:
            for chunk in _chunks([p for p in page if not p.is_variant]):
                found = options.get_many(_id(p.productid) for p in chunk)
                yield [
                    _product_record(p, found.get(_id(p.productid), {}), partial=since is not None)
                    for p in chunk
                ]

    async def complete_products(self, records: list[Record]) -> list[Record]:
        """Products with their images, changed main variants with their whole family's options."""

        async def complete(record: Record) -> Record:
            product: Product = record.raw[0]
            files = await self._files(product.productid or 0)
            if not record.meta.get(PARTIAL):
                return replace(record, raw=(product, record.raw[1], files))
            found = await self.client.products.variants(product.productid or 0)
            return _product_record(product, _options_of(found), files=files)

        return list(await asyncio.gather(*(complete(record) for record in records)))

    async def _files(self, productid: int) -> list[flows.SitooFile]:
        """A product's images, in order; none when the shop has no way to download Sitoo's files."""
        config = self.client.config
        if config.files_url is None:
            return []

        async def read() -> list[flows.SitooFile]:
            resources = await self.client.products.images(productid).read_all()
            return flows.sitoo_files(resources, config.file_url)

        # the run keeps each product's files (name, version and URL) on disk: match and fetch share them
        return await self.shared.item(IMAGES, _id(productid), read)

    async def read_variants(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        """Variants; a parent that is not among the products read is fetched in ``complete_variants``."""
        pages = await self._products(since)
        parents: SpilledMap[dict[str, Any]] = SpilledMap()
        for page in pages:
            parents.update_many((_id(p.productid), _parent_fields(p)) for p in page if p.is_main_variant)
        for page in pages:
            for chunk in _chunks([p for p in page if p.is_variant]):
                found = parents.get_many(_id(p.variantparentid) for p in chunk)
                yield [_variant_record(p, _as_parent(found.get(_id(p.variantparentid)))) for p in chunk]

    async def complete_variants(self, records: list[Record]) -> list[Record]:
        """Variants with their parent (each missing parent read once) and their own images."""
        missing = {r.raw[0].variantparentid for r in records if r.raw[1] is None}
        found = await asyncio.gather(*(self.client.products.get(pid or 0) for pid in missing))
        parents = dict(zip(missing, found, strict=True))

        async def complete(record: Record) -> Record:
            variant, parent, _ = record.raw
            files = await self._files(variant.productid or 0) if self.variant_images else []
            return _variant_record(variant, parent or parents[variant.variantparentid], files)

        return list(await asyncio.gather(*(complete(record) for record in records)))

    async def _products(self, since: datetime | None) -> Iterable[list[Product]]:
        """Pages of every product (kept on disk for the run), or of those changed since ``since``."""
        if since is None:
            return await self.shared.get("products", lambda: SpilledPages.of(self.client.products.pages()))
        return [[p async for page in self.client.products.changed_since(since) for p in page]]

    async def find_products(self, keys: Sequence[str]) -> dict[str, str]:
        found = await self.client.products.find_by_skus(list(keys))
        return {sku: str(p.productid) for sku, p in found.items()}

    find_variants = find_products

    async def create_products(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        self.shared.forget("products")
        bodies = [{**_present(i.view), **flows.new_pos_product_fields(i.view)} for i in items]
        return [_result(a) for a in await self.client.products.create_many(bodies)]

    async def update_products(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        self.shared.forget("products")
        bodies = [{"productid": int(str(i.target_id)), **_present(i.view)} for i in items]
        answers = await self.client.products.update_many(bodies)
        return [
            WriteResult(target_id=i.target_id) if a.ok else _failed(a.error)
            for i, a in zip(items, answers, strict=True)
        ]

    async def create_variants(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        """New variants join their family through one family write per main product."""
        self.shared.forget("products")
        parents: dict[int, list[WriteItem]] = {}
        for item in items:
            parents.setdefault(int(item.view["variantparentid"]), []).append(item)
        results: dict[str, WriteResult] = {}
        for parent, members in parents.items():
            try:
                results.update(await self._grow_family(parent, members))
            except PossyncError as exc:
                results.update({m.key: _failed(exc) for m in members})
        missing = WriteResult(error="the family write did not keep this variant")
        return [results.get(i.key, missing) for i in items]

    async def _grow_family(self, parent: int, members: Sequence[WriteItem]) -> dict[str, WriteResult]:
        products = self.client.products
        family = flows.variant_family(await products.variants(parent), [m.view for m in members])
        await products.set_variants(parent, _with_product_fields(family, members))
        after = {v.sku: str(v.productid) for v in (await products.variants(parent)).variants}
        kept = WriteResult(error="not kept by the family write")
        return {m.key: WriteResult(target_id=after[m.key]) if m.key in after else kept for m in members}

    async def update_variants(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        self.shared.forget("products")
        bodies = [_present(flows.variant_update_body(i.view, str(i.target_id))) for i in items]
        answers = await self.client.products.update_many(bodies)
        return [
            WriteResult(target_id=i.target_id) if a.ok else _failed(a.error)
            for i, a in zip(items, answers, strict=True)
        ]


def _with_product_fields(family: ProductVariants, members: Sequence[WriteItem]) -> ProductVariants:
    """New variants with the fields of their bodies the family body has no place for."""
    fields = {m.key: {name: m.view[name] for name in FAMILY_EXTRAS if name in m.view} for m in members}
    variants = [
        v.model_copy(update=fields[v.sku]) if not v.productid and v.sku in fields else v
        for v in family.variants
    ]
    return family.model_copy(update={"variants": variants})


def _present(body: View) -> dict[str, Any]:
    """A write body without its empty references (Sitoo leaves a missing field as it is)."""
    return {key: value for key, value in body.items() if value is not None}


def _id(productid: int | str | None) -> str:
    """The key a product is kept under in a run's spilled maps."""
    return str(productid or 0)


def _parent_fields(product: Product) -> dict[str, Any]:
    """What a main product's variants' mappings read of it."""
    return {name: getattr(product, name) for name in PARENT_FIELDS}


def _as_parent(fields: dict[str, Any] | None) -> Product | None:
    """A main product with only what its variants' mappings read, so a family costs little memory."""
    return None if fields is None else Product.model_construct(**fields)


Options = dict[str, list[str]]
"""A family's option values by variant group name, in the order its variants use them."""


def _family_options(pages: Iterable[list[Product]]) -> SpilledMap[Options]:
    """Each family's options (by main product id), gathered page by page into a temporary file."""
    options: SpilledMap[Options] = SpilledMap()
    for page in pages:
        families: dict[str, Options] = {}
        for product in page:
            if product.is_variant and product.variantparentid is not None:
                _add_values(families.setdefault(_id(product.variantparentid), {}), product)
        known = options.get_many(families)
        options.update_many((pid, _merged(known.get(pid, {}), new)) for pid, new in families.items())
    return options


def _add_values(family: Options, product: Product) -> None:
    for attribute in product.variant or []:
        values = family.setdefault(attribute.name or "", [])
        if attribute.value and attribute.value not in values:
            values.append(attribute.value)


def _merged(known: Options, new: Options) -> Options:
    """A family's options seen on earlier pages, then those new on this one."""
    for name, values in new.items():
        kept = known.setdefault(name, [])
        kept.extend(value for value in values if value not in kept)
    return known


def _options_of(family: ProductVariants) -> dict[str, list[str]]:
    """A family's options in the order its variants use them (as a full read computes them)."""
    names = [g.name or "" for g in family.groups]
    options: dict[str, list[str]] = {name: [] for name in names}
    for variant in family.variants:
        for name, value in zip(names, variant.attributes, strict=False):
            if value and value not in options[name]:
                options[name].append(value)
    return {name: values for name, values in options.items() if values}


def _meta(product: Product) -> dict[str, Any]:
    return {"active": bool(product.active), "activepos": bool(product.activepos), "vatid": product.vatid}


def _product_record(
    product: Product,
    options: dict[str, list[str]],
    *,
    partial: bool = False,
    files: Sequence[flows.SitooFile] = (),
) -> Record:
    """A main product's record (raw: the product, its family's groups and its image ``files``);
    ``partial``: its family's options are still to be read."""
    groups = [ProductVariantGroup(name=name, options=values) for name, values in options.items()]
    view = flows.pos_product_payload(product)
    meta = {**_meta(product), PARTIAL: partial and product.is_main_variant}
    raw = (product, groups, list(files))
    return Record(str(product.productid), product.sku or "", view, product.datemodified, None, meta, raw)


def _variant_record(
    product: Product, parent: Product | None, files: Sequence[flows.SitooFile] = ()
) -> Record:
    """A variant's record (raw: the variant, its parent and its own image ``files``); without its
    ``parent`` and ``files`` until ``complete_variants`` reads them."""
    view = flows.pos_variant_payload(product)
    meta = {} if parent is None else _meta(parent)
    raw = (product, parent, list(files))
    return Record(str(product.productid), product.sku or "", view, product.datemodified, None, meta, raw)
