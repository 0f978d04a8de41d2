"""The demo catalogue: a neutral model and a seeded generator of a realistic shop assortment."""

from possync_sandbox.catalogue.generate import generate
from possync_sandbox.catalogue.model import (
    AWKWARD_KINDS,
    Catalogue,
    Category,
    Coupon,
    Image,
    Manufacturer,
    Order,
    OrderLine,
    Product,
    Variation,
)

__all__ = [
    "AWKWARD_KINDS",
    "Catalogue",
    "Category",
    "Coupon",
    "Image",
    "Manufacturer",
    "Order",
    "OrderLine",
    "Product",
    "Variation",
    "generate",
]
