"""Shared fixtures of the Sitoo emulator tests: one server per module, a fresh state per test.

``api`` talks to site 1 (``/v2/accounts/90001/sites/1``), ``account_api`` to the account
root, ``control`` to ``/__sandbox__``. The emulator's clock is frozen at ``NOW`` so dates in
answers are exact; every response of ``api`` and ``account_api`` is checked against the
OpenAPI description and a test fails if one does not conform.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from possync_sandbox.faults import FaultPlan
from possync_sandbox.server import RunningServer, running
from possync_sandbox.sitoo import SitooEmulator, SitooSettings
from possync_sandbox.sitoo.settings import DEFAULT_API_ID, DEFAULT_PASSWORD

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


def _client(server: RunningServer, root: str, **kwargs: object) -> httpx.Client:
    return httpx.Client(base_url=server.base_url + root, auth=AUTH, timeout=10, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def api(server: RunningServer) -> Iterator[httpx.Client]:
    with _client(server, SITE_ROOT) as client:
        yield client


@pytest.fixture
def account_api(server: RunningServer) -> Iterator[httpx.Client]:
    with _client(server, ACCOUNT_ROOT) as client:
        yield client


@pytest.fixture
def control(server: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url + "/__sandbox__", timeout=10) as client:
        yield client
