"""Reading collections: the ``{"totalcount", "items"}`` envelope, paging, ``fields`` and ``sort``.

``start`` is 0-based, ``num`` defaults to 10 and may be capped by a setting. Each endpoint
passes its default field set (None = every field) and the sort keys Sitoo documents for it;
``sort=-x`` sorts descending. Lists without a documented sort come in ascending key order.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

from possync_sandbox.sitoo.context import Ctx
from possync_sandbox.sitoo.errors import bad_request
from possync_sandbox.sitoo.store import Record


def public(record: Record) -> Record:
    """The record as the API shows it: internal ``_`` keys left out."""
    return {key: value for key, value in record.items() if not key.startswith("_")}


def requested_fields(ctx: Ctx, default: Sequence[str] | None) -> Sequence[str] | None:
    """The fields asked for with ``fields=``, else the endpoint's default set (None = all)."""
    asked = ctx.query_values("fields")
    return asked or default


def project(record: Record, fields: Sequence[str] | None, known: Collection[str] | None = None) -> Record:
    if fields is None:
        return public(record)
    if known is not None:
        unknown = [name for name in fields if name not in known]
        if unknown:
            raise bad_request(f"Unknown field {unknown[0]}")
    return {name: record[name] for name in fields if name in record and not name.startswith("_")}


def render_one(ctx: Ctx, record: Record) -> Record:
    """A single GET: every field unless ``fields=`` narrows it."""
    fields = ctx.query_values("fields") or None
    return project(record, fields, _known(ctx, record))


def _known(ctx: Ctx, record: Record) -> Collection[str] | None:
    return public(record).keys() if ctx.settings.unknown_fields == "reject" else None


def paging(ctx: Ctx) -> tuple[int, int]:
    start = ctx.query_int("start", 0) or 0
    num = ctx.query_int("num", ctx.settings.num_default)
    if num is None:
        num = ctx.settings.num_default
    if start < 0 or num < 0:
        raise bad_request("start and num must not be negative")
    cap = ctx.settings.num_cap
    return start, min(num, cap) if cap else num


def sort_records(
    ctx: Ctx, records: list[Record], sort_keys: Collection[str], default: str | None
) -> list[Record]:
    asked = ctx.query_value("sort") if sort_keys else None
    order = asked or default
    if not order:
        return records
    name = order.lstrip("-")
    if name not in sort_keys:
        raise bad_request(f"Invalid sort field {name}")
    return sorted(records, key=lambda row: row.get(name) or 0, reverse=order.startswith("-"))


def envelope(
    ctx: Ctx,
    records: Iterable[Record],
    *,
    default_fields: Sequence[str] | None = None,
    sort_keys: Collection[str] = (),
    default_sort: str | None = None,
    view: Callable[[Record], Record] | None = None,
) -> dict[str, Any]:
    """One page of ``records`` (already filtered) in Sitoo's envelope.

    ``view`` adds computed fields; it runs on the page only, so big lists stay cheap.
    """
    rows = sort_records(ctx, list(records), sort_keys, default_sort)
    start, num = paging(ctx)
    fields = requested_fields(ctx, default_fields)
    page = rows[start : start + num]
    if view is not None:
        page = [view(row) for row in page]
    known = _all_known(page) if ctx.settings.unknown_fields == "reject" and page else None
    return {"totalcount": len(rows), "items": [project(row, fields, known) for row in page]}


def _all_known(page: list[Record]) -> set[str]:
    return {name for row in page for name in public(row)}
