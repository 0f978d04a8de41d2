"""Prices and VAT between the two sides, exact: ``Decimal`` all the way, rounded once, half up.

WooCommerce has a regular and a sale price, written as strings; Sitoo has a price (what the
customer pays) and an original price (``moneypriceorg``), money with exactly two decimals. Which
of them include VAT is set on each side: the shop's "prices entered with tax" setting and the
seed's "Send product prices including VAT to Sitoo". The purchase price never includes VAT.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

CENT = Decimal("0.01")


def to_amount(value: Any) -> Decimal | None:
    """An exact amount from a string, number or ``Decimal``; ``None`` for empty or missing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {value!r}") from exc
    if not amount.is_finite():
        raise ValueError(f"not an amount: {value!r}")
    return amount


def round_money(amount: Decimal) -> Decimal:
    """``amount`` to the cent, half up (Sitoo stores two decimals and documents no rule)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def money(value: Any) -> str:
    """An amount as both sides write it: two decimals (``"19.90"``), ``""`` for none."""
    amount = to_amount(value)
    return "" if amount is None else f"{round_money(amount):.2f}"


def _factor(rate: Decimal) -> Decimal:
    return 1 + rate / 100


def add_vat(net: Decimal, rate: Decimal) -> Decimal:
    """The gross amount of ``net`` at ``rate`` percent, to the cent."""
    return round_money(net * _factor(rate))


def remove_vat(gross: Decimal, rate: Decimal) -> Decimal:
    """The net amount to the cent whose gross is ``gross`` when one exists (else the nearest)."""
    nearest = round_money(gross / _factor(rate))
    for candidate in (nearest, nearest - CENT, nearest + CENT):
        if add_vat(candidate, rate) == round_money(gross):
            return candidate
    return nearest


def convert(value: Any, rate: Decimal, *, from_gross: bool, to_gross: bool) -> str:
    """An amount moved from one side's VAT basis to the other's, as a two-decimal string."""
    amount = to_amount(value)
    if amount is None:
        return ""
    if from_gross == to_gross:
        return money(amount)
    converted = add_vat(amount, rate) if to_gross else remove_vat(amount, rate)
    return f"{converted:.2f}"


def pos_prices(regular: Any, sale: Any, rate: Decimal, *, woo_gross: bool, pos_gross: bool) -> dict[str, str]:
    """WooCommerce's regular and sale price as Sitoo's ``moneyprice`` and ``moneypriceorg``.

    The price paid is the sale price when there is one below the regular price; the original price
    is the regular price. Both are moved from the shop's VAT basis to the one Sitoo is sent.
    """
    regular_text, sale_text = woo_price_pair(regular, sale)
    paid = sale_text or regular_text
    return {
        "moneyprice": convert(paid, rate, from_gross=woo_gross, to_gross=pos_gross),
        "moneypriceorg": convert(regular_text, rate, from_gross=woo_gross, to_gross=pos_gross),
    }


def woo_prices(
    price: Any, original: Any, rate: Decimal, *, woo_gross: bool, pos_gross: bool
) -> dict[str, str]:
    """Sitoo's ``moneyprice`` and ``moneypriceorg`` as WooCommerce's regular and sale price."""
    price_text, original_text = pos_price_pair(price, original)
    regular = convert(original_text, rate, from_gross=pos_gross, to_gross=woo_gross)
    paid = convert(price_text, rate, from_gross=pos_gross, to_gross=woo_gross)
    return {"regular_price": regular, "sale_price": paid if paid != regular else ""}


def _rounded(value: Any) -> Decimal | None:
    amount = to_amount(value)
    return None if amount is None else round_money(amount)


def woo_price_pair(regular: Any, sale: Any) -> tuple[str, str]:
    """A shop's regular and sale price in one spelling: no sale price unless below the regular one."""
    regular_amount, sale_amount = _rounded(regular), _rounded(sale)
    if regular_amount is None:
        return money(sale_amount), ""
    if sale_amount is not None and sale_amount < regular_amount:
        return money(regular_amount), money(sale_amount)
    return money(regular_amount), ""


def pos_price_pair(price: Any, original: Any) -> tuple[str, str]:
    """Sitoo's price and original price in one spelling: the original never below the price."""
    price_amount, original_amount = _rounded(price), _rounded(original)
    if price_amount is None:
        return money(original_amount), money(original_amount)
    if original_amount is None or original_amount < price_amount:
        original_amount = price_amount
    return money(price_amount), money(original_amount)


def purchase_price(value: Any) -> str:
    """The purchase price, carried as it is (never VAT-converted), as a two-decimal string."""
    return money(value)
