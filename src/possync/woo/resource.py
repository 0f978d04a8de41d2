"""``Resource``: the verbs every WooCommerce collection shares, typed by its model.

Reading walks every page (``per_page=100``) as an async iterator; ``changed_since`` asks the
shop for ``modified_after`` (GMT) and also filters on ``date_modified_gmt`` itself, so a shop too
old to honour the filter costs a full read but never hides a change, and a list that keeps
changing under offset paging ends in a ``RetryableError`` rather than a silent gap. Writing is
single calls or batches chunked to the shop's limit with a result per item.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from possync.errors import RetryableError
from possync.http import ApiClient, Params, pages_by_number
from possync.woo.batch import ItemResult, run_batch
from possync.woo.models import parse_record

M = TypeVar("M", bound=BaseModel)
WOO_DATE = "%Y-%m-%dT%H:%M:%S"
READ_ROUNDS = 3


def woo_date(moment: datetime) -> str:
    """A UTC moment as WooCommerce writes ``*_gmt`` dates: no offset, no fraction."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime(WOO_DATE)


ORDER_LINES = ("line_items", "shipping_lines", "fee_lines", "coupon_lines", "tax_lines")


def repeatable_update(body: dict[str, Any]) -> bool:
    """May this update be re-sent after a lost answer? Not when it moves stock by a delta, nor
    when it adds order lines (a line without an ``id`` is added again by every repeat)."""
    if "inventory_delta" in body:
        return False
    return not any(
        isinstance(line, dict) and "id" not in line for name in ORDER_LINES for line in body.get(name) or ()
    )


def _whole_second_utc(moment: datetime) -> datetime:
    """``moment`` in UTC (naive means UTC), to the second as WooCommerce dates are."""
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.replace(microsecond=0)


def _unseen_changes(page: list[M], since: datetime, seen: set[int]) -> list[M]:
    """The items of ``page`` modified at or after ``since`` and not yet yielded (``seen`` grows)."""
    fresh = []
    for item in page:
        key = getattr(item, "id", None)
        modified = getattr(item, "date_modified_gmt", None)
        if key not in seen and (modified is None or modified >= since):
            seen.add(key)  # type: ignore[arg-type]
            fresh.append(item)
    return fresh


class Resource(Generic[M]):
    """One collection under ``/wp-json/wc/<version>/``."""

    def __init__(
        self,
        api: ApiClient,
        path: str,
        model: type[M],
        name: str,
        *,
        per_page: int = 100,
        batch_limit: int = 100,
        modified_filters: bool = True,
    ) -> None:
        self.api = api
        self.path = path.rstrip("/")
        self.model = model
        self.name = name
        self.per_page = per_page
        self.batch_limit = batch_limit
        self.modified_filters = modified_filters

    def parse(self, payload: Any) -> M:
        return parse_record(self.model, payload, self.name)

    def _item(self, item_id: int | str) -> str:
        return f"{self.path}/{item_id}"

    async def get(self, item_id: int | str, **params: Any) -> M:
        return self.parse(await self.api.get_json(self._item(item_id), params or None))

    async def pages(
        self, params: Params | None = None, totals: list[int] | None = None
    ) -> AsyncIterator[list[M]]:
        """Every page of the list, parsed."""
        async for page in pages_by_number(self.api, self.path, params, per_page=self.per_page, totals=totals):
            yield [self.parse(item) for item in page]

    async def iter_all(self, **params: Any) -> AsyncIterator[M]:
        """Every item of the list, ``orderby=id`` ascending unless told otherwise (stable paging)."""
        params = {"orderby": "id", "order": "asc", **params}
        async for page in self.pages(params):
            for item in page:
                yield item

    async def list_all(self, **params: Any) -> list[M]:
        return [item async for item in self.iter_all(**params)]

    async def changed_since(self, since: datetime, **params: Any) -> AsyncIterator[M]:
        """Items whose ``date_modified_gmt`` is at or after ``since`` (UTC), on any shop version.

        Rows that come or go while the pages are read shift the offsets, so the list is read again
        (up to ``READ_ROUNDS`` times); if it never holds still, ``RetryableError``: a row may have
        been skipped, and the caller must not move its cursor past this read.
        """
        since = _whole_second_utc(since)
        query = {"orderby": "id", "order": "asc", **params, **self._modified_filter(since)}
        seen: set[int] = set()
        for _ in range(READ_ROUNDS):
            totals: list[int] = []
            async for page in self.pages(query, totals):
                for item in _unseen_changes(page, since, seen):
                    yield item
            if len(set(totals)) <= 1:
                return
        raise self._kept_changing(query)

    def _modified_filter(self, since: datetime) -> dict[str, Any]:
        """``modified_after`` where the shop honours it; exclusive and to the second, so one back."""
        if not self.modified_filters:
            return {}
        return {"modified_after": woo_date(since - timedelta(seconds=1)), "dates_are_gmt": True}

    def _kept_changing(self, query: Params) -> RetryableError:
        message = (
            f"the {self.name} list changed during each of {READ_ROUNDS} reads, so a change may have "
            "been skipped; read it again later"
        )
        request = self.api.describe("GET", self.path, query)
        return RetryableError(message, request=request, code="list_changing")

    def prepare(self, payload: dict[str, Any], *, sideload: bool = False) -> dict[str, Any]:
        """Check a payload before it is written; resources with images refuse image URLs here."""
        return payload

    async def create(self, payload: dict[str, Any], *, sideload: bool = False, **params: Any) -> M:
        """A create is never repeated on a lost answer; see ``possync.woo.safety``."""
        body = self.prepare(payload, sideload=sideload)
        return self.parse(await self.api.send_json("POST", self.path, body, params=params or None))

    async def update(
        self, item_id: int | str, payload: dict[str, Any], *, sideload: bool = False, **params: Any
    ) -> M:
        body = self.prepare(payload, sideload=sideload)
        answer = await self.api.send_json(
            "PUT", self._item(item_id), body, params=params or None, idempotent=repeatable_update(body)
        )
        return self.parse(answer)

    async def delete(self, item_id: int | str, *, force: bool = True) -> M:
        answer = await self.api.send_json("DELETE", self._item(item_id), params={"force": force})
        return self.parse(answer)

    async def batch(
        self,
        *,
        create: Sequence[dict[str, Any]] = (),
        update: Sequence[dict[str, Any]] = (),
        delete: Sequence[int] = (),
        sideload: bool = False,
    ) -> list[ItemResult[M]]:
        """Every item written through ``<path>/batch``, chunked; one result per item, in order.

        ``sideload``: items may give new images by URL (the shop downloads each one once).
        """
        return await run_batch(
            self.api,
            f"{self.path}/batch",
            self.parse,
            create=[self.prepare(item, sideload=sideload) for item in create],
            update=[self.prepare(item, sideload=sideload) for item in update],
            delete=delete,
            limit=self.batch_limit,
            name=self.name,
        )
