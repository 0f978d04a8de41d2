"""Order refunds (``/orders/<order_id>/refunds``): ``wc_create_refund`` as the REST API calls it.

A refund takes an ``amount`` (or the sum of its ``line_items``), never more than what is left
to refund; ``api_refund`` (default true) asks the payment gateway, which the offline shop never
has, so it fails as a real shop without a refunding gateway does. Refunded lines come back with
negative quantities and totals; ``api_restock`` (default true) puts their quantity back in stock.
A refund reaching the order total moves the order to ``refunded``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, View, created, route
from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.listing import filter_records, order_records, page_reply
from possync_sandbox.woocommerce.order_lines import as_int, set_meta
from possync_sandbox.woocommerce.order_notes import add_note, order_of
from possync_sandbox.woocommerce.order_status import meta_ids, stock_changer, transition
from possync_sandbox.woocommerce.order_stock import restock_refunded
from possync_sandbox.woocommerce.order_totals import money, precise
from possync_sandbox.woocommerce.order_view import line_item, public_meta
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import date_pair
from possync_sandbox.woocommerce.wire import decimal as dec

ROUTES: list[Route] = []
NO_REFUND_GATEWAYS = frozenset({"bacs", "cheque", "cod"})


def refunded_total(store: Store, order_id: int) -> Decimal:
    return sum((dec(r["amount"]) for r in store.refunds.values() if r["parent_id"] == order_id), Decimal(0))


def serialise(view: View, refund: Record, dp: int = 2) -> dict[str, Any]:
    path = f"/orders/{refund['parent_id']}/refunds"
    return {
        "id": refund["id"],
        **date_pair(refund, "date_created", view.timezone),
        "amount": money(refund["amount"], dp),
        "reason": refund.get("reason", ""),
        "refunded_by": refund.get("refunded_by", 1),
        "refunded_payment": bool(refund.get("refunded_payment")),
        "meta_data": public_meta(refund.get("meta_data", [])),
        "line_items": [line_item(view, line, dp) for line in refund.get("line_items", [])],
        "_links": view.links(f"{path}/{refund['id']}", path, up=f"/orders/{refund['parent_id']}"),
    }


def _cannot(message: str) -> WooError:
    return WooError("woocommerce_rest_cannot_create_order_refund", message, 500, 500)


def _negated(line: Record, quantity: int, total: Decimal, taxes: dict[int, Decimal]) -> Record:
    """The refund's copy of an order line: negative quantity, totals and taxes."""
    return {
        **{k: line.get(k) for k in ("name", "product_id", "variation_id", "tax_class", "sku", "image_id")},
        "id": 0,
        "parent_name": line.get("parent_name"),
        "quantity": -quantity,
        "subtotal": precise(-total),
        "total": precise(-total),
        "subtotal_tax": precise(-sum(taxes.values(), Decimal(0))),
        "total_tax": precise(-sum(taxes.values(), Decimal(0))),
        "taxes": [{"id": k, "total": precise(-v), "subtotal": precise(-v)} for k, v in taxes.items()],
        "meta_data": [],
    }


def _refund_lines(store: Store, order: Record, posted: Any) -> list[tuple[Record, Record, int]]:
    """(order line, refund line, quantity) for each posted ``line_items`` entry."""
    found = []
    lines = {line["id"]: line for line in order.get("line_items", [])}
    for entry in posted if isinstance(posted, list) else []:
        line = lines.get(as_int(entry.get("id"))) if isinstance(entry, dict) else None
        if line is None:
            continue
        quantity = as_int(entry.get("quantity"))
        taxes = {as_int(t.get("id")): dec(t.get("refund_total")) for t in _dicts(entry.get("refund_tax"))}
        refund_line = _negated(line, quantity, dec(entry.get("refund_total")), taxes)
        refund_line["id"] = store.new_id("order_item")
        refund_line["meta_data"] = [
            {"id": store.new_id("meta"), "key": "_refunded_item_id", "value": str(line["id"])}
        ]
        found.append((line, refund_line, quantity))
    return found


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def _amount(ctx: RequestContext, lines: list[tuple[Record, Record, int]]) -> Decimal:
    if ctx.param("amount") not in (None, ""):
        return dec(ctx.param("amount"))
    return sum((-dec(r["total"]) - dec(r["total_tax"]) for _, r, _ in lines), Decimal(0))


@route(ROUTES, "POST", "/orders/<order_id>/refunds", "create")
async def create_refund(ctx: RequestContext) -> Reply:
    order = order_of(ctx)
    store = ctx.store
    lines = _refund_lines(store, order, ctx.param("line_items") if ctx.version == "v3" else None)
    amount = _amount(ctx, lines)
    if amount < 0:
        raise WooError(
            "woocommerce_rest_invalid_order_refund", "Refund amount must be greater than zero.", 400
        )
    left = dec(order.get("total")) - refunded_total(store, order["id"])
    if amount > left:
        raise _cannot("Invalid refund amount.")
    if ctx.bool_param("api_refund", True):
        gateway = order.get("payment_method") or ""
        if gateway in NO_REFUND_GATEWAYS:
            raise _cannot("The payment gateway for this order does not support automatic refunds.")
        raise _cannot("The payment gateway for this order does not exist.")
    refund = {
        "id": store.new_post_id(),
        "parent_id": order["id"],
        "date_created_gmt": store.now(),
        "amount": precise(amount),
        "total_tax": precise(sum((-dec(r["total_tax"]) for _, r, _ in lines), Decimal(0))),
        "reason": str(ctx.param("reason") or ""),
        "refunded_by": ctx.key.user_id if ctx.key else 1,
        "refunded_payment": False,
        "meta_data": [],
        "line_items": [refund_line for _, refund_line, _ in lines],
    }
    set_meta(store, refund, ctx.param("meta_data"))
    store.refunds[refund["id"]] = refund
    if ctx.bool_param("api_restock", True):
        _restock(store, order, lines)
    if amount == left:
        _fully_refunded(store, order)
    store.touch(order)
    store.emit("order.updated", order["id"])
    path = f"/orders/{order['id']}/refunds/{refund['id']}"
    return created(ctx.view, serialise(ctx.view, refund, ctx.int_param("dp", 2)), path)


def _restock(store: Store, order: Record, lines: list[tuple[Record, Record, int]]) -> None:
    for line, _, quantity in lines:
        note = restock_refunded(order, line, quantity, stock_changer(store), meta_ids(store))
        if note:
            add_note(store, order, note)


def _fully_refunded(store: Store, order: Record) -> None:
    """``wc_order_fully_refunded``: the status becomes ``refunded`` (stock is not restored)."""
    old = order["status"]
    order["status"] = "refunded"
    transition(store, order, old, "refunded")


def _refund_of(ctx: RequestContext, order: Record) -> Record:
    refund = ctx.store.refunds.get(int(ctx.path_params["id"]))
    if refund is None or refund["parent_id"] != order["id"]:
        raise WooError("woocommerce_rest_shop_order_refund_invalid_id", "Invalid ID.", 404)
    return refund


@route(ROUTES, "GET", "/orders/<order_id>/refunds", "list")
async def list_refunds(ctx: RequestContext) -> Reply:
    order = order_of(ctx)
    rows = [r for r in ctx.store.refunds.values() if r["parent_id"] == order["id"]]
    rows = order_records(ctx, filter_records(ctx, rows, modified=None))
    return page_reply(ctx, rows, lambda r: serialise(ctx.view, r, ctx.int_param("dp", 2)))


@route(ROUTES, "GET", "/orders/<order_id>/refunds/<id>", "view")
async def get_refund(ctx: RequestContext) -> Reply:
    return Reply(serialise(ctx.view, _refund_of(ctx, order_of(ctx)), ctx.int_param("dp", 2)))


@route(ROUTES, "DELETE", "/orders/<order_id>/refunds/<id>", "delete")
async def delete_refund(ctx: RequestContext) -> Reply:
    order = order_of(ctx)
    refund = _refund_of(ctx, order)
    if not ctx.bool_param("force"):
        raise WooError("woocommerce_rest_trash_not_supported", "Refunds do not support trashing.", 501)
    body = serialise(ctx.view, refund)
    del ctx.store.refunds[refund["id"]]
    ctx.store.emit("order.updated", order["id"])
    return Reply(body)
