"""TEMPORARY product and variation mapping, to be replaced by ``possync.sync.flows``' functions.

Categories and manufacturers already use ``possync.sync.flows``; products and variations still
map here until the engine's readers hand ``flows`` the typed records it expects.

Each entity has one view per side (the synced fields in that side's words) and one pure function
per direction from a source view to the target view; the functions round-trip, so a record
written by possync maps back to what it was and never bounces back as a change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from possync.errors import MappingError
from possync.sync.flow import Record, Refs, View

TAX_CLASSES = {Decimal("25"): "", Decimal("12"): "reduced-rate", Decimal("6"): "super-reduced-rate"}
TAX_CLASSES[Decimal("0")] = "zero-rate"
SITOO_SKU = re.compile(r"^[0-9a-zA-Z._\-+/]+$")
MANUFACTURER = "Manufacturer"


def money(value: Any) -> str:
    """An amount as both sides write it: two decimals, ``""`` for none."""
    if value in (None, ""):
        return ""
    return f"{Decimal(str(value)):.2f}"


def sku_problem(sku: str) -> str | None:
    """Why a SKU cannot go to Sitoo, in words a merchant can act on; ``None`` when it can."""
    if not sku:
        return "has no SKU: give it one, or run `possync fix-sku` (prefix + id)"
    if not SITOO_SKU.match(sku):
        allowed = "0-9 a-z A-Z . _ - + /"
        return f"SKU {sku!r} has characters Sitoo refuses (allowed: {allowed}): run `possync fix-sku`"
    return None


# -- prices and VAT -------------------------------------------------------------------------------


def _rate(facts: Mapping[str, Any], vatid: int | None) -> Decimal:
    rates: Mapping[int, Decimal] = facts.get("vat_rates", {})
    return rates.get(vatid or 0, Decimal("25"))


def _vatid(facts: Mapping[str, Any], tax_class: str) -> int | None:
    rate = next((r for r, name in TAX_CLASSES.items() if name == tax_class), Decimal("25"))
    ids: Mapping[Decimal, int] = facts.get("vat_ids", {})
    return ids.get(rate)


def _gross(amount: str, rate: Decimal, including: bool) -> str:
    if not amount or including:
        return amount
    return money(Decimal(amount) * (1 + rate / 100))


def _net(amount: str, rate: Decimal, including: bool) -> str:
    if not amount or including:
        return amount
    return money(Decimal(amount) / (1 + rate / 100))


def woo_prices(price: str, price_org: str, rate: Decimal, including: bool) -> dict[str, str]:
    """Sitoo's price and original price as WooCommerce's regular and sale price."""
    regular = _gross(price_org or price, rate, including)
    current = _gross(price, rate, including)
    return {"regular_price": regular, "sale_price": current if current != regular else ""}


def pos_prices(regular: str, sale: str, rate: Decimal, including: bool) -> dict[str, str]:
    """WooCommerce's regular and sale price as Sitoo's price and original price."""
    return {
        "moneyprice": _net(sale or regular, rate, including),
        "moneypriceorg": _net(regular, rate, including),
    }


# -- products -------------------------------------------------------------------------------------


def _manufacturer_name(refs: Refs, manufacturerid: str | None) -> str:
    if not manufacturerid:
        return ""
    name = refs.source_key("manufacturer", manufacturerid, "pos")
    if name is None:
        raise MappingError(f"manufacturer {manufacturerid} is not fetched yet")
    return name


def product_to_woo(record: Record, refs: Refs) -> View:
    view, facts = record.view, refs.facts
    rate = _rate(facts, view["vatid"])
    including = bool(facts.get("prices_including_vat", True))
    return {
        "sku": view["sku"],
        "name": view["title"],
        "description": view["description"],
        "short_description": view["descriptionshort"],
        **woo_prices(view["moneyprice"], view["moneypriceorg"], rate, including),
        "tax_class": TAX_CLASSES.get(rate, ""),
        "status": "publish" if view["active"] else "draft",
        "categories": _ids(refs.target("category", c) for c in view["categories"]),
        "manufacturer": _manufacturer_name(refs, view["manufacturerid"]),
        "options": view["options"],
    }


def product_to_pos(record: Record, refs: Refs) -> View:
    view, facts = record.view, refs.facts
    vatid = _vatid(facts, view["tax_class"])
    if vatid is None:
        tax = view["tax_class"] or "standard"
        raise ValueError(f"tax class {tax!r} has no Sitoo product group with its VAT rate: add one in Sitoo")
    including = bool(facts.get("prices_including_vat", True))
    manufacturer = refs.by_key("manufacturer", view["manufacturer"]) if view["manufacturer"] else None
    return {
        "sku": view["sku"],
        "title": view["name"],
        "description": view["description"],
        "descriptionshort": view["short_description"],
        **pos_prices(view["regular_price"], view["sale_price"], _rate(facts, vatid), including),
        "vatid": vatid,
        "active": view["status"] == "publish",
        "categories": _ids(refs.target("category", c) for c in view["categories"]),
        "manufacturerid": manufacturer,
        "options": view["options"],
    }


def variation_to_woo(record: Record, refs: Refs) -> View:
    view, facts = record.view, refs.facts
    including = bool(facts.get("prices_including_vat", True))
    rate = _rate(facts, record.meta.get("vatid"))
    return {
        "sku": view["sku"],
        "parent": refs.target("product", view["parent"]),
        **woo_prices(view["moneyprice"], view["moneypriceorg"], rate, including),
        "status": "publish" if view["active"] else "private",
        "attributes": view["attributes"],
    }


def variation_to_pos(record: Record, refs: Refs) -> View:
    view, facts = record.view, refs.facts
    including = bool(facts.get("prices_including_vat", True))
    rate = _rate(facts, _vatid(facts, str(record.meta.get("tax_class", ""))))
    return {
        "sku": view["sku"],
        "parent": refs.target("product", view["parent"]),
        **pos_prices(view["regular_price"], view["sale_price"], rate, including),
        "active": view["status"] == "publish",
        "attributes": view["attributes"],
    }


def _ids(ids: Any) -> list[str]:
    return sorted({str(i) for i in ids}, key=lambda text: (len(text), text))
