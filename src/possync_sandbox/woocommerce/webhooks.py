"""Webhooks (``/webhooks``): CRUD and batch, and the delivery of store events to them.

A REST-created webhook is always ``active``, never shows its ``secret``, and is pinged at once
(the ping's result is ignored). ``attach(emulator)`` wires a ``WebhookDispatcher`` to the
store's events; payloads are the resources' REST representations in the API version the
webhook was created with, built when the delivery runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from possync_sandbox.woocommerce import coupons, order_view, products
from possync_sandbox.woocommerce.batch import batch_route
from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, Version, View, created, route
from possync_sandbox.woocommerce.errors import WooError, already_exists, missing_param, not_in_enum
from possync_sandbox.woocommerce.listing import filter_records, order_records, page_reply
from possync_sandbox.woocommerce.store import Record
from possync_sandbox.woocommerce.webhook_delivery import PayloadBuilder, WebhookDispatcher
from possync_sandbox.woocommerce.webhook_signing import default_secret, topic_hooks
from possync_sandbox.woocommerce.wire import date_pair

if TYPE_CHECKING:
    from possync_sandbox.woocommerce.emulator import WooEmulator

ROUTES: list[Route] = []
STATUSES = ["active", "paused", "disabled"]
_DISPATCHERS: WeakKeyDictionary[WooEmulator, WebhookDispatcher] = WeakKeyDictionary()


def attach(emulator: WooEmulator) -> None:
    """Give ``emulator`` its delivery worker, fed by the store's events."""
    worker = WebhookDispatcher(
        emulator.store, lambda: emulator.home_url, emulator.after_write, delay=emulator.settings.webhook_delay
    )
    worker.payloads.update(
        product=_builder(emulator, _product),
        order=_builder(emulator, _order),
        coupon=_builder(emulator, _coupon),
    )
    emulator.on_shutdown.append(worker.stop)
    _DISPATCHERS[emulator] = worker


def dispatcher(emulator: WooEmulator) -> WebhookDispatcher:
    """The delivery worker of ``emulator`` (tests shorten its ``delay``)."""
    return _DISPATCHERS[emulator]


Render = Callable[[View, int], dict[str, Any] | None]


def _builder(emulator: WooEmulator, render: Render) -> PayloadBuilder:
    """A payload builder rendering in the API version the webhook was created with."""

    def build(webhook: Record, resource_id: int) -> dict[str, Any] | None:
        version: Version = "v2" if webhook.get("api_version") == "wp_api_v2" else "v3"
        return render(emulator.view(version), resource_id)

    return build


def _product(view: View, resource_id: int) -> dict[str, Any] | None:
    record = view.store.products.get(resource_id) or view.store.variations.get(resource_id)
    return products.serialise(view, record) if record is not None else None


def _order(view: View, resource_id: int) -> dict[str, Any] | None:
    order = view.store.orders.get(resource_id)
    return order_view.serialise(view, order) if order is not None else None


def _coupon(view: View, resource_id: int) -> dict[str, Any] | None:
    coupon = view.store.coupons.get(resource_id)
    return coupons.serialise(view, coupon) if coupon is not None else None


def serialise(view: View, webhook: Record) -> dict[str, Any]:
    return {
        "id": webhook["id"],
        "name": webhook["name"],
        "status": webhook["status"],
        "topic": webhook["topic"],
        "resource": webhook["resource"],
        "event": webhook["event"],
        "hooks": list(webhook["hooks"]),
        "delivery_url": webhook["delivery_url"],
        **date_pair(webhook, "date_created", view.timezone),
        **date_pair(webhook, "date_modified", view.timezone),
        "_links": view.links(f"/webhooks/{webhook['id']}", "/webhooks"),
    }


def _set_topic(webhook: Record, topic: Any) -> None:
    hooks = topic_hooks(str(topic).strip().lower()) if topic else None
    if hooks is None:
        message = "Webhook topic is required and must be valid."
        raise WooError("woocommerce_rest_shop_webhook_invalid_topic", message, 400)
    webhook["topic"] = str(topic).strip().lower()
    webhook["resource"], _, webhook["event"] = webhook["topic"].partition(".")
    webhook["hooks"] = hooks


def _set_url(webhook: Record, url: Any) -> None:
    if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
        message = "Webhook delivery URL must be a valid URL starting with http:// or https://."
        raise WooError("woocommerce_rest_shop_webhook_invalid_delivery_url", message, 400)
    webhook["delivery_url"] = url


def _set_status(webhook: Record, status: Any) -> None:
    if status not in STATUSES:
        raise WooError("woocommerce_rest_shop_webhook_invalid_status", "Webhook status must be valid.", 400)
    webhook["status"] = status


def webhook_or_fail(ctx: RequestContext, status: int, message: str = "Invalid ID.") -> Record:
    webhook = ctx.store.webhooks.get(int(ctx.path_params["id"]))
    if webhook is None:
        raise WooError("woocommerce_rest_shop_webhook_invalid_id", message, status)
    return webhook


@route(ROUTES, "POST", "/webhooks", "create")
async def create(ctx: RequestContext) -> Reply:
    body = ctx.body
    if body.get("id"):
        raise already_exists("shop_webhook")
    if body.get("delivery_url") is None:
        raise missing_param("delivery_url")
    now = ctx.store.clock.now().astimezone(UTC)
    webhook: Record = {"status": "active", "failure_count": 0, "user_id": ctx.key.user_id if ctx.key else 1}
    _set_topic(webhook, body.get("topic"))
    _set_url(webhook, body["delivery_url"])
    webhook["name"] = str(body.get("name") or f"Webhook created on {now.strftime('%b %d, %Y @ %I:%M %p')}")
    webhook["secret"] = str(body.get("secret") or default_secret())
    webhook["api_version"] = f"wp_api_{ctx.version}"
    webhook.update(date_created_gmt=ctx.store.now(), date_modified_gmt=None)
    webhook["id"] = ctx.store.new_id("webhook")
    ctx.store.webhooks[webhook["id"]] = webhook
    dispatcher(ctx.emulator).ping_soon(webhook)
    return created(ctx.view, serialise(ctx.view, webhook), f"/webhooks/{webhook['id']}")


@route(ROUTES, "GET", "/webhooks/<id>", "view")
async def get(ctx: RequestContext) -> Reply:
    return Reply(serialise(ctx.view, webhook_or_fail(ctx, 404)))


@route(ROUTES, "PUT,PATCH,POST", "/webhooks/<id>", "edit")
async def update(ctx: RequestContext) -> Reply:
    webhook = webhook_or_fail(ctx, 400, "ID is invalid.")
    body = ctx.body
    if "topic" in body:
        _set_topic(webhook, body["topic"])
    if "delivery_url" in body:
        _set_url(webhook, body["delivery_url"])
    if "status" in body:
        _set_status(webhook, body["status"])
    for name in ("name", "secret"):
        if body.get(name) is not None:
            webhook[name] = str(body[name])
    ctx.store.touch(webhook)
    return Reply(serialise(ctx.view, webhook))


@route(ROUTES, "DELETE", "/webhooks/<id>", "delete")
async def delete(ctx: RequestContext) -> Reply:
    webhook = webhook_or_fail(ctx, 404)
    if not ctx.bool_param("force"):
        raise WooError("woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.", 501)
    body = serialise(ctx.view, webhook)
    del ctx.store.webhooks[webhook["id"]]
    return Reply(body)


@route(ROUTES, "GET", "/webhooks", "list")
async def list_webhooks(ctx: RequestContext) -> Reply:
    status = str(ctx.query.get("status", "all"))
    if status not in ["all", *STATUSES]:
        raise not_in_enum("status", ["all", *STATUSES])
    rows = [w for w in ctx.store.webhooks.values() if status in ("all", w["status"])]
    rows = filter_records(ctx, rows, search_fields=("name",), modified=None)
    fields = {"date": "date_created_gmt", "id": "id", "title": "name"}
    return page_reply(ctx, order_records(ctx, rows, fields=fields), lambda w: serialise(ctx.view, w))


batch_route(ROUTES, "/webhooks/batch", "webhooks", create=create, update=update, delete=delete)
