"""Order notes (``/orders/<order_id>/notes``): WooCommerce's own notes and those added over REST.

Notes are WordPress comments, numbered from their own sequence; notes WooCommerce writes (status
changes, stock moves, refunds) read ``author: "system"``, notes added with ``added_by_user`` carry
the user's name. The list is not paginated; deleting needs ``force=true``.
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, View, created, route
from possync_sandbox.woocommerce.errors import WooError, missing_param, not_in_enum
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import date_pair

ROUTES: list[Route] = []
SYSTEM_AUTHOR = "WooCommerce"
USER_NAME = "admin"


def add_note(
    store: Store, order: Record, text: str, *, customer_note: bool = False, by_user: bool = False
) -> Record:
    """``WC_Order::add_order_note``."""
    note = {
        "id": store.new_id("comment"),
        "order_id": order["id"],
        "author": USER_NAME if by_user else SYSTEM_AUTHOR,
        "date_created_gmt": store.now(),
        "note": text,
        "customer_note": customer_note,
    }
    store.notes[note["id"]] = note
    return note


def serialise(view: View, note: Record) -> dict[str, Any]:
    author = note.get("author", SYSTEM_AUTHOR)
    path = f"/orders/{note['order_id']}/notes"
    return {
        "id": note["id"],
        "author": "system" if author == SYSTEM_AUTHOR else author,
        **date_pair(note, "date_created", view.timezone),
        "note": note["note"],
        "customer_note": bool(note.get("customer_note")),
        "_links": view.links(f"{path}/{note['id']}", path, up=f"/orders/{note['order_id']}"),
    }


def order_of(ctx: RequestContext) -> Record:
    """The order named by ``<order_id>``, or 404 ``woocommerce_rest_invalid_order_id``."""
    order = ctx.store.orders.get(int(ctx.path_params["order_id"]))
    if order is None:
        raise WooError("woocommerce_rest_invalid_order_id", "Invalid order ID.", 404)
    return order


def _note_of(ctx: RequestContext, order: Record) -> Record:
    note = ctx.store.notes.get(int(ctx.path_params["id"]))
    if note is None or note.get("order_id") != order["id"]:
        raise WooError("woocommerce_rest_invalid_id", "Invalid resource ID.", 404)
    return note


@route(ROUTES, "GET", "/orders/<order_id>/notes", "list")
async def list_notes(ctx: RequestContext) -> Reply:
    order = order_of(ctx)
    kind = str(ctx.query.get("type", "any"))
    if kind not in ("any", "customer", "internal"):
        raise not_in_enum("type", ["any", "customer", "internal"])
    notes = [n for n in ctx.store.notes.values() if n.get("order_id") == order["id"]]
    if kind != "any":
        notes = [n for n in notes if bool(n.get("customer_note")) == (kind == "customer")]
    notes.sort(key=lambda n: (n["date_created_gmt"], n["id"]), reverse=True)
    return Reply([serialise(ctx.view, n) for n in notes])


@route(ROUTES, "POST", "/orders/<order_id>/notes", "create")
async def create_note(ctx: RequestContext) -> Reply:
    order = order_of(ctx)
    text = ctx.param("note")
    if text is None:
        raise missing_param("note")
    if not str(text).strip():
        raise WooError(
            "woocommerce_rest_invalid_order_note", "Cannot create order note, please try again.", 500
        )
    note = add_note(
        ctx.store,
        order,
        str(text),
        customer_note=ctx.bool_param("customer_note"),
        by_user=ctx.bool_param("added_by_user"),
    )
    return created(ctx.view, serialise(ctx.view, note), f"/orders/{order['id']}/notes/{note['id']}")


@route(ROUTES, "GET", "/orders/<order_id>/notes/<id>", "view")
async def get_note(ctx: RequestContext) -> Reply:
    return Reply(serialise(ctx.view, _note_of(ctx, order_of(ctx))))


@route(ROUTES, "DELETE", "/orders/<order_id>/notes/<id>", "delete")
async def delete_note(ctx: RequestContext) -> Reply:
    note = _note_of(ctx, order_of(ctx))
    if not ctx.bool_param("force"):
        raise WooError("woocommerce_rest_trash_not_supported", "Resource does not support trashing.", 501)
    body = serialise(ctx.view, note)
    del ctx.store.notes[note["id"]]
    return Reply(body)
