"""The deliberately hard products of the demo catalogue, one per kind in ``AWKWARD_KINDS``.

Each starts as an ordinary simple product and is bent in one way a real shop's data is bent:
a SKU with a space or with characters outside Sitoo's ``[A-Za-z0-9_+-/]``, no SKU, a name that
another product in another category already has, a title over 255 characters, emoji and å ä ö,
or the SKU of an earlier product, which a shop must refuse. ``Product.awkward`` says which and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from possync_sandbox.catalogue.model import AWKWARD_KINDS, Product

LONG_TITLE_MIN = 256
_LONG_WORDS = (
    "Extra mjuk och hållbar ekologisk bomullströja med rund hals, ribbstickade muddar, "
    "förstärkta sömmar och en lös passform som passar lika bra till vardags som till fest"
)

Bend = Callable[[Product, Product], Product]
"""Turns a fresh simple product (first) into an awkward one, given an earlier partner (second)."""


def _sku_with_space(product: Product, partner: Product) -> Product:
    sku = product.sku.replace("-", " ", 1)
    return replace(product, sku=sku, awkward=f"sku-with-space: SKU {sku!r} has a space, which Sitoo refuses")


def _sku_refused(product: Product, partner: Product) -> Product:
    sku = product.sku.replace("-", "#", 1) + "*Ö"
    reason = f"sku-refused-by-sitoo: SKU {sku!r} has '#', '*' and 'Ö', outside Sitoo's [A-Za-z0-9_+-/]"
    return replace(product, sku=sku, awkward=reason)


def _empty_sku(product: Product, partner: Product) -> Product:
    reason = "empty-sku: no SKU; WooCommerce allows it, Sitoo requires one"
    return replace(product, sku="", awkward=reason)


def _duplicate_name(product: Product, partner: Product) -> Product:
    reason = f"duplicate-name: same name as {partner.key} ({partner.name!r}) in another category"
    return replace(product, name=partner.name, awkward=reason)


def _long_title(product: Product, partner: Product) -> Product:
    name = f"{product.name} – {_LONG_WORDS}"
    while len(name) < LONG_TITLE_MIN:
        name = f"{name}, {_LONG_WORDS.lower()}"
    return replace(product, name=name, awkward=f"long-title: the name has {len(name)} characters (over 255)")


def _non_ascii(product: Product, partner: Product) -> Product:
    name = f"Smörgåstårta-förkläde ☕ Åsa 🍓 “{product.name}”"
    description = f"<p>Blåbär, räksmörgås & glögg – ÅÄÖ åäö é ü ß 🇸🇪 {product.description}</p>"
    reason = "non-ascii: å ä ö, typographic quotes and emoji (outside the BMP) in name and description"
    return replace(product, name=name, description=description, awkward=reason)


def _duplicate_sku(product: Product, partner: Product) -> Product:
    reason = f"duplicate-sku: same SKU as the earlier {partner.key} ({partner.sku!r}); a shop must refuse it"
    return replace(product, sku=partner.sku, awkward=reason)


BENDS: dict[str, Bend] = {
    "sku-with-space": _sku_with_space,
    "sku-refused-by-sitoo": _sku_refused,
    "empty-sku": _empty_sku,
    "duplicate-name": _duplicate_name,
    "long-title": _long_title,
    "non-ascii": _non_ascii,
    "duplicate-sku": _duplicate_sku,
}
assert tuple(BENDS) == AWKWARD_KINDS, "every awkward kind needs exactly one bend"


def bend(kind: str, product: Product, partner: Product) -> Product:
    """``product`` made awkward in the way ``kind`` names, and active so every shop lists it."""
    return replace(BENDS[kind](product, partner), active=True)
