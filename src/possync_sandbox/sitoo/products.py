"""Products: plain products, main variants and variants, all one record kind keyed by ``productid``.

Writes check the SKU rules, the product group (default ``vatid`` 2), the manufacturer and the
categories, and keep ``defaultcategoryid`` inside ``categories`` [SPEC]. Lists filter on
``includeinactive`` (default false), ``datelastmodified``, ``sku`` and ``productid`` lists and
show Sitoo's default field set; ``pricelistid`` reads ``moneyprice`` from another price list.
``datemodified`` moves on every change.
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.sitoo.context import Ctx, Plugin
from possync_sandbox.sitoo.crud import Resource
from possync_sandbox.sitoo.customattributes import check_values
from possync_sandbox.sitoo.errors import bad_request
from possync_sandbox.sitoo.product_fields import DEFAULT_FIELDS, WRITABLE, defaults
from possync_sandbox.sitoo.settings import SitooSettings
from possync_sandbox.sitoo.sku import check_sku
from possync_sandbox.sitoo.store import Record
from possync_sandbox.sitoo.tables import CATEGORIES, MANUFACTURERS, PRODUCTGROUPS, PRODUCTS


def _check_references(ctx: Ctx, record: Record) -> None:
    site = ctx.site
    if site.table(PRODUCTGROUPS).get(record["vatid"]) is None:
        raise bad_request(f"Product group {record['vatid']} does not exist")
    manufacturer = record["manufacturerid"]
    if manufacturer is not None and site.table(MANUFACTURERS).get(manufacturer) is None:
        raise bad_request(f"Manufacturer {manufacturer} does not exist")
    categories = site.table(CATEGORIES)
    for categoryid in [*record["categories"], record["defaultcategoryid"]]:
        if categoryid is not None and categories.get(categoryid) is None:
            raise bad_request(f"Category {categoryid} does not exist")


def _couple_default_category(record: Record, old: Record | None) -> None:
    """Setting ``defaultcategoryid`` adds it to ``categories``; null removes the old default."""
    new, previous = record["defaultcategoryid"], (old or {}).get("defaultcategoryid")
    categories = list(dict.fromkeys(record["categories"]))
    if new is not None and new not in categories:
        categories.append(new)
    if new is None and previous is not None and previous in categories:
        categories.remove(previous)
    record["categories"] = categories


def _validate(ctx: Ctx, record: Record, old: Record | None) -> None:
    settings = ctx.settings
    check_sku(settings, ctx.site, record["sku"], ignore=[old["productid"]] if old else ())
    limit = settings.title_max_length
    if limit is not None and len(record["title"]) > limit:
        raise bad_request(f"Title longer than {limit} characters")
    if record["vatid"] is None:
        record["vatid"] = settings.default_vatid
    _check_references(ctx, record)
    check_values(settings, ctx.site, record["customattributes"])
    _couple_default_category(record, old)


def _listed_price(ctx: Ctx, record: Record) -> tuple[str, bool]:
    """``moneyprice`` from the price list of ``pricelistid=`` (default list 1 is the product's own)."""
    pricelistid = ctx.query_int("pricelistid")
    if pricelistid in (None, 1):
        return record["moneyprice"], bool(record["pricelisthasvolume"])
    from possync_sandbox.sitoo.pricelists import PRICELISTS, list_items_table

    ctx.site.table(PRICELISTS).require(pricelistid)
    item = list_items_table(ctx.site, pricelistid).get(record["productid"])
    if item is None:
        return record["moneyprice"], False
    return item["moneyprice"], bool(item.get("moneypricevolume"))


def show(ctx: Ctx, record: Record) -> Record:
    """The product with its computed fields (from its product group and price list)."""
    group = ctx.site.table(PRODUCTGROUPS).get(record["vatid"]) or {}
    price, has_volume = _listed_price(ctx, record)
    return {
        **record,
        "moneyprice": price,
        "vatvalue": group.get("value", 0),
        "productgrouptype": group.get("productgrouptype", 10),
        "moneyfinalprice": price,
        "pricelisthasvolume": has_volume,
    }


def is_inactive(settings: SitooSettings, record: Record) -> bool:
    """[OPEN] What ``includeinactive=false`` hides, per ``settings.inactive_rule``."""
    if settings.inactive_rule == "pos_off":
        return not record["activepos"]
    if settings.inactive_rule == "web_off":
        return not record["active"]
    return not record["active"] and not record["activepos"]


def _filters(ctx: Ctx, records: list[Record]) -> list[Record]:
    if not ctx.query_bool("includeinactive", False):
        records = [row for row in records if not is_inactive(ctx.settings, row)]
    since = ctx.query_int("datelastmodified")
    if since is not None:
        inclusive = ctx.settings.datelastmodified_inclusive
        records = [
            row
            for row in records
            if row["datemodified"] > since or (inclusive and row["datemodified"] == since)
        ]
    skus = set(ctx.query_values("sku"))
    if skus:
        records = [row for row in records if row["sku"] in skus]
    ids = set(ctx.query_ints("productid"))
    if ids:
        records = [row for row in records if row["productid"] in ids]
    return records


def family(ctx: Ctx, mainid: int) -> list[Record]:
    """The main product ``mainid`` and its variants, by productid."""
    members = [row for row in ctx.site.table(PRODUCTS).rows.values() if row["variantparentid"] == mainid]
    return sorted(members, key=lambda row: int(row["productid"]))


def _before_delete(ctx: Ctx, record: Record) -> None:
    productid = record["productid"]
    if record["variantparentid"] != productid:
        return
    others = [row for row in family(ctx, productid) if row["productid"] != productid]
    if others and ctx.settings.product_delete_main == "refuse":
        raise bad_request(f"Product {productid} is the main product of {len(others)} variants")
    for row in others:
        ctx.site.table(PRODUCTS).discard(row["productid"])


RESOURCE = Resource(
    table=PRODUCTS,
    writable=WRITABLE,
    defaults=defaults,
    required=("sku",),
    timestamps=True,
    validate=_validate,
    view=show,
    filters=_filters,
    on_delete=_before_delete,
    default_fields=DEFAULT_FIELDS,
)


def create_product(ctx: Ctx, body: dict[str, Any]) -> int:
    return RESOURCE.create(ctx, body)


PLUGIN = Plugin(routes=RESOURCE.routes("products", batch=True))
