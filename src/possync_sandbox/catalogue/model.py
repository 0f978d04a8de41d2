"""The demo catalogue in a neutral form, shaped like neither WooCommerce nor Sitoo.

Each emulator has a loader that turns this into its own records; the generator in
``generate.py`` fills it from a seed. Prices include VAT; purchase prices exclude it.
References between records use keys: ``Product.categories`` holds category keys,
``Product.images`` and ``Variation.image`` image keys, ``Product.grouped`` product keys,
``Product.manufacturer`` a manufacturer key, ``OrderLine.sku`` a product or variation SKU.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

ProductKind = Literal["simple", "variable", "grouped", "external"]
OrderChannel = Literal["web", "pos"]
ShippingMethod = Literal["local_pickup", "flat_rate", "free_shipping", "store_to_door", "none"]

AWKWARD_KINDS: tuple[str, ...] = (
    "sku-with-space",
    "sku-refused-by-sitoo",
    "empty-sku",
    "duplicate-name",
    "long-title",
    "non-ascii",
    "duplicate-sku",
)
"""The kinds of deliberately hard products; ``Product.awkward`` starts with one of them."""


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    """The shop's (Swedish) name."""
    parent: str | None = None
    description: str = ""
    name_en: str = ""
    """The English name."""


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
    width: int = 0
    height: int = 0


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
    purchase_price: Decimal | None = None
    """Excluding VAT."""


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
    """Including VAT; a variable product's is its variations' price, a grouped product's is 0."""
    sale_price: Decimal | None = None
    purchase_price: Decimal | None = None
    stock: int | None = 0
    """None when stock is not managed for the product (a variable product manages it per variation)."""
    barcode: str | None = None
    images: tuple[str, ...] = ()
    active: bool = True
    variations: tuple[Variation, ...] = ()
    grouped: tuple[str, ...] = ()
    external_url: str | None = None
    awkward: str | None = None
    """Why this record is deliberately hard: ``"<kind>: <reason>"``, the kind from ``AWKWARD_KINDS``."""

    @property
    def awkward_kind(self) -> str | None:
        """The kind part of ``awkward`` (``"empty-sku"``, ...), or None for an ordinary product."""
        return None if self.awkward is None else self.awkward.split(":", 1)[0]

    def attribute_options(self) -> dict[str, list[str]]:
        """Each variation attribute with its options, in the order the variations use them."""
        options: dict[str, list[str]] = {}
        for variation in self.variations:
            for name, value in variation.attributes.items():
                values = options.setdefault(name, [])
                if value not in values:
                    values.append(value)
        return options


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
    shipping: ShippingMethod = "none"
    shipping_total: Decimal = Decimal("0")
    coupon: str | None = None
    created: str = "2026-11-01T10:00:00"
    """Local shop time, ISO form without offset."""
    payment_method: str = ""
    """``klarna``, ``swish``, ``card``, ``cash`` or empty (not paid)."""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "SE"


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
        """The image with ``key`` (KeyError if there is none); indexed, so fast on big catalogues."""
        cached = self.__dict__.get("_image_index")
        if cached is None or cached[0] is not self.images or cached[1] != len(self.images):
            cached = (self.images, len(self.images), {image.key: image for image in self.images})
            self.__dict__["_image_index"] = cached
        found: Image = cached[2][key]
        return found
