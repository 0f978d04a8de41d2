"""``SitooApi``: Sitoo's verbs over ``possync.http``, shared by every typed resource.

It owns the ``ApiClient`` (Basic auth with the API id and password, both registered as secrets),
and knows Sitoo's conventions: ``.json`` paths, ``{totalcount, items}`` pages read with
``start``/``num``, explicit ``fields``, creates answering the bare new id, updates and deletes
answering ``true``, and array bodies answered element by element.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any, TypedDict, TypeVar

import httpx

from possync.errors import PayloadError, RemoteError
from possync.http.budget import SHARED_BUDGETS, BudgetPool
from possync.http.client import ApiClient, ClientSettings
from possync.http.metrics import TransportMetrics
from possync.http.redact import basic_token
from possync.http.retry import Clock, RetryPolicy, Sleep, monotonic_clock, real_sleep
from possync.sitoo.batch import ItemResult, chunks, item_results, refused
from possync.sitoo.config import SitooConfig
from possync.sitoo.idempotency import safe_to_repeat
from possync.sitoo.paging import id_cursor_pages, offset_pages
from possync.sitoo.records import SitooRecord, UnusableHandler

R = TypeVar("R", bound=SitooRecord)
Params = Mapping[str, Any]


def fields_param(fields: Sequence[str] | None) -> str | None:
    """Sitoo's ``fields=a,b,c``."""
    return ",".join(fields) if fields else None


class SitooApiOptions(TypedDict, total=False):
    """What a caller may inject into ``SitooApi`` (and so ``SitooClient``); each has a default."""

    retry: RetryPolicy | None
    sleep: Sleep
    clock: Clock
    metrics: TransportMetrics | None
    on_unusable: UnusableHandler | None
    http: ApiClient | None
    budgets: BudgetPool | None


class SitooApi:
    """One Sitoo account over one ``ApiClient``.

    Sitoo limits requests per account, so every client of one account shares the rate budget of
    ``budgets`` (default the process's pool), whichever site it works on.
    """

    def __init__(
        self,
        config: SitooConfig,
        *,
        retry: RetryPolicy | None = None,
        sleep: Sleep = real_sleep,
        clock: Clock = monotonic_clock,
        metrics: TransportMetrics | None = None,
        on_unusable: UnusableHandler | None = None,
        http: ApiClient | None = None,
        budgets: BudgetPool | None = SHARED_BUDGETS,
    ) -> None:
        self.config = config
        self.on_unusable = on_unusable
        """Called with each unusable record of a list read, which is then skipped; None raises."""
        password = config.password.get_secret_value()
        settings = ClientSettings(
            name="sitoo",
            base_url=config.api_root,
            concurrency=config.concurrency,
            headroom=config.headroom,
            read_timeout=config.timeout_seconds,
            write_timeout=config.timeout_seconds,
            rate_scope=config.api_root,
        )
        self.http = http or ApiClient(
            settings,
            auth=httpx.BasicAuth(config.api_id, password),
            retry=retry,
            sleep=sleep,
            clock=clock,
            metrics=metrics,
            budgets=budgets,
            secrets=(password, basic_token(config.api_id, password)),
        )

    async def aclose(self) -> None:
        await self.http.aclose()

    def site_path(self, tail: str) -> str:
        """``sites/{eshopid}/<tail>``: the path of a site-level resource."""
        return f"sites/{self.config.site}/{tail}"

    async def pages(
        self, model: type[R], path: str, params: Params | None = None, fields: Sequence[str] | None = None
    ) -> AsyncIterator[list[R]]:
        """Every page of a list, read with ``num`` = the configured page size."""
        query = {**(params or {}), "fields": fields_param(fields)}
        async for page in offset_pages(self.http, path, query, num=self.config.page_size):
            yield model.parse_many(page, self.on_unusable)

    async def cursor_pages(
        self,
        model: type[R],
        path: str,
        *,
        id_field: str,
        after_id: int,
        params: Params | None = None,
        fields: Sequence[str] | None = None,
    ) -> AsyncIterator[list[R]]:
        """Pages of an append-only stream read by id, ascending, from ``after_id + 1``."""
        query = {**(params or {}), "fields": fields_param(fields)}
        pages = id_cursor_pages(
            self.http, path, query, id_field=id_field, after_id=after_id, num=self.config.page_size
        )
        async for page in pages:
            yield model.parse_many(page, self.on_unusable)

    async def get(self, model: type[R], path: str, params: Params | None = None) -> R:
        return model.parse(await self.http.get_json(path, params))

    async def create(self, path: str, body: dict[str, Any], *, params: Params | None = None) -> int:
        """POST one object; Sitoo answers the bare new id. Never repeated on a lost answer."""
        answer = await self.write("POST", path, body, params=params)
        if isinstance(answer, list) and len(answer) == 1:  # an envelope, should Sitoo send one
            (result,) = item_results(0, [body], answer, self.http.describe("POST", path))
            if result.error is not None:
                raise result.error
            answer = result.value
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise PayloadError(f"Sitoo create at {path}", f"expected the new id, got {answer!r}")
        return answer

    async def write(self, method: str, path: str, body: Any = None, *, params: Params | None = None) -> Any:
        """One write; Sitoo answers ``true``, an id or a result. Sent again after a lost answer
        only when ``WRITE_SAFETY`` declares the write safe to repeat.
        """
        repeat = safe_to_repeat(method, path)
        return await self.http.send_json(method, path, body, params=params, idempotent=repeat)

    async def batch(
        self,
        method: str,
        path: str,
        bodies: Sequence[dict[str, Any]],
        *,
        size: int | None = None,
        ordered: bool = False,
    ) -> list[ItemResult]:
        """Send ``bodies`` as array bodies of at most ``size``; one result per element, in order.

        Chunks go out concurrently, bounded by the client's concurrency, or one after the other
        when ``ordered`` (writes whose order matters, such as stock movements). A chunk that failed
        as a whole (refused, or retried until the cap) marks each of its elements with that error,
        so the results of the other chunks are never lost. A chunk is re-sent after a lost answer
        only when ``WRITE_SAFETY`` declares the write safe to repeat.
        """
        limit = size or self.config.batch_size
        idempotent = safe_to_repeat(method, path)

        async def send(offset: int, chunk: Sequence[dict[str, Any]]) -> list[ItemResult]:
            try:
                answer = await self.http.send_json(method, path, list(chunk), idempotent=idempotent)
            except RemoteError as error:
                return refused(offset, chunk, error)
            return item_results(offset, chunk, answer, self.http.describe(method, path))

        if ordered:
            return [result for offset, chunk in chunks(bodies, limit) for result in await send(offset, chunk)]
        parts = await asyncio.gather(*(send(offset, chunk) for offset, chunk in chunks(bodies, limit)))
        return [result for part in parts for result in part]
