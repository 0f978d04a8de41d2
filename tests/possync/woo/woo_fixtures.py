"""Helpers shared by the WooClient tests: an emulated shop on loopback and a client for it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from possync.http import RetryPolicy
from possync.http.testing import FrozenClock, RecordingSleeper
from possync.woo import WooClient, WooConfig
from possync_sandbox.server import running
from possync_sandbox.woocommerce import SANDBOX_KEY, WooEmulator, WooSettings

CK, CS = SANDBOX_KEY.consumer_key, SANDBOX_KEY.consumer_secret


@dataclass
class Shop:
    emulator: WooEmulator
    base_url: str

    def client(self, sleeper: RecordingSleeper | None = None, **config: Any) -> WooClient:
        clock = sleeper.clock if sleeper else FrozenClock()
        return WooClient(
            WooConfig(url=self.base_url, consumer_key=CK, consumer_secret=CS, **config),
            retry=RetryPolicy(max_attempts=4, base_delay=0.5, max_delay=4.0),
            clock=clock,
            sleep=sleeper or RecordingSleeper(clock),
        )

    def state(self) -> dict[str, Any]:
        return self.emulator.state()

    def skus(self) -> list[str]:
        return sorted(p["sku"] for p in self.state()["products"] if p.get("sku"))


@contextmanager
def shop(**settings: Any) -> Iterator[Shop]:
    emulator = WooEmulator(WooSettings(**settings))
    with running(emulator.app) as server:
        yield Shop(emulator, server.base_url)
