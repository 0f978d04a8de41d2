"""Fault injection shared by both emulators: the fault plan and the ASGI middleware applying it.

A ``FaultPlan`` is deterministic from its seed: the n-th request meets the same fault on every
run. Scripted faults (``script``) are served first, one per request, for tests that need an
exact sequence; random faults follow the rates. Control routes never meet a fault.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections import Counter
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

FaultKind = Literal["ok", "error", "rate_limit", "timeout", "drop", "lost_response"]
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_ID_SEGMENT = re.compile(r"/\d+(?=/|\.json|$)")


class FaultPlan(BaseModel):
    """What goes wrong, how often, and for how long. All rates are per request, 0..1."""

    model_config = ConfigDict(extra="forbid")

    seed: int = 0
    latency_ms: float = Field(0.0, ge=0)
    latency_jitter_ms: float = Field(0.0, ge=0)
    error_rate: float = Field(0.0, ge=0, le=1)
    error_burst: int = Field(1, ge=1)
    error_status: int = Field(503, ge=500, le=599)
    rate_limit_rate: float = Field(0.0, ge=0, le=1)
    rate_limit_burst: int = Field(1, ge=1)
    retry_after: int = Field(1, ge=0)
    timeout_rate: float = Field(0.0, ge=0, le=1)
    timeout_seconds: float = Field(30.0, ge=0)
    drop_rate: float = Field(0.0, ge=0, le=1)
    lost_response_rate: float = Field(0.0, ge=0, le=1)
    script: list[FaultKind] = Field(default_factory=list)
    path_pattern: str | None = None


ErrorBody = Callable[[int], tuple[bytes, str]]


def default_error_body(status: int) -> tuple[bytes, str]:
    """A hosting front-end's answer: plain HTML, not the API's JSON."""
    text = "Too Many Requests" if status == 429 else "Service Unavailable"
    return f"<html><body><h1>{status} {text}</h1></body></html>".encode(), "text/html"


class FaultState:
    """The plan in force, its random stream and the burst under way."""

    def __init__(self, plan: FaultPlan | None = None) -> None:
        self.configure(plan or FaultPlan())

    def configure(self, plan: FaultPlan) -> None:
        self.plan = plan
        self._random = random.Random(plan.seed)
        self._script = list(plan.script)
        self._burst: tuple[FaultKind, int] = ("ok", 0)
        self.served: Counter[str] = Counter()

    def latency(self) -> float:
        jitter = self._random.uniform(0, self.plan.latency_jitter_ms) if self.plan.latency_jitter_ms else 0
        return (self.plan.latency_ms + jitter) / 1000

    def next_fault(self, method: str, path: str) -> FaultKind:
        """Draw the fault for this request; the draw order is what makes a plan repeatable."""
        plan = self.plan
        if plan.path_pattern and not re.search(plan.path_pattern, path):
            return "ok"
        if self._script:
            return self._script.pop(0)
        kind, left = self._burst
        if left > 0:
            self._burst = (kind, left - 1)
            return kind
        roll = self._random.random()
        for kind, rate, burst in (
            ("error", plan.error_rate, plan.error_burst),
            ("rate_limit", plan.rate_limit_rate, plan.rate_limit_burst),
            ("timeout", plan.timeout_rate, 1),
            ("drop", plan.drop_rate, 1),
            ("lost_response", plan.lost_response_rate if method in WRITE_METHODS else 0.0, 1),
        ):
            if roll < rate:
                self._burst = (kind, burst - 1)
                return kind
            roll -= rate
        return "ok"


def route_key(method: str, path: str) -> str:
    """``GET /wp-json/wc/v3/products/{id}``: the counter key for a request."""
    return f"{method} {_ID_SEGMENT.sub('/{id}', path)}"


class RequestCounter:
    """Requests per route and method, and in total, since the last reset."""

    def __init__(self) -> None:
        self.by_route: Counter[str] = Counter()

    def count(self, method: str, path: str) -> None:
        self.by_route[route_key(method, path)] += 1

    def reset(self) -> None:
        self.by_route.clear()

    def snapshot(self) -> dict[str, Any]:
        return {"total": sum(self.by_route.values()), "by_route": dict(self.by_route)}


def _abort_connection(send: Send) -> bool:
    """Cut the TCP connection under the server's feet, without a byte of answer."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None:
        return False
    transport.abort()
    return True


class FaultMiddleware:
    """Outermost middleware of an emulator: counts requests and serves the fault plan.

    It must wrap the app directly under the server so it holds the server's own ``send``
    (needed to drop a connection).
    """

    def __init__(
        self,
        app: ASGIApp,
        faults: FaultState,
        counter: RequestCounter,
        *,
        is_api: Callable[[str], bool],
        error_body: ErrorBody = default_error_body,
    ) -> None:
        self.app = app
        self.faults = faults
        self.counter = counter
        self.is_api = is_api
        self.error_body = error_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.is_api(scope["path"]):
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        self.counter.count(method, path)
        fault = self.faults.next_fault(method, path)
        self.faults.served[fault] += 1
        delay = self.faults.latency()
        if delay:
            await asyncio.sleep(delay)
        if fault == "ok":
            await self.app(scope, receive, send)
        elif fault in ("error", "rate_limit"):
            await self._refuse(send, 429 if fault == "rate_limit" else self.faults.plan.error_status)
        elif fault == "timeout":
            await asyncio.sleep(self.faults.plan.timeout_seconds)
            await self._refuse(send, 504)
        elif fault == "drop":
            await self._drop(send)
        else:
            await self._lose_response(scope, receive, send)

    async def _refuse(self, send: Send, status: int) -> None:
        body, content_type = self.error_body(status)
        headers = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]
        if status == 429:
            headers.append((b"retry-after", str(self.faults.plan.retry_after).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _drop(self, send: Send) -> None:
        if not _abort_connection(send):
            msg = "connection dropped by the fault plan"
            raise ConnectionAbortedError(msg)

    async def _lose_response(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Do the write in full, then lose the answer on the way back."""

        async def swallow(message: Message) -> None:
            return None

        await self.app(scope, receive, swallow)
        await self._drop(send)
