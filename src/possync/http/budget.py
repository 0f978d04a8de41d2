"""The request budget of one rate scope (a host, a Sitoo account), shared by the clients of it.

``RateBudget`` learns the limit, what is left and when the window resets from the response
headers (``X-Rate-Limit-*``, ``RateLimit-*``, ``X-RateLimit-*``); a 429 empties it until the
reset. ``acquire`` waits while only the headroom kept for other apps on the same account is left,
lets a single request out until the first answer (so a client starting on a spent account meets
one 429, not one per request in flight), and when the budget looks spent awaits the answers still
out before it trusts a reset time. ``BudgetPool`` gives the open clients of one scope the same
budget; ``SHARED_BUDGETS`` is the process's pool, used unless told otherwise.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import Counter
from collections.abc import Callable, Mapping
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
    answered: bool = field(default=False)
    """Whether any answer came back yet (until then a single request probes the budget)."""
    _settled: asyncio.Event = field(default_factory=asyncio.Event, repr=False)

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
        while True:
            if self._answers_decide():
                await self._next_answer()
            elif (wait := self.wait_time()) > 0:
                waited += wait
                await self.sleep(wait)
                self._after_pause()
            else:
                break
        if self.remaining is not None:
            self.remaining -= 1
        self.in_flight += 1
        self.waited += waited
        return waited

    def _answers_decide(self) -> bool:
        """Requests are out and their answers will tell more than is known now: the first answer
        (nothing is known yet), or fresher headers when the budget looks spent."""
        return self.in_flight > 0 and (not self.answered or self.wait_time() > 0)

    async def _next_answer(self) -> None:
        self._settled.clear()
        await self._settled.wait()

    def _after_pause(self) -> None:
        """A pause without a known reset is taken as the start of a new window."""
        if self.reset_at is None and self.remaining is not None and self.remaining <= self.reserved:
            self.remaining = self.limit

    def settle(self, headers: Mapping[str, str] | None) -> None:
        """One request came back (``headers`` of its answer, ``None`` when none came)."""
        self.in_flight = max(self.in_flight - 1, 0)
        if headers is not None:
            self.update(headers)
        self._settled.set()

    def update(self, headers: Mapping[str, str]) -> None:
        """Take the server's own account of the budget from a response's headers."""
        self.answered = True
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
    """One ``RateBudget`` per rate scope, shared by every open client of that scope.

    The first client to hold a scope makes its budget (its headroom and clock hold for all); the
    budget is dropped when the last holder releases it, so a scope met again later (the next run,
    a loopback port reused) starts from what its first answer tells.
    """

    def __init__(self) -> None:
        self._budgets: dict[str, RateBudget] = {}
        self._holders: Counter[str] = Counter()

    def hold(self, scope: str, make: Callable[[], RateBudget]) -> RateBudget:
        """The scope's budget, made by ``make`` if no open client holds it yet."""
        if scope not in self._budgets:
            self._budgets[scope] = make()
        self._holders[scope] += 1
        return self._budgets[scope]

    def release(self, scope: str) -> None:
        """One holder of ``scope`` closed; the last one drops the budget."""
        self._holders[scope] -= 1
        if self._holders[scope] <= 0:
            del self._holders[scope]
            self._budgets.pop(scope, None)

    def __len__(self) -> int:
        return len(self._budgets)


SHARED_BUDGETS = BudgetPool()
"""The process's pool: clients of one host (or one Sitoo account) share a budget by default."""
