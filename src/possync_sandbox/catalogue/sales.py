"""Coupons and past orders of the demo shop, in the web shop and at the till.

Orders follow a fixed rotation so every catalogue holds each flow the sync must handle: web
orders delivered home (``flat_rate``, ``free_shipping``), click & collect web orders
(``local_pickup``), POS sales, and POS "store to door" orders whose later lines were not handed
over in the store. Lines only use SKUs a shop can sell: active, non-awkward, not a variable parent.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from possync_sandbox.catalogue.model import Coupon, Order, OrderChannel, OrderLine, Product, ShippingMethod
from possync_sandbox.catalogue.vocabulary import CITIES, FIRST_NAMES, LAST_NAMES, STREETS

COUPONS: tuple[Coupon, ...] = (
    Coupon("SOMMAR20", "percent", Decimal("20"), "Sommarrea 20 % (utgången)", None, "2026-08-31"),
    Coupon("NYKUND10", "percent", Decimal("10"), "10 % för nya kunder"),
    Coupon("KLUBB15", "percent", Decimal("15"), "Kundklubben 15 %", 500),
    Coupon("JUL100", "fixed_cart", Decimal("100"), "100 kr på julklappar", None, "2026-12-24"),
    Coupon("SOCKOR25", "fixed_product", Decimal("25"), "25 kr rabatt per vara", 200),
    Coupon("BLACKWEEK30", "percent", Decimal("30"), "Black Week 30 %", 1000, "2026-11-30"),
)
_WEB_COUPONS = ("NYKUND10", "KLUBB15")
_FIRST_DAY = datetime(2026, 9, 1)
_DAYS = 85
_OPENING_HOURS = (9, 20)

# (channel, shipping, shipping total) in the rotation every catalogue's orders follow.
_ROTATION: tuple[tuple[OrderChannel, ShippingMethod, Decimal], ...] = (
    ("web", "flat_rate", Decimal("59.00")),
    ("web", "local_pickup", Decimal("0.00")),
    ("pos", "none", Decimal("0.00")),
    ("web", "free_shipping", Decimal("0.00")),
    ("pos", "store_to_door", Decimal("99.00")),
    ("web", "local_pickup", Decimal("0.00")),
    ("pos", "none", Decimal("0.00")),
    ("web", "flat_rate", Decimal("59.00")),
)
_WEB_STATUSES = ("processing", "processing", "completed", "completed", "on-hold", "pending", "cancelled")
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O"})


def build_coupons(rng: random.Random, products: int) -> list[Coupon]:
    """The fixed campaign coupons plus one generated campaign per 500 products."""
    extra = [
        Coupon(
            f"KAMPANJ{number:03d}",
            "percent",
            Decimal(rng.randint(5, 40)),
            f"Kampanj {number}",
            rng.randint(10, 900),
        )
        for number in range(1, products // 500 + 1)
    ]
    return [*COUPONS, *extra]


def sellable(products: list[Product]) -> list[tuple[str, Decimal]]:
    """Every SKU an order may carry, with the price a customer paid for it (VAT included)."""
    found: list[tuple[str, Decimal]] = []
    for product in products:
        if product.awkward is not None or not product.active:
            continue
        if product.kind == "simple" and product.sku:
            found.append((product.sku, product.sale_price or product.price))
        if product.kind == "variable":
            found.extend((v.sku, v.sale_price or v.price) for v in product.variations if v.active)
    return found


class OrderBook:
    """Writes the past orders of the shop from the SKUs it can sell."""

    def __init__(self, rng: random.Random, catalogue_skus: list[tuple[str, Decimal]]) -> None:
        self.rng = rng
        self.skus = catalogue_skus

    def orders(self, count: int) -> list[Order]:
        if not self.skus:
            return []
        return [
            self._order(number, _FIRST_DAY + timedelta(days=number * _DAYS // count))
            for number in range(count)
        ]

    def _order(self, number: int, day: datetime) -> Order:
        channel, shipping, shipping_total = _ROTATION[number % len(_ROTATION)]
        lines = self._lines(2 if shipping == "store_to_door" else 1)
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        walk_in = channel == "pos" and shipping == "none" and self.rng.random() < 0.5
        postcode, city = self.rng.choice(CITIES)
        created = day + timedelta(hours=self.rng.randint(*_OPENING_HOURS), minutes=self.rng.randint(0, 59))
        status = self._status(channel, shipping)
        return Order(
            key=f"{channel}-{10001 + number}",
            channel=channel,
            status=status,
            customer_name="" if walk_in else f"{first} {last}",
            customer_email="" if walk_in else f"{first}.{last}{number}@example.se".lower().translate(_FOLD),
            lines=lines,
            shipping=shipping,
            shipping_total=shipping_total,
            coupon=self._coupon(channel),
            created=created.isoformat(timespec="seconds"),
            payment_method=self._payment(channel, status),
            address="" if walk_in else f"{self.rng.choice(STREETS)} {self.rng.randint(1, 80)}",
            postcode="" if walk_in else postcode,
            city="" if walk_in else city,
        )

    def _lines(self, at_least: int) -> tuple[OrderLine, ...]:
        count = min(max(at_least, self.rng.choice((1, 1, 1, 2, 2, 3, 4))), len(self.skus))
        picked = self.rng.sample(self.skus, count)
        undelivered_from = count if at_least == 1 else min(1, count - 1)
        return tuple(
            OrderLine(sku, self.rng.choice((1, 1, 1, 2, 3)), price, delivered=position < undelivered_from)
            for position, (sku, price) in enumerate(picked)
        )

    def _status(self, channel: OrderChannel, shipping: ShippingMethod) -> str:
        if channel == "pos":
            return "processing" if shipping == "store_to_door" else "completed"
        if shipping == "local_pickup":
            return self.rng.choice(("processing", "processing", "completed"))
        return self.rng.choice(_WEB_STATUSES)

    def _coupon(self, channel: str) -> str | None:
        if channel == "web" and self.rng.random() < 0.2:
            return self.rng.choice(_WEB_COUPONS)
        return None

    def _payment(self, channel: str, status: str) -> str:
        if channel == "pos":
            return self.rng.choice(("card", "card", "swish", "cash"))
        return "" if status == "pending" else self.rng.choice(("klarna", "card", "swish"))
