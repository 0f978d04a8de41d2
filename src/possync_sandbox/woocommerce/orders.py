"""Orders (``/orders``), with their notes and refunds routes: create, read, update, delete, batch.

Create and update follow the REST orders controller: fields and lines first, totals
recalculated, then the status (so the transition sees the final order), then ``set_paid`` as
``payment_complete``. A create saves the order twice, so it fires ``order.created`` and
``order.updated``. Deleting trashes (``order.deleted``) unless ``force=true``; a PUT with a status
takes an order out of the trash as a plain update (``order.restored`` is the admin's Restore,
``untrash.py``). The list filters by status (comma list, ``any``), customer, product, dates,
search and the CRUD filters.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from possync_sandbox.woocommerce import order_notes, order_status, refunds
from possync_sandbox.woocommerce.batch import batch_route
from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, created, route
from possync_sandbox.woocommerce.errors import WooError, already_exists, invalid_id, not_in_enum
from possync_sandbox.woocommerce.listing import ARRAY_PARAMS, filter_records, order_records, page_reply
from possync_sandbox.woocommerce.order_view import needs_payment, serialise
from possync_sandbox.woocommerce.order_write import apply_fields, apply_lines, new_order
from possync_sandbox.woocommerce.schema import Rule, validate
from possync_sandbox.woocommerce.store import Record, Store

ROUTES: list[Route] = []
ORDER_RULES: dict[str, Rule] = {
    "parent_id": "integer",
    "customer_id": "integer",
    "customer_note": "string",
    "billing": "object",
    "shipping": "object",
    "payment_method": "string",
    "payment_method_title": "string",
    "transaction_id": "string",
    "meta_data": "array",
    "line_items": "array",
    "shipping_lines": "array",
    "fee_lines": "array",
    "coupon_lines": "array",
    "set_paid": "boolean",
}
DRAFTS = frozenset({"auto-draft", "checkout-draft"})
"""Draft orders are skipped by webhooks and hidden from ``status=any``."""
HIDDEN_FROM_ANY = DRAFTS | {"trash"}
SEARCHED = ("first_name", "last_name", "company", "email", "phone", "address_1", "city")


def dp(ctx: RequestContext) -> int:
    return ctx.int_param("dp", 2)


def order_or_fail(ctx: RequestContext, status: int) -> Record:
    order = ctx.store.orders.get(int(ctx.path_params["id"]))
    if order is None:
        raise invalid_id("shop_order", status)
    return order


def wanted_status(ctx: RequestContext) -> str | None:
    """The posted ``status``: refused when unknown, or, inside a batch, read as ``pending``."""
    value = ctx.body.get("status")
    if value in (None, ""):
        return None
    allowed = order_status.write_enum(ctx.settings)
    if str(value) in allowed:
        return str(value)
    if ctx.in_batch:
        return "pending"
    raise not_in_enum("status", allowed)


def set_status(store: Store, order: Record, status: str) -> None:
    old = order["status"]
    order["status"] = status
    order_status.transition(store, order, old, status)


def _finish(ctx: RequestContext, order: Record, status: str | None, *, creating: bool) -> None:
    if status:
        set_status(ctx.store, order, status)
    if ctx.bool_param("set_paid") and (creating or needs_payment(order)):
        order_status.payment_complete(ctx.store, order, ctx.body.get("transaction_id"))
    ctx.store.touch(order)


@route(ROUTES, "POST", "/orders", "create")
async def create_order(ctx: RequestContext) -> Reply:
    if ctx.body.get("id"):
        raise already_exists("shop_order")
    validate(ctx, ctx.body, ORDER_RULES)
    status = wanted_status(ctx)
    order = new_order(ctx.store, 0)
    apply_fields(ctx, order, creating=True)
    apply_lines(ctx, order, creating=True)
    order["id"] = ctx.store.new_post_id()
    order["number"] = str(order["id"])
    ctx.store.orders[order["id"]] = order
    _finish(ctx, order, status, creating=True)
    if order["status"] not in DRAFTS:
        ctx.store.emit("order.created", order["id"])
        ctx.store.emit("order.updated", order["id"])
    return created(ctx.view, serialise(ctx.view, order, dp(ctx)), f"/orders/{order['id']}")


@route(ROUTES, "GET", "/orders/<id>", "view")
async def get_order(ctx: RequestContext) -> Reply:
    return Reply(serialise(ctx.view, order_or_fail(ctx, 404), dp(ctx)))


@route(ROUTES, "PUT,PATCH,POST", "/orders/<id>", "edit")
async def update_order(ctx: RequestContext) -> Reply:
    stored = order_or_fail(ctx, 400)
    validate(ctx, ctx.body, ORDER_RULES)
    status = wanted_status(ctx)
    order = copy.deepcopy(stored)
    apply_fields(ctx, order, creating=False)
    apply_lines(ctx, order, creating=False)
    ctx.store.orders[order["id"]] = order
    _finish(ctx, order, status, creating=False)
    ctx.store.emit("order.updated", order["id"])
    return Reply(serialise(ctx.view, order, dp(ctx)))


@route(ROUTES, "DELETE", "/orders/<id>", "delete")
async def delete_order(ctx: RequestContext) -> Reply:
    order = order_or_fail(ctx, 404)
    body = serialise(ctx.view, order, dp(ctx))
    if ctx.bool_param("force"):
        remove_order(ctx.store, order["id"])
        return Reply(body)
    if order["status"] == "trash":
        raise WooError("woocommerce_rest_already_trashed", "The shop_order has already been deleted.", 410)
    order["trashed_status"] = order["status"]
    order["status"] = "trash"
    ctx.store.touch(order)
    ctx.store.emit("order.deleted", order["id"])
    return Reply(body)


def remove_order(store: Store, order_id: int) -> None:
    """Delete an order for good, with its refunds and notes."""
    store.orders.pop(order_id, None)
    for table in (store.refunds, store.notes):
        for key in [k for k, row in table.items() if order_id in (row.get("parent_id"), row.get("order_id"))]:
            del table[key]


@route(ROUTES, "GET", "/orders", "list")
async def list_orders(ctx: RequestContext) -> Reply:
    rows = _by_status(ctx, list(ctx.store.orders.values()))
    rows = _by_references(ctx, rows)
    search = str(ctx.query.get("search") or "").strip().lower()
    if search:
        rows = [row for row in rows if all(word in _search_text(row) for word in search.split())]
    plain = replace(ctx, query={k: v for k, v in ctx.query.items() if k != "search"})
    rows = order_records(ctx, filter_records(plain, rows))
    arrays = ARRAY_PARAMS | {"status", "created_via"} if ctx.version == "v3" else ARRAY_PARAMS
    return page_reply(ctx, rows, lambda row: serialise(ctx.view, row, dp(ctx)), array_params=arrays)


def _by_status(ctx: RequestContext, rows: list[Record]) -> list[Record]:
    allowed = order_status.filter_enum(ctx.settings)
    raw: Any = ctx.query.get("status", "any")
    wanted = [str(raw)] if ctx.version == "v2" else ctx.list_param("status") or ["any"]
    for index, value in enumerate(wanted):
        if value not in allowed:
            name = "status" if ctx.version == "v2" else f"status[{index}]"
            raise WooError(*_enum_error(name, allowed))
    if "any" in wanted:
        return [row for row in rows if row["status"] not in HIDDEN_FROM_ANY]
    return [row for row in rows if row["status"] in wanted]


def _enum_error(name: str, allowed: list[str]) -> tuple[str, str, int, dict[str, Any]]:
    """``rest_invalid_param`` naming the list element (``status[0] is not one of ...``)."""
    error = not_in_enum(name, allowed)
    data = error.data if isinstance(error.data, dict) else {}
    return (
        error.code,
        "Invalid parameter(s): status",
        400,
        {
            "params": {"status": data["params"][name]},
            "details": {"status": data["details"][name]},
        },
    )


def _by_references(ctx: RequestContext, rows: list[Record]) -> list[Record]:
    customer = ctx.query.get("customer")
    if customer not in (None, ""):
        rows = [row for row in rows if row.get("customer_id") == ctx.int_param("customer", 0)]
    product = ctx.int_param("product", 0)
    if product:
        rows = [row for row in rows if any(product in _ids(line) for line in row.get("line_items", []))]
    parents = ctx.id_list_param("parent")
    if parents:
        rows = [row for row in rows if row.get("parent_id") in parents]
    via = ctx.list_param("created_via") if ctx.version == "v3" else None
    if via:
        rows = [row for row in rows if row.get("created_via") in via]
    return rows


def _ids(line: Record) -> tuple[Any, Any]:
    return line.get("product_id"), line.get("variation_id")


def _search_text(order: Record) -> str:
    parts = [str(order["id"]), str(order.get("number", ""))]
    for address in (order.get("billing", {}), order.get("shipping", {})):
        parts.extend(str(address.get(field, "")) for field in SEARCHED)
    parts.extend(str(line.get("name", "")) for line in order.get("line_items", []))
    return " ".join(parts).lower()


batch_route(ROUTES, "/orders/batch", "orders", create=create_order, update=update_order, delete=delete_order)
ROUTES.extend([*order_notes.ROUTES, *refunds.ROUTES])
