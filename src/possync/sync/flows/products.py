"""Products both ways: a WooCommerce simple product is a Sitoo product, a variable one a main variant.

``product_to_pos`` and ``product_to_woo`` give the write body of the other side; the
``*_payload`` functions give a record as it stands in the same shape, so ``changed_fields`` shows
old → new and a record written by possync maps back to itself. Variations are in ``variations``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from possync.sitoo.models import Product as PosProduct
from possync.sitoo.models import ProductVariantGroup
from possync.sync.flows.context import DEFAULTS, Context, Lookup, UnmappableError
from possync.sync.flows.filters import pos_problem
from possync.sync.flows.images import MediaLookup, SitooFile, shop_images, woo_images
from possync.sync.flows.manufacturers import (
    is_manufacturer_attribute,
    manufacturer_attribute,
    manufacturer_id,
    manufacturer_key,
    manufacturer_name,
)
from possync.sync.flows.money import money, pos_price_pair, pos_prices, to_amount, woo_price_pair, woo_prices
from possync.sync.flows.names import barcode_to_woo, plain_text
from possync.woo.models import Product

ENTITY = "product"


def _by_number(ids: Sequence[int]) -> list[int]:
    return sorted(set(ids))


def woo_status(active: bool | None) -> str:
    """Sitoo's webshop flag as a shop status: active is published, inactive a draft."""
    return "publish" if active else "draft"


def woo_purchase_price(value: Any) -> str:
    """Sitoo's purchase price as the shop's meta value ("" for none or zero)."""
    amount = to_amount(value)
    return "" if not amount else money(amount)


def purchase_meta(value: Any, context: Context) -> list[dict[str, Any]]:
    """The shop's purchase price meta entry of a body ("" clears it)."""
    return [{"key": context.purchase_price_meta, "value": woo_purchase_price(value)}]


def _woo_categories(ids: Sequence[int]) -> list[dict[str, int]]:
    return [{"id": i} for i in _by_number(ids)]


def _woo_options(groups: Sequence[ProductVariantGroup]) -> list[dict[str, Any]]:
    return [
        {
            "name": plain_text(g.name),
            "options": [plain_text(o) for o in g.options],
            "variation": True,
            "visible": True,
        }
        for g in groups
        if g.name
    ]


# -- Sitoo → WooCommerce -------------------------------------------------------------------------


def product_to_woo(
    product: PosProduct,
    lookup: Lookup,
    context: Context = DEFAULTS,
    groups: Sequence[ProductVariantGroup] = (),
    files: Sequence[SitooFile] = (),
    media: MediaLookup = lambda file: None,
) -> dict[str, Any]:
    """A Sitoo product (plain, or a main variant with its family's ``groups``) as a shop product body.

    Its image ``files`` go by the shop media id ``media`` finds for each, else by URL.
    """
    if product.is_variant:
        raise ValueError(f"Sitoo product {product.sku} is a variant: map it with variant_to_woo")
    if not product.sku:
        raise UnmappableError("has no SKU in Sitoo: give it one there")
    variable = bool(groups) or product.is_main_variant
    manufacturer = manufacturer_name(product, lookup)
    rate = context.vat.rate(product.vatid)
    body: dict[str, Any] = {
        "sku": product.sku,
        "name": plain_text(product.title),
        "type": "variable" if variable else "simple",
        "status": woo_status(product.active),
        "description": plain_text(product.description),
        "short_description": plain_text(product.descriptionshort),
        "tax_class": context.tax_class(rate),
        "categories": _woo_categories([int(lookup.target("category", c)) for c in product.categories or []]),
        "attributes": ([manufacturer_attribute(manufacturer, context)] if manufacturer else [])
        + _woo_options(groups),
        "manage_stock": bool(product.stockcountenable),
        "global_unique_id": barcode_to_woo(product.barcode),
        "meta_data": purchase_meta(product.moneypricein, context),
        **woo_images(files, media),
    }
    if not variable:
        body |= woo_prices(
            product.moneyprice,
            product.moneypriceorg,
            rate,
            woo_gross=context.woo_prices_include_tax,
            pos_gross=context.prices_including_vat,
        )
    return body


def woo_product_payload(product: Product, context: Context = DEFAULTS) -> dict[str, Any]:
    """A shop product as it stands, in the shape ``product_to_woo`` writes."""
    variable = product.type == "variable"
    categories = [c.id for c in product.categories if c.slug != context.default_category_slug]
    attributes = [
        manufacturer_attribute(manufacturer_key(str(a.options[0])), context)
        for a in product.attributes
        if is_manufacturer_attribute(a, context) and a.options
    ][:1]
    attributes += [
        {"name": a.name, "options": [str(o) for o in a.options], "variation": True, "visible": True}
        for a in product.attributes
        if a.variation and not is_manufacturer_attribute(a, context)
    ]
    body: dict[str, Any] = {
        "sku": product.sku,
        "name": plain_text(product.name),
        "type": product.type,
        "status": woo_status(product.status == "publish"),
        "description": plain_text(product.description),
        "short_description": plain_text(product.short_description),
        "tax_class": product.tax_class,
        "categories": _woo_categories(categories),
        "attributes": attributes,
        "manage_stock": product.manage_stock is not False,
        "global_unique_id": product.global_unique_id,
        "meta_data": purchase_meta(product.meta(context.purchase_price_meta), context),
        **shop_images(product),
    }
    if not variable:
        regular, sale = woo_price_pair(product.regular_price, product.sale_price)
        body |= {"regular_price": regular, "sale_price": sale}
    return body


# -- WooCommerce → Sitoo -------------------------------------------------------------------------


def woo_rate(product: Product, context: Context) -> Decimal:
    """The VAT percent of a shop product's tax class."""
    return context.class_rate(product.tax_class, product.tax_status)


def pos_purchase_price(value: Any) -> dict[str, str]:
    """The shop's purchase price as Sitoo's ``moneypricein`` (never VAT-converted; none when zero)."""
    amount = to_amount(value)
    return {"moneypricein": money(amount)} if amount else {}


def product_to_pos(product: Product, lookup: Lookup, context: Context = DEFAULTS) -> dict[str, Any]:
    """A shop product (simple, variable parent, or external when not excluded) as a Sitoo product body."""
    problem = pos_problem(product)
    if problem:
        raise UnmappableError(problem)
    rate = woo_rate(product, context)
    categories = [
        int(lookup.target("category", c.id))
        for c in product.categories
        if c.slug != context.default_category_slug
    ]
    body: dict[str, Any] = {
        "sku": product.sku,
        "title": plain_text(product.name),
        "description": plain_text(product.description),
        "descriptionshort": plain_text(product.short_description),
        "vatid": context.vat.vatid(rate),
        "active": product.status == "publish",
        "categories": _by_number(categories),
        "defaultcategoryid": categories[0] if categories else None,
        "manufacturerid": manufacturer_id(product, lookup, context),
        "stockcountenable": product.manage_stock is not False,
        **pos_purchase_price(product.meta(context.purchase_price_meta)),
    }
    if product.global_unique_id:
        body["barcode"] = product.global_unique_id
    if product.type != "variable":
        prices = pos_prices(
            product.regular_price,
            product.sale_price,
            rate,
            woo_gross=context.woo_prices_include_tax,
            pos_gross=context.prices_including_vat,
        )
        body |= {name: value for name, value in prices.items() if value}
    return body


def pos_product_payload(product: PosProduct, context: Context = DEFAULTS) -> dict[str, Any]:
    """A Sitoo product as it stands, in the shape ``product_to_pos`` writes."""
    body: dict[str, Any] = {
        "sku": product.sku or "",
        "title": plain_text(product.title),
        "description": plain_text(product.description),
        "descriptionshort": plain_text(product.descriptionshort),
        "vatid": product.vatid,
        "active": bool(product.active),
        "categories": _by_number(product.categories or []),
        "defaultcategoryid": product.defaultcategoryid,
        "manufacturerid": product.manufacturerid or None,
        "stockcountenable": bool(product.stockcountenable),
        **pos_purchase_price(product.moneypricein),
    }
    if product.barcode:
        body["barcode"] = product.barcode
    if not product.is_main_variant:
        price, original = pos_price_pair(product.moneyprice, product.moneypriceorg)
        body |= {name: value for name, value in (("moneyprice", price), ("moneypriceorg", original)) if value}
    return body


def new_pos_product_fields(payload: dict[str, Any]) -> dict[str, Any]:
    """What a create adds to a Sitoo product body: sold in the POS when it is in the webshop.

    Kept out of the mapped payload, so an update never switches a product's POS flag.
    """
    return {"activepos": bool(payload.get("active"))}
