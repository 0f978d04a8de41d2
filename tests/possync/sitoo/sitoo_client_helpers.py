"""Helpers of the Sitoo client tests: fake time shared by the client and the emulator."""

from __future__ import annotations

from collections.abc import Callable

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
