"""Orders as Sitoo's API shows them: the account-wide list, create/read/update, deliveries, log items.

``GET /orders.json`` (account level) is the list a sync reads, by ``orderid`` cursor and the
filters of spec §4.4; the site-level list is deprecated but still answers. There is no DELETE:
an order is cancelled through its state. Only log types 900 (ReadyForPickup) and 910
(PickupRejected) can be posted [SPEC].
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.sitoo.context import ApiRoute, Ctx, Plugin
from possync_sandbox.sitoo.errors import bad_request, not_found
from possync_sandbox.sitoo.filters import in_range
from possync_sandbox.sitoo.listing import envelope, render_one
from possync_sandbox.sitoo.order_book import (
    ORDERS,
    PICKUP_LOG_TYPES,
    announce,
    deliveries_of,
    log,
    new_order,
    update_order,
)
from possync_sandbox.sitoo.order_deliveries import add_delivery
from possync_sandbox.sitoo.store import Record
from possync_sandbox.sitoo.wire import integer, nullable, number, text
from possync_sandbox.sitoo.writing import single

DEFAULT_FIELDS = [
    "orderid",
    "eshopid",
    "email",
    "namefirst",
    "namelast",
    "company",
    "moneyfinal_net",
    "moneyfinal_vat",
    "moneytotal_gross_roundoff",
    "moneytotal_gross_all",
    "checkouttypename",
    "deliverytypename",
    "orderdate",
    "orderstateid",
    "paymentstateid",
    "ordertypeid",
    "registerid",
    "warehouseid",
    "datereserved",
    "currencycode",
    "additionaldata",
    "orderitems",
    "payments",
]
EXACT_FILTERS = {
    "orderstate": "orderstateid",
    "paymentstate": "paymentstateid",
    "ordertype": "ordertypeid",
    "eshopid": "eshopid",
    "warehouseid": "warehouseid",
}


def site_order(ctx: Ctx) -> Record:
    """The order of the URL, which must belong to the URL's site."""
    order = ctx.account.table(ORDERS).require(ctx.path_int("orderid"))
    if order["eshopid"] != ctx.site.eshopid:
        raise not_found("Order", order["orderid"])
    return order


def _matches(ctx: Ctx, order: Record) -> bool:
    for name, key in EXACT_FILTERS.items():
        wanted = ctx.query_ints(name)
        if wanted and order.get(key) not in wanted:
            return False
    externalids = ctx.query_values("externalid")
    if externalids and order.get("externalid") not in externalids:
        return False
    email = ctx.query_value("email")
    if email and order.get("email") != email:
        return False
    return _in_id_range(ctx, order) and in_range(ctx, order["orderdate"], "orderdatefrom", "orderdateto")


def _in_id_range(ctx: Ctx, order: Record) -> bool:
    """``receiptid`` and ``creditorderid`` override ``orderid`` [DOC]; ``orderidfrom`` ≥, ``orderidto`` <."""
    receipts = ctx.query_values("receiptid")
    credited = ctx.query_ints("creditorderid")
    ids = ctx.query_ints("orderid")
    if receipts:
        return order["additionaldata"].get("pos-receiptid") in receipts
    if credited:
        return order.get("creditorderid") in credited
    if ids and order["orderid"] not in ids:
        return False
    low, high = ctx.query_int("orderidfrom"), ctx.query_int("orderidto")
    return (low is None or order["orderid"] >= low) and (high is None or order["orderid"] < high)


def list_orders(ctx: Ctx, eshopid: int | None = None) -> dict[str, Any]:
    rows = [
        order
        for order in ctx.account.table(ORDERS)
        if (eshopid is None or order["eshopid"] == eshopid) and _matches(ctx, order)
    ]
    return envelope(ctx, rows, default_fields=DEFAULT_FIELDS, sort_keys=("orderid",), default_sort="-orderid")


def create_order(ctx: Ctx, body: dict[str, Any]) -> int:
    order = new_order(ctx.store, ctx.site, body, ctx.settings)
    ctx.account.table(ORDERS).put(order)
    announce(ctx.store, order, ["order.add"])
    return int(order["orderid"])


def change_order(ctx: Ctx, body: dict[str, Any]) -> bool:
    order = site_order(ctx)
    announce(ctx.store, order, update_order(ctx.store, ctx.site, order, body, ctx.settings))
    return True


def list_deliveries(ctx: Ctx) -> dict[str, Any]:
    return envelope(ctx, deliveries_of(ctx.account, site_order(ctx)["orderid"]))


def deliver(ctx: Ctx, body: dict[str, Any]) -> int:
    order = site_order(ctx)
    ignorestock = ctx.query_bool("ignorestock", False)
    record = add_delivery(
        ctx.store, ctx.account, ctx.site, order, body, ctx.settings, ignorestock=ignorestock
    )
    return int(record["orderdeliveryid"])


def list_log_items(ctx: Ctx) -> dict[str, Any]:
    order = site_order(ctx)
    return envelope(ctx, [{"orderid": order["orderid"], **entry} for entry in order["orderlogitems"]])


def add_log_item(ctx: Ctx, body: dict[str, Any]) -> bool:
    order = site_order(ctx)
    log_type = integer(body.get("orderlogtypeid"), "orderlogtypeid")
    if log_type not in PICKUP_LOG_TYPES:
        raise bad_request("Only order log types 900 and 910 can be added")
    strvalue = nullable(text)(body.get("strvalue"), "strvalue")
    log(ctx.store, order, log_type, strvalue, nullable(number)(body.get("fvalue"), "fvalue"))
    return True


ORDER = "orders/{orderid:int}"
PLUGIN = Plugin(
    routes=[
        ApiRoute("orders", {"GET": lambda ctx: list_orders(ctx)}, level="account"),
        ApiRoute(
            "orders",
            {
                "GET": lambda ctx: list_orders(ctx, ctx.site.eshopid),
                "POST": lambda ctx: single(ctx, create_order),
            },
        ),
        ApiRoute(
            ORDER,
            {
                "GET": lambda ctx: render_one(ctx, site_order(ctx)),
                "PUT": lambda ctx: single(ctx, change_order),
            },
        ),
        ApiRoute(
            f"{ORDER}/orderdeliveries", {"GET": list_deliveries, "POST": lambda ctx: single(ctx, deliver)}
        ),
        ApiRoute(
            f"{ORDER}/orderlogitems", {"GET": list_log_items, "POST": lambda ctx: single(ctx, add_log_item)}
        ),
    ]
)
