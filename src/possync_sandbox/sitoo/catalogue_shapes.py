"""The demo catalogue's coupons and POS orders in Sitoo's own write shapes.

Pure mapping: a coupon becomes a voucher body, a POS order an order body plus the order
items its store handed over. The codes chosen where Sitoo has no table are ours [INF]:
a percentage coupon is voucher type 210, a fixed amount 200 (spec §8.15).
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from possync_sandbox.catalogue.model import Coupon, Order, OrderLine

SHOP_ZONE = ZoneInfo("Europe/Stockholm")
VOUCHER_PERCENT = 210
VOUCHER_AMOUNT = 200
PAYMENT_NAMES = {"card": "Card", "cash": "Cash", "swish": "Swish", "klarna": "Klarna"}
ORDER_STATES: dict[str, tuple[int, int]] = {
    "completed": (10, 20),
    "processing": (0, 20),
    "pending": (0, 10),
    "on-hold": (0, 15),
    "cancelled": (20, 30),
    "refunded": (10, 20),
    "failed": (0, 40),
}
"""Catalogue status → (``orderstateid``, ``paymentstateid``)."""


def epoch(local: str) -> int:
    """A shop-local ISO date or date-time as Unix seconds."""
    moment = datetime.fromisoformat(local)
    return int(moment.replace(tzinfo=SHOP_ZONE).timestamp())


def voucher_body(coupon: Coupon) -> dict[str, Any]:
    """A Woo-style coupon as a Sitoo voucher with the coupon code as the customer's password."""
    percent = coupon.kind == "percent"
    body: dict[str, Any] = {
        "vouchername": coupon.description or coupon.code,
        "vouchertype": VOUCHER_PERCENT if percent else VOUCHER_AMOUNT,
        "vouchercode": coupon.code,
        "voucherpassword": coupon.code,
        "activepos": True,
        "maxuses": coupon.usage_limit or 0,
        "dateend": None,
    }
    if coupon.expires:
        end = datetime.combine(datetime.fromisoformat(coupon.expires).date(), time(23, 59, 59))
        body["dateend"] = int(end.replace(tzinfo=SHOP_ZONE).timestamp())
    if percent:
        body["value_x"] = int(coupon.amount)
    else:
        body["money_m"] = f"{coupon.amount:.2f}"
    return body


def order_item(line: OrderLine, name: str, vat: Decimal) -> dict[str, Any]:
    return {
        "orderitemtype": 10,
        "productname": name,
        "sku": line.sku,
        "quantity": line.quantity,
        "moneyrowprice": f"{line.price * line.quantity:.2f}",
        "vatvalue": float(vat),
    }


def order_body(order: Order, items: list[dict[str, Any]], warehouseid: int) -> dict[str, Any]:
    """A POS order as the register would have written it; ``items`` from :func:`order_item`."""
    first, _, last = order.customer_name.partition(" ")
    state, payment = ORDER_STATES.get(order.status, (10, 20))
    gross = sum((line.price * line.quantity for line in order.lines), Decimal("0"))
    body: dict[str, Any] = {
        "ordertypeid": 10,
        "orderstateid": state,
        "paymentstateid": payment,
        "orderdate": epoch(order.created),
        "email": order.customer_email,
        "namefirst": first,
        "namelast": last,
        "delivery_address": order.address,
        "delivery_zip": order.postcode,
        "delivery_city": order.city,
        "delivery_countryid": order.country.lower(),
        "warehouseid": warehouseid,
        "additionaldata": {"pos-receiptid": order.key},
        "orderitems": items,
        "payments": [],
    }
    if order.payment_method:
        name = PAYMENT_NAMES.get(order.payment_method, order.payment_method.title())
        body["payments"] = [{"name": name, "moneyamount": f"{gross:.2f}"}]
    return body


def handed_over(order: Order) -> list[tuple[int, int]]:
    """(``orderitemid``, quantity) of what the store handed over; store-to-door lines are left out."""
    return [(index, line.quantity) for index, line in enumerate(order.lines) if line.delivered]
