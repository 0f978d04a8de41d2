"""Sitoo paging that survives a server serving fewer items per page than ``num`` asked for.

Sitoo documents no maximum ``num`` [OPEN], and possync asks for 1000. If the server caps pages
lower, stepping ``start`` by ``num`` would skip records and stopping an id cursor on a short page
would end the stream early. These paginators step by what the server actually served, and stop
on ``totalcount`` (or on an empty page when it is missing). Pages after the first are fetched
concurrently, up to the client's concurrency, and yielded in order.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from typing import Any

from possync.errors import PayloadError
from possync.http.client import ApiClient, Params


def envelope(body: Any, path: str) -> tuple[list[Any], int | None]:
    """``items`` and ``totalcount`` of a Sitoo list answer."""
    if not isinstance(body, Mapping) or not isinstance(body.get("items"), list):
        raise PayloadError(f"Sitoo list {path}", "expected {totalcount, items}")
    total = body.get("totalcount")
    return list(body["items"]), int(total) if isinstance(total, int | str) and str(total).isdigit() else None


async def offset_pages(client: ApiClient, path: str, params: Params, *, num: int) -> AsyncIterator[list[Any]]:
    """Every page of a ``start``/``num`` list."""

    async def fetch(start: int) -> list[Any]:
        return envelope(await client.get_json(path, {**params, "start": start, "num": num}), path)[0]

    first, total = envelope(await client.get_json(path, {**params, "start": 0, "num": num}), path)
    yield first
    served = len(first)
    if not served or (total is not None and served >= total):
        return
    if total is None:
        start = served
        while page := await fetch(start):
            yield page
            start += len(page)
        return
    starts = list(range(served, total, served))
    window = max(1, client.concurrency)
    for offset in range(0, len(starts), window):
        for page in await asyncio.gather(*(fetch(s) for s in starts[offset : offset + window])):
            yield page


async def id_cursor_pages(
    client: ApiClient, path: str, params: Params, *, id_field: str, after_id: int, num: int
) -> AsyncIterator[list[Any]]:
    """Pages of an append-only stream, ascending by ``id_field``, from ``after_id + 1``."""
    cursor = after_id
    while True:
        query = {**params, "sort": id_field, f"{id_field}from": cursor + 1, "start": 0, "num": num}
        items, total = envelope(await client.get_json(path, query), path)
        if not items:
            return
        yield items
        cursor = max(int(item[id_field]) for item in items)
        if total is not None and len(items) >= total:
            return
