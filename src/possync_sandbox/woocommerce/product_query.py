"""The product list: WooCommerce's filters on ``GET /products`` and its default ordering.

``sku`` takes a comma list (and the whole string as one SKU), matches exactly but
case-insensitively, and also finds variations, as does ``search_sku`` (partial, v3). The
default order is ``date desc`` without an id tie-breaker, as observed on real shops.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from possync_sandbox.woocommerce.context import Reply, RequestContext
from possync_sandbox.woocommerce.listing import (
    POST_ORDERBY,
    enum_param,
    filter_records,
    order_records,
    page_reply,
)
from possync_sandbox.woocommerce.product_fields import on_sale
from possync_sandbox.woocommerce.product_view import display_price, product_json
from possync_sandbox.woocommerce.schema import PRODUCT_TYPES, STOCK_STATUSES
from possync_sandbox.woocommerce.sku import sku_key
from possync_sandbox.woocommerce.stock import effective_stock
from possync_sandbox.woocommerce.store import Record
from possync_sandbox.woocommerce.wire import decimal

LIST_STATUSES = ["any", "future", "trash", "draft", "pending", "private", "publish"]
ORDERBY = {
    **POST_ORDERBY,
    "price": "_price",
    "popularity": "total_sales",
    "rating": "id",
    "menu_order": "menu_order",
}
ARRAY_PARAMS = frozenset({"include", "exclude", "parent", "parent_exclude"})


def _by_sku(ctx: RequestContext) -> list[Record] | None:
    everything = [*ctx.store.products.values(), *ctx.store.variations.values()]
    partial = ctx.query.get("search_sku") if ctx.version == "v3" else None
    if isinstance(partial, str) and partial:
        return [r for r in everything if partial.lower() in r.get("sku", "").lower()]
    sku = ctx.query.get("sku")
    if not isinstance(sku, str) or sku == "":
        return None
    wanted = {sku_key(part) for part in sku.split(",")} | {sku_key(sku)}
    return [r for r in everything if r.get("sku") and sku_key(r["sku"]) in wanted]


def _status(ctx: RequestContext, rows: list[Record]) -> list[Record]:
    status = enum_param(ctx, "status", LIST_STATUSES, "any")
    if status == "any":
        return [r for r in rows if r.get("status") not in ("trash", "auto-draft")]
    return [r for r in rows if r.get("status") == status]


def _in_terms(ctx: RequestContext, rows: list[Record], param: str, field: str) -> list[Record]:
    ids = ctx.id_list_param(param)
    if not ids:
        return rows
    return [r for r in rows if set(ids) & set(_parent_or_self(ctx, r).get(field, []))]


def _parent_or_self(ctx: RequestContext, record: Record) -> Record:
    if record.get("type") == "variation":
        return ctx.store.products.get(record.get("parent_id", 0), record)
    return record


def _stock(ctx: RequestContext, rows: list[Record]) -> list[Record]:
    store = ctx.store
    if ctx.version == "v3" and ctx.query.get("stock_status"):
        wanted = enum_param(ctx, "stock_status", STOCK_STATUSES, "instock")
        return [r for r in rows if effective_stock(store, r)[2] == wanted]
    if ctx.version == "v2" and ctx.query.get("in_stock") not in (None, ""):
        in_stock = ctx.bool_param("in_stock")
        return [r for r in rows if (effective_stock(store, r)[2] != "outofstock") == in_stock]
    return rows


def _prices(ctx: RequestContext, rows: list[Record]) -> list[Record]:
    store = ctx.store
    if ctx.query.get("on_sale") not in (None, ""):
        rows = [r for r in rows if on_sale(r, store.now()) == ctx.bool_param("on_sale")]
    for name, sign in (("min_price", 1), ("max_price", -1)):
        bound = ctx.query.get(name)
        if bound not in (None, ""):
            limit = decimal(bound) * sign
            prices = ((r, display_price(store, r)) for r in rows)
            rows = [r for r, price in prices if price != "" and Decimal(price) * sign >= limit]
    return rows


def _simple_filters(ctx: RequestContext, rows: list[Record]) -> list[Record]:
    if ctx.query.get("type"):
        kind = enum_param(ctx, "type", PRODUCT_TYPES, "simple")
        rows = [r for r in rows if r.get("type") == kind]
    if ctx.query.get("featured") not in (None, ""):
        rows = [r for r in rows if r.get("featured", False) == ctx.bool_param("featured")]
    if ctx.query.get("tax_class"):
        rows = [
            r for r in rows if r.get("tax_class", "") == str(ctx.query["tax_class"]).replace("standard", "")
        ]
    if ctx.query.get("slug"):
        rows = [r for r in rows if r.get("slug") == ctx.query["slug"]]
    parents = ctx.id_list_param("parent")
    if parents:
        rows = [r for r in rows if r.get("parent_id", 0) in parents]
    excluded = ctx.id_list_param("parent_exclude")
    if excluded:
        rows = [r for r in rows if r.get("parent_id", 0) not in excluded]
    return rows


def _attribute(ctx: RequestContext, rows: list[Record]) -> list[Record]:
    taxonomy, term_id = ctx.query.get("attribute"), ctx.query.get("attribute_term")
    if not taxonomy or not term_id:
        return rows
    term = ctx.store.terms.get(int(str(term_id))) if str(term_id).isdigit() else None
    if term is None:
        return []
    return [
        r
        for r in rows
        if any(
            a.get("id") == term["attribute_id"] and term["name"] in a.get("options", [])
            for a in r.get("attributes", [])
        )
    ]


def list_products(ctx: RequestContext) -> Reply:
    rows = _by_sku(ctx)
    rows = _status(ctx, rows if rows is not None else list(ctx.store.products.values()))
    for step in (_simple_filters, _stock, _prices, _attribute):
        rows = step(ctx, rows)
    rows = _in_terms(ctx, rows, "category", "categories")
    rows = _in_terms(ctx, rows, "tag", "tags")
    rows = filter_records(ctx, rows)
    if ctx.query.get("orderby") == "price":
        rows = [r | {"_price": _price_key(ctx, r)} for r in rows]
    rows = order_records(ctx, rows, fields=ORDERBY, tie_break=False)
    view = ctx.view
    return page_reply(ctx, rows, lambda r: product_json(view, _strip(r)), array_params=ARRAY_PARAMS)


def _price_key(ctx: RequestContext, record: Record) -> Decimal:
    price = display_price(ctx.store, record)
    return Decimal(price) if price else Decimal(0)


def _strip(record: Record) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "_price"} if "_price" in record else record
