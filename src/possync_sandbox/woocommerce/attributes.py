"""Global product attributes (``pa_*`` taxonomies such as ``pa_manufacturer``) and their terms.

Attributes have their own id sequence (WooCommerce's attribute table) and their list is not
paginated; terms are WordPress terms served by the generic term routes under
``/products/attributes/<attribute_id>/terms``.
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.woocommerce.batch import batch_route
from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, View, as_bool, created, route
from possync_sandbox.woocommerce.errors import WooError, missing_param
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.terms import Taxonomy, term_routes
from possync_sandbox.woocommerce.wire import slugify

ROUTES: list[Route] = []
COLLECTION = "/products/attributes"
ORDER_BY = ["menu_order", "name", "name_num", "id"]


def _term_count(view: View, term: Record) -> int:
    return sum(
        1
        for product in view.store.products.values()
        for attribute in product.get("attributes", [])
        if attribute.get("id") == term.get("attribute_id") and term["name"] in attribute.get("options", [])
    )


TERMS = Taxonomy(
    table="terms",
    path=f"{COLLECTION}/<attribute_id>/terms",
    rest_base="terms",
    extra={"menu_order": 0},
    count=_term_count,
)


def attribute_json(view: View, attribute: Record) -> dict[str, Any]:
    return {
        "id": attribute["id"],
        "name": attribute["name"],
        "slug": f"pa_{attribute['slug']}",
        "type": attribute.get("type", "select"),
        "order_by": attribute.get("order_by", "menu_order"),
        "has_archives": attribute.get("has_archives", False),
        "_links": view.links(f"{COLLECTION}/{attribute['id']}", COLLECTION),
    }


def find_attribute(store: Store, name_or_slug: str) -> Record | None:
    """A global attribute by label or slug (``pa_`` or not), as ``wc_attribute_taxonomy_id_by_name``."""
    wanted = slugify(name_or_slug.lower().removeprefix("pa_"))
    return next(
        (a for a in store.attributes.values() if wanted in (slugify(a["name"]), a["slug"])),
        None,
    )


def _get(ctx: RequestContext) -> Record:
    attribute = ctx.store.attributes.get(int(ctx.path_params["id"]))
    if attribute is None:
        raise WooError("woocommerce_rest_taxonomy_invalid", "Resource does not exist.", 404)
    return attribute


def _apply(ctx: RequestContext, attribute: Record, body: dict[str, Any]) -> None:
    if body.get("name"):
        attribute["name"] = str(body["name"])
    if body.get("slug") or "slug" not in attribute:
        slug = slugify(str(body.get("slug") or attribute["name"])).removeprefix("pa_")
        if len(slug) > 28:
            raise WooError(
                "woocommerce_rest_cannot_create",
                f'Slug "{slug}" is too long (28 characters max). Shorten it, please.',
                400,
            )
        if any(a["slug"] == slug and a["id"] != attribute.get("id") for a in ctx.store.attributes.values()):
            raise WooError(
                "woocommerce_rest_cannot_create", f'Slug "{slug}" is already in use. Change it, please.', 400
            )
        attribute["slug"] = slug
    if "type" in body:
        attribute["type"] = str(body["type"])
    if "order_by" in body and body["order_by"] in ORDER_BY:
        attribute["order_by"] = body["order_by"]
    if "has_archives" in body:
        attribute["has_archives"] = as_bool(body["has_archives"], False, "has_archives")


def create_attribute(store: Store, name: str, slug: str | None = None) -> Record:
    """A new global attribute (the loader's way in)."""
    attribute: Record = {"name": name, "type": "select", "order_by": "menu_order", "has_archives": False}
    attribute["slug"] = slugify(slug or name)
    attribute["id"] = store.new_id("attribute")
    store.attributes[attribute["id"]] = attribute
    return attribute


@route(ROUTES, "GET", COLLECTION, "list")
async def list_attributes(ctx: RequestContext) -> Reply:
    return Reply(
        [attribute_json(ctx.view, a) for a in sorted(ctx.store.attributes.values(), key=lambda a: a["id"])]
    )


@route(ROUTES, "POST", COLLECTION, "create")
async def create(ctx: RequestContext) -> Reply:
    if not ctx.body.get("name"):
        raise missing_param("name")
    attribute: Record = {"type": "select", "order_by": "menu_order", "has_archives": False}
    _apply(ctx, attribute, ctx.body)
    attribute["id"] = ctx.store.new_id("attribute")
    ctx.store.attributes[attribute["id"]] = attribute
    return created(ctx.view, attribute_json(ctx.view, attribute), f"{COLLECTION}/{attribute['id']}")


@route(ROUTES, "GET", f"{COLLECTION}/<id>", "view")
async def read(ctx: RequestContext) -> Reply:
    return Reply(attribute_json(ctx.view, _get(ctx)))


@route(ROUTES, "POST,PUT,PATCH", f"{COLLECTION}/<id>", "edit")
async def update(ctx: RequestContext) -> Reply:
    attribute = _get(ctx)
    draft = dict(attribute)
    _apply(ctx, draft, ctx.body)
    attribute.update(draft)
    return Reply(attribute_json(ctx.view, attribute))


@route(ROUTES, "DELETE", f"{COLLECTION}/<id>", "delete")
async def delete(ctx: RequestContext) -> Reply:
    attribute = _get(ctx)
    if not ctx.bool_param("force"):
        raise WooError("woocommerce_rest_trash_not_supported", "Resource does not support trashing.", 501)
    answer = attribute_json(ctx.view, attribute)
    del ctx.store.attributes[attribute["id"]]
    for term_id in [t["id"] for t in ctx.store.terms.values() if t.get("attribute_id") == attribute["id"]]:
        del ctx.store.terms[term_id]
    for product in ctx.store.products.values():
        product["attributes"] = [a for a in product.get("attributes", []) if a.get("id") != attribute["id"]]
    return Reply(answer)


batch_route(ROUTES, f"{COLLECTION}/batch", "attributes", create=create, update=update, delete=delete)
term_routes(ROUTES, TERMS)
