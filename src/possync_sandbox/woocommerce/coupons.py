"""Coupons (``/coupons``): create, read, update, delete, batch, and the exact ``code`` filter.

Codes are stored lower-cased and are unique whatever their case among coupons not in the trash
(``woocommerce_rest_coupon_code_already_exists``); an empty code is refused. Amounts are money
strings. Changes emit ``coupon.created``/``updated``/``deleted`` (trash only) for webhooks. The
status is not writable (WooCommerce 9.4.2), so a PUT leaves a trashed coupon in the trash; only
the admin's Restore (``untrash.py``) takes it out, with ``coupon.restored``.
"""

from __future__ import annotations

import copy
import html
from typing import Any

from possync_sandbox.woocommerce.batch import batch_route
from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, View, created, route
from possync_sandbox.woocommerce.errors import WooError, already_exists, invalid_id, missing_param
from possync_sandbox.woocommerce.listing import filter_records, order_records, page_reply
from possync_sandbox.woocommerce.order_lines import as_int, set_meta
from possync_sandbox.woocommerce.order_totals import money
from possync_sandbox.woocommerce.schema import Rule, validate
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import date_pair, parse_input_date

ROUTES: list[Route] = []
DISCOUNT_TYPES = ["percent", "fixed_cart", "fixed_product"]
COUPON_RULES: dict[str, Rule] = {
    "code": "string",
    "amount": "string",
    "discount_type": DISCOUNT_TYPES,
    "description": "string",
    "individual_use": "boolean",
    "product_ids": "array",
    "excluded_product_ids": "array",
    "usage_limit": "integer",
    "usage_limit_per_user": "integer",
    "limit_usage_to_x_items": "integer",
    "free_shipping": "boolean",
    "product_categories": "array",
    "excluded_product_categories": "array",
    "exclude_sale_items": "boolean",
    "minimum_amount": "string",
    "maximum_amount": "string",
    "email_restrictions": "array",
    "meta_data": "array",
}
FLAGS = ("individual_use", "free_shipping", "exclude_sale_items")
ID_LISTS = ("product_ids", "excluded_product_ids", "product_categories", "excluded_product_categories")
LIMITS = ("usage_limit", "usage_limit_per_user", "limit_usage_to_x_items")
AMOUNTS = ("amount", "minimum_amount", "maximum_amount")


def format_code(code: Any) -> str:
    """``wc_format_coupon_code`` and the lower-casing WooCommerce applies on save."""
    return html.unescape(str(code)).strip().lower()


def find_by_code(store: Store, code: str, *, other_than: int = 0) -> Record | None:
    wanted = format_code(code)
    for coupon in store.coupons.values():
        if coupon["code"] == wanted and coupon.get("status") != "trash" and coupon["id"] != other_than:
            return coupon
    return None


def new_coupon(store: Store) -> Record:
    now = store.now()
    return {
        "id": 0,
        "code": "",
        "status": "publish",
        "date_created_gmt": now,
        "date_modified_gmt": now,
        "date_expires_gmt": None,
        "discount_type": "fixed_cart",
        "description": "",
        **dict.fromkeys(AMOUNTS, "0"),
        "usage_count": 0,
        **dict.fromkeys(FLAGS, False),
        **{name: [] for name in ID_LISTS},
        **dict.fromkeys(LIMITS),
        "email_restrictions": [],
        "used_by": [],
        "meta_data": [],
    }


def apply_body(store: Store, coupon: Record, body: dict[str, Any]) -> None:
    """Set every posted field; the caller checked the code."""
    if "code" in body:
        coupon["code"] = format_code(body["code"])
    for name in ("discount_type", "description"):
        if body.get(name) is not None:
            coupon[name] = str(body[name])
    for name in AMOUNTS:
        if name in body:
            coupon[name] = str(body[name] or "0")
    for name in FLAGS:
        if name in body:
            coupon[name] = bool(body[name]) and str(body[name]).lower() not in ("false", "0", "no")
    for name in ID_LISTS:
        if isinstance(body.get(name), list):
            coupon[name] = [int(v) for v in body[name] if str(v).isdigit() and int(v) > 0]
    for name in LIMITS:
        if name in body:
            coupon[name] = as_int(body[name]) or None
    if isinstance(body.get("email_restrictions"), list):
        coupon["email_restrictions"] = [str(v).strip().lower() for v in body["email_restrictions"]]
    _expiry(store, coupon, body)
    if "meta_data" in body:
        set_meta(store, coupon, body["meta_data"])


def _expiry(store: Store, coupon: Record, body: dict[str, Any]) -> None:
    tz = store.settings.timezone
    for name, is_gmt in (("date_expires", False), ("date_expires_gmt", True)):
        if name in body:
            value = body[name]
            coupon["date_expires_gmt"] = (
                parse_input_date(value, tz, is_gmt=is_gmt, param=name) if value else None
            )


def check_code(store: Store, body: dict[str, Any], coupon_id: int) -> None:
    if "code" not in body:
        return
    if not format_code(body["code"] or ""):
        raise WooError("woocommerce_rest_empty_coupon_code", "The coupon code cannot be empty.", 400)
    if find_by_code(store, body["code"], other_than=coupon_id) is not None:
        raise WooError("woocommerce_rest_coupon_code_already_exists", "The coupon code already exists", 400)


def create_coupon(store: Store, body: dict[str, Any]) -> Record:
    """Store a new coupon from a REST body (also used by the catalogue loader)."""
    if "code" not in body:
        raise missing_param("code")
    check_code(store, body, 0)
    coupon = new_coupon(store)
    apply_body(store, coupon, body)
    coupon["id"] = store.new_post_id()
    store.coupons[coupon["id"]] = coupon
    store.emit("coupon.created", coupon["id"])
    return coupon


def serialise(view: View, coupon: Record) -> dict[str, Any]:
    tz = view.timezone
    body: dict[str, Any] = {"id": coupon["id"], "code": coupon["code"], "amount": money(coupon["amount"])}
    if view.version == "v3":
        body["status"] = coupon.get("status", "publish")
    body.update(date_pair(coupon, "date_created", tz))
    body.update(date_pair(coupon, "date_modified", tz))
    body.update(discount_type=coupon["discount_type"], description=coupon["description"])
    body.update(date_pair(coupon, "date_expires", tz))
    body["usage_count"] = coupon.get("usage_count", 0)
    body["individual_use"] = coupon["individual_use"]
    body.update({name: list(coupon[name]) for name in ID_LISTS[:2]})
    body.update({name: coupon[name] for name in LIMITS})
    body["free_shipping"] = coupon["free_shipping"]
    body.update({name: list(coupon[name]) for name in ID_LISTS[2:]})
    body["exclude_sale_items"] = coupon["exclude_sale_items"]
    body.update(
        minimum_amount=money(coupon["minimum_amount"]), maximum_amount=money(coupon["maximum_amount"])
    )
    body.update(
        email_restrictions=list(coupon["email_restrictions"]), used_by=list(coupon.get("used_by", []))
    )
    body["meta_data"] = [{"id": m["id"], "key": m["key"], "value": m["value"]} for m in coupon["meta_data"]]
    body["_links"] = view.links(f"/coupons/{coupon['id']}", "/coupons")
    return body


def coupon_or_fail(ctx: RequestContext, status: int) -> Record:
    coupon = ctx.store.coupons.get(int(ctx.path_params["id"]))
    if coupon is None:
        raise invalid_id("shop_coupon", status)
    return coupon


@route(ROUTES, "POST", "/coupons", "create")
async def create(ctx: RequestContext) -> Reply:
    if ctx.body.get("id"):
        raise already_exists("shop_coupon")
    validate(ctx, ctx.body, COUPON_RULES)
    coupon = create_coupon(ctx.store, ctx.body)
    return created(ctx.view, serialise(ctx.view, coupon), f"/coupons/{coupon['id']}")


@route(ROUTES, "GET", "/coupons/<id>", "view")
async def get(ctx: RequestContext) -> Reply:
    return Reply(serialise(ctx.view, coupon_or_fail(ctx, 404)))


@route(ROUTES, "PUT,PATCH,POST", "/coupons/<id>", "edit")
async def update(ctx: RequestContext) -> Reply:
    stored = coupon_or_fail(ctx, 400)
    validate(ctx, ctx.body, COUPON_RULES)
    check_code(ctx.store, ctx.body, stored["id"])
    coupon = copy.deepcopy(stored)
    apply_body(ctx.store, coupon, ctx.body)
    ctx.store.coupons[coupon["id"]] = coupon
    ctx.store.touch(coupon)
    ctx.store.emit("coupon.updated", coupon["id"])
    return Reply(serialise(ctx.view, coupon))


@route(ROUTES, "DELETE", "/coupons/<id>", "delete")
async def delete(ctx: RequestContext) -> Reply:
    coupon = coupon_or_fail(ctx, 404)
    body = serialise(ctx.view, coupon)
    if ctx.bool_param("force"):
        del ctx.store.coupons[coupon["id"]]
        return Reply(body)
    if coupon.get("status") == "trash":
        raise WooError("woocommerce_rest_already_trashed", "The shop_coupon has already been deleted.", 410)
    coupon["trashed_status"], coupon["status"] = coupon.get("status", "publish"), "trash"
    ctx.store.touch(coupon)
    ctx.store.emit("coupon.deleted", coupon["id"])
    return Reply(body)


@route(ROUTES, "GET", "/coupons", "list")
async def list_coupons(ctx: RequestContext) -> Reply:
    rows = [c for c in ctx.store.coupons.values() if c.get("status") != "trash"]
    code = ctx.query.get("code")
    if code not in (None, ""):
        rows = [c for c in rows if c["code"] == format_code(code)]
    rows = order_records(ctx, filter_records(ctx, rows, search_fields=("code", "description")))
    return page_reply(ctx, rows, lambda c: serialise(ctx.view, c))


batch_route(ROUTES, "/coupons/batch", "coupons", create=create, update=update, delete=delete)
