"""Time doubles for transport tests: a frozen clock and a sleeper that records and advances it.

Injected into ``ApiClient``, ``RetryPolicy`` waits and ``RateBudget`` pauses become instant and
exact, so a test can assert on every wait the client decided on.
"""

from __future__ import annotations

from collections.abc import Callable


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
