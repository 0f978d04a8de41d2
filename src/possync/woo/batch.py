"""Batch writes: ``{"create", "update", "delete"}`` calls chunked to the shop's limit.

WooCommerce answers 200 even when every item failed and puts each item's own result (the full
object, or ``{"id", "error"}``) in request order. ``ItemResult`` keeps that per item; a call that
failed as a whole (a 5xx after the retries, a lost answer) gives every item of it that error. A
shop whose limit is lower than configured answers 413; the call is then split to its limit.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from possync.errors import FatalError, PayloadError, PossyncError, RemoteError, RequestInfo
from possync.http import ApiClient, error_for
from possync.woo.models import record_name

Action = Literal["create", "update", "delete"]
ACTIONS: tuple[Action, ...] = ("create", "update", "delete")
T = TypeVar("T")
_MORE_THAN = re.compile(r"more than (\d+)")


@dataclass(frozen=True)
class ItemResult(Generic[T]):
    """One item of a batch: what was asked, and the object written or the error."""

    action: Action
    index: int
    request: Any
    value: T | None = None
    error: PossyncError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def chunks(
    create: Sequence[Any], update: Sequence[Any], delete: Sequence[int], limit: int
) -> list[list[tuple[Action, int, Any]]]:
    """Every item tagged with its action and index, in calls of at most ``limit`` items."""
    items = [
        (action, index, item)
        for action, seq in zip(ACTIONS, (create, update, delete), strict=True)
        for index, item in enumerate(seq)
    ]
    return [items[i : i + limit] for i in range(0, len(items), limit)]


def _is_idempotent(chunk: list[tuple[Action, int, Any]]) -> bool:
    """Updates and deletes may be repeated; creates, relative stock changes and image downloads may not."""
    return all(a != "create" and not _adds(i) for a, _, i in chunk)


def _adds(item: Any) -> bool:
    """Whether sending ``item`` again would add something again: stock, or an image given by URL."""
    if not isinstance(item, dict):
        return False
    images = item.get("images")
    by_url = isinstance(images, list) and any(isinstance(i, dict) and not i.get("id") for i in images)
    return "inventory_delta" in item or by_url


def shop_limit(exc: RemoteError, sent: int) -> int | None:
    """The shop's own batch limit when it refused ``sent`` items as too many (413), else ``None``."""
    if exc.status != 413 or exc.code != "woocommerce_rest_request_entity_too_large" or sent <= 1:
        return None
    found = _MORE_THAN.search(exc.message)
    limit = int(found.group(1)) if found else sent // 2
    return limit if 1 <= limit < sent else sent // 2


def _label(name: str, action: Action, index: int, item: Any) -> str:
    record = record_name(name, item) if isinstance(item, dict) else f"{name} {item}"
    return f"{action} #{index}, {record}"


def _item_error(entry: dict[str, Any], info: RequestInfo, label: str) -> RemoteError:
    error = entry.get("error") or {}
    data = error.get("data")
    status = data.get("status") if isinstance(data, dict) else data if isinstance(data, int) else 400
    message = f"{label}: {error.get('message') or 'refused'}"
    return error_for(int(status or 400), info, code=error.get("code"), message=message, data=data)


async def run_batch(
    api: ApiClient,
    path: str,
    parse: Callable[[Any], T],
    *,
    create: Sequence[Any] = (),
    update: Sequence[Any] = (),
    delete: Sequence[int] = (),
    limit: int = 100,
    name: str = "item",
) -> list[ItemResult[T]]:
    """Send every item in as few calls as the limit allows, calls in parallel; results in order."""

    async def send(chunk: list[tuple[Action, int, Any]]) -> list[ItemResult[T]]:
        body: dict[str, list[Any]] = {}
        for action, _, item in chunk:
            body.setdefault(action, []).append(item)
        info = api.describe("POST", path)
        try:
            answer = await api.send_json("POST", path, body, idempotent=_is_idempotent(chunk))
        except FatalError as exc:
            smaller = shop_limit(exc, len(chunk))
            if smaller is None:
                raise
            parts = await asyncio.gather(
                *(send(chunk[i : i + smaller]) for i in range(0, len(chunk), smaller))
            )
            return [result for part in parts for result in part]
        except RemoteError as exc:
            return [ItemResult(a, i, item, error=exc) for a, i, item in chunk]
        return _results(chunk, answer if isinstance(answer, dict) else {}, info, parse, name)

    done = await asyncio.gather(*(send(c) for c in chunks(create, update, delete, max(limit, 1))))
    return [result for part in done for result in part]


def _results(
    chunk: list[tuple[Action, int, Any]],
    answer: dict[str, Any],
    info: RequestInfo,
    parse: Callable[[Any], T],
    name: str,
) -> list[ItemResult[T]]:
    seen: dict[Action, int] = dict.fromkeys(ACTIONS, 0)
    out: list[ItemResult[T]] = []
    for action, index, item in chunk:
        entries = answer.get(action) or []
        position = seen[action]
        seen[action] += 1
        entry = entries[position] if position < len(entries) else None
        if not isinstance(entry, dict):
            error = error_for(
                502, info, message=f"the shop's batch answer has no entry for {action} #{index}"
            )
            out.append(ItemResult(action, index, item, error=error))
        elif "error" in entry:
            out.append(
                ItemResult(
                    action, index, item, error=_item_error(entry, info, _label(name, action, index, item))
                )
            )
        else:
            out.append(_parsed(action, index, item, entry, parse))
    return out


def _parsed(action: Action, index: int, item: Any, entry: Any, parse: Callable[[Any], T]) -> ItemResult[T]:
    try:
        return ItemResult(action, index, item, value=parse(entry))
    except PayloadError as exc:
        return ItemResult(action, index, item, error=exc)
