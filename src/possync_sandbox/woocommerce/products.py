"""Products (``/products``): create, read, update, trash/delete and batch, every product type.

A write builds a draft from the stored record and the request body (partial update), checks the
SKU, applies WooCommerce's price and stock rules, then sideloads images last so a failed image
leaves nothing written. Variations are refused here with WooCommerce's own pointer to the
variations endpoint; reading one by id answers it in product shape.

Stored layout (``store.products``): the v3 field names, with ``categories``, ``tags``, ``images``
and ``grouped_products`` as lists of ids (``images`` are media ids: render them with
``media.image_json(view, id)``), dates only as ``*_gmt`` strings, and ``trashed_status`` while in
the trash. Variations (``store.variations``) hold ``image`` as one media id or None.
"""

from __future__ import annotations

import copy
from typing import Any

from possync_sandbox.woocommerce.batch import batch_route
from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, as_bool, created, route
from possync_sandbox.woocommerce.errors import WooError, already_exists, invalid_id
from possync_sandbox.woocommerce.media import resolve_images
from possync_sandbox.woocommerce.product_attributes import apply_attributes, apply_default_attributes
from possync_sandbox.woocommerce.product_fields import COMMON_DEFAULTS, apply_common, apply_stock
from possync_sandbox.woocommerce.product_query import list_products
from possync_sandbox.woocommerce.product_view import COLLECTION, children, permalink, product_json
from possync_sandbox.woocommerce.schema import PRODUCT_RULES, PRODUCT_STATUSES, PRODUCT_TYPES, validate
from possync_sandbox.woocommerce.sku import apply_identifiers, register
from possync_sandbox.woocommerce.sku import ready as sku_index_ready
from possync_sandbox.woocommerce.stock import sync_variable
from possync_sandbox.woocommerce.store import UNCATEGORIZED_ID, Record, Store
from possync_sandbox.woocommerce.wire import as_int, kses, parse_input_date, slugify, term_name, unique_slug

ROUTES: list[Route] = []
serialise = product_json
"""``serialise(view, record)``: the product object (variations in product shape), for other modules."""

PRODUCT_DEFAULTS: dict[str, Any] = {
    **COMMON_DEFAULTS,
    "name": "",
    "slug": "",
    "type": "simple",
    "status": "publish",
    "featured": False,
    "catalog_visibility": "visible",
    "short_description": "",
    "external_url": "",
    "button_text": "",
    "sold_individually": False,
    "reviews_allowed": True,
    "upsell_ids": [],
    "cross_sell_ids": [],
    "parent_id": 0,
    "purchase_note": "",
    "categories": [],
    "tags": [],
    "images": [],
    "attributes": [],
    "default_attributes": [],
    "grouped_products": [],
    "total_sales": 0,
}
TEXT_FIELDS = ("purchase_note", "catalog_visibility")
EXTERNAL_FIELDS = ("external_url", "button_text")
FLAG_FIELDS = ("featured", "sold_individually", "reviews_allowed")
WRONG_ENDPOINT = WooError(
    "woocommerce_rest_invalid_product_id",
    "To manipulate product variations you should use the "
    "/products/&lt;product_id&gt;/variations/&lt;id&gt; endpoint.",
    404,
)


def _ids(value: Any) -> list[int]:
    items = value if isinstance(value, list) else []
    ids = [as_int(i.get("id")) if isinstance(i, dict) else as_int(i) for i in items]
    return [i for i in ids if i > 0]


def _apply_identity(ctx: RequestContext, draft: Record, body: dict[str, Any]) -> None:
    if "type" in body:
        draft["type"] = body["type"] if body["type"] in PRODUCT_TYPES else "simple"
    if "status" in body:
        draft["status"] = body["status"] if body["status"] in PRODUCT_STATUSES else "draft"
    if "name" in body:
        draft["name"] = kses(str(body["name"] or ""))
    if "short_description" in body:
        draft["short_description"] = kses(str(body["short_description"] or ""))
    if body.get("slug") or not draft["slug"]:
        wanted = slugify(str(body.get("slug") or draft["name"]))
        if wanted and wanted != draft["slug"]:
            draft["slug"] = unique_slug(wanted, _slugs(ctx.store))
    for name in TEXT_FIELDS + (EXTERNAL_FIELDS if draft["type"] == "external" else ()):
        if name in body:
            draft[name] = str(body[name] or "")
    for name in FLAG_FIELDS:
        if name in body:
            draft[name] = as_bool(body[name], False, name)
    for name in ("menu_order", "parent_id"):
        if name in body:
            draft[name] = as_int(body[name])
    for name in ("upsell_ids", "cross_sell_ids", "grouped_products"):
        if name in body:
            draft[name] = _ids(body[name])
    for key, is_gmt in (("date_created", False), ("date_created_gmt", True)):
        if body.get(key):
            draft["date_created_gmt"] = parse_input_date(
                body[key], ctx.settings.timezone, is_gmt=is_gmt, param=key
            )


def _apply_terms(store: Store, draft: Record, body: dict[str, Any]) -> None:
    if "categories" in body:
        draft["categories"] = [i for i in _ids(body["categories"]) if i in store.categories]
    if not draft["categories"]:
        draft["categories"] = [UNCATEGORIZED_ID]
    if isinstance(body.get("tags"), list):
        draft["tags"] = [_tag_id(store, tag) for tag in body["tags"] if isinstance(tag, dict)]
        draft["tags"] = [t for t in draft["tags"] if t]


def _tag_id(store: Store, tag: dict[str, Any]) -> int:
    if tag.get("id"):
        return as_int(tag["id"]) if as_int(tag["id"]) in store.tags else 0
    name = term_name(str(tag.get("name") or ""))
    found = next((t["id"] for t in store.tags.values() if t["name"].lower() == name.lower()), 0)
    if found or not name:
        return int(found)
    term_id = store.new_id("term")
    taken = {t["slug"] for t in store.tags.values()}
    store.tags[term_id] = {
        "id": term_id,
        "name": name,
        "slug": unique_slug(slugify(name), taken),
        "description": "",
    }
    return term_id


async def save_product(ctx: RequestContext, stored: Record | None) -> Record:
    """Create (``stored`` None) or update a product from ``ctx.body``; returns the stored record."""
    body, store = ctx.body, ctx.store
    validate(ctx, body, PRODUCT_RULES)
    draft = copy.deepcopy(stored) if stored is not None else {**copy.deepcopy(PRODUCT_DEFAULTS), "id": 0}
    _apply_identity(ctx, draft, body)
    apply_identifiers(store, draft, body, new_product=stored is None)
    apply_common(store, draft, body)
    if draft["type"] in ("variable", "grouped"):
        draft |= {
            "regular_price": "",
            "sale_price": "",
            "date_on_sale_from_gmt": None,
            "date_on_sale_to_gmt": None,
        }
    apply_stock(store, draft, body)
    _apply_terms(store, draft, body)
    apply_attributes(store, draft, body)
    apply_default_attributes(store, draft, body)
    if "images" in body:
        draft["images"] = await resolve_images(store, body["images"])
    return _commit(store, draft, stored)


def _slugs(store: Store) -> set[str]:
    """Slugs taken by products (kept up to date by ``_commit``)."""
    slugs: set[str] = store.cached("product_slugs", lambda: {p["slug"] for p in store.products.values()})
    return slugs


def _commit(store: Store, draft: Record, stored: Record | None) -> Record:
    sku_index_ready(store)
    taken = _slugs(store)
    now = store.now()
    if stored is None:
        draft["id"] = store.new_post_id()
        draft["slug"] = draft["slug"] or str(draft["id"])
        draft.setdefault("date_created_gmt", now)
        draft["date_created_gmt"] = draft["date_created_gmt"] or now
    draft["date_modified_gmt"] = now
    store.products[draft["id"]] = draft
    register(store, draft)
    taken.add(draft["slug"])
    store.keep_cached("product_slugs")
    sync_variable(store, draft)
    if stored is None:
        if draft["status"] != "auto-draft":
            store.emit("product.created", draft["id"])
    else:
        # A status that takes the product out of the trash is still a plain save: only
        # wp_untrash_post (``untrash.py``) fires ``product.restored``.
        store.emit("product.updated", draft["id"])
    return draft


def product_or_404(ctx: RequestContext, status: int = 404) -> Record:
    product_id = int(ctx.path_params["id"])
    if product_id in ctx.store.variations and ctx.method != "GET":
        raise WRONG_ENDPOINT
    record = ctx.store.products.get(product_id)
    if record is None:
        raise invalid_id("product", status)
    return record


@route(ROUTES, "GET", COLLECTION, "list")
async def list_(ctx: RequestContext) -> Reply:
    return list_products(ctx)


@route(ROUTES, "POST", COLLECTION, "create")
async def create(ctx: RequestContext) -> Reply:
    if ctx.body.get("id"):
        raise already_exists("product")
    record = await save_product(ctx, None)
    return created(ctx.view, product_json(ctx.view.for_edit(), record), f"{COLLECTION}/{record['id']}")


@route(ROUTES, "GET", f"{COLLECTION}/<id>", "view")
async def read(ctx: RequestContext) -> Reply:
    product_id = int(ctx.path_params["id"])
    record = ctx.store.products.get(product_id) or ctx.store.variations.get(product_id)
    if record is None:
        raise invalid_id("product", 404)
    alternate = f'<{permalink(ctx.view, record)}>; rel="alternate"; type=text/html'
    return Reply(product_json(ctx.view, record), headers={"Link": alternate})


@route(ROUTES, "POST,PUT,PATCH", f"{COLLECTION}/<id>", "edit")
async def update(ctx: RequestContext) -> Reply:
    record = await save_product(ctx, product_or_404(ctx, 400))
    return Reply(product_json(ctx.view.for_edit(), record))


@route(ROUTES, "DELETE", f"{COLLECTION}/<id>", "delete")
async def delete(ctx: RequestContext) -> Reply:
    record, store = product_or_404(ctx), ctx.store
    answer = product_json(ctx.view.for_edit(), record)
    if ctx.bool_param("force"):
        del store.products[record["id"]]
        for variation in [v for v in store.variations.values() if v.get("parent_id") == record["id"]]:
            if record.get("type") == "variable":
                del store.variations[variation["id"]]
        for product in store.products.values():
            if product.get("parent_id") == record["id"]:
                product["parent_id"] = 0
        return Reply(answer)
    if record.get("status") == "trash":
        raise WooError("woocommerce_rest_already_trashed", "The product has already been deleted.", 410)
    record["trashed_status"], record["status"] = record.get("status"), "trash"
    store.touch(record)
    store.emit("product.deleted", record["id"])
    return Reply(answer)


batch_route(ROUTES, f"{COLLECTION}/batch", "products", create=create, update=update, delete=delete)
__all__ = ["ROUTES", "children", "save_product", "serialise"]
