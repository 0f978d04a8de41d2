"""Variations (``/products/<product_id>/variations``): CRUD, batch and the variation object.

Attributes are matched against the parent's ``variation: true`` attributes (others skipped);
a global option is kept as the term slug and shown as the term name. A variation without its own
stock management under a parent that manages stock reads ``"manage_stock": "parent"`` with the
parent's quantity. Every save resyncs the parent's stock status; its price range is computed on read.
"""

from __future__ import annotations

import copy
from typing import Any

from possync_sandbox.woocommerce.batch import batch_route
from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, View, created, route
from possync_sandbox.woocommerce.errors import WooError, already_exists, invalid_id
from possync_sandbox.woocommerce.listing import (
    POST_ORDERBY,
    enum_param,
    filter_records,
    order_records,
    page_reply,
)
from possync_sandbox.woocommerce.media import image_json, resolve_image
from possync_sandbox.woocommerce.product_attributes import match_parent_attribute, term_slug
from possync_sandbox.woocommerce.product_fields import (
    COMMON_DEFAULTS,
    active_price,
    apply_common,
    apply_stock,
    downloads_json,
    meta_json,
    on_sale,
    prices_json,
    shipping_json,
    stock_json,
)
from possync_sandbox.woocommerce.product_view import option_label, permalink, variation_attributes_json
from possync_sandbox.woocommerce.schema import VARIATION_RULES, validate
from possync_sandbox.woocommerce.sku import apply_identifiers, register, sku_key
from possync_sandbox.woocommerce.sku import ready as sku_index_ready
from possync_sandbox.woocommerce.stock import sync_variable
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import as_int, date_pair

ROUTES: list[Route] = []
COLLECTION = "/products/<product_id>/variations"
STATUSES = ["draft", "pending", "private", "publish"]


def variation_json(view: View, record: Record) -> dict[str, Any]:
    """The variation object of ``/products/<product_id>/variations/<id>``."""
    store, parent_id = view.store, record["parent_id"]
    price = active_price(record, store.now())
    body: dict[str, Any] = {"id": record["id"]}
    body |= date_pair(record, "date_created", view.timezone) | date_pair(
        record, "date_modified", view.timezone
    )
    body |= {
        "description": view.rendered(record.get("description", "")),
        "permalink": permalink(view, record),
        "sku": record.get("sku", ""),
    }
    if view.version == "v3":
        body["global_unique_id"] = record.get("global_unique_id", "")
    body |= prices_json(view, record, price, on_sale(record, store.now()))
    body |= {"status": record["status"], "purchasable": price != "" and record["status"] == "publish"}
    body |= downloads_json(record)
    body |= {"tax_status": record.get("tax_status", "taxable"), "tax_class": record.get("tax_class", "")}
    body |= stock_json(view, record) | shipping_json(record)
    body["image"] = image_json(view, record["image"]) if record.get("image") else None
    body |= {
        "attributes": variation_attributes_json(store, record),
        "menu_order": record.get("menu_order", 0),
        "meta_data": meta_json(record),
        "name": record.get("name", ""),
        "type": "variation",
        "parent_id": parent_id,
    }
    base = f"/products/{parent_id}/variations"
    return body | {"_links": view.links(f"{base}/{record['id']}", base, up=f"/products/{parent_id}")}


def _parent(ctx: RequestContext) -> Record:
    parent = ctx.store.products.get(int(ctx.path_params["product_id"]))
    if parent is None:
        raise invalid_id("product", 404)
    return parent


def _variation(ctx: RequestContext, parent: Record, status: int = 404) -> Record:
    record = ctx.store.variations.get(int(ctx.path_params["id"]))
    if record is None or record["parent_id"] != parent["id"]:
        raise invalid_id("product_variation", status)
    return record


def _apply_attributes(store: Store, parent: Record, draft: Record, entries: Any) -> None:
    chosen = []
    for entry in entries if isinstance(entries, list) else []:
        attribute = match_parent_attribute(store, parent, entry) if isinstance(entry, dict) else None
        if attribute is None:
            continue
        option = str(entry.get("option") or "")
        if attribute["id"]:
            option = term_slug(store, attribute["id"], option)
        chosen.append({"id": attribute["id"], "name": attribute["name"], "option": option})
    draft["attributes"] = chosen


def _name(store: Store, parent: Record, draft: Record) -> str:
    options = [option_label(store, a) for a in draft["attributes"] if a["option"]]
    return f"{parent['name']} - {', '.join(options)}" if options else str(parent["name"])


async def save_variation(ctx: RequestContext, parent: Record, stored: Record | None) -> Record:
    body, store = ctx.body, ctx.store
    validate(ctx, body, VARIATION_RULES)
    draft = (
        copy.deepcopy(stored) if stored else {**copy.deepcopy(COMMON_DEFAULTS), "id": 0, "type": "variation"}
    )
    draft |= {
        "parent_id": parent["id"],
        "status": draft.get("status", "publish"),
        "image": draft.get("image"),
    }
    if "status" in body:
        draft["status"] = body["status"] if body["status"] in STATUSES else "draft"
    apply_identifiers(store, draft, body, new_product=False)
    apply_common(store, draft, body)
    apply_stock(store, draft, body, variation=True)
    if body.get("menu_order"):
        draft["menu_order"] = as_int(body["menu_order"])
    if "attributes" in body:
        _apply_attributes(store, parent, draft, body["attributes"])
    draft.setdefault("attributes", [])
    if "image" in body:
        draft["image"] = (
            await resolve_image(store, body["image"], "variation")
            if isinstance(body["image"], dict)
            else None
        )
    draft["name"] = _name(store, parent, draft)
    return _commit(store, parent, draft, stored is None)


def _commit(store: Store, parent: Record, draft: Record, new: bool) -> Record:
    sku_index_ready(store)
    store.variation_ids(parent["id"])
    now = store.now()
    if new:
        draft["id"] = store.new_post_id()
        draft["date_created_gmt"] = now
    draft["date_modified_gmt"] = now
    store.variations[draft["id"]] = draft
    register(store, draft)
    store.note_variation(draft)
    sync_variable(store, parent)
    store.emit("product.created" if new else "product.updated", draft["id"])
    return draft


@route(ROUTES, "GET", COLLECTION, "list")
async def list_(ctx: RequestContext) -> Reply:
    parent = _parent(ctx)
    rows = [v for v in ctx.store.variations.values() if v["parent_id"] == parent["id"]]
    status = enum_param(ctx, "status", ["any", *STATUSES, "trash"], "any")
    rows = [v for v in rows if (v["status"] != "trash" if status == "any" else v["status"] == status)]
    if ctx.query.get("sku"):
        wanted = {sku_key(s) for s in str(ctx.query["sku"]).split(",")}
        rows = [v for v in rows if v.get("sku") and sku_key(v["sku"]) in wanted]
    rows = filter_records(ctx, rows, search_fields=("name", "description", "sku"))
    rows = order_records(ctx, rows, fields={**POST_ORDERBY, "menu_order": "menu_order"})
    view = ctx.view
    return page_reply(ctx, rows, lambda v: variation_json(view, v))


@route(ROUTES, "POST", COLLECTION, "create")
async def create(ctx: RequestContext) -> Reply:
    parent = _parent(ctx)
    if ctx.body.get("id"):
        raise already_exists("product_variation")
    record = await save_variation(ctx, parent, None)
    return created(
        ctx.view,
        variation_json(ctx.view.for_edit(), record),
        f"/products/{parent['id']}/variations/{record['id']}",
    )


@route(ROUTES, "GET", f"{COLLECTION}/<id>", "view")
async def read(ctx: RequestContext) -> Reply:
    return Reply(variation_json(ctx.view, _variation(ctx, _parent(ctx))))


@route(ROUTES, "POST,PUT,PATCH", f"{COLLECTION}/<id>", "edit")
async def update(ctx: RequestContext) -> Reply:
    parent = _parent(ctx)
    record = await save_variation(ctx, parent, _variation(ctx, parent, 400))
    return Reply(variation_json(ctx.view.for_edit(), record))


@route(ROUTES, "DELETE", f"{COLLECTION}/<id>", "delete")
async def delete(ctx: RequestContext) -> Reply:
    parent = _parent(ctx)
    record, store = _variation(ctx, parent), ctx.store
    answer = variation_json(ctx.view.for_edit(), record)
    if ctx.bool_param("force"):
        del store.variations[record["id"]]
    elif record["status"] == "trash":
        raise WooError(
            "woocommerce_rest_already_trashed", "The product_variation has already been deleted.", 410
        )
    else:
        record["status"] = "trash"
        store.touch(record)
        store.emit("product.deleted", record["id"])
    sync_variable(store, parent)
    return Reply(answer)


batch_route(ROUTES, f"{COLLECTION}/batch", "variations", create=create, update=update, delete=delete)
