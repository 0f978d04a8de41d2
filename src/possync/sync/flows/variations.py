"""Variations both ways: each WooCommerce variation is one Sitoo variant of its parent's family.

A variation's attributes (``Color: Red``) are the variant's values of the family's groups. The
bodies carry routing keys the writer takes off before sending: ``parent_id`` (the shop's parent
product) and ``variantparentid`` / ``attributes`` (Sitoo's main product and the variant's values
by group name, for ``variant_family``, which builds the body of a family write). A variant's title
is ``POS_CREATE_ONLY``: Sitoo gets it when the variant is created and keeps its own after that. A
variant's own first image is the variation's ``image`` (when the ``variant_images`` option is on).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from possync.sitoo.models import Product as PosProduct
from possync.sitoo.models import ProductVariant, ProductVariantGroup, ProductVariants
from possync.sync.flows.context import DEFAULTS, Context, Lookup, UnmappableError
from possync.sync.flows.images import MediaLookup, SitooFile, shop_image, woo_image
from possync.sync.flows.money import pos_price_pair, pos_prices, to_amount, woo_price_pair, woo_prices
from possync.sync.flows.names import barcode_to_woo, plain_text, sku_problem
from possync.sync.flows.products import pos_purchase_price, purchase_meta
from possync.woo.models import Product, Variation

WOO_ROUTING = ("parent_id",)
POS_ROUTING = ("variantparentid", "attributes")
POS_CREATE_ONLY = ("title",)
"""Fields of a ``variation_to_pos`` body a new variant gets and an update never sends (V10)."""


def variation_status(active: bool | None) -> str:
    """Sitoo's webshop flag as a variation status: enabled is ``publish``, disabled ``private``."""
    return "publish" if active else "private"


def variant_values(variant: PosProduct) -> dict[str, str]:
    """A Sitoo variant's values by group name."""
    return {plain_text(a.name): plain_text(a.value) for a in variant.variant or [] if a.name}


def variant_title(parent_name: str, values: Mapping[str, str]) -> str:
    """A new variant's title as the shop names a variation: ``"T-shirt - Red, M"``."""
    shown = ", ".join(v for v in values.values() if v)
    return f"{plain_text(parent_name)} - {shown}" if shown else plain_text(parent_name)


def own_description(variant: PosProduct, main: PosProduct) -> str:
    """A variant's own description: ``""`` when it is its main product's (Sitoo copies that one in)."""
    text = plain_text(variant.description)
    return "" if text == plain_text(main.description) else text


def shown_description(variation: Variation, parent: Product) -> str:
    """The description a variation shows: its own, else its parent product's."""
    return plain_text(variation.description) or plain_text(parent.description)


# -- Sitoo → WooCommerce -------------------------------------------------------------------------


def variant_to_woo(
    variant: PosProduct,
    parent: PosProduct,
    lookup: Lookup,
    context: Context = DEFAULTS,
    files: Sequence[SitooFile] = (),
    media: MediaLookup = lambda file: None,
) -> dict[str, Any]:
    """A Sitoo variant as a shop variation body under the bound parent product.

    Its first own image ``files`` entry is the variation's image, by the media id ``media`` finds.
    """
    if not variant.sku:
        raise UnmappableError("has no SKU in Sitoo: give it one there")
    rate = context.vat.rate(variant.vatid if variant.vatid is not None else parent.vatid)
    prices = woo_prices(
        variant.moneyprice,
        variant.moneypriceorg,
        rate,
        woo_gross=context.woo_prices_include_tax,
        pos_gross=context.prices_including_vat,
    )
    return {
        "parent_id": int(lookup.target("product", str(parent.productid))),
        "sku": variant.sku,
        "status": variation_status(variant.active),
        "description": own_description(variant, parent),
        **prices,
        "attributes": [{"name": n, "option": v} for n, v in variant_values(variant).items()],
        "manage_stock": bool(variant.stockcountenable),
        "global_unique_id": barcode_to_woo(variant.barcode),
        "meta_data": purchase_meta(variant.moneypricein, context),
        **woo_image(files, media),
    }


def woo_variation_payload(
    variation: Variation, parent: Product, context: Context = DEFAULTS
) -> dict[str, Any]:
    """A shop variation as it stands, in the shape ``variant_to_woo`` writes."""
    regular, sale = woo_price_pair(variation.regular_price, variation.sale_price)
    return {
        "parent_id": parent.id,
        "sku": variation.sku,
        "status": variation_status(variation.status == "publish"),
        "description": plain_text(variation.description),
        "regular_price": regular,
        "sale_price": sale,
        "attributes": [
            {"name": plain_text(a.name), "option": plain_text(a.option)} for a in variation.attributes
        ],
        "manage_stock": variation.manage_stock is not False,
        "global_unique_id": str(getattr(variation, "global_unique_id", "") or ""),
        "meta_data": purchase_meta(variation.meta(context.purchase_price_meta), context),
        **(shop_image(variation) if context.variant_images else {}),
    }


# -- WooCommerce → Sitoo -------------------------------------------------------------------------


def variation_tax_class(variation: Variation, parent: Product) -> str:
    """A variation's own tax class, or its parent's when it says ``parent``."""
    return parent.tax_class if variation.tax_class in ("parent",) else variation.tax_class


def variation_to_pos(
    variation: Variation, parent: Product, lookup: Lookup, context: Context = DEFAULTS
) -> dict[str, Any]:
    """A shop variation as a Sitoo variant body of the bound main product."""
    problem = sku_problem(variation.sku)
    if problem:
        raise UnmappableError(problem)
    rate = context.class_rate(variation_tax_class(variation, parent), parent.tax_status)
    values = {plain_text(a.name): plain_text(a.option) for a in variation.attributes}
    prices = pos_prices(
        variation.regular_price,
        variation.sale_price,
        rate,
        woo_gross=context.woo_prices_include_tax,
        pos_gross=context.prices_including_vat,
    )
    body: dict[str, Any] = {
        "variantparentid": int(lookup.target("product", parent.id)),
        "sku": variation.sku,
        "title": variant_title(parent.name, values),
        "description": shown_description(variation, parent),
        "active": variation.status == "publish",
        "stockcountenable": variation.manage_stock is not False,
        **{name: value for name, value in prices.items() if value},
        **pos_purchase_price(variation.meta(context.purchase_price_meta)),
        "attributes": values,
    }
    gtin = str(getattr(variation, "global_unique_id", "") or "")
    if gtin:
        body["barcode"] = gtin
    return body


def pos_variant_payload(variant: PosProduct, context: Context = DEFAULTS) -> dict[str, Any]:
    """A Sitoo variant as it stands, in the shape ``variation_to_pos`` writes (no ``POS_CREATE_ONLY``)."""
    price, original = pos_price_pair(variant.moneyprice, variant.moneypriceorg)
    body: dict[str, Any] = {
        "variantparentid": variant.variantparentid,
        "sku": variant.sku or "",
        "description": plain_text(variant.description),
        "active": bool(variant.active),
        "stockcountenable": bool(variant.stockcountenable),
        **{name: value for name, value in (("moneyprice", price), ("moneypriceorg", original)) if value},
        **pos_purchase_price(variant.moneypricein),
        "attributes": variant_values(variant),
    }
    if variant.barcode:
        body["barcode"] = variant.barcode
    return body


def variant_update_body(payload: Mapping[str, Any], productid: int | str) -> dict[str, Any]:
    """The body of a variant update through the products batch: routing keys off, id on."""
    return {"productid": int(productid), **{k: v for k, v in payload.items() if k not in POS_ROUTING}}


def variant_family(existing: ProductVariants, members: Sequence[Mapping[str, Any]]) -> ProductVariants:
    """The body of a family write that keeps every existing variant and adds the new ``members``.

    ``members`` are ``variation_to_pos`` bodies; one whose SKU is already in the family is not
    added again (its fields go through ``variant_update_body``). Groups gain the new names and
    values in the order met, and each variant's values follow the groups by position.
    """
    names = [g.name or "" for g in existing.groups]
    for member in members:
        names.extend(n for n in member["attributes"] if n not in names)
    options = {g.name or "": list(g.options) for g in existing.groups}
    for member in members:
        for name, value in member["attributes"].items():
            known = options.setdefault(name, [])
            if value and value not in known:
                known.append(value)
    kept = [_kept(v, existing, names) for v in existing.variants]
    present = {v.sku for v in existing.variants}
    new = [_new_variant(m, names) for m in members if m["sku"] not in present]
    groups = [ProductVariantGroup(name=n, options=options.get(n, [])) for n in names]
    return ProductVariants(groups=groups, variants=[*kept, *new])


def _kept(variant: ProductVariant, family: ProductVariants, names: list[str]) -> ProductVariant:
    known = dict(zip([g.name for g in family.groups], variant.attributes, strict=False))
    return variant.model_copy(update={"attributes": [known.get(n, "") for n in names]})


def _new_variant(member: Mapping[str, Any], names: list[str]) -> ProductVariant:
    return ProductVariant(
        productid=0,
        sku=member["sku"],
        title=member["title"],
        active=member["active"],
        activepos=member["active"],
        moneyprice=to_amount(member.get("moneyprice")) or to_amount("0"),
        moneypriceorg=to_amount(member.get("moneypriceorg")) or to_amount("0"),
        moneypricein=to_amount(member.get("moneypricein")) or to_amount("0"),
        moneyofferprice=to_amount("0"),
        deliverystatus="",
        barcode=member.get("barcode", ""),
        barcodealiases=[],
        friendly="",
        attributes=[member["attributes"].get(n, "") for n in names],
    )
