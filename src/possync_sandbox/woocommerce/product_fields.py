"""The fields products and variations share: prices, stock, shipping, downloads, meta_data.

``apply_*`` functions copy the fields present in a request body onto a draft record (partial
updates); ``*_json`` functions render them for the wire. Both products and variations use
them, so a price or stock rule lives in one place.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from possync_sandbox.woocommerce.context import View, as_bool
from possync_sandbox.woocommerce.stock import effective_stock, refresh_status
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import (
    as_int,
    date_pair,
    decimal,
    kses,
    money,
    parse_input_date,
    price_string,
)

CURRENCY_SYMBOLS = {"SEK": "kr", "NOK": "kr", "DKK": "kr.", "EUR": "&euro;", "USD": "&#36;", "GBP": "&pound;"}
COMMON_DEFAULTS: dict[str, Any] = {
    "description": "",
    "sku": "",
    "regular_price": "",
    "sale_price": "",
    "date_on_sale_from_gmt": None,
    "date_on_sale_to_gmt": None,
    "virtual": False,
    "downloadable": False,
    "downloads": [],
    "download_limit": -1,
    "download_expiry": -1,
    "tax_status": "taxable",
    "tax_class": "",
    "manage_stock": False,
    "stock_quantity": None,
    "stock_status": "instock",
    "backorders": "no",
    "low_stock_amount": None,
    "weight": "",
    "dimensions": {"length": "", "width": "", "height": ""},
    "shipping_class": "",
    "menu_order": 0,
    "meta_data": [],
}
PLAIN_FIELDS = ("tax_status", "tax_class", "weight", "shipping_class", "backorders")


def apply_common(store: Store, record: Record, body: dict[str, Any]) -> None:
    """Copy the shared plain fields, prices, sale dates, downloads, dimensions and meta_data."""
    for name in PLAIN_FIELDS:
        if name in body and body[name] is not None:
            record[name] = str(body[name])
    if "description" in body:
        record["description"] = kses(str(body["description"] or ""))
    for name in ("virtual", "downloadable"):
        if name in body:
            record[name] = as_bool(body[name], False, name)
    for name in ("download_limit", "download_expiry"):
        if name in body:
            record[name] = as_int(body[name], -1)
    for name in ("regular_price", "sale_price"):
        if name in body:
            record[name] = price_string(body[name])
    _apply_sale_dates(store, record, body)
    if isinstance(body.get("dimensions"), dict):
        record["dimensions"] = {
            k: str(body["dimensions"].get(k, record["dimensions"][k]) or "") for k in record["dimensions"]
        }
    if isinstance(body.get("downloads"), list):
        record["downloads"] = [_download(d) for d in body["downloads"] if isinstance(d, dict)]
    if isinstance(body.get("meta_data"), list):
        apply_meta(store, record, body["meta_data"])
    if body.get("virtual") is True:
        record["weight"], record["dimensions"] = "", {"length": "", "width": "", "height": ""}


def _apply_sale_dates(store: Store, record: Record, body: dict[str, Any]) -> None:
    timezone = store.settings.timezone
    for name in ("date_on_sale_from", "date_on_sale_to"):
        for key, is_gmt in ((name, False), (f"{name}_gmt", True)):
            if key in body:
                value = body[key]
                record[f"{name}_gmt"] = (
                    parse_input_date(value, timezone, is_gmt=is_gmt, param=key) if value else None
                )


def _download(entry: dict[str, Any]) -> dict[str, str]:
    import hashlib

    file = str(entry.get("file", ""))
    return {
        "id": str(entry.get("id") or hashlib.md5(file.encode(), usedforsecurity=False).hexdigest()),
        "name": str(entry.get("name", "")),
        "file": file,
    }


def apply_meta(store: Store, record: Record, entries: list[Any]) -> None:
    """Upsert meta by ``id`` or by ``key``; a ``null`` value deletes."""
    meta: list[dict[str, Any]] = record.setdefault("meta_data", [])
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        if entry.get("id"):
            found = next((m for m in meta if m["id"] == as_int(entry["id"])), None)
        else:
            found = next((m for m in meta if m["key"] == entry.get("key")), None)
        if entry.get("value") is None and "value" in entry:
            if found is not None:
                meta.remove(found)
        elif found is not None:
            found.update({k: entry[k] for k in ("key", "value") if k in entry})
        elif entry.get("key"):
            meta.append({"id": store.new_id("meta"), "key": str(entry["key"]), "value": entry.get("value")})


def apply_stock(store: Store, record: Record, body: dict[str, Any], *, variation: bool = False) -> None:
    """WooCommerce's stock rules for a product or a variation (spec §6.2, §6.3)."""
    kind = record.get("type")
    if "backorders" in body:
        record["backorders"] = str(body["backorders"])
    if not store.settings.manage_stock:
        if "stock_status" in body and kind != "variable":
            record["stock_status"] = str(body["stock_status"])
        return
    if "manage_stock" in body:
        value = body["manage_stock"]
        record["manage_stock"] = value != "parent" and as_bool(value, False, "manage_stock")
    if kind in ("grouped", "external"):
        record["manage_stock"], record["stock_quantity"], record["backorders"] = False, None, "no"
        record["stock_status"] = (
            "instock" if kind == "external" else body.get("stock_status", record["stock_status"])
        )
        return
    if record["manage_stock"]:
        _apply_quantity(record, body)
    else:
        record["stock_quantity"] = None
        if variation:
            record["backorders"], record["low_stock_amount"] = "no", None
    if "stock_status" in body and kind != "variable":
        record["stock_status"] = str(body["stock_status"])
    if record["manage_stock"] and "low_stock_amount" in body:
        value = body["low_stock_amount"]
        record["low_stock_amount"] = None if value in (None, "") else as_int(value)
    refresh_status(store, record)


def _apply_quantity(record: Record, body: dict[str, Any]) -> None:
    if body.get("stock_quantity") is not None:
        record["stock_quantity"] = int(decimal(body["stock_quantity"]))
    elif body.get("inventory_delta") is not None:
        record["stock_quantity"] = int(record.get("stock_quantity") or 0) + int(
            decimal(body["inventory_delta"])
        )
    elif record.get("stock_quantity") is None:
        record["stock_quantity"] = 0


def on_sale(record: Record, now_gmt: str) -> bool:
    sale, regular = record.get("sale_price", ""), record.get("regular_price", "")
    if sale == "" or (regular != "" and Decimal(sale) >= Decimal(regular)):
        return False
    start, end = record.get("date_on_sale_from_gmt"), record.get("date_on_sale_to_gmt")
    return not ((start and start > now_gmt) or (end and end < now_gmt))


def active_price(record: Record, now_gmt: str) -> str:
    return str(record.get("sale_price") if on_sale(record, now_gmt) else record.get("regular_price", ""))


def price_html(view: View, price: str) -> str:
    if price == "":
        return ""
    symbol = CURRENCY_SYMBOLS.get(view.settings.currency, view.settings.currency)
    return (
        f'<span class="woocommerce-Price-amount amount"><bdi>{money(price).replace(".", ",")}&nbsp;'
        f'<span class="woocommerce-Price-currencySymbol">{symbol}</span></bdi></span>'
    )


def stock_json(view: View, record: Record) -> dict[str, Any]:
    """``manage_stock``, ``stock_quantity``, ``stock_status`` (v3) or ``in_stock`` (v2), backorders."""
    manage, quantity, status = effective_stock(view.store, record)
    body: dict[str, Any] = {"manage_stock": manage, "stock_quantity": quantity}
    if view.version == "v3":
        body["stock_status"] = status
    else:
        body["in_stock"] = status != "outofstock"
    allowed = record.get("backorders", "no") != "no"
    body |= {
        "backorders": record.get("backorders", "no"),
        "backorders_allowed": allowed,
        "backordered": bool(manage) and allowed and (quantity or 0) <= 0,
    }
    if view.version == "v3":
        body["low_stock_amount"] = record.get("low_stock_amount")
    return body


def prices_json(view: View, record: Record, price: str, sale_on: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "price": price,
        "regular_price": record.get("regular_price", ""),
        "sale_price": record.get("sale_price", ""),
    }
    body |= date_pair(record, "date_on_sale_from", view.timezone)
    body |= date_pair(record, "date_on_sale_to", view.timezone)
    return body | {"on_sale": sale_on}


def shipping_json(record: Record) -> dict[str, Any]:
    return {
        "weight": record.get("weight", ""),
        "dimensions": dict(record.get("dimensions") or COMMON_DEFAULTS["dimensions"]),
        "shipping_class": record.get("shipping_class", ""),
        "shipping_class_id": 0,
    }


def meta_json(record: Record) -> list[dict[str, Any]]:
    return [{"id": m["id"], "key": m["key"], "value": m["value"]} for m in record.get("meta_data", [])]


def downloads_json(record: Record) -> dict[str, Any]:
    return {
        "virtual": record.get("virtual", False),
        "downloadable": record.get("downloadable", False),
        "downloads": list(record.get("downloads", [])),
        "download_limit": record.get("download_limit", -1),
        "download_expiry": record.get("download_expiry", -1),
    }
