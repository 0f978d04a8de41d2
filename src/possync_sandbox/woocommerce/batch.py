"""The generic batch endpoint shared by every WooCommerce collection (``.../batch``).

Creates, then updates, then deletes, one by one and not transactionally; each item is run
through the collection's own single-item handler with a request built the way WooCommerce
builds it (creates keep the batch query string, updates do not, deletes are always
``force=true``). A failed item becomes ``{"id", "error"}`` in a 200 answer; more items than the
limit (``WooSettings.limit_for(rest_base)``) is a 413 before anything is written.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from possync_sandbox.woocommerce.context import (
    VERSIONS,
    Handler,
    Reply,
    RequestContext,
    Route,
    Version,
    route,
)
from possync_sandbox.woocommerce.errors import WooError


def batch_route(
    table: list[Route],
    path: str,
    rest_base: str,
    *,
    create: Handler,
    update: Handler,
    delete: Handler,
    versions: tuple[Version, ...] = VERSIONS,
) -> None:
    """Register ``POST|PUT|PATCH <path>`` running the three single-item handlers."""

    async def handle(ctx: RequestContext) -> Reply:
        return Reply(await run_batch(ctx, rest_base, create, update, delete))

    route(table, "POST,PUT,PATCH", path, "batch", versions)(handle)


def _items(ctx: RequestContext, name: str) -> list[Any] | None:
    value = ctx.body.get(name)
    if value is None:
        return None
    return value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else []


async def run_batch(
    ctx: RequestContext, rest_base: str, create: Handler, update: Handler, delete: Handler
) -> Any:
    """The batch answer: a key per operation that had items; ``[]`` (PHP's empty array) when none did."""
    operations = {name: _items(ctx, name) for name in ("create", "update", "delete")}
    limit = ctx.settings.limit_for(rest_base)
    if sum(len(items) for items in operations.values() if items) > limit:
        raise WooError(
            "woocommerce_rest_request_entity_too_large",
            f"Unable to accept more than {limit} items for this request.",
            413,
        )
    answer: dict[str, Any] = {}
    for item in operations["create"] or []:
        answer.setdefault("create", []).append(await _create(ctx, create, item))
    for item in operations["update"] or []:
        answer.setdefault("update", []).append(await _update(ctx, update, item))
    for item in [i for i in operations["delete"] or [] if _as_id(i)]:
        answer.setdefault("delete", []).append(await _delete(ctx, delete, item))
    return answer or []


def _as_id(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


async def _run(handler: Handler, ctx: RequestContext, failed_id: int | str) -> Any:
    try:
        return (await handler(ctx)).body
    except WooError as error:
        return {"id": failed_id, "error": error.body()}


async def _create(ctx: RequestContext, handler: Handler, item: Any) -> Any:
    body = item if isinstance(item, dict) else {}
    sub = replace(ctx, method="POST", body=body, in_batch=True)
    return await _run(handler, sub, 0)


async def _update(ctx: RequestContext, handler: Handler, item: Any) -> Any:
    body = item if isinstance(item, dict) else {}
    raw = body.get("id")
    item_id: int | str = _as_id(raw) or (raw if isinstance(raw, str) else 0)
    params = {**ctx.path_params, "id": item_id}
    sub = replace(ctx, method="PUT", body=body, query={}, path_params=params, in_batch=True)
    return await _run(handler, sub, item_id)


async def _delete(ctx: RequestContext, handler: Handler, item: Any) -> Any:
    item_id = _as_id(item)
    params = {**ctx.path_params, "id": item_id}
    sub = replace(ctx, method="DELETE", body={}, query={"force": "true"}, path_params=params, in_batch=True)
    return await _run(handler, sub, item_id)
