"""The request budget of one remote host, shared by every resource of its client.

``RateBudget`` learns the limit, what is left and when the window resets from the response
headers (``X-Rate-Limit-*``, ``RateLimit-*``, ``X-RateLimit-*``); a 429 empties it until the
reset. Before each request ``acquire`` waits while only the headroom kept for other apps on the
same account is left.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from possync.http.retry import Clock, Sleep, monotonic_clock, real_sleep

_PREFIXES = ("x-rate-limit-", "x-ratelimit-", "ratelimit-")
EPOCH_THRESHOLD = 3600.0


def _header(headers: Mapping[str, str], name: str) -> float | None:
    for prefix in _PREFIXES:
        raw = headers.get(prefix + name)
        if raw is not None:
            try:
                return float(raw.strip())
            except ValueError:
                return None
    return None


def reset_delay(raw: float, wall_now: float) -> float:
    """A reset header in seconds: small values are a delay, large ones an epoch time."""
    return raw if raw <= EPOCH_THRESHOLD else max(raw - wall_now, 0.0)


@dataclass
class RateBudget:
    """What is left of the remote's allowance; ``None`` means not (yet) known."""

    headroom: float = 0.1
    default_pause: float = 1.0
    clock: Clock = monotonic_clock
    wall: Clock = time.time
    sleep: Sleep = real_sleep
    limit: int | None = None
    remaining: int | None = None
    reset_at: float | None = None
    waited: float = field(default=0.0)
    in_flight: int = field(default=0)

    @property
    def reserved(self) -> int:
        """Requests left untouched for other apps using the same account."""
        return math.ceil(self.limit * self.headroom) if self.limit else 0

    def _refill_if_reset(self) -> None:
        if self.reset_at is not None and self.clock() >= self.reset_at:
            self.reset_at = None
            self.remaining = self.limit

    def wait_time(self) -> float:
        """Seconds until a request may be sent (0 when it may go now)."""
        self._refill_if_reset()
        if self.remaining is None or self.remaining > self.reserved:
            return 0.0
        if self.reset_at is None:
            return self.default_pause
        return max(self.reset_at - self.clock(), 0.0)

    async def acquire(self) -> float:
        """Wait until the budget allows one more request, then count it; the seconds waited."""
        waited = 0.0
        while (wait := self.wait_time()) > 0:
            waited += wait
            await self.sleep(wait)
            if self.reset_at is None and self.remaining is not None and self.remaining <= self.reserved:
                self.remaining = self.limit
        if self.remaining is not None:
            self.remaining -= 1
        self.in_flight += 1
        self.waited += waited
        return waited

    def settle(self, headers: Mapping[str, str] | None) -> None:
        """One request came back (``headers`` of its answer, ``None`` when none came)."""
        self.in_flight = max(self.in_flight - 1, 0)
        if headers is not None:
            self.update(headers)

    def update(self, headers: Mapping[str, str]) -> None:
        """Take the server's own account of the budget from a response's headers."""
        lowered = {k.lower(): v for k, v in headers.items()}
        limit, remaining, reset = (_header(lowered, n) for n in ("limit", "remaining", "reset"))
        if limit is not None:
            self.limit = int(limit)
        if remaining is not None:
            self.remaining = self._fresher(int(remaining))
        if reset is not None:
            self.reset_at = self.clock() + reset_delay(reset, self.wall())

    def _fresher(self, reported: int) -> int:
        """Within a window the lower count wins: answers to earlier requests arrive stale.

        Requests still in flight are not in the server's count yet, so they are taken off.
        """
        reported -= self.in_flight
        in_window = self.reset_at is not None and self.clock() < self.reset_at
        return min(reported, self.remaining) if in_window and self.remaining is not None else reported

    def exhaust(self, retry_after: float | None) -> None:
        """A 429: nothing is left until the server's reset (or a short default pause)."""
        pause = retry_after if retry_after is not None else self.default_pause
        self.remaining = 0
        self.reset_at = max(self.reset_at or 0.0, self.clock() + pause)


class BudgetPool:
    """One ``RateBudget`` per remote host, handed to every client that talks to that host."""

    def __init__(
        self, headroom: float = 0.1, clock: Clock = monotonic_clock, sleep: Sleep = real_sleep
    ) -> None:
        self.headroom, self.clock, self.sleep = headroom, clock, sleep
        self._budgets: dict[str, RateBudget] = {}

    def for_host(self, host: str) -> RateBudget:
        key = host.lower()
        if key not in self._budgets:
            self._budgets[key] = RateBudget(headroom=self.headroom, clock=self.clock, sleep=self.sleep)
        return self._budgets[key]
