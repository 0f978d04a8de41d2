"""Doubles for transport tests: a frozen clock, a sleeper that records and advances it, a wire log.

Injected into ``ApiClient``, ``RetryPolicy`` waits and ``RateBudget`` pauses become instant and
exact, so a test can assert on every wait the client decided on. ``WireLog`` logs every request
with its headers, as someone debugging would, and keeps the credentials that went over the wire,
so a test can assert that none of them reached a log line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import quote, unquote

import httpx

from possync.http.redact import SECRET_NAMES, get_logger

_AUTH_PARAM = re.compile(r'([\w.-]+)="([^"]*)"')


class FrozenClock:
    """Time stands still unless a test (or the sleeper) moves it."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


class RecordingSleeper:
    """Records every wait and moves the frozen clock by it; never really sleeps."""

    def __init__(self, clock: FrozenClock, on_sleep: Callable[[float], None] | None = None) -> None:
        self.clock = clock
        self.calls: list[float] = []
        self.on_sleep = on_sleep

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        self.clock.now += seconds
        if self.on_sleep:
            self.on_sleep(seconds)


def credentials_of(request: httpx.Request) -> Iterator[str]:
    """What a request carries that must stay secret, decoded and as percent-encoded on the wire.

    The credential of its ``Authorization`` header (a Basic or Bearer token, or the secret
    parameters of an OAuth header) and the values of secret query parameters.
    """
    params = list(request.url.params.multi_items())
    scheme, _, credential = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "oauth":
        params += [(k, unquote(v)) for k, v in _AUTH_PARAM.findall(credential)]
    elif credential:
        params.append(("authorization", credential))
    for name, value in params:
        if name.lower() in SECRET_NAMES:
            yield from {value, quote(value, safe="")}


class WireLog:
    """An httpx request hook: logs each request with its headers and keeps its credentials."""

    def __init__(self, logger: str = "possync.http.wire") -> None:
        self.log = get_logger(logger)
        self.credentials: set[str] = set()

    async def __call__(self, request: httpx.Request) -> None:
        self.log.debug("sending %s %s headers=%s", request.method, request.url, dict(request.headers))
        self.credentials.update(credentials_of(request))

    def attach(self, client: httpx.AsyncClient) -> None:
        client.event_hooks = {**client.event_hooks, "request": [*client.event_hooks["request"], self]}
