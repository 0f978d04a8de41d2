"""Manufacturers: Sitoo's manufacturers are the terms of the shop's global "Manufacturer" attribute.

As the seed describes, they are matched by name: a shop product's manufacturer is the option of
its "Manufacturer" attribute (``pa_manufacturer``), and the Sitoo manufacturer of that name gives
the product's ``manufacturerid``. Names are matched as typed, with blanks tidied.
"""

from __future__ import annotations

from typing import Any

from possync.errors import MappingError
from possync.sitoo.models import Manufacturer
from possync.sitoo.models import Product as PosProduct
from possync.sync.flows.context import DEFAULTS, Context, Lookup
from possync.sync.flows.names import plain_text
from possync.woo.models import AttributeTerm, Product, ProductAttribute

ENTITY = "manufacturer"


def manufacturer_key(name: str | None) -> str:
    """The natural key of a manufacturer: its name with blanks collapsed (also the name written)."""
    return " ".join(plain_text(name).split())


def manufacturer_to_woo(manufacturer: Manufacturer, context: Context = DEFAULTS) -> dict[str, Any]:
    """A Sitoo manufacturer as the write body of a term of the "Manufacturer" attribute."""
    return {"name": manufacturer_key(manufacturer.name)}


def manufacturer_to_pos(term: AttributeTerm, context: Context = DEFAULTS) -> dict[str, Any]:
    """A term of the shop's "Manufacturer" attribute as a Sitoo manufacturer write body."""
    return {"name": manufacturer_key(term.name)}


def woo_manufacturer_payload(term: AttributeTerm, context: Context = DEFAULTS) -> dict[str, Any]:
    """A manufacturer term as it stands, in the shape ``manufacturer_to_woo`` writes."""
    return {"name": manufacturer_key(term.name)}


def pos_manufacturer_payload(manufacturer: Manufacturer, context: Context = DEFAULTS) -> dict[str, Any]:
    """A Sitoo manufacturer as it stands, in the shape ``manufacturer_to_pos`` writes."""
    return {"name": manufacturer_key(manufacturer.name)}


def is_manufacturer_attribute(attribute: ProductAttribute, context: Context = DEFAULTS) -> bool:
    """Whether a product attribute is the shop's "Manufacturer" attribute (by name or ``pa_`` slug)."""
    wanted = manufacturer_key(context.manufacturer_attribute).casefold()
    slug = attribute.slug.removeprefix("pa_").replace("-", " ")
    names = {manufacturer_key(attribute.name).casefold(), manufacturer_key(slug).casefold()}
    return wanted in names


def product_manufacturer(product: Product, context: Context = DEFAULTS) -> str:
    """The manufacturer name of a shop product ("" when it has none)."""
    for attribute in product.attributes:
        if is_manufacturer_attribute(attribute, context) and attribute.options:
            return manufacturer_key(str(attribute.options[0]))
    return ""


def manufacturer_id(product: Product, lookup: Lookup, context: Context = DEFAULTS) -> int | None:
    """The Sitoo ``manufacturerid`` of a shop product, found by its manufacturer's name."""
    name = product_manufacturer(product, context)
    return int(lookup.by_key(ENTITY, manufacturer_key(name))) if name else None


def manufacturer_name(product: PosProduct, lookup: Lookup) -> str:
    """The manufacturer name of a Sitoo product; ``MappingError`` until its manufacturer is fetched."""
    if not product.manufacturerid:
        return ""
    name = lookup.source_key(ENTITY, str(product.manufacturerid), "pos")
    if name is None:
        raise MappingError(f"manufacturer {product.manufacturerid} is not fetched yet")
    return name


def manufacturer_attribute(name: str, context: Context = DEFAULTS) -> dict[str, Any]:
    """The "Manufacturer" entry of a shop product's ``attributes`` (the writer adds the global id)."""
    return {"name": context.manufacturer_attribute, "options": [name], "visible": True, "variation": False}
