"""``ApiClient``: the one HTTP client of a remote, polite and safe to retry.

One per remote: a single ``httpx.AsyncClient`` (connection reuse, explicit timeouts), a
semaphore bounding concurrent requests, the ``RateBudget`` of its rate scope, the ``RetryPolicy``,
metrics and redacted structured logs. Every answer goes through ``classify``; callers get a
successful response or an error of the tree naming the request.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from possync import __version__
from possync.errors import PayloadError, RemoteError, RequestInfo
from possync.http.budget import SHARED_BUDGETS, BudgetPool, RateBudget
from possync.http.classify import SAFE_METHODS, classify, classify_exception
from possync.http.closing import AsyncClosing
from possync.http.metrics import TransportMetrics, route_of
from possync.http.redact import get_logger, install_redaction, redact_text, redact_url, register_secrets
from possync.http.retry import Clock, RetryPolicy, Sleep, monotonic_clock, real_sleep

IDEMPOTENT_METHODS = SAFE_METHODS | {"PUT", "DELETE", "PATCH"}
Params = Mapping[str, Any]
log = get_logger("possync.http")


@dataclass(frozen=True)
class ClientSettings:
    """How to reach one remote and how hard to push it."""

    name: str
    base_url: str
    concurrency: int = 4
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    write_timeout: float = 60.0
    pool_timeout: float = 120.0
    headroom: float = 0.1
    user_agent: str = f"possync/{__version__}"
    verify_tls: bool = True
    rate_scope: str | None = None
    """The URL one rate limit covers (a Sitoo account); ``None``: the origin of ``base_url``."""

    def budget_scope(self) -> str:
        """The key clients sharing one rate budget have in common: scheme, host, port (and path)."""
        url = httpx.URL(self.rate_scope or self.base_url)
        path = url.path.rstrip("/") if self.rate_scope else ""
        return f"{url.scheme}://{url.netloc.decode('ascii').lower()}{path}"

    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(
            connect=self.connect_timeout,
            read=self.read_timeout,
            write=self.write_timeout,
            pool=self.pool_timeout,
        )


class ApiClient(AsyncClosing):
    """Sends requests to one remote; retries, budgets, measures and logs them.

    The rate budget is ``budget`` if given, else the scope's budget from ``budgets`` (by default
    the process's pool, so clients of one host or Sitoo account share it, until closed), else,
    with ``budgets=None``, a budget of its own.
    """

    def __init__(
        self,
        settings: ClientSettings,
        *,
        auth: httpx.Auth | None = None,
        retry: RetryPolicy | None = None,
        budget: RateBudget | None = None,
        budgets: BudgetPool | None = SHARED_BUDGETS,
        metrics: TransportMetrics | None = None,
        clock: Clock = monotonic_clock,
        sleep: Sleep = real_sleep,
        secrets: Iterable[str] = (),
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        install_redaction()
        register_secrets(*secrets)
        self.settings = settings
        self.name = settings.name
        self.retry = retry or RetryPolicy()
        self._pool = budgets if budget is None else None
        self.budget = self._budget_from(self._pool, clock, sleep) if budget is None else budget
        self.metrics = metrics
        self.sleep = sleep
        self._slots = asyncio.Semaphore(settings.concurrency)
        limits = httpx.Limits(
            max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency
        )
        self.http = httpx.AsyncClient(
            base_url=settings.base_url,
            auth=auth,
            timeout=settings.timeout(),
            limits=limits,
            headers={"User-Agent": settings.user_agent, "Accept": "application/json"},
            verify=settings.verify_tls,
            transport=transport,
        )

    @property
    def concurrency(self) -> int:
        return self.settings.concurrency

    def _budget_from(self, pool: BudgetPool | None, clock: Clock, sleep: Sleep) -> RateBudget:
        def make() -> RateBudget:
            return RateBudget(headroom=self.settings.headroom, clock=clock, sleep=sleep)

        return make() if pool is None else pool.hold(self.settings.budget_scope(), make)

    async def aclose(self) -> None:
        if self._pool is not None:
            self._pool.release(self.settings.budget_scope())
            self._pool = None
        await self.http.aclose()

    def describe(self, method: str, path: str, params: Params | None = None) -> RequestInfo:
        """The request as it may appear in an error or a log line."""
        url = self.http.build_request(method, path, params=_clean(params)).url
        return RequestInfo(method, redact_url(str(url)), self.name)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        idempotent: bool | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """Send until it succeeds, the error is not worth retrying or the attempts run out."""
        method = method.upper()
        safe_to_repeat = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        info = self.describe(method, path, params)
        attempt = 0
        while True:
            attempt += 1
            outcome = await self._attempt(method, path, params, json, headers, info, attempt)
            if isinstance(outcome, httpx.Response):
                return outcome
            if not self.retry.should_retry(outcome, attempt, idempotent=safe_to_repeat):
                log.warning("request failed", extra=_fields(info, attempt, error=str(outcome)))
                raise outcome
            delay = self.retry.delay(outcome, attempt)
            log.info("retrying", extra=_fields(info, attempt, error=str(outcome), delay_s=round(delay, 3)))
            if self.metrics:
                self.metrics.retried(self.name, path, method)
            await self.sleep(delay)

    async def _attempt(
        self,
        method: str,
        path: str,
        params: Params | None,
        json: Any,
        headers: Mapping[str, str] | None,
        info: RequestInfo,
        attempt: int,
    ) -> httpx.Response | RemoteError:
        async with self._slots:
            await self._take_budget()
            started = time.perf_counter()
            try:
                response = await self.http.request(
                    method, path, params=_clean(params), json=json, headers=headers
                )
            except httpx.HTTPError as exc:
                self.budget.settle(None)
                self._observe(path, method, type(exc).__name__, started)
                return classify_exception(exc, info)
            except BaseException:
                self.budget.settle(None)
                raise
            self.budget.settle(response.headers)
        elapsed = self._observe(path, method, str(response.status_code), started)
        error = classify(response, info, self.retry.retry_statuses)
        log.debug(
            "response",
            extra=_fields(info, attempt, status=response.status_code, elapsed_ms=round(elapsed * 1000, 1)),
        )
        if error is not None and response.status_code == 429:
            self.budget.exhaust(error.retry_after)
        return response if error is None else error

    async def _take_budget(self) -> None:
        """One request's share of the rate budget, counting any wait for it in the metrics."""
        waited = await self.budget.acquire()
        if self.metrics:
            self.metrics.waited_for_budget(self.name, waited)

    def _observe(self, path: str, method: str, status: str, started: float) -> float:
        elapsed = time.perf_counter() - started
        if self.metrics:
            self.metrics.observe(self.name, path, method, status, elapsed)
        return elapsed

    async def get_json(self, path: str, params: Params | None = None) -> Any:
        """GET and decode the JSON answer."""
        return decode_json(await self.request("GET", path, params=params), self.name)

    async def send_json(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        params: Params | None = None,
        idempotent: bool | None = None,
    ) -> Any:
        """A write with a JSON body; the decoded answer (``None`` when empty)."""
        response = await self.request(method, path, params=params, json=body, idempotent=idempotent)
        return decode_json(response, self.name) if response.content else None


def decode_json(response: httpx.Response, remote: str = "") -> Any:
    """The JSON body of a successful answer; a page that is not JSON is a ``PayloadError``."""
    try:
        return response.json()
    except ValueError:
        snippet = " ".join(response.text.split())[:120]
        request = RequestInfo(response.request.method, redact_url(str(response.request.url)), remote)
        raise PayloadError(str(request), f"the answer is not JSON: {redact_text(snippet)!r}") from None


def _clean(params: Params | None) -> dict[str, Any] | None:
    """Query parameters without ``None`` values, booleans spelled as the APIs expect."""
    if params is None:
        return None
    out: dict[str, Any] = {}
    for key, value in params.items():
        if value is None:
            continue
        out[key] = ("true" if value else "false") if isinstance(value, bool) else value
    return out


def _fields(info: RequestInfo, attempt: int, **more: Any) -> dict[str, Any]:
    return {
        "remote": info.remote,
        "method": info.method,
        "url": info.url,
        "route": route_of("/" + info.url.split("://", 1)[-1].split("/", 1)[-1]),
        "attempt": attempt,
        **more,
    }
