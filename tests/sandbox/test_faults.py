"""The shared fault plan: repeatable from its seed, and each fault looks as it should on the wire."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from possync_sandbox.faults import FaultMiddleware, FaultPlan, FaultState, RequestCounter, route_key
from possync_sandbox.server import running


class Probe:
    """A tiny API that counts the writes it really performed."""

    def __init__(self, plan: FaultPlan) -> None:
        self.writes = 0
        self.faults = FaultState(plan)
        self.counter = RequestCounter()
        inner = Starlette(routes=[Route("/api/items/{id}", self.item, methods=["GET", "POST"])])
        self.app = FaultMiddleware(inner, self.faults, self.counter, is_api=lambda p: p.startswith("/api"))

    async def item(self, request: Request) -> JSONResponse:
        if request.method == "POST":
            self.writes += 1
        return JSONResponse({"id": int(request.path_params["id"])})


@pytest.fixture
def client() -> Iterator[tuple[Probe, httpx.Client]]:
    probe = Probe(FaultPlan())
    with running(probe.app) as server, httpx.Client(base_url=server.base_url, timeout=5) as http:
        yield probe, http


def test_same_seed_same_faults() -> None:
    plan = FaultPlan(seed=7, error_rate=0.2, rate_limit_rate=0.1, drop_rate=0.1, lost_response_rate=0.1)
    first, second = FaultState(plan), FaultState(plan)
    draws = [(first.next_fault("POST", "/a"), second.next_fault("POST", "/a")) for _ in range(200)]
    assert all(a == b for a, b in draws)
    assert {a for a, _ in draws} >= {"ok", "error", "rate_limit", "drop", "lost_response"}


def test_other_seed_other_faults() -> None:
    plan = FaultPlan(seed=1, error_rate=0.5)
    one, two = FaultState(plan), FaultState(plan.model_copy(update={"seed": 2}))
    assert [one.next_fault("GET", "/") for _ in range(50)] != [two.next_fault("GET", "/") for _ in range(50)]


def test_bursts_last_their_length() -> None:
    state = FaultState(FaultPlan(script=[], error_rate=1.0, error_burst=3))
    assert [state.next_fault("GET", "/") for _ in range(3)] == ["error"] * 3


def test_rate_limit_answers_429_with_retry_after(client: tuple[Probe, httpx.Client]) -> None:
    probe, http = client
    probe.faults.configure(FaultPlan(script=["rate_limit"], retry_after=7))
    response = http.get("/api/items/1")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "7"
    assert http.get("/api/items/1").status_code == 200


def test_error_burst_answers_5xx(client: tuple[Probe, httpx.Client]) -> None:
    probe, http = client
    probe.faults.configure(FaultPlan(script=["error", "error"], error_status=502))
    assert [http.get("/api/items/1").status_code for _ in range(3)] == [502, 502, 200]


def test_dropped_connection_reaches_the_client_as_a_disconnect(client: tuple[Probe, httpx.Client]) -> None:
    probe, http = client
    probe.faults.configure(FaultPlan(script=["drop"]))
    with pytest.raises(httpx.RemoteProtocolError):
        http.post("/api/items/1")
    assert probe.writes == 0


def test_lost_response_performs_the_write(client: tuple[Probe, httpx.Client]) -> None:
    probe, http = client
    probe.faults.configure(FaultPlan(script=["lost_response"]))
    with pytest.raises(httpx.RemoteProtocolError):
        http.post("/api/items/1")
    assert probe.writes == 1


def test_timeout_holds_the_answer_past_the_client_deadline(client: tuple[Probe, httpx.Client]) -> None:
    probe, http = client
    probe.faults.configure(FaultPlan(script=["timeout"], timeout_seconds=1.0))
    with pytest.raises(httpx.ReadTimeout):
        http.get("/api/items/1", timeout=0.2)


def test_latency_is_added(client: tuple[Probe, httpx.Client]) -> None:
    probe, http = client
    probe.faults.configure(FaultPlan(latency_ms=150))
    response = http.get("/api/items/1")
    assert response.elapsed.total_seconds() >= 0.15


def test_counters_by_route_and_method(client: tuple[Probe, httpx.Client]) -> None:
    probe, http = client
    http.get("/api/items/1")
    http.get("/api/items/2")
    http.post("/api/items/3")
    http.get("/health")
    assert probe.counter.snapshot() == {
        "total": 3,
        "by_route": {"GET /api/items/{id}": 2, "POST /api/items/{id}": 1},
    }


def test_route_key_collapses_ids() -> None:
    assert route_key("GET", "/v2/accounts/90001/sites/1/products/55.json") == (
        "GET /v2/accounts/{id}/sites/{id}/products/{id}.json"
    )
