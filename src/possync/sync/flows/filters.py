"""Which records a catalogue sync takes at all, and why one is left out, in a merchant's words.

``wanted_by_fetch_products`` is the seed's "Fetch products from Sitoo" (seven choices) on Sitoo's
webshop (``active``) and POS (``activepos``) flags; ``excluded_from_pos`` is "Exclude external
products from sync to Sitoo"; ``pos_problem`` names what keeps a shop product from Sitoo.
"""

from __future__ import annotations

from collections.abc import Callable

from possync.settings import FetchProducts
from possync.sitoo.models import Product as PosProduct
from possync.sync.flows.names import sku_problem
from possync.woo.models import Product

SENT_TYPES = frozenset({"simple", "variable", "external"})
_FETCH: dict[FetchProducts, Callable[[bool, bool], bool]] = {
    FetchProducts.ALL: lambda web, pos: True,
    FetchProducts.ACTIVE: lambda web, pos: web or pos,
    FetchProducts.ACTIVE_POS: lambda web, pos: pos,
    FetchProducts.ACTIVE_WEBSHOP: lambda web, pos: web,
    FetchProducts.INACTIVE: lambda web, pos: not web and not pos,
    FetchProducts.INACTIVE_POS: lambda web, pos: not pos,
    FetchProducts.INACTIVE_WEBSHOP: lambda web, pos: not web,
}


def wanted_by_fetch_products(product: PosProduct, choice: FetchProducts | str) -> bool:
    """Whether a complete sync fetches this Sitoo product under the "Fetch products" choice.

    A variant is judged by its main product's flags: pass the main product for a variant.
    """
    return _FETCH[FetchProducts(choice)](bool(product.active), bool(product.activepos))


def excluded_from_pos(product: Product, exclude_external: bool) -> str | None:
    """Why a shop product is left out of the sync to Sitoo by the options; ``None`` when it is not."""
    if exclude_external and product.type == "external":
        return 'is an external product, and "Exclude external products from sync to Sitoo" is on'
    return None


def pos_problem(product: Product) -> str | None:
    """Why a shop product cannot go to Sitoo as it is; ``None`` when it can."""
    if product.type == "grouped":
        return "is a grouped product: Sitoo has no grouped products, its member products are synced instead"
    if product.type not in SENT_TYPES:
        return f"is a {product.type!r} product, a type Sitoo has no counterpart for"
    return sku_problem(product.sku)
