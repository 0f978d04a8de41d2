"""Product categories (hierarchical, with display, image and menu order) and product tags.

Both are WordPress terms served by the generic term routes; a category's ``count`` is the number
of products filed under it, as WordPress keeps it.
"""

from __future__ import annotations

from collections.abc import Callable

from possync_sandbox.woocommerce.context import Route, View
from possync_sandbox.woocommerce.store import Record
from possync_sandbox.woocommerce.terms import Taxonomy, term_routes


def _count(field: str) -> Callable[[View, Record], int]:
    def count(view: View, term: Record) -> int:
        products = view.store.products.values()
        return sum(1 for p in products if term["id"] in p.get(field, []) and p.get("status") == "publish")

    return count


CATEGORIES = Taxonomy(
    table="categories",
    path="/products/categories",
    rest_base="categories",
    hierarchical=True,
    extra={"display": "default", "image": None, "menu_order": 0},
    count=_count("categories"),
)
TAGS = Taxonomy(table="tags", path="/products/tags", rest_base="tags", count=_count("tags"))

ROUTES: list[Route] = []
term_routes(ROUTES, CATEGORIES)
term_routes(ROUTES, TAGS)
