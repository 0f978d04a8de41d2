"""An order as the REST API shows it: field order, money strings, date pairs and ``_links``.

Stored orders keep amounts with full precision and dates as ``<field>_gmt``; this module turns
them into WooCommerce's answer, with ``dp`` decimals, line-item ``price`` as a JSON number,
refunds as negative totals, and the ``wc/v3``-only fields left out of ``wc/v2``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from possync_sandbox.woocommerce.context import View
from possync_sandbox.woocommerce.media import image_json
from possync_sandbox.woocommerce.order_status import needs_processing
from possync_sandbox.woocommerce.order_totals import money
from possync_sandbox.woocommerce.store import Record
from possync_sandbox.woocommerce.wire import date_pair
from possync_sandbox.woocommerce.wire import decimal as dec

CURRENCY_SYMBOLS = {"SEK": "kr", "NOK": "kr", "DKK": "kr.", "EUR": "€", "USD": "$", "GBP": "£"}
ORDER_DATES = ("date_created", "date_modified", "date_completed", "date_paid")


def public_meta(metas: list[dict[str, Any]], *, display: bool = False) -> list[dict[str, Any]]:
    """``meta_data`` entries; order items also show ``display_key``/``display_value``."""
    shown = []
    for meta in metas:
        entry = {"id": meta["id"], "key": meta["key"], "value": meta["value"]}
        if display:
            entry.update(
                display_key=meta.get("display_key", meta["key"]),
                display_value=meta.get("display_value", meta["value"]),
            )
        shown.append(entry)
    return shown


def _taxes(line: Record) -> list[dict[str, Any]]:
    return [dict(tax) for tax in line.get("taxes", [])]


def _image(view: View, media_id: int | None) -> dict[str, Any]:
    found = image_json(view, media_id) if media_id else None
    return {"id": str(media_id), "src": found["src"]} if found else {"id": "", "src": ""}


def _live_sku(view: View, line: Record) -> str | None:
    """The product's SKU as it is now; null once the product is gone."""
    product_id = int(line.get("variation_id") or line.get("product_id") or 0)
    product = view.store.variations.get(product_id) or view.store.products.get(product_id)
    return None if product is None else str(product.get("sku", ""))


def line_item(view: View, line: Record, dp: int) -> dict[str, Any]:
    quantity = int(line.get("quantity") or 0)
    total = dec(line.get("total"))
    price = float(total / quantity) if quantity else 0
    return {
        "id": line["id"],
        "name": line.get("name", ""),
        "product_id": line.get("product_id", 0),
        "variation_id": line.get("variation_id", 0),
        "quantity": quantity,
        "tax_class": line.get("tax_class", ""),
        "subtotal": money(line.get("subtotal"), dp),
        "subtotal_tax": money(line.get("subtotal_tax"), dp),
        "total": money(total, dp),
        "total_tax": money(line.get("total_tax"), dp),
        "taxes": _taxes(line),
        "meta_data": public_meta(line.get("meta_data", []), display=True),
        "sku": _live_sku(view, line),
        "price": int(price) if price == int(price) else price,
        "image": _image(view, line.get("image_id")),
        "parent_name": line.get("parent_name"),
    }


def shipping_line(line: Record, dp: int) -> dict[str, Any]:
    return {
        "id": line["id"],
        "method_title": line.get("method_title", ""),
        "method_id": line.get("method_id", ""),
        "instance_id": str(line.get("instance_id", "")),
        "total": money(line.get("total"), dp),
        "total_tax": money(line.get("total_tax"), dp),
        "taxes": _taxes(line),
        "meta_data": public_meta(line.get("meta_data", []), display=True),
    }


def fee_line(line: Record, dp: int) -> dict[str, Any]:
    return {
        "id": line["id"],
        "name": line.get("name", ""),
        "tax_class": line.get("tax_class", ""),
        "tax_status": line.get("tax_status", "taxable"),
        "amount": line.get("amount", line.get("total", "")),
        "total": money(line.get("total"), dp),
        "total_tax": money(line.get("total_tax"), dp),
        "taxes": _taxes(line),
        "meta_data": public_meta(line.get("meta_data", []), display=True),
    }


def coupon_line(line: Record, dp: int) -> dict[str, Any]:
    amount = dec(line.get("nominal_amount"))
    return {
        "id": line["id"],
        "code": line.get("code", ""),
        "discount": money(line.get("discount"), dp),
        "discount_tax": money(line.get("discount_tax"), dp),
        "meta_data": public_meta(line.get("meta_data", []), display=True),
        "discount_type": line.get("discount_type", "fixed_cart"),
        "nominal_amount": float(amount),
        "free_shipping": bool(line.get("free_shipping", False)),
    }


def tax_line(line: Record) -> dict[str, Any]:
    return {k: line[k] for k in line if not k.startswith("_")}


def refund_summaries(view: View, order: Record, dp: int) -> list[dict[str, Any]]:
    """The order's ``refunds``: newest first, ``total`` negative (``total_tax`` on 11+)."""
    shown = []
    refunds = [r for r in view.store.refunds.values() if r.get("parent_id") == order["id"]]
    for refund in sorted(refunds, key=lambda r: r["id"], reverse=True):
        entry: dict[str, Any] = {
            "id": refund["id"],
            "reason": refund.get("reason", ""),
            "total": money(-dec(refund.get("amount")), dp),
        }
        if view.settings.version_tuple() >= (11,):
            entry["total_tax"] = money(-dec(refund.get("total_tax")), dp)
        shown.append(entry)
    return shown


def needs_payment(order: Record) -> bool:
    return order.get("status") in ("pending", "failed") and dec(order.get("total")) > Decimal(0)


def serialise(view: View, order: Record, dp: int = 2) -> dict[str, Any]:
    """The full REST representation of a stored order."""
    tz = view.timezone
    dates = {k: v for field in ORDER_DATES for k, v in date_pair(order, field, tz).items()}
    body: dict[str, Any] = {
        "id": order["id"],
        "parent_id": order.get("parent_id", 0),
        "status": order["status"],
        "currency": order.get("currency", view.settings.currency),
        "version": order.get("version", view.settings.wc_version),
        "prices_include_tax": bool(order.get("prices_include_tax")),
        "date_created": dates["date_created"],
        "date_modified": dates["date_modified"],
        **{f: money(order.get(f), dp) for f in _TOTALS},
        "customer_id": order.get("customer_id", 0),
        "order_key": order.get("order_key", ""),
        "billing": dict(order.get("billing", {})),
        "shipping": dict(order.get("shipping", {})),
        **{f: order.get(f, "") for f in _TEXTS},
        "date_completed": dates["date_completed"],
        "date_paid": dates["date_paid"],
        "cart_hash": order.get("cart_hash", ""),
        "number": str(order.get("number") or order["id"]),
        "meta_data": public_meta(order.get("meta_data", [])),
        "line_items": [line_item(view, line, dp) for line in order.get("line_items", [])],
        "tax_lines": [tax_line(line) for line in order.get("tax_lines", [])],
        "shipping_lines": [shipping_line(line, dp) for line in order.get("shipping_lines", [])],
        "fee_lines": [fee_line(line, dp) for line in order.get("fee_lines", [])],
        "coupon_lines": [coupon_line(line, dp) for line in order.get("coupon_lines", [])],
        "refunds": refund_summaries(view, order, dp),
    }
    if view.version == "v3":
        body.update(_v3_fields(view, order))
    body.update({f"{field}_gmt": dates[f"{field}_gmt"] for field in ORDER_DATES})
    if view.version == "v3":
        body["currency_symbol"] = CURRENCY_SYMBOLS.get(body["currency"], body["currency"])
    body["_links"] = _links(view, order)
    return body


_TOTALS = (
    "discount_total",
    "discount_tax",
    "shipping_total",
    "shipping_tax",
    "cart_tax",
    "total",
    "total_tax",
)
_TEXTS = (
    "payment_method",
    "payment_method_title",
    "transaction_id",
    "customer_ip_address",
    "customer_user_agent",
    "created_via",
    "customer_note",
)


def _v3_fields(view: View, order: Record) -> dict[str, Any]:
    key = order.get("order_key", "")
    pay = f"{view.home_url}/checkout/order-pay/{order['id']}/?pay_for_order=true&key={key}"
    return {
        "payment_url": pay,
        "is_editable": order["status"] in ("pending", "on-hold", "auto-draft", "checkout-draft"),
        "needs_payment": needs_payment(order),
        "needs_processing": needs_processing(view.store, order),
    }


def _links(view: View, order: Record) -> dict[str, list[dict[str, str]]]:
    extra = {"customer": f"/customers/{order['customer_id']}"} if order.get("customer_id") else {}
    if order.get("parent_id"):
        extra["up"] = f"/orders/{order['parent_id']}"
    return view.links(f"/orders/{order['id']}", "/orders", **extra)
