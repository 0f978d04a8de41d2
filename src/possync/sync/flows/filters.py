"""Which records a catalogue sync takes at all, and why one is left out, in a merchant's words.

``not_fetched`` is the seed's "Fetch products from Sitoo" (seven choices) on Sitoo's webshop
(``active``) and POS (``activepos``) flags; ``excluded_from_pos`` is "Exclude external products
from sync to Sitoo"; ``pos_problem`` names what keeps a shop product from Sitoo. The catalogue
flows skip a record with the reason the first two give.
"""

from __future__ import annotations

from collections.abc import Callable

from possync.settings import FetchProducts
from possync.sync.flows.names import sku_problem
from possync.woo.models import Product

SENT_TYPES = frozenset({"simple", "variable", "external"})
_FETCH: dict[FetchProducts, tuple[str, Callable[[bool, bool], bool]]] = {
    FetchProducts.ALL: ("All products", lambda web, pos: True),
    FetchProducts.ACTIVE: ("All active products", lambda web, pos: web or pos),
    FetchProducts.ACTIVE_POS: ("Active POS products", lambda web, pos: pos),
    FetchProducts.ACTIVE_WEBSHOP: ("Active webshop products", lambda web, pos: web),
    FetchProducts.INACTIVE: ("Inactive ones", lambda web, pos: not web and not pos),
    FetchProducts.INACTIVE_POS: ("Inactive POS", lambda web, pos: not pos),
    FetchProducts.INACTIVE_WEBSHOP: ("Inactive webshop ones", lambda web, pos: not web),
}


def not_fetched(active: bool | None, activepos: bool | None, choice: FetchProducts | str) -> str | None:
    """Why "Fetch products from Sitoo" leaves out a Sitoo product with these flags; ``None``: fetched.

    ``active`` is the webshop flag, ``activepos`` the POS flag; a missing flag counts as off. A
    variant is judged by its main product's flags: pass the main product's for a variant.
    """
    label, wanted = _FETCH[FetchProducts(choice)]
    if wanted(bool(active), bool(activepos)):
        return None
    return f'is not fetched: "Fetch products from Sitoo" is "{label}"'


def excluded_from_pos(product_type: str | None, exclude_external: bool) -> str | None:
    """Why the options leave a shop product of ``product_type`` out of the sync to Sitoo; ``None``: sent.

    A variation and an image go by their product's type.
    """
    if exclude_external and product_type == "external":
        return 'is an external product, and "Exclude external products from sync to Sitoo" is on'
    return None


def pos_problem(product: Product) -> str | None:
    """Why a shop product cannot go to Sitoo as it is; ``None`` when it can."""
    if product.type == "grouped":
        return "is a grouped product: Sitoo has no grouped products, its member products are synced instead"
    if product.type not in SENT_TYPES:
        return f"is a {product.type!r} product, a type Sitoo has no counterpart for"
    return sku_problem(product.sku)
