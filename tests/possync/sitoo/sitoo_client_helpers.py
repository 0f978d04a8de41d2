"""Helpers of the Sitoo client tests: fake time shared by the client and the emulator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from possync.sitoo import SitooClient
from possync_sandbox.sitoo import SitooEmulator

ClientFactory = Callable[..., SitooClient]


class FakeTime:
    """A monotonic clock that only moves when the client sleeps, dragging the emulator along."""

    def __init__(self, emulator: SitooEmulator) -> None:
        self.emulator = emulator
        self.now = 1000.0
        self.sleeps: list[float] = []
        emulator.store.clock.freeze()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        self.emulator.store.clock.advance(seconds)


def stored_rows(emulator: SitooEmulator, table: str) -> list[dict[str, Any]]:
    """The rows of one table as the emulator holds them (what a merchant would see in Sitoo).

    Account-level tables (orders) come first, then those of site 1.
    """
    (account,) = emulator.state()["accounts"]
    site = next(s for s in account["sites"] if s["eshopid"] == 1)
    found = account["tables"].get(table) or site["tables"].get(table) or {}
    rows: list[dict[str, Any]] = found.get("rows", [])
    return rows
