"""Price lists and their items; list 1 is the default list and mirrors each product's ``moneyprice``.

Every site has list 1, which cannot be deleted, and at most ``max_pricelists`` (100) lists
[SPEC]. Items are set (upsert) and deleted in batches keyed by ``sku`` or ``productid`` and
listed by ``productid``. Writing an item of list 1 writes the product's ``moneyprice`` and the
other way round, since both are the same price [INF §8.13].
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.sitoo.context import ApiRoute, Ctx, Plugin
from possync_sandbox.sitoo.crud import object_routes
from possync_sandbox.sitoo.errors import SitooError, bad_request
from possync_sandbox.sitoo.listing import envelope
from possync_sandbox.sitoo.store import Record, SiteState, SitooStore, Table, TableSpec
from possync_sandbox.sitoo.tables import PRODUCTS, product_by_sku
from possync_sandbox.sitoo.wire import (
    Coercer,
    boolean,
    coerce_fields,
    integer,
    money,
    nullable,
    text,
    text_list,
)
from possync_sandbox.sitoo.writing import single_or_batch

DEFAULT_LIST = 1
PRICELISTS = TableSpec("pricelists", "pricelistid", "Price list")
LIST_FIELDS: dict[str, Coercer] = {
    "pricelistname": text,
    "pricelistdescription": text,
    "active": boolean,
    "externalid": nullable(text),
    "currencycode": text,
    "tags": text_list,
}


def list_items_table(site: SiteState, pricelistid: int) -> Table:
    """Items of one list keyed by ``productid``; for list 1 only the volume levels live here."""
    return site.table(TableSpec(f"pricelistitems/{pricelistid}", "productid", "Price list item"))


def add_pricelist(store: SitooStore, site: SiteState, fields: dict[str, Any], currency: str) -> Record:
    record: Record = {
        "pricelistid": store.next_id("pricelistid"),
        "pricelistname": "",
        "pricelistdescription": "",
        "active": True,
        "externalid": None,
        "currencycode": currency,
        "tags": [],
        **fields,
    }
    return site.table(PRICELISTS).put(record)


def create(ctx: Ctx, body: dict[str, Any]) -> int:
    if body.get("pricelistname") in (None, ""):
        raise bad_request("Missing required field pricelistname")
    if len(ctx.site.table(PRICELISTS)) >= ctx.settings.max_pricelists:
        raise bad_request(f"At most {ctx.settings.max_pricelists} price lists are allowed")
    fields = coerce_fields(body, LIST_FIELDS)
    return int(add_pricelist(ctx.store, ctx.site, fields, ctx.settings.currency)["pricelistid"])


def the_list(ctx: Ctx) -> Record:
    return ctx.site.table(PRICELISTS).require(ctx.path_int("pricelistid"))


def update(ctx: Ctx, body: dict[str, Any]) -> bool:
    the_list(ctx).update(coerce_fields(body, LIST_FIELDS))
    return True


def delete(ctx: Ctx) -> bool:
    record = the_list(ctx)
    if record["pricelistid"] == DEFAULT_LIST:
        raise bad_request("The default price list cannot be deleted")
    ctx.site.table(PRICELISTS).delete(record["pricelistid"])
    ctx.site.tables.pop(list_items_table(ctx.site, record["pricelistid"]).spec.name, None)
    return True


def _product(ctx: Ctx, body: dict[str, Any]) -> Record:
    """The product an item names by ``productid`` or ``sku`` [DOC guide]."""
    if body.get("productid") is not None:
        return ctx.site.table(PRODUCTS).require(integer(body["productid"], "productid"))
    sku = body.get("sku")
    product = product_by_sku(ctx.site, str(sku)) if sku else None
    if product is None:
        raise SitooError(404, f"Product {sku} not found") if sku else bad_request("Missing sku or productid")
    return product


def _volume(value: Any) -> list[Record] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise bad_request("Invalid value for field moneypricevolume")
    levels = []
    for level in value:
        if not isinstance(level, dict) or level.get("levelstart") is None or level.get("moneyprice") is None:
            raise bad_request("Each volume level needs levelstart and moneyprice")
        levels.append({"levelstart": integer(level["levelstart"]), "moneyprice": money(level["moneyprice"])})
    return levels


def set_item(ctx: Ctx, body: dict[str, Any]) -> bool:
    pricelistid = the_list(ctx)["pricelistid"]
    if body.get("moneyprice") is None:
        raise bad_request("Missing required field moneyprice")
    product = _product(ctx, body)
    price = money(body["moneyprice"], "moneyprice")
    volume = _volume(body.get("moneypricevolume"))
    row = {"productid": product["productid"], "moneyprice": price, "moneypricevolume": volume}
    list_items_table(ctx.site, pricelistid).put(row)
    if pricelistid == DEFAULT_LIST:
        product["moneyprice"] = price
        product["pricelisthasvolume"] = bool(volume)
        product["datemodified"] = ctx.now()
    return True


def delete_item(ctx: Ctx, body: dict[str, Any]) -> bool:
    pricelistid = the_list(ctx)["pricelistid"]
    if pricelistid == DEFAULT_LIST:
        raise bad_request("Items of the default price list cannot be deleted; set the price instead")
    list_items_table(ctx.site, pricelistid).delete(_product(ctx, body)["productid"])
    return True


def list_items(ctx: Ctx) -> dict[str, Any]:
    pricelistid = the_list(ctx)["pricelistid"]
    stored = list_items_table(ctx.site, pricelistid)
    products = ctx.site.table(PRODUCTS)
    if pricelistid == DEFAULT_LIST:
        rows = [_default_item(product, stored.get(product["productid"])) for product in products]
    else:
        rows = [
            {**row, "sku": products.require(row["productid"])["sku"]}
            for row in stored
            if row["productid"] in products.rows
        ]
    return envelope(ctx, rows)


def _default_item(product: Record, stored: Record | None) -> Record:
    volume = stored.get("moneypricevolume") if stored else None
    return {
        "productid": product["productid"],
        "sku": product["sku"],
        "moneyprice": product["moneyprice"],
        "moneypricevolume": volume,
    }


def seed_site(store: SitooStore, site: SiteState) -> None:
    add_pricelist(store, site, {"pricelistname": "Default Price List"}, "SEK")


PRICELIST = "pricelists/{pricelistid:int}"
PLUGIN = Plugin(
    routes=[
        *object_routes("pricelists", PRICELISTS, create=create, update=update, delete=delete),
        ApiRoute(
            f"{PRICELIST}/pricelistitems",
            {
                "GET": list_items,
                "PUT": lambda ctx: single_or_batch(ctx, set_item),
                "DELETE": lambda ctx: single_or_batch(ctx, delete_item),
            },
        ),
    ],
    seed_site=seed_site,
)
