"""ApiClient over real HTTP on loopback: retries, budgets, lost answers, metrics and redacted logs."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from prometheus_client import CollectorRegistry
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from possync.errors import FatalError, RetryableError, SkippableError
from possync.http import ApiClient, ClientSettings, RetryPolicy, TransportMetrics, route_of
from possync.http.retry import RETRYABLE_STATUSES
from possync.http.testing import FrozenClock, RecordingSleeper
from possync_sandbox.faults import FaultMiddleware, FaultPlan, FaultState, RequestCounter
from possync_sandbox.server import running


class LimitedApi:
    """A remote with a rate limit of ``limit`` requests per window; the window ends when time passes."""

    def __init__(self, clock: FrozenClock, limit: int = 10) -> None:
        self.clock = clock
        self.limit = limit
        self.used = 0
        self.over_limit = 0
        self.min_remaining = limit
        self.seen_at: list[float] = []
        self.posts: list[object] = []
        self.faults = FaultState()
        self.counter = RequestCounter()
        routes = [
            Route("/things", self.things, methods=["GET", "POST"]),
            Route("/things/{id:int}", self.thing, methods=["GET", "PUT"]),
            Route("/broken", self.broken, methods=["GET"]),
        ]
        self.app = FaultMiddleware(
            Starlette(routes=routes), self.faults, self.counter, is_api=lambda path: True
        )

    def new_window(self, _seconds: float) -> None:
        self.used = 0

    def _limited(self, body: object, status: int = 200) -> Response:
        self.seen_at.append(self.clock.now)
        if self.used >= self.limit:
            self.over_limit += 1
            return JSONResponse(
                {"statuscode": 429, "errortext": "Too Many Requests"}, 429, {"Retry-After": "60"}
            )
        self.used += 1
        self.min_remaining = min(self.min_remaining, self.limit - self.used)
        headers = {
            "X-Rate-Limit-Limit": str(self.limit),
            "X-Rate-Limit-Remaining": str(self.limit - self.used),
            "X-Rate-Limit-Reset": "60",
        }
        return JSONResponse(body, status, headers)

    async def things(self, request: Request) -> Response:
        if request.method == "POST":
            self.posts.append(await request.json())
            return self._limited({"id": len(self.posts)}, 201)
        return self._limited([{"id": 1}])

    async def thing(self, request: Request) -> Response:
        if request.path_params["id"] == 404:
            return JSONResponse(
                {"code": "thing_invalid_id", "message": "Invalid ID.", "data": {"status": 404}}, 404
            )
        return self._limited({"id": request.path_params["id"]})

    async def broken(self, request: Request) -> Response:
        return JSONResponse({"code": "rest_forbidden", "message": "Sorry.", "data": {"status": 401}}, 401)


@pytest.fixture
def api(clock: FrozenClock) -> Iterator[tuple[LimitedApi, str]]:
    remote = LimitedApi(clock)
    with running(remote.app) as server:
        yield remote, server.base_url


def make_client(
    base_url: str,
    clock: FrozenClock,
    sleeper: RecordingSleeper,
    *,
    attempts: int = 4,
    retry: RetryPolicy | None = None,
    **kw: object,
) -> ApiClient:
    return ApiClient(
        ClientSettings(name="test", base_url=base_url, read_timeout=5.0),
        retry=retry or RetryPolicy(max_attempts=attempts, base_delay=0.5, max_delay=4.0),
        clock=clock,
        sleep=sleeper,
        **kw,  # type: ignore[arg-type]
    )


async def test_429_storm_waits_for_retry_after_then_succeeds_within_budget(
    api: tuple[LimitedApi, str], clock: FrozenClock
) -> None:
    import asyncio

    remote, base_url = api
    sleeper = RecordingSleeper(clock, on_sleep=remote.new_window)
    remote.faults.configure(FaultPlan(script=["rate_limit"] * 3, retry_after=2))
    start = clock.now
    async with make_client(base_url, clock, sleeper, attempts=6) as client:
        results = await asyncio.gather(*(client.get_json(f"things/{n}") for n in range(1, 31)))
    assert [r["id"] for r in results] == list(range(1, 31))
    assert remote.counter.snapshot()["total"] == 30 + 3  # the storm, then each request once
    assert remote.over_limit == 0  # never pushed past the advertised limit
    assert remote.min_remaining >= 1  # the headroom (10 % of 10) was left to other apps
    assert 2.0 in sleeper.calls  # Retry-After obeyed
    assert sum(1 for t in remote.seen_at if t == start) <= client.concurrency


async def test_5xx_burst_is_retried_then_succeeds(
    api: tuple[LimitedApi, str], clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    remote, base_url = api
    remote.faults.configure(FaultPlan(script=["error", "error", "error"]))
    async with make_client(base_url, clock, sleeper) as client:
        assert await client.get_json("things/5") == {"id": 5}
    assert remote.counter.snapshot()["total"] == 4
    assert len(sleeper.calls) == 3
    assert all(0.25 <= d <= 4.0 for d in sleeper.calls)


async def test_5xx_and_drops_beyond_the_cap_surface_as_retryable_naming_the_request(
    api: tuple[LimitedApi, str], clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    remote, base_url = api
    remote.faults.configure(FaultPlan(script=["error", "drop", "error", "drop", "ok"]))
    async with make_client(base_url, clock, sleeper, attempts=4) as client:
        with pytest.raises(RetryableError) as caught:
            await client.get_json("things/7", params={"context": "edit"})
    assert remote.counter.snapshot()["total"] == 4
    assert f"GET {base_url}/things/7?context=edit" in str(caught.value)
    assert caught.value.request is not None
    assert caught.value.request.remote == "test"


async def test_lost_create_answer_is_not_repeated_blindly(
    api: tuple[LimitedApi, str], clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    remote, base_url = api
    remote.faults.configure(FaultPlan(script=["lost_response"]))
    async with make_client(base_url, clock, sleeper) as client:
        with pytest.raises(RetryableError) as caught:
            await client.send_json("POST", "things", {"name": "one"})
        assert caught.value.maybe_applied
        assert remote.posts == [{"name": "one"}]
        remote.faults.configure(FaultPlan(script=["rate_limit", "error"]))
        assert await client.send_json("POST", "things", {"name": "two"}) == {"id": 2}
    assert remote.posts == [{"name": "one"}, {"name": "two"}]
    assert len(sleeper.calls) == 2  # the 429 and the 503 were retried: refused before any work
    assert sleeper.calls[0] == 1.0  # Retry-After of the 429


async def test_errors_keep_the_remote_code_and_sort_into_the_tree(
    api: tuple[LimitedApi, str], clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    _, base_url = api
    async with make_client(base_url, clock, sleeper) as client:
        with pytest.raises(SkippableError) as missing:
            await client.get_json("things/404")
        with pytest.raises(FatalError) as denied:
            await client.get_json("broken")
    assert (missing.value.status, missing.value.code, missing.value.message) == (
        404,
        "thing_invalid_id",
        "Invalid ID.",
    )
    assert denied.value.code == "rest_forbidden"
    assert sleeper.calls == []


async def test_metrics_per_remote_route_and_status(
    api: tuple[LimitedApi, str], clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    remote, base_url = api
    registry = CollectorRegistry()
    remote.faults.configure(FaultPlan(script=["error"]))
    async with make_client(base_url, clock, sleeper, metrics=TransportMetrics(registry)) as client:
        await client.get_json("things/11")
        await client.get_json("things/12")
    labels = {"remote": "test", "route": "things/{id}", "method": "GET"}
    assert registry.get_sample_value("possync_http_requests_total", {**labels, "status": "200"}) == 2
    assert registry.get_sample_value("possync_http_requests_total", {**labels, "status": "503"}) == 1
    assert (
        registry.get_sample_value("possync_http_request_duration_seconds_count", {**labels, "status": "200"})
        == 2
    )
    assert registry.get_sample_value("possync_http_retries_total", labels) == 1


@pytest.mark.parametrize(
    ("path", "route"),
    [
        ("sites/1/products/5.json", "sites/{id}/products/{id}.json"),
        ("sites/1/orders/77/orderdeliveries.json", "sites/{id}/orders/{id}/orderdeliveries.json"),
        ("/v2/accounts/90001/sites/1.json?fields=a", "/v2/accounts/{id}/sites/{id}.json"),
        ("wc/v3/products/12/variations/7", "wc/v3/products/{id}/variations/{id}"),
        ("sites/1/warehouses.json", "sites/{id}/warehouses.json"),
        ("wc/v3/products", "wc/v3/products"),
    ],
)
def test_route_labels_collapse_every_id_segment(path: str, route: str) -> None:
    assert route_of(path) == route


async def test_budget_waits_are_counted_in_the_metrics(
    api: tuple[LimitedApi, str], clock: FrozenClock
) -> None:
    remote, base_url = api
    registry = CollectorRegistry()
    sleeper = RecordingSleeper(clock, on_sleep=remote.new_window)
    async with make_client(base_url, clock, sleeper, metrics=TransportMetrics(registry)) as client:
        for n in range(12):  # a limit of 10 with one request of headroom: one wait for the reset
            await client.get_json(f"things/{n + 1}")
    assert sleeper.calls == [60.0]
    assert registry.get_sample_value("possync_http_budget_wait_seconds_total", {"remote": "test"}) == 60.0


async def test_the_policy_retry_statuses_decide_what_is_retried(
    api: tuple[LimitedApi, str], clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    remote, base_url = api
    assert RetryPolicy().retry_statuses == RETRYABLE_STATUSES
    only_503 = RetryPolicy(max_attempts=3, retry_statuses=frozenset({503}))
    remote.faults.configure(FaultPlan(script=["error"], error_status=502))
    async with make_client(base_url, clock, sleeper, retry=only_503) as client:
        with pytest.raises(FatalError) as caught:
            await client.get_json("things/1")
    assert caught.value.status == 502
    assert remote.counter.snapshot()["total"] == 1
    with_501 = RetryPolicy(max_attempts=3, retry_statuses=RETRYABLE_STATUSES | {501})
    remote.faults.configure(FaultPlan(script=["error"], error_status=501))
    async with make_client(base_url, clock, sleeper, retry=with_501) as client:
        assert await client.get_json("things/2") == {"id": 2}
    assert remote.counter.snapshot()["total"] == 1 + 2
    assert len(sleeper.calls) == 1


async def test_connection_refused_is_retryable_and_safe_to_resend(
    clock: FrozenClock, sleeper: RecordingSleeper, caplog: pytest.LogCaptureFixture
) -> None:
    from possync_sandbox.server import free_port

    caplog.set_level(logging.DEBUG)
    async with make_client(f"http://127.0.0.1:{free_port()}", clock, sleeper, attempts=2) as client:
        with pytest.raises(RetryableError) as caught:
            await client.send_json("POST", "things", {"a": 1})
    assert not caught.value.maybe_applied
    assert len(sleeper.calls) == 1
    assert any(r.getMessage() == "request failed" for r in caplog.records)


async def test_a_read_timeout_is_retried_for_a_read_and_flagged_for_a_create(
    api: tuple[LimitedApi, str], clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    remote, base_url = api
    remote.faults.configure(FaultPlan(script=["timeout", "timeout"], timeout_seconds=0.5))
    client = ApiClient(
        ClientSettings(name="test", base_url=base_url, read_timeout=0.2),
        retry=RetryPolicy(max_attempts=3),
        clock=clock,
        sleep=sleeper,
    )
    async with client:
        assert await client.get_json("things/3") == {"id": 3}
        remote.faults.configure(FaultPlan(script=["timeout"], timeout_seconds=0.5))
        with pytest.raises(RetryableError, match="ReadTimeout") as caught:
            await client.send_json("POST", "things", {"n": 1})
    assert caught.value.maybe_applied
    assert len(sleeper.calls) == 2  # the two timed-out reads; the create was not re-sent
