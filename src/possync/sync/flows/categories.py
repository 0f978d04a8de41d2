"""Categories both ways, with their tree: matched by their path of names, parents through the lookup.

A WooCommerce category's ``name``, ``parent``, ``description`` and ``menu_order`` are a Sitoo
category's ``title``, ``categoryparentid``, ``seo_description`` and ``sortorder``. A parent is
resolved through the lookup; an unbound parent raises ``MappingError`` so the child waits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from possync.sitoo.models import Category as PosCategory
from possync.sync.flows.context import DEFAULTS, Context, Lookup
from possync.sync.flows.names import plain_text
from possync.woo.models import Category as WooCategory

SEPARATOR = " / "
MAX_DEPTH = 50


def path_key(names: Sequence[str]) -> str:
    """The natural key of a category: its names from the top, blanks tidied, ``/`` in names escaped."""
    return SEPARATOR.join(" ".join(plain_text(n).replace("/", "\\/").split()) for n in names)


def _paths(parents: Mapping[int, int | None], names: Mapping[int, str]) -> dict[int, str]:
    """Each node's path key; a missing or cyclic parent ends the path where it breaks."""
    paths: dict[int, str] = {}
    for node in names:
        chain: list[str] = []
        seen: set[int] = set()
        current: int | None = node
        while current is not None and current in names and current not in seen and len(chain) < MAX_DEPTH:
            seen.add(current)
            chain.append(names[current])
            current = parents.get(current)
        paths[node] = path_key(list(reversed(chain)))
    return paths


def woo_category_paths(categories: Sequence[WooCategory]) -> dict[int, str]:
    """Each shop category's path key by its id."""
    return _paths({c.id: c.parent or None for c in categories}, {c.id: c.name for c in categories})


def pos_category_paths(categories: Sequence[PosCategory]) -> dict[int, str]:
    """Each Sitoo category's path key by its ``categoryid``."""
    known = [c for c in categories if c.categoryid is not None]
    parents = {int(c.categoryid or 0): c.categoryparentid for c in known}
    return _paths(parents, {int(c.categoryid or 0): c.title or "" for c in known})


def _parent(lookup: Lookup, parent: int | None, convert: Callable[[str], Any]) -> Any:
    return None if not parent else convert(lookup.target("category", parent))


def category_to_woo(category: PosCategory, lookup: Lookup, context: Context = DEFAULTS) -> dict[str, Any]:
    """A Sitoo category as the shop's category write body (``parent`` 0 at the top)."""
    return {
        "name": plain_text(category.title),
        "parent": _parent(lookup, category.categoryparentid, int) or 0,
        "description": plain_text(category.seo_description),
        "menu_order": category.sortorder or 0,
    }


def category_to_pos(category: WooCategory, lookup: Lookup, context: Context = DEFAULTS) -> dict[str, Any]:
    """A shop category as Sitoo's category write body (``categoryparentid`` null at the top)."""
    return {
        "title": plain_text(category.name),
        "categoryparentid": _parent(lookup, category.parent, int),
        "seo_description": plain_text(category.description),
        "sortorder": category.menu_order,
    }


def woo_category_payload(category: WooCategory, context: Context = DEFAULTS) -> dict[str, Any]:
    """A shop category as it stands, in the shape ``category_to_woo`` writes (for diffs and matches)."""
    return {
        "name": plain_text(category.name),
        "parent": category.parent,
        "description": plain_text(category.description),
        "menu_order": category.menu_order,
    }


def pos_category_payload(category: PosCategory, context: Context = DEFAULTS) -> dict[str, Any]:
    """A Sitoo category as it stands, in the shape ``category_to_pos`` writes."""
    return {
        "title": plain_text(category.title),
        "categoryparentid": category.categoryparentid or None,
        "seo_description": plain_text(category.seo_description),
        "sortorder": category.sortorder or 0,
    }


def is_default_category(category: WooCategory, context: Context = DEFAULTS) -> bool:
    """WooCommerce's default category ("Uncategorized"), which is never sent to Sitoo."""
    return category.slug == context.default_category_slug
