"""Applying a create or update body to a stored order, the way the REST orders controller does.

Plain fields and addresses are set, then every ``*_lines`` group: lines added, edited or removed,
coupons removed and re-applied. On an order that already reduced stock, edited and removed line
items move stock at once (added ones too from WooCommerce 10 on). Totals are recalculated on
create, and on update only when addresses or lines were sent.
"""

from __future__ import annotations

import secrets
import string
from typing import Any

from possync_sandbox.woocommerce import order_lines, order_stock
from possync_sandbox.woocommerce.context import RequestContext
from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.order_notes import add_note
from possync_sandbox.woocommerce.order_status import meta_ids, stock_changer
from possync_sandbox.woocommerce.order_totals import precise, recalculate
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import decimal as dec

ADDRESS = (
    "first_name",
    "last_name",
    "company",
    "address_1",
    "address_2",
    "city",
    "state",
    "postcode",
    "country",
)
BILLING = (*ADDRESS, "email", "phone")
SHIPPING = (*ADDRESS, "phone")
TEXTS = ("currency", "customer_note", "payment_method", "payment_method_title", "transaction_id")
SHOP_USERS = frozenset({1})


def new_order(store: Store, order_id: int) -> Record:
    """A fresh ``pending`` REST order with WooCommerce's defaults."""
    now = store.now()
    key = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(13))
    return {
        "id": order_id,
        "parent_id": 0,
        "number": str(order_id),
        "order_key": f"wc_order_{key}",
        "created_via": "rest-api",
        "version": store.settings.wc_version,
        "status": "pending",
        "currency": store.settings.currency,
        "prices_include_tax": store.settings.prices_include_tax,
        "date_created_gmt": now,
        "date_modified_gmt": now,
        "date_paid_gmt": None,
        "date_completed_gmt": None,
        "customer_id": 0,
        "billing": dict.fromkeys(BILLING, ""),
        "shipping": dict.fromkeys(SHIPPING, ""),
        **dict.fromkeys(("payment_method", "payment_method_title", "transaction_id", "customer_note"), ""),
        "customer_ip_address": "",
        "customer_user_agent": "",
        "cart_hash": "",
        "meta_data": [],
        **{group: [] for group in order_lines.LINE_TYPES},
        "tax_lines": [],
    }


def apply_fields(ctx: RequestContext, order: Record, *, creating: bool) -> None:
    body = ctx.body
    if "customer_id" in body:
        customer = order_lines.as_int(body["customer_id"])
        users = SHOP_USERS | {key.user_id for key in ctx.settings.keys}
        if customer and customer not in users:
            raise WooError("woocommerce_rest_invalid_customer_id", "Customer ID is invalid.", 400)
        order["customer_id"] = customer
    if "parent_id" in body:
        order["parent_id"] = order_lines.as_int(body["parent_id"])
    for name in TEXTS:
        if name in body and body[name] is not None:
            order[name] = str(body[name])
    if creating and ctx.version == "v3" and body.get("created_via"):
        order["created_via"] = str(body["created_via"])
    for name, fields in (("billing", BILLING), ("shipping", SHIPPING)):
        if isinstance(body.get(name), dict):
            address = order.setdefault(name, dict.fromkeys(fields, ""))
            address.update({k: str(v) for k, v in body[name].items() if k in fields and v is not None})
    if "meta_data" in body:
        order_lines.set_meta(ctx.store, order, body["meta_data"])


def needs_recalculation(body: dict[str, Any]) -> bool:
    return any(name in body for name in ("billing", "shipping", *order_lines.LINE_TYPES))


def apply_lines(ctx: RequestContext, order: Record, *, creating: bool) -> None:
    """Every posted ``*_lines`` group, then the coupons, then (when needed) the totals."""
    body = ctx.body
    for group, prepare in (
        ("line_items", order_lines.prepare_line_item),
        ("shipping_lines", order_lines.prepare_shipping_line),
        ("fee_lines", order_lines.prepare_fee_line),
    ):
        for posted in _entries(body.get(group)):
            _apply_line(ctx, order, group, posted, prepare, creating=creating)
    if "coupon_lines" in body:
        _apply_coupons(ctx.store, order, _entries(body["coupon_lines"]))
    if creating or needs_recalculation(body):
        recalculate(order, order_lines.tax_rates(ctx.store), coupons=creating or "coupon_lines" in body)
        for line in order["tax_lines"]:
            line["id"] = line["id"] or ctx.store.new_id("order_item")


def _entries(value: Any) -> list[dict[str, Any]]:
    items = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else []
    return [item for item in items if isinstance(item, dict)]


def _apply_line(
    ctx: RequestContext,
    order: Record,
    group: str,
    posted: dict[str, Any],
    prepare: Any,
    *,
    creating: bool,
) -> None:
    lines: list[Record] = order[group]
    item_id = order_lines.as_int(posted.get("id"))
    if not item_id:
        line = prepare(ctx.store, posted, None)
        lines.append(line)
        if group == "line_items" and not creating:
            _adjust(ctx, order, line)
        return
    line = next((existing for existing in lines if existing["id"] == item_id), None)
    if line is None:
        message = "Order item ID provided is not associated with order."
        raise WooError("woocommerce_rest_invalid_item_id", message, 400)
    if order_lines.is_removal(posted):
        lines.remove(line)
        if group == "line_items":
            line["quantity"] = 0
            _adjust(ctx, order, line)
        return
    prepare(ctx.store, posted, line)
    if group == "line_items":
        _adjust(ctx, order, line)


def _adjust(ctx: RequestContext, order: Record, line: Record) -> None:
    """Stock follows an edited line of an order that already reduced stock."""
    added_lines_reduce = ctx.settings.version_tuple() >= (10,)
    note = order_stock.adjust_line(
        order, line, stock_changer(ctx.store), meta_ids(ctx.store), added_lines_reduce=added_lines_reduce
    )
    if note:
        add_note(ctx.store, order, note)


def _apply_coupons(store: Store, order: Record, posted: list[dict[str, Any]]) -> None:
    """Remove every coupon, then apply the posted codes; without coupons lines are undiscounted."""
    for entry in posted:
        if entry.get("id"):
            raise WooError("woocommerce_rest_coupon_item_id_readonly", "Coupon item ID is readonly.", 400)
        if not entry.get("code"):
            raise WooError("woocommerce_rest_invalid_coupon_code", "Coupon code is required.", 400)
    order["coupon_lines"] = [order_lines.prepare_coupon_line(store, entry) for entry in posted]
    if not order["coupon_lines"]:
        for item in order["line_items"]:
            item["total"] = precise(dec(item.get("subtotal")))
