"""The demo catalogue in Sitoo's own shapes: VAT groups, categories, manufacturers, files, products.

Records go through the same create functions as the API, so a product Sitoo would refuse (a
SKU with a space, '#', no SKU, a duplicate) is left out and listed in the report. A variable
product becomes a main product carrying the parent SKU, with one variant per variation
[INF: spec §8.5 WooCommerce mapping]; an external product is a webshop-only product; a grouped
product has no Sitoo form and is left out. Stock, vouchers and orders follow in the plugins'
own loaders, which find the products by SKU.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from possync_sandbox.catalogue.model import Catalogue, Category, Product, Variation
from possync_sandbox.sitoo import categories, manufacturers, productgroups, products
from possync_sandbox.sitoo.context import Ctx, Runtime
from possync_sandbox.sitoo.errors import SitooError
from possync_sandbox.sitoo.images import link, upload
from possync_sandbox.sitoo.sku import check_sku_text
from possync_sandbox.sitoo.tables import PRODUCTGROUPS, PRODUCTS, product_by_sku
from possync_sandbox.sitoo.variants import set_variants


@dataclass
class Keys:
    """Catalogue keys → Sitoo ids, filled as the records are created."""

    vat: dict[Decimal, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    manufacturers: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def _vat_groups(ctx: Ctx, catalogue: Catalogue, keys: Keys) -> None:
    for group in ctx.site.table(PRODUCTGROUPS):
        keys.vat.setdefault(Decimal(str(group["value"])), group["vatid"])
    for rate in catalogue.vat_rates:
        if rate not in keys.vat:
            body = {"productgroupname": f"Moms {rate:f} %", "value": str(rate)}
            keys.vat[rate] = productgroups.RESOURCE.create(ctx, body)


def _parents_first(items: list[Category]) -> list[Category]:
    known = {category.key for category in items}
    placed: list[Category] = []
    done: set[str] = set()
    while len(placed) < len(items):
        ready = [
            c
            for c in items
            if c.key not in done and (c.parent is None or c.parent in done or c.parent not in known)
        ]
        if not ready:
            break
        placed += ready
        done |= {c.key for c in ready}
    return placed


def _categories(ctx: Ctx, catalogue: Catalogue, keys: Keys) -> None:
    positions: dict[str | None, int] = {}
    for category in _parents_first(catalogue.categories):
        sortorder = positions[category.parent] = positions.get(category.parent, -1) + 1
        body = {
            "title": category.name,
            "categoryparentid": keys.categories.get(category.parent or ""),
            "friendly": category.key,
            "sortorder": sortorder,
            "seo_description": category.description,
        }
        keys.categories[category.key] = categories.RESOURCE.create(ctx, body)


def _manufacturers(ctx: Ctx, catalogue: Catalogue, keys: Keys) -> None:
    for manufacturer in catalogue.manufacturers:
        keys.manufacturers[manufacturer.key] = manufacturers.RESOURCE.create(ctx, {"name": manufacturer.name})


def _prices(price: Decimal, sale: Decimal | None, purchase: Decimal | None) -> dict[str, str]:
    return {
        "moneyprice": str(sale if sale is not None else price),
        "moneypriceorg": str(price),
        "moneypricein": str(purchase or 0),
    }


def _product_body(product: Product, keys: Keys) -> dict[str, Any]:
    category_ids = [keys.categories[key] for key in product.categories if key in keys.categories]
    return {
        "sku": product.sku,
        "title": product.name,
        "description": product.description,
        "descriptionshort": product.short_description,
        **_prices(product.price, product.sale_price, product.purchase_price),
        "vatid": keys.vat.get(product.vat_rate),
        "categories": category_ids,
        "defaultcategoryid": category_ids[0] if category_ids else None,
        "manufacturerid": keys.manufacturers.get(product.manufacturer or ""),
        "barcode": product.barcode,
        "active": product.active,
        "activepos": product.active and product.kind != "external",
        "stockcountenable": product.stock is not None or product.kind == "variable",
        "friendly": product.key,
    }


def _variant_body(product: Product, variation: Variation, options: dict[str, list[str]]) -> dict[str, Any]:
    values = [variation.attributes.get(name, "") for name in options]
    return {
        "productid": 0,
        "sku": variation.sku,
        "title": f"{product.name} {' '.join(values)}".strip(),
        **_prices(variation.price, variation.sale_price, variation.purchase_price),
        "barcode": variation.barcode,
        "active": variation.active,
        "activepos": variation.active,
        "attributes": values,
    }


def _variants(ctx: Ctx, product: Product, mainid: int, keys: Keys, filenames: dict[str, str]) -> None:
    options = product.attribute_options()
    good = []
    for variation in product.variations:
        try:
            check_sku_text(ctx.settings, variation.sku)
            good.append(variation)
        except SitooError as error:
            keys.skipped.append(f"{variation.sku!r}: {error.errortext}")
    body = {
        "groups": [{"name": name, "options": values} for name, values in options.items()],
        "variants": [_variant_body(product, variation, options) for variation in good],
    }
    set_variants(ctx, ctx.site.table(PRODUCTS).require(mainid), body)
    for variation in good:
        found = product_by_sku(ctx.site, variation.sku)
        if variation.image and found:
            link(ctx.site, found, filenames[variation.image], ctx.now())


def _products(ctx: Ctx, catalogue: Catalogue, keys: Keys) -> None:
    filenames = {image.key: image.filename for image in catalogue.images}
    for product in catalogue.products:
        if product.kind == "grouped":
            keys.skipped.append(f"{product.sku!r}: a grouped product has no Sitoo form")
            continue
        try:
            productid = products.create_product(ctx, _product_body(product, keys))
            if product.kind == "variable":
                _variants(ctx, product, productid, keys, filenames)
        except SitooError as error:
            keys.skipped.append(f"{product.sku!r}: {error.errortext}")
            continue
        record = ctx.site.table(PRODUCTS).require(productid)
        for image in product.images:
            link(ctx.site, record, filenames[image], ctx.now())


def load_core(runtime: Runtime, accountid: int, eshopid: int, catalogue: Catalogue) -> list[str]:
    """Load the catalogue core into a site; answers what was left out, and why."""
    ctx = Ctx(runtime=runtime, method="POST", accountid=accountid, eshopid=eshopid, params={}, query=[])
    keys = Keys()
    for image in catalogue.images:
        upload(ctx.site, image.filename, image.content, ctx.now())
    _vat_groups(ctx, catalogue, keys)
    _categories(ctx, catalogue, keys)
    _manufacturers(ctx, catalogue, keys)
    _products(ctx, catalogue, keys)
    return keys.skipped
