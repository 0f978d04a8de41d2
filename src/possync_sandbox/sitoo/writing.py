"""Writing: single creates answer the bare new id, updates and deletes answer ``true``.

An array body is answered with the per-item envelope in request order,
``[{"statuscode": 200, "return": <id or true>}, {"statuscode": 404, "errortext": "..."}]``:
each element is processed on its own [OPEN] and a failed one does not stop the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from possync_sandbox.sitoo.context import Ctx
from possync_sandbox.sitoo.errors import SitooError, bad_request

ItemOp = Callable[[Ctx, dict[str, Any]], Any]


def run_item(ctx: Ctx, op: ItemOp, item: Any) -> dict[str, Any]:
    """One element of an array body, as its envelope entry."""
    try:
        if not isinstance(item, dict):
            raise bad_request("Each element must be a JSON object")
        return {"statuscode": 200, "return": op(ctx, item)}
    except SitooError as error:
        return error.body()


def batch(ctx: Ctx, op: ItemOp, items: list[Any], limit: int | None = None) -> Any:
    """Every element in order; the answer is the envelope (or a bare value, by setting)."""
    if limit is not None and len(items) > limit:
        raise bad_request(f"Too many items in one request (at most {limit})")
    if len(items) == 1 and not ctx.settings.envelope_for_single_item_array:
        return op(ctx, _object(items[0]))
    answers = [run_item(ctx, op, item) for item in items]
    if any(answer["statuscode"] != 200 for answer in answers):
        ctx.status = ctx.settings.batch_http_status_on_item_failure
    return answers


def _object(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise bad_request("Request body must be a JSON object")
    return item


def single_or_batch(ctx: Ctx, op: ItemOp, limit: int | None = None) -> Any:
    """A batch endpoint: an object body is one write with a bare answer, an array a batch."""
    body = ctx.body()
    if isinstance(body, list):
        return batch(ctx, op, body, limit)
    return op(ctx, _object(body))


def single(ctx: Ctx, op: ItemOp) -> Any:
    """A single-object endpoint: the body must be one object."""
    return op(ctx, ctx.object_body())
