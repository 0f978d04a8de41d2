"""Fixtures for the Sitoo client tests: the Sitoo emulator on loopback and a client with fake time.

``FakeTime`` is the client's clock and sleeper; every sleep moves the emulator's clock by the
same amount, so rate-limit windows and ``Retry-After`` waits pass instantly and exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from prometheus_client import CollectorRegistry
from sitoo_client_helpers import ClientFactory, FakeTime

from possync.http.metrics import TransportMetrics
from possync.http.retry import RetryPolicy
from possync.sitoo import SitooClient, SitooConfig
from possync_sandbox.server import running
from possync_sandbox.sitoo import SitooEmulator, SitooSettings


@pytest.fixture
def emulator() -> SitooEmulator:
    return SitooEmulator(SitooSettings())


@pytest.fixture
def base_url(emulator: SitooEmulator) -> Iterator[str]:
    with running(emulator.app) as server:
        yield server.base_url


@pytest.fixture
def fake_time(emulator: SitooEmulator) -> FakeTime:
    return FakeTime(emulator)


@pytest.fixture
def registry() -> CollectorRegistry:
    return CollectorRegistry()


@pytest.fixture
def make_client(base_url: str, fake_time: FakeTime, registry: CollectorRegistry) -> ClientFactory:
    metrics = TransportMetrics(registry)

    def make(*, max_attempts: int = 4, password: str = "sandbox-secret", **config: Any) -> SitooClient:
        settings = SitooConfig(
            base_url=f"{base_url}/v2/accounts/90001", api_id="90001-1", password=password, **config
        )
        retry = RetryPolicy(max_attempts=max_attempts)
        return SitooClient(
            settings, retry=retry, sleep=fake_time.sleep, clock=fake_time.clock, metrics=metrics
        )

    return make


@pytest.fixture
def answered(registry: CollectorRegistry) -> Callable[[str], float]:
    """How many answers with a given status (or exception name) the clients received."""

    def count(status: str) -> float:
        return sum(
            sample.value
            for metric in registry.collect()
            for sample in metric.samples
            if sample.name == "possync_http_requests_total" and sample.labels.get("status") == status
        )

    return count
