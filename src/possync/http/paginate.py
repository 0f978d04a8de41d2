"""Paginators: every page of a list, as an async iterator of item lists.

Three schemes: page numbers with ``X-WP-TotalPages`` (or a ``Link: rel="next"``) as WooCommerce
pages; ``start``/``num`` with ``totalcount`` as Sitoo pages; and an id cursor for append-only
streams (transactions, orders). Once the first page tells how many there are, the other pages
are fetched concurrently, up to the client's concurrency, and still yielded in order.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine, Mapping
from typing import Any

import httpx

from possync.http.client import ApiClient, Params, decode_json

PageFetch = Callable[[int], Coroutine[Any, Any, list[Any]]]


def link_relations(header: str | None) -> dict[str, str]:
    """``rel`` → URL from a ``Link`` header; every rel, not only pagination ones."""
    links: dict[str, str] = {}
    for part in (header or "").split(","):
        url, _, attrs = part.strip().partition(";")
        for attr in attrs.split(";"):
            name, _, value = attr.strip().partition("=")
            if name.strip().lower() == "rel":
                links[value.strip().strip('"')] = url.strip().lstrip("<").rstrip(">")
    return links


async def _ordered(fetch: PageFetch, numbers: range, window: int) -> AsyncIterator[list[Any]]:
    """Fetch ``numbers`` with up to ``window`` requests in flight; yield pages in order."""
    pending: dict[int, asyncio.Task[list[Any]]] = {}
    todo = iter(numbers)
    try:
        for number in numbers:
            while len(pending) < window and (nxt := next(todo, None)) is not None:
                pending[nxt] = asyncio.create_task(fetch(nxt))
            yield await pending.pop(number)
    finally:
        for task in pending.values():
            task.cancel()


def _items(response: httpx.Response, key: str | None, client_name: str = "") -> list[Any]:
    body = decode_json(response, client_name)
    items = body.get(key, []) if key and isinstance(body, dict) else body
    return list(items) if isinstance(items, list) else []


async def pages_by_number(
    client: ApiClient,
    path: str,
    params: Params | None = None,
    *,
    per_page: int = 100,
    totals: list[int] | None = None,
) -> AsyncIterator[list[Any]]:
    """WooCommerce-style lists: ``page``/``per_page``, totals in ``X-WP-TotalPages``.

    ``totals`` collects each page's ``X-WP-Total``: if they differ, the list changed during the
    read and offset paging may have skipped a row.
    """
    base = {**(params or {}), "per_page": per_page}

    async def fetch_response(page: int) -> httpx.Response:
        response = await client.request("GET", path, params={**base, "page": page})
        total = response.headers.get("x-wp-total", "")
        if totals is not None and total.strip().isdigit():
            totals.append(int(total))
        return response

    async def fetch(page: int) -> list[Any]:
        return _items(await fetch_response(page), None)

    first = await fetch_response(1)
    items = _items(first, None)
    yield items
    total = first.headers.get("x-wp-totalpages")
    if total is not None and total.strip().isdigit():
        async for page_items in _ordered(fetch, range(2, int(total) + 1), client.concurrency):
            yield page_items
        return
    page, response = 1, first
    while "next" in link_relations(response.headers.get("link")) or (
        "link" not in response.headers and len(items) >= per_page
    ):
        page += 1
        response = await fetch_response(page)
        items = _items(response, None)
        if not items:
            return
        yield items


async def pages_by_offset(
    client: ApiClient,
    path: str,
    params: Params | None = None,
    *,
    num: int = 1000,
    items_key: str = "items",
    total_key: str = "totalcount",
) -> AsyncIterator[list[Any]]:
    """Sitoo-style lists: ``start``/``num`` in, ``{totalcount, items}`` out."""
    base = dict(params or {})

    async def fetch_body(start: int) -> Any:
        return await client.get_json(path, params={**base, "start": start, "num": num})

    async def fetch(index: int) -> list[Any]:
        body = await fetch_body(index * num)
        return list(body.get(items_key) or []) if isinstance(body, Mapping) else []

    first = await fetch_body(0)
    if not isinstance(first, Mapping):
        return
    yield list(first.get(items_key) or [])
    total = int(first.get(total_key) or 0)
    pages = -(-total // num) if num else 1
    async for page_items in _ordered(fetch, range(1, pages), client.concurrency):
        yield page_items


async def pages_by_id_cursor(
    client: ApiClient,
    path: str,
    params: Params | None = None,
    *,
    id_field: str,
    from_param: str,
    after_id: int = 0,
    num: int = 1000,
    items_key: str | None = "items",
) -> AsyncIterator[list[Any]]:
    """Append-only streams read by id: ``<from_param>=<last id + 1>``, ascending, until empty."""
    cursor = after_id
    while True:
        query = {**(params or {}), from_param: cursor + 1, "num": num}
        response = await client.request("GET", path, params=query)
        items = _items(response, items_key)
        if not items:
            return
        yield items
        cursor = max(int(item[id_field]) for item in items)
        if len(items) < num:
            return
