"""Collections as WooCommerce serves them: filters, ordering, paging, totals and Link headers.

Any collection route builds its rows, passes them through ``filter_records`` and
``order_records``, then answers with ``page_reply``, which validates ``page``/``per_page``,
slices, and sets ``X-WP-Total``, ``X-WP-TotalPages`` and a ``Link`` header whose URLs are
rebuilt from the parsed parameters (lists as ``key[0]=``, spaces as ``+``, ``page`` last).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus

from possync_sandbox.woocommerce.context import Reply, RequestContext
from possync_sandbox.woocommerce.errors import invalid_param, not_in_enum
from possync_sandbox.woocommerce.store import Record
from possync_sandbox.woocommerce.wire import parse_input_date

ARRAY_PARAMS = frozenset({"include", "exclude", "parent", "parent_exclude"})
POST_ORDERBY = {
    "date": "date_created_gmt",
    "id": "id",
    "include": "id",
    "title": "name",
    "slug": "slug",
    "modified": "date_modified_gmt",
}
Serialise = Callable[[Record], dict[str, Any]]


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int
    offset: int | None


def enum_param(ctx: RequestContext, name: str, allowed: list[str], default: str) -> str:
    value = ctx.query.get(name, default)
    if not isinstance(value, str) or value not in allowed:
        raise not_in_enum(name, allowed)
    return value


def paging(ctx: RequestContext, default_per_page: int = 10) -> Paging:
    page = ctx.int_param("page", 1)
    if page < 1:
        raise invalid_param("page", "page must be greater than or equal to 1", "rest_out_of_bounds")
    per_page = ctx.int_param("per_page", default_per_page)
    if not 1 <= per_page <= 100:
        message = "per_page must be between 1 (inclusive) and 100 (inclusive)"
        raise invalid_param("per_page", message, "rest_out_of_bounds")
    offset = ctx.query.get("offset")
    return Paging(page, per_page, ctx.int_param("offset", 0) if offset not in (None, "") else None)


def _search_hit(record: Record, words: list[str], fields: tuple[str, ...]) -> bool:
    text = " ".join(str(record.get(f) or "") for f in fields).lower()
    return all(word in text for word in words)


def filter_records(
    ctx: RequestContext,
    records: Iterable[Record],
    *,
    search_fields: tuple[str, ...] = ("name", "description", "short_description"),
    created: str = "date_created_gmt",
    modified: str | None = "date_modified_gmt",
) -> list[Record]:
    """The generic CRUD filters: include/exclude, search, after/before, modified_after/_before."""
    rows = list(records)
    include = ctx.id_list_param("include")
    exclude = ctx.id_list_param("exclude")
    if include:
        rows = [r for r in rows if r["id"] in include]
    elif exclude:
        rows = [r for r in rows if r["id"] not in exclude]
    search = ctx.query.get("search")
    if isinstance(search, str) and search.strip():
        words = search.lower().split()
        rows = [r for r in rows if _search_hit(r, words, search_fields)]
    return _filter_dates(ctx, rows, created, modified)


def _filter_dates(
    ctx: RequestContext, rows: list[Record], created: str, modified: str | None
) -> list[Record]:
    bounds = [("after", created, 1), ("before", created, -1)] if created else []
    if modified and ctx.settings.has_modified_filters():
        bounds += [("modified_after", modified, 1), ("modified_before", modified, -1)]
    is_gmt = ctx.settings.has_modified_filters() and ctx.bool_param("dates_are_gmt")
    for name, field, sign in bounds:
        value = ctx.query.get(name)
        if value in (None, ""):
            continue
        limit = parse_input_date(value, ctx.settings.timezone, is_gmt=is_gmt, param=name)
        rows = [r for r in rows if r.get(field) and ((r[field] > limit) if sign > 0 else (r[field] < limit))]
    return rows


def order_records(
    ctx: RequestContext,
    rows: list[Record],
    *,
    fields: dict[str, str] = POST_ORDERBY,
    default_orderby: str = "date",
    default_order: str = "desc",
    tie_break: bool = True,
) -> list[Record]:
    """Sort by ``orderby``/``order``; ``id`` breaks ties unless ``tie_break`` is off (then ties come in a
    fixed but arbitrary order, as on a real shop: clients must page with ``orderby=id`` to be safe)."""
    orderby = enum_param(ctx, "orderby", list(fields), default_orderby)
    order = enum_param(ctx, "order", ["asc", "desc"], default_order)
    reverse = order == "desc"
    if orderby == "include" and ctx.id_list_param("include"):
        wanted = ctx.id_list_param("include") or []
        return sorted(rows, key=lambda r: wanted.index(r["id"]) if r["id"] in wanted else len(wanted))
    field = fields[orderby]

    def key(record: Record) -> tuple[Any, ...]:
        value = record.get(field)
        value = value.lower() if isinstance(value, str) else value
        return (
            value is None,
            value if value is not None else 0,
            record["id"] if tie_break else scrambled(record["id"]),
        )

    return sorted(rows, key=key, reverse=reverse)


def scrambled(record_id: int) -> int:
    """A fixed but arbitrary-looking rank, for ties MySQL leaves unordered (same-second products)."""
    return (record_id * 2654435761) % 2**32


def page_reply(
    ctx: RequestContext,
    rows: list[Record],
    serialise: Serialise,
    *,
    array_params: frozenset[str] = ARRAY_PARAMS,
    default_per_page: int = 10,
) -> Reply:
    """One page of ``rows``, serialised, with the totals and Link headers of WordPress."""
    window = paging(ctx, default_per_page)
    start = window.offset if window.offset is not None else (window.page - 1) * window.per_page
    total = len(rows)
    pages = math.ceil(total / window.per_page)
    body = [serialise(r) for r in rows[start : start + window.per_page]]
    headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
    links = []
    if window.page > 1:
        links.append(f'<{page_url(ctx, min(window.page - 1, pages), array_params)}>; rel="prev"')
    if pages > window.page:
        links.append(f'<{page_url(ctx, window.page + 1, array_params)}>; rel="next"')
    if links:
        headers["Link"] = ", ".join(links)
    return Reply(body, 200, headers)


def page_url(ctx: RequestContext, page: int, array_params: frozenset[str]) -> str:
    """The request's own URL rebuilt from its parsed parameters, ``page`` replaced and last."""
    parts: list[str] = []
    for name, value in ctx.query.items():
        if name == "page":
            continue
        if name in array_params and not isinstance(value, list | dict):
            value = ctx.list_param(name) or []
        parts.extend(_query_parts(name, value))
    parts.append(f"page={page}")
    return ctx.view.api_url(ctx.path) + "?" + "&".join(parts)


def _query_parts(name: str, value: Any) -> list[str]:
    if isinstance(value, list):
        value = dict(enumerate(value))
    if isinstance(value, dict):
        return [part for k, v in value.items() for part in _query_parts(f"{name}[{k}]", v)]
    text = str(value)
    return [quote_plus(name)] if text == "" else [f"{quote_plus(name)}={quote_plus(text)}"]
