"""The catalogue's flow declarations: categories, manufacturers, products and variations, both ways.

Each entry names the entity, the side it is read from, its reader, its mapper, the target's
writer and what it depends on; the engine runs them all through the same skeleton. The seed's
"Fetch products from Sitoo" and "Exclude external products" options skip records with the reasons
``possync.sync.flows`` gives. The ``variant_images`` option decides whether variations carry their
own image both ways: the variant reader reads each variant's files, the image flow up reads each
variable product's variations and waits for them to be bound.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from possync.settings import FetchProducts
from possync.sitoo import SitooClient
from possync.sync import flows
from possync.sync.flow import Flow, Record, Refs, View, WriteItem, WriteResult
from possync.sync.images import ImageUploader, image_to_pos
from possync.sync.images_down import media_lookup
from possync.sync.pos_side import PosSide
from possync.sync.reads import SharedReads
from possync.sync.woo_side import WooSide
from possync.woo import WooClient

ENTITIES = ("manufacturer", "category", "product", "variation", "image")
"""Dependency order: every entity's references come before it."""


@dataclass(frozen=True)
class CatalogueOptions:
    """The seed's options that shape the catalogue flows."""

    fetch_products: FetchProducts = FetchProducts.ALL
    exclude_external_products: bool = True
    prices_including_vat: bool = True
    variant_images: bool = True


@dataclass(frozen=True)
class SideWriter:
    """A ``Writer`` made of one side's create, update and find functions."""

    create_fn: Callable[[Sequence[WriteItem]], Awaitable[list[WriteResult]]]
    update_fn: Callable[[Sequence[WriteItem]], Awaitable[list[WriteResult]]]
    find_fn: Callable[[Sequence[str]], Awaitable[dict[str, str]]]

    async def create(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        return await self.create_fn(items)

    async def update(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        return await self.update_fn(items)

    async def find(self, keys: Sequence[str]) -> dict[str, str]:
        return await self.find_fn(keys)


def _writer(side: Any, plural: str) -> SideWriter:
    return SideWriter(
        getattr(side, f"create_{plural}"), getattr(side, f"update_{plural}"), getattr(side, f"find_{plural}")
    )


def not_fetched(choice: FetchProducts) -> Callable[[Record], str | None]:
    """The "Fetch products from Sitoo" choice on a Sitoo record's flags (a variant's are its main's)."""
    return lambda record: flows.not_fetched(record.meta.get("active"), record.meta.get("activepos"), choice)


def excluded_from_pos(exclude_external: bool) -> Callable[[Record], str | None]:
    """The "Exclude external products" option on a shop record's product type (a variation's parent's)."""
    return lambda record: flows.excluded_from_pos(record.meta.get("type"), exclude_external)


async def load_facts(sitoo: SitooClient, options: CatalogueOptions) -> dict[str, Any]:
    """What mappers need to know about the remotes: Sitoo's VAT groups and the price option."""
    groups = await sitoo.product_groups.read_all()
    rates = {g.vatid: g.value for g in groups if g.vatid is not None and g.value is not None}
    ids: dict[Any, int] = {}
    for vatid, rate in sorted(rates.items()):
        ids.setdefault(rate, vatid)
    context = flows.Context(
        vat=flows.VatTable.from_groups(groups),
        prices_including_vat=options.prices_including_vat,
        variant_images=options.variant_images,
    )
    return {
        "vat_rates": rates,
        "vat_ids": ids,
        "prices_including_vat": options.prices_including_vat,
        "context": context,
    }


def _context(refs: Refs) -> flows.Context:
    context: flows.Context = refs.facts.get("context", flows.DEFAULTS)
    return context


def category_to_woo(record: Record, refs: Refs) -> View:
    return flows.category_to_woo(record.raw, refs, _context(refs))


def category_to_pos(record: Record, refs: Refs) -> View:
    return flows.category_to_pos(record.raw, refs, _context(refs))


def manufacturer_to_woo(record: Record, refs: Refs) -> View:
    return flows.manufacturer_to_woo(record.raw, _context(refs))


def manufacturer_to_pos(record: Record, refs: Refs) -> View:
    return flows.manufacturer_to_pos(record.raw, _context(refs))


def product_to_woo(record: Record, refs: Refs) -> View:
    product, groups, files = record.raw
    media = media_lookup(refs, record.id)
    return flows.product_to_woo(product, refs, _context(refs), groups=groups, files=files, media=media)


def product_to_pos(record: Record, refs: Refs) -> View:
    return flows.product_to_pos(record.raw, refs, _context(refs))


def variant_to_woo(record: Record, refs: Refs) -> View:
    variant, parent, files = record.raw
    media = media_lookup(refs, record.id)
    return flows.variant_to_woo(variant, parent, refs, _context(refs), files=files, media=media)


def variation_to_pos(record: Record, refs: Refs) -> View:
    variation, parent = record.raw
    return flows.variation_to_pos(variation, parent, refs, _context(refs))


def catalogue_flows(
    woo: WooClient, sitoo: SitooClient, facts: dict[str, Any], options: CatalogueOptions = CatalogueOptions()
) -> dict[str, Flow]:
    """Every catalogue flow, named ``<entity>>woo`` (down from Sitoo) or ``<entity>>pos`` (up)."""
    variant_images = options.variant_images
    shop, pos = WooSide(woo, facts), PosSide(sitoo, SharedReads.of(facts), variant_images=variant_images)
    images = ImageUploader(woo, sitoo, pos.shared, variant_images=variant_images)
    fetched = not_fetched(options.fetch_products)
    sent = excluded_from_pos(options.exclude_external_products)
    declared = [
        Flow(
            "manufacturer",
            "pos",
            pos.read_manufacturers,
            manufacturer_to_woo,
            _writer(shop, "manufacturers"),
            shop.read_manufacturers,
        ),
        Flow(
            "manufacturer",
            "woo",
            shop.read_manufacturers,
            manufacturer_to_pos,
            _writer(pos, "manufacturers"),
            pos.read_manufacturers,
        ),
        Flow(
            "category",
            "pos",
            pos.read_categories,
            category_to_woo,
            _writer(shop, "categories"),
            shop.read_categories,
        ),
        Flow(
            "category",
            "woo",
            shop.read_categories,
            category_to_pos,
            _writer(pos, "categories"),
            pos.read_categories,
        ),
        Flow(
            "product",
            "pos",
            pos.read_products,
            product_to_woo,
            _writer(shop, "products"),
            shop.read_products,
            ("manufacturer", "category"),
            fetched,
            complete=pos.complete_products,
        ),
        Flow(
            "product",
            "woo",
            shop.read_products,
            product_to_pos,
            _writer(pos, "products"),
            pos.read_products,
            ("manufacturer", "category"),
            sent,
        ),
        Flow(
            "variation",
            "pos",
            pos.read_variants,
            variant_to_woo,
            _writer(shop, "variations"),
            shop.read_variations,
            ("product",),
            fetched,
            indexed=False,  # the shop lists variations per parent: look SKUs up instead
            complete=pos.complete_variants,
        ),
        Flow(
            "variation",
            "woo",
            shop.read_variations,
            variation_to_pos,
            _writer(pos, "variants"),
            pos.read_variants,
            ("product",),
            sent,
            create_only=flows.POS_CREATE_ONLY,
        ),
        Flow(
            "image",
            "woo",
            images.read,
            image_to_pos,
            images,
            images.no_index,
            ("product", "variation") if variant_images else ("product",),
            sent,
            indexed=False,
        ),
    ]
    return {flow.name: flow for flow in declared}
