"""Product variants: ``GET``/``PUT /products/{productid}/productvariants.json`` on the main product.

A PUT replaces the whole family [SPEC]: listed variants are updated (``productid`` of a
member) or created (``productid`` 0), members left out are deleted, ``attributes[i]`` must be
one of ``groups[i].options``. The main product gets ``variantparentid`` = its own id, each
variant the main's id, and ``variant`` mirrors the attributes [INF]. An empty ``variants``
list makes the main a plain product again. Everything is checked before anything is written.
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.sitoo.context import ApiRoute, Ctx, Plugin
from possync_sandbox.sitoo.errors import bad_request
from possync_sandbox.sitoo.product_fields import WRITABLE
from possync_sandbox.sitoo.products import RESOURCE, create_product, family
from possync_sandbox.sitoo.sku import check_sku_text
from possync_sandbox.sitoo.store import Record
from possync_sandbox.sitoo.tables import PRODUCTS, product_by_sku
from possync_sandbox.sitoo.wire import coerce_fields, integer, text, text_list

SHOWN = (
    "productid",
    "active",
    "activepos",
    "title",
    "sku",
    "deliverystatus",
    "moneyprice",
    "moneypriceorg",
    "moneypricein",
    "moneyofferprice",
    "barcode",
    "barcodealiases",
    "friendly",
)
INHERITED = (
    "vatid",
    "categories",
    "defaultcategoryid",
    "manufacturerid",
    "descriptionshort",
    "description",
    "unitlabel",
    "stockcountenable",
    "stockallowbackorder",
)


def _main_of(ctx: Ctx) -> Record:
    product = ctx.site.table(PRODUCTS).require(ctx.path_int("productid"))
    parent = product["variantparentid"]
    if parent not in (None, product["productid"]):
        raise bad_request(f"Product {product['productid']} is a variant of {parent}, not a main product")
    return product


def get_variants(ctx: Ctx) -> Any:
    main = _main_of(ctx)
    members = [row for row in family(ctx, main["productid"]) if row["variant"] or row is not main]
    variants = [
        {**{name: row[name] for name in SHOWN}, "attributes": [v["value"] for v in row["variant"]]}
        for row in members
    ]
    for shown, row in zip(variants, members, strict=True):
        shown["pricelisthasvolume"] = row["pricelisthasvolume"]
    return {"groups": main.get("_variantgroups", []), "variants": variants}


def _groups(body: dict[str, Any]) -> list[dict[str, Any]]:
    groups = body.get("groups")
    if not isinstance(groups, list):
        raise bad_request("Missing required field groups")
    parsed = []
    for group in groups:
        if not isinstance(group, dict) or not group.get("name"):
            raise bad_request("Each group needs a name and options")
        parsed.append(
            {"name": text(group["name"], "name"), "options": text_list(group.get("options", []), "options")}
        )
    return parsed


def _variant_items(body: dict[str, Any], groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    items = body.get("variants")
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise bad_request("Missing required field variants")
    for item in items:
        attributes = text_list(item.get("attributes", []), "attributes")
        if len(attributes) != len(groups):
            raise bad_request("Each variant needs one attribute per group")
        for value, group in zip(attributes, groups, strict=True):
            if value not in group["options"]:
                raise bad_request(f"Attribute {value!r} is not an option of group {group['name']!r}")
        coerce_fields(item, WRITABLE)  # bad values are refused before anything changes
        item["attributes"] = attributes
        item["productid"] = integer(item.get("productid", 0), "productid")
    return items


def _check_plan(ctx: Ctx, main: Record, items: list[dict[str, Any]]) -> None:
    members = {row["productid"] for row in family(ctx, main["productid"])} | {main["productid"]}
    listed = [item["productid"] for item in items if item["productid"]]
    if len(listed) != len(set(listed)):
        raise bad_request("A product is listed twice")
    for productid in listed:
        if productid not in members:
            raise bad_request(f"Product {productid} is not a variant of {main['productid']}")
    if items and main["productid"] not in listed and not ctx.settings.variants_keep_unlisted_main:
        raise bad_request("The main product must be listed among the variants")
    skus = [str(item.get("sku", "")) for item in items]
    if len(skus) != len(set(skus)):
        raise bad_request("A SKU is listed twice")
    for sku in skus:
        check_sku_text(ctx.settings, sku)
    for sku in skus:
        owner = product_by_sku(ctx.site, sku)
        if owner is not None and owner["productid"] not in members:
            raise bad_request(f"Sku {sku!r} already exists")


def _apply(ctx: Ctx, main: Record, items: list[dict[str, Any]], groups: list[dict[str, Any]]) -> None:
    mainid = main["productid"]
    kept = {item["productid"] for item in items if item["productid"]}
    table = ctx.site.table(PRODUCTS)
    for row in family(ctx, mainid):
        if row["productid"] not in kept and row["productid"] != mainid:
            table.discard(row["productid"])
    for item in items:  # free the SKUs first, so members may swap them
        if item["productid"]:
            table.put({**table.rows[item["productid"]], "sku": f"\x00{item['productid']}"})
    for item in items:
        fields = {k: v for k, v in item.items() if k not in ("productid", "attributes")}
        if item["productid"]:
            RESOURCE.update(ctx, item["productid"], fields)
            productid = item["productid"]
        else:
            productid = create_product(ctx, {**{k: main[k] for k in INHERITED}, **fields})
        row = table.rows[productid]
        row["variantparentid"] = mainid
        row["variant"] = [
            {"name": g["name"], "value": v} for g, v in zip(groups, item["attributes"], strict=True)
        ]
    main = table.rows[mainid]
    main["variantparentid"] = mainid if items else None
    if mainid not in kept:
        main["variant"] = []
    main["_variantgroups"] = groups if items else []
    main["datemodified"] = ctx.now()


def set_variants(ctx: Ctx, main: Record, body: dict[str, Any]) -> None:
    """Replace the family of ``main`` with the ``groups`` and ``variants`` of ``body``."""
    groups = _groups(body)
    items = _variant_items(body, groups)
    _check_plan(ctx, main, items)
    _apply(ctx, main, items, groups)


def put_variants(ctx: Ctx) -> Any:
    set_variants(ctx, _main_of(ctx), ctx.object_body())
    return True


PLUGIN = Plugin(
    routes=[ApiRoute("products/{productid:int}/productvariants", {"GET": get_variants, "PUT": put_variants})]
)
