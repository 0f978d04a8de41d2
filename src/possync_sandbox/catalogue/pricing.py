"""Shop prices of the demo catalogue: shelf prices with VAT, sale prices and purchase prices.

Shelf prices end the way Swedish shops price (``349.00``, ``39.90``); sale prices are a rounded
discount below them; purchase prices exclude VAT and sit a realistic margin under the shelf price.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def shelf_price(rng: random.Random, band: tuple[int, int]) -> Decimal:
    """A price inside ``band`` (whole kronor, VAT included) ending in 9 or, below 100, in .90."""
    kronor = rng.randint(*band)
    if kronor < 100:
        return Decimal(f"{kronor}.90")
    return Decimal(f"{kronor // 10 * 10 + 9}.00")


def sale_price(rng: random.Random, price: Decimal) -> Decimal:
    """A campaign price 15-40 % below ``price``, rounded down to whole kronor ending in 9."""
    discounted = int(price * Decimal(100 - rng.choice((15, 20, 25, 30, 40))) / 100)
    if discounted >= 20:
        discounted = discounted // 10 * 10 + 9 - (10 if discounted % 10 < 9 else 0)
    return Decimal(max(discounted, 1)).quantize(CENT)


def purchase_price(rng: random.Random, price: Decimal, vat: Decimal) -> Decimal:
    """What the shop paid, excluding VAT: the net shelf price divided by a markup of 1.8-2.8."""
    net = price / (1 + vat / 100)
    markup = Decimal(rng.randint(18, 28)) / 10
    return (net / markup).quantize(CENT, rounding=ROUND_HALF_UP)
