"""Categories: the product tree (``categoryparentid`` null = top level).

Parents must exist before children and a move may not make a cycle (400, [OPEN]). Deleting a
category deletes all its descendants [SPEC] and takes the deleted ids out of every product's
``categories`` and ``defaultcategoryid`` [INF].
"""

from __future__ import annotations

from possync_sandbox.sitoo.context import Ctx, Plugin
from possync_sandbox.sitoo.crud import Resource
from possync_sandbox.sitoo.errors import SitooError
from possync_sandbox.sitoo.store import Record, SiteState
from possync_sandbox.sitoo.tables import CATEGORIES, PRODUCTS
from possync_sandbox.sitoo.wire import boolean, integer, nullable, text

TEXT_FIELDS = ("title", "custom1", "custom2", "friendly", "seo_title", "seo_keywords", "seo_description")


def _defaults() -> Record:
    return {
        "categoryparentid": None,
        "visible": True,
        "sortorder": 0,
        **dict.fromkeys(TEXT_FIELDS, ""),
    }


def _parent_zero_is_root(value: object, name: str) -> int | None:
    parent = nullable(integer)(value, name)
    return parent or None


def ancestors(site: SiteState, categoryid: int | None) -> list[int]:
    """``categoryid`` and the ids above it, nearest first (stops at a cycle)."""
    table = site.table(CATEGORIES)
    chain: list[int] = []
    while categoryid is not None and categoryid not in chain:
        chain.append(categoryid)
        parent = table.get(categoryid)
        categoryid = parent["categoryparentid"] if parent else None
    return chain


def _validate(ctx: Ctx, record: Record, old: Record | None) -> None:
    parent = record["categoryparentid"]
    if parent is None:
        return
    status = ctx.settings.category_unknown_parent_status
    if ctx.site.table(CATEGORIES).get(parent) is None:
        raise SitooError(status, f"Parent category {parent} does not exist")
    if old is not None and old["categoryid"] in ancestors(ctx.site, parent):
        raise SitooError(status, "A category cannot be moved below itself")


def descendants(site: SiteState, categoryid: int) -> list[int]:
    """``categoryid`` and everything below it."""
    rows = site.table(CATEGORIES).values()
    found = [categoryid]
    for current in found:
        found.extend(row["categoryid"] for row in rows if row["categoryparentid"] == current)
    return found


def _cascade(ctx: Ctx, record: Record) -> None:
    gone = set(descendants(ctx.site, record["categoryid"]))
    table = ctx.site.table(CATEGORIES)
    for categoryid in gone - {record["categoryid"]}:
        table.discard(categoryid)
    for product in ctx.site.table(PRODUCTS).rows.values():
        kept = [c for c in product["categories"] if c not in gone]
        default = product["defaultcategoryid"]
        if kept != product["categories"] or default in gone:
            product["categories"] = kept
            product["defaultcategoryid"] = None if default in gone else default
            product["datemodified"] = ctx.now()


RESOURCE = Resource(
    table=CATEGORIES,
    writable={
        **dict.fromkeys(TEXT_FIELDS, text),
        "categoryparentid": _parent_zero_is_root,
        "visible": boolean,
        "sortorder": integer,
    },
    defaults=_defaults,
    required=("title",),
    timestamps=True,
    validate=_validate,
    on_delete=_cascade,
)

PLUGIN = Plugin(routes=RESOURCE.routes("categories"))
