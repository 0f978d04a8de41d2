"""The demo catalogue in a neutral form, shaped like neither WooCommerce nor Sitoo.

Each emulator has a loader that turns this into its own records; the generator in
``generate.py`` fills it from a seed. Prices include VAT; purchase prices exclude it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

ProductKind = Literal["simple", "variable", "grouped", "external"]
OrderChannel = Literal["web", "pos"]


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    parent: str | None = None
    description: str = ""


@dataclass(frozen=True)
class Manufacturer:
    key: str
    name: str


@dataclass(frozen=True)
class Image:
    key: str
    filename: str
    content: bytes
    content_type: str = "image/png"
    alt: str = ""


@dataclass(frozen=True)
class Variation:
    sku: str
    attributes: dict[str, str]
    price: Decimal
    sale_price: Decimal | None = None
    stock: int | None = 0
    barcode: str | None = None
    image: str | None = None
    active: bool = True


@dataclass(frozen=True)
class Product:
    key: str
    sku: str
    name: str
    kind: ProductKind = "simple"
    description: str = ""
    short_description: str = ""
    categories: tuple[str, ...] = ()
    manufacturer: str | None = None
    vat_rate: Decimal = Decimal("25")
    price: Decimal = Decimal("0")
    sale_price: Decimal | None = None
    purchase_price: Decimal | None = None
    stock: int | None = 0
    barcode: str | None = None
    images: tuple[str, ...] = ()
    active: bool = True
    variations: tuple[Variation, ...] = ()
    grouped: tuple[str, ...] = ()
    external_url: str | None = None
    awkward: str | None = None
    """Why this record is deliberately hard (a SKU Sitoo refuses, an empty SKU, ...)."""


@dataclass(frozen=True)
class Coupon:
    code: str
    kind: Literal["percent", "fixed_cart", "fixed_product"]
    amount: Decimal
    description: str = ""
    usage_limit: int | None = None
    expires: str | None = None
    """An ISO date (``YYYY-MM-DD``) or None."""


@dataclass(frozen=True)
class OrderLine:
    sku: str
    quantity: int
    price: Decimal
    """Unit price including VAT."""
    delivered: bool = True
    """False for a store-to-door line the store did not hand over."""


@dataclass(frozen=True)
class Order:
    key: str
    channel: OrderChannel
    status: str
    customer_name: str
    customer_email: str
    lines: tuple[OrderLine, ...]
    shipping: Literal["local_pickup", "flat_rate", "free_shipping", "store_to_door", "none"] = "none"
    shipping_total: Decimal = Decimal("0")
    coupon: str | None = None
    created: str = "2026-11-01T10:00:00"
    """Local shop time, ISO form without offset."""


@dataclass
class Catalogue:
    seed: int
    currency: str = "SEK"
    prices_include_tax: bool = True
    vat_rates: tuple[Decimal, ...] = (Decimal("25"), Decimal("12"), Decimal("6"), Decimal("0"))
    categories: list[Category] = field(default_factory=list)
    manufacturers: list[Manufacturer] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    coupons: list[Coupon] = field(default_factory=list)
    orders: list[Order] = field(default_factory=list)

    def image(self, key: str) -> Image:
        return next(image for image in self.images if image.key == key)
