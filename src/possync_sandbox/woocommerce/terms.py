"""WordPress terms behind product categories, tags and global attribute terms.

One ``Taxonomy`` description drives all three: WordPress's name and slug rules (a name may not
repeat among siblings, slugs are made unique on create and refused on update), hierarchy for
categories, ``force=true`` deletes, and the CRUD + batch routes registered by ``term_routes``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from possync_sandbox.woocommerce.batch import batch_route
from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, View, created, route
from possync_sandbox.woocommerce.errors import WooError, missing_param
from possync_sandbox.woocommerce.listing import filter_records, order_records, page_reply
from possync_sandbox.woocommerce.media import image_json, resolve_image
from possync_sandbox.woocommerce.store import UNCATEGORIZED_ID, Record
from possync_sandbox.woocommerce.wire import as_int, slugify, term_name, unique_slug

TERM_ORDERBY = {
    "id": "id",
    "include": "id",
    "name": "name",
    "slug": "slug",
    "term_group": "id",
    "count": "count",
}
TERM_INVALID = WooError("woocommerce_rest_term_invalid", "Resource does not exist.", 404)


@dataclass(frozen=True)
class Taxonomy:
    """How one kind of term is stored, addressed and shown."""

    table: str
    path: str
    """The collection path, with ``<attribute_id>`` for attribute terms."""
    rest_base: str
    hierarchical: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    """Extra writable fields and their defaults (``display``, ``menu_order`` ...)."""
    count: Callable[[View, Record], int] = lambda view, term: 0

    def scope(self, ctx: RequestContext) -> int:
        attribute_id = int(ctx.path_params.get("attribute_id", 0))
        if attribute_id and attribute_id not in ctx.store.attributes:
            raise WooError("woocommerce_rest_taxonomy_invalid", "Taxonomy does not exist.", 404)
        return attribute_id

    def rows(self, ctx: RequestContext) -> list[Record]:
        scope = self.scope(ctx)
        return [t for t in ctx.store.tables[self.table].values() if t.get("attribute_id", 0) == scope]

    def get(self, ctx: RequestContext, term_id: int) -> Record:
        term = next((t for t in self.rows(ctx) if t["id"] == term_id), None)
        if term is None:
            raise TERM_INVALID
        return term

    def collection(self, ctx: RequestContext) -> str:
        return self.path.replace("<attribute_id>", str(self.scope(ctx)))


def term_json(taxonomy: Taxonomy, view: View, term: Record, collection: str) -> dict[str, Any]:
    body: dict[str, Any] = {"id": term["id"], "name": term["name"], "slug": term["slug"]}
    if taxonomy.hierarchical:
        body["parent"] = term.get("parent", 0)
    body["description"] = term.get("description", "")
    for name in taxonomy.extra:
        body[name] = (
            image_json(view, term["image"]) if name == "image" and term.get("image") else term.get(name)
        )
    body["count"] = taxonomy.count(view, term)
    links = view.links(f"{collection}/{term['id']}", collection)
    if taxonomy.hierarchical and term.get("parent"):
        links["up"] = [{"href": view.api_url(f"{collection}/{term['parent']}")}]
    return body | {"_links": links}


def _check_name(taxonomy: Taxonomy, ctx: RequestContext, name: str, parent: int, slug: str | None) -> None:
    for term in taxonomy.rows(ctx):
        if (
            term["name"].lower() == name.lower()
            and term.get("parent", 0) == parent
            and (not slug or slug == term["slug"])
        ):
            raise WooError(
                "term_exists",
                "A term with the name provided already exists with this parent.",
                400,
                {"resource_id": term["id"]},
            )


def _parent(taxonomy: Taxonomy, ctx: RequestContext, body: dict[str, Any]) -> int | None:
    if "parent" not in body:
        return None
    if not taxonomy.hierarchical:
        raise WooError(
            "woocommerce_rest_taxonomy_not_hierarchical",
            "Can not set resource parent, taxonomy is not hierarchical.",
            400,
        )
    parent = as_int(body["parent"])
    if parent and not any(t["id"] == parent for t in taxonomy.rows(ctx)):
        raise WooError("missing_parent", "Parent term does not exist.", 400)
    return parent


async def _apply_extra(taxonomy: Taxonomy, ctx: RequestContext, term: Record, body: dict[str, Any]) -> None:
    for name in taxonomy.extra:
        if name not in body:
            continue
        if name == "image":
            term["image"] = (
                await resolve_image(ctx.store, body["image"], "product") if body["image"] else None
            )
        elif name == "menu_order":
            term[name] = as_int(body[name])
        else:
            term[name] = body[name]


async def create_term(taxonomy: Taxonomy, ctx: RequestContext) -> Reply:
    body = ctx.body
    name = term_name(str(body.get("name") or ""))
    if not name:
        raise missing_param("name")
    parent = _parent(taxonomy, ctx, body) or 0
    given = slugify(str(body.get("slug") or "")) or None
    _check_name(taxonomy, ctx, name, parent, given)
    slug = given or slugify(name) or str(ctx.store.sequences["term"])
    taken = {t["slug"] for t in taxonomy.rows(ctx)}
    if slug in taken and parent:
        slug = f"{slug}-{next(t['slug'] for t in taxonomy.rows(ctx) if t['id'] == parent)}"
    term: Record = {
        "id": ctx.store.new_id("term"),
        "name": name,
        "slug": unique_slug(slug, taken),
        "parent": parent,
    }
    term |= {"description": str(body.get("description") or ""), "attribute_id": taxonomy.scope(ctx)}
    term |= dict(taxonomy.extra)
    await _apply_extra(taxonomy, ctx, term, body)
    ctx.store.tables[taxonomy.table][term["id"]] = term
    collection = taxonomy.collection(ctx)
    return created(ctx.view, term_json(taxonomy, ctx.view, term, collection), f"{collection}/{term['id']}")


async def update_term(taxonomy: Taxonomy, ctx: RequestContext) -> Reply:
    term = taxonomy.get(ctx, int(ctx.path_params["id"]))
    body = ctx.body
    parent = _parent(taxonomy, ctx, body)
    if parent is not None:
        term["parent"] = parent
    if body.get("name"):
        term["name"] = term_name(str(body["name"]))
    if body.get("slug"):
        slug = slugify(str(body["slug"]))
        clash = next((t for t in taxonomy.rows(ctx) if t["slug"] == slug and t["id"] != term["id"]), None)
        if clash is not None:
            message = f"The slug &#8220;{slug}&#8221; is already in use by another term."
            raise WooError("duplicate_term_slug", message, 500, clash["id"])
        term["slug"] = slug
    if "description" in body:
        term["description"] = str(body["description"] or "")
    await _apply_extra(taxonomy, ctx, term, body)
    return Reply(term_json(taxonomy, ctx.view, term, taxonomy.collection(ctx)))


async def delete_term(taxonomy: Taxonomy, ctx: RequestContext) -> Reply:
    term = taxonomy.get(ctx, int(ctx.path_params["id"]))
    if not ctx.bool_param("force"):
        raise WooError("woocommerce_rest_trash_not_supported", "Resource does not support trashing.", 501)
    if taxonomy.table == "categories" and term["id"] == UNCATEGORIZED_ID:
        raise WooError("woocommerce_rest_cannot_delete", "Default product category cannot be deleted.", 500)
    answer = term_json(taxonomy, ctx.view, term, taxonomy.collection(ctx))
    for child in taxonomy.rows(ctx):
        if child.get("parent") == term["id"]:
            child["parent"] = term.get("parent", 0)
    del ctx.store.tables[taxonomy.table][term["id"]]
    return Reply(answer)


async def list_terms(taxonomy: Taxonomy, ctx: RequestContext) -> Reply:
    view, collection = ctx.view, taxonomy.collection(ctx)
    rows = [t | {"count": taxonomy.count(view, t)} for t in taxonomy.rows(ctx)]
    rows = filter_records(ctx, rows, search_fields=("name", "slug", "description"), created="", modified=None)
    if taxonomy.hierarchical and ctx.query.get("parent") not in (None, ""):
        rows = [t for t in rows if t.get("parent", 0) == ctx.int_param("parent", 0)]
    if ctx.query.get("slug"):
        rows = [t for t in rows if t["slug"] in (ctx.list_param("slug") or [])]
    if ctx.bool_param("hide_empty"):
        rows = [t for t in rows if t["count"] > 0]
    if ctx.query.get("product") not in (None, ""):
        product = ctx.store.products.get(ctx.int_param("product", 0), {})
        rows = [t for t in rows if t["id"] in product.get(taxonomy.table, [])]
    rows = order_records(ctx, rows, fields=TERM_ORDERBY, default_orderby="name", default_order="asc")
    return page_reply(ctx, rows, lambda t: term_json(taxonomy, view, t, collection))


def term_routes(table: list[Route], taxonomy: Taxonomy) -> None:
    """Register list, create, read, update, delete and batch for ``taxonomy``."""
    path = taxonomy.path

    async def list_(ctx: RequestContext) -> Reply:
        return await list_terms(taxonomy, ctx)

    async def create(ctx: RequestContext) -> Reply:
        return await create_term(taxonomy, ctx)

    async def read(ctx: RequestContext) -> Reply:
        term = taxonomy.get(ctx, int(ctx.path_params["id"]))
        return Reply(term_json(taxonomy, ctx.view, term, taxonomy.collection(ctx)))

    async def update(ctx: RequestContext) -> Reply:
        return await update_term(taxonomy, ctx)

    async def delete(ctx: RequestContext) -> Reply:
        return await delete_term(taxonomy, ctx)

    route(table, "GET", path, "list")(list_)
    route(table, "POST", path, "create")(create)
    batch_route(table, f"{path}/batch", taxonomy.rest_base, create=create, update=update, delete=delete)
    route(table, "GET", f"{path}/<id>", "view")(read)
    route(table, "POST,PUT,PATCH", f"{path}/<id>", "edit")(update)
    route(table, "DELETE", f"{path}/<id>", "delete")(delete)
