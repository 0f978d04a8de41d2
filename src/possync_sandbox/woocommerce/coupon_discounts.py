"""How much each order line is discounted by one coupon, as ``WC_Discounts`` computes it.

Amounts are worked in cents: percent coupons floor each line's share and hand the rounding
remainder out a cent per unit; fixed-cart coupons split the amount per unit, repeat while
some is left, then spread the last cents; fixed-product coupons take the amount per unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal(100)


def _applies(coupon: dict[str, Any], item: dict[str, Any]) -> bool:
    ids = {item.get("product_id"), item.get("variation_id")} - {0, None}
    only = set(coupon.get("_product_ids") or [])
    excluded = set(coupon.get("_excluded_product_ids") or [])
    return (not only or bool(ids & only)) and not ids & excluded


def _floor(value: Decimal) -> Decimal:
    return value.to_integral_value(ROUND_FLOOR)


def _remainder(left: list[Decimal], quantities: list[int], amount: Decimal) -> Decimal:
    """``apply_coupon_remainder``: one cent per unit, line after line, while any is left."""
    given = Decimal(0)
    for index, quantity in enumerate(quantities):
        for _ in range(quantity):
            if amount - given < 1 or left[index] < 1:
                break
            left[index] -= 1
            given += 1
    return given


def _percent(prices: list[Decimal], left: list[Decimal], qty: list[int], amount: Decimal) -> Decimal:
    total = Decimal(0)
    for index, price in enumerate(prices):
        discount = min(left[index], _floor(price.to_integral_value(ROUND_HALF_UP) * amount / 100))
        left[index] -= discount
        total += discount
    whole = (sum(prices, Decimal(0)) * amount / 100).to_integral_value(ROUND_HALF_UP)
    if total < whole:
        total += _remainder(left, qty, whole - total)
    return total


def _fixed_product(left: list[Decimal], qty: list[int], per_unit: Decimal) -> Decimal:
    total = Decimal(0)
    for index, quantity in enumerate(qty):
        discount = min(left[index], per_unit * quantity)
        left[index] -= discount
        total += discount
    return total


def _fixed_cart(left: list[Decimal], qty: list[int], amount: Decimal) -> Decimal:
    units = sum(q for q, rest in zip(qty, left, strict=True) if rest > 0)
    if not units or amount <= 0:
        return Decimal(0)
    per_unit = _floor(amount / units)
    if per_unit <= 0:
        return _remainder(left, qty, amount)
    total = _fixed_product(left, qty, per_unit)
    if 0 < total < amount:
        total += _fixed_cart(left, qty, amount - total)
    return total


def discounts_by_item(
    coupon: dict[str, Any], items: Sequence[dict[str, Any]], remaining: Sequence[Decimal]
) -> list[Decimal]:
    """The discount (in money, not cents) this coupon gives each line of ``items``.

    ``remaining`` is each line's price still left to discount (gross when the order's prices
    include tax); lines the coupon does not apply to get 0.
    """
    chosen = [i for i, item in enumerate(items) if _applies(coupon, item)]
    prices = [remaining[i] * CENT for i in chosen]
    left = list(prices)
    qty = [int(items[i].get("quantity") or 0) for i in chosen]
    amount = Decimal(str(coupon.get("nominal_amount") or 0))
    kind = coupon.get("discount_type", "fixed_cart")
    if kind == "percent":
        _percent(prices, left, qty, amount)
    elif kind == "fixed_product":
        _fixed_product(left, qty, _floor(amount * CENT))
    else:
        _fixed_cart(left, qty, _floor(amount * CENT))
    result = [Decimal(0)] * len(items)
    for index, price, rest in zip(chosen, prices, left, strict=True):
        result[index] = (price - rest) / CENT
    return result
