"""Shared fixtures of the Sitoo emulator tests: one server per module, a fresh state per test.

``api`` talks to site 1 (``/v2/accounts/90001/sites/1``), ``account_api`` to the account
root, ``control`` to ``/__sandbox__``, and ``receiver`` is an events (SPI) receiver the emulator is
told to POST to. The emulator's clock is frozen at ``NOW`` so dates in
answers are exact. Every answer of ``api`` and ``account_api`` is checked against the
(corrected) OpenAPI description, and a test fails if one does not conform.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from possync_sandbox.faults import FaultPlan
from possync_sandbox.server import RunningServer, running
from possync_sandbox.sitoo import SitooEmulator, SitooSettings
from possync_sandbox.sitoo.settings import DEFAULT_API_ID, DEFAULT_PASSWORD
from possync_sandbox.sitoo.store import Clock

from .openapi_check import SpecValidator
from .stock_support import Receiver

NOW = 1_764_000_000
ACCOUNT_ROOT = "/v2/accounts/90001"
SITE_ROOT = ACCOUNT_ROOT + "/sites/1"
AUTH = (DEFAULT_API_ID, DEFAULT_PASSWORD)


def fresh_settings() -> SitooSettings:
    return SitooSettings(frozen_time=NOW)


@pytest.fixture(scope="module")
def emulator() -> SitooEmulator:
    return SitooEmulator(fresh_settings())


@pytest.fixture(scope="module")
def server(emulator: SitooEmulator) -> Iterator[RunningServer]:
    with running(emulator.app) as served:
        yield served


@pytest.fixture(autouse=True)
def fresh(emulator: SitooEmulator) -> SitooEmulator:
    """Every test starts from a reset emulator with default settings and no faults."""
    emulator.settings = fresh_settings()
    emulator.store.clock.freeze(NOW)
    emulator.faults.configure(FaultPlan())
    emulator.counter.reset()
    emulator.reset()
    return emulator


@pytest.fixture(scope="session")
def spec_validator() -> SpecValidator:
    return SpecValidator()


class Conformance:
    """Collects every schema violation seen in the answers of a test's clients."""

    def __init__(self, validator: SpecValidator) -> None:
        self.validator = validator
        self.violations: list[str] = []
        self.checked = 0

    def __call__(self, response: httpx.Response) -> None:
        response.read()
        if not response.content or not response.headers.get("content-type", "").startswith(
            "application/json"
        ):
            return
        request = response.request
        narrowed = "fields" in request.url.params
        self.checked += 1
        body = response.json()
        path = request.url.path
        self.violations += self.validator.errors(request.method, path, response.status_code, body, narrowed)


@pytest.fixture
def conformance(spec_validator: SpecValidator) -> Iterator[Conformance]:
    """Fails the test if any answer of ``api``/``account_api`` broke the OpenAPI schemas."""
    checker = Conformance(spec_validator)
    yield checker
    assert checker.violations == [], "answers that do not conform to the OpenAPI description"


def _client(server: RunningServer, root: str, conformance: Conformance) -> httpx.Client:
    hooks: dict[str, list[Callable[..., Any]]] = {"response": [conformance]}
    return httpx.Client(base_url=server.base_url + root, auth=AUTH, timeout=10, event_hooks=hooks)


@pytest.fixture
def api(server: RunningServer, conformance: Conformance) -> Iterator[httpx.Client]:
    with _client(server, SITE_ROOT, conformance) as client:
        yield client


@pytest.fixture
def account_api(server: RunningServer, conformance: Conformance) -> Iterator[httpx.Client]:
    with _client(server, ACCOUNT_ROOT, conformance) as client:
        yield client


@pytest.fixture
def server_url(server: RunningServer) -> str:
    return server.base_url


@pytest.fixture
def clock(fresh: SitooEmulator) -> Clock:
    """The emulator's (frozen) clock, to move time between requests."""
    return fresh.store.clock


@pytest.fixture
def control(server: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url + "/__sandbox__", timeout=10) as client:
        yield client


@pytest.fixture
def receiver(control: httpx.Client) -> Iterator[Receiver]:
    """An events receiver on loopback, set as the emulator's receiver URL, retrying without pause."""
    found = Receiver()
    with running(found.app()) as served:
        found.url = f"{served.base_url}/events"
        control.patch("/settings", json={"event_receiver_url": found.url, "event_retry_delays": [0.0]})
        yield found
        found.released.set()


def flush_events(control: httpx.Client) -> dict[str, Any]:
    """Wait until the emulator has no event pending; answers its event log."""
    response = control.post("/events/flush")
    assert response.status_code == 200, response.text
    log: dict[str, Any] = response.json()
    return log
