"""When to try a request again and how long to wait first.

``RetryPolicy`` answers both questions from an error of the tree: the server's own hint
(``Retry-After``, a rate-limit reset) comes first, otherwise capped exponential backoff with full
jitter. Time is injected (``Clock``, ``Sleep``) so tests run instantly with a frozen clock.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from possync.errors import RemoteError, RetryableError

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
RETRYABLE_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 507, 509, 520, 521, 522, 523, 524})


def monotonic_clock() -> float:
    return time.monotonic()


async def real_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


@dataclass(frozen=True)
class RetryPolicy:
    """Attempt cap, backoff curve and which answers are worth another try.

    ``retry_statuses`` decide which statuses are retryable at all: the client classifies every
    answer with them, so a status outside the set is never retried. ``unsafe_retry_statuses``
    are those on which a non-idempotent write (a create) is still retried because the server
    refused it before doing anything.
    """

    max_attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 60.0
    max_hint: float = 3600.0
    retry_statuses: frozenset[int] = RETRYABLE_STATUSES
    unsafe_retry_statuses: frozenset[int] = frozenset({429, 503})
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def should_retry(self, error: RemoteError, attempt: int, *, idempotent: bool) -> bool:
        """Another attempt after ``attempt`` (1-based) failed with ``error``?"""
        if attempt >= self.max_attempts or not isinstance(error, RetryableError):
            return False
        if idempotent:
            return True
        if error.status is None:
            return not error.maybe_applied
        return error.status in self.unsafe_retry_statuses

    def backoff(self, attempt: int) -> float:
        """Full-jitter exponential delay after ``attempt`` failures, capped."""
        ceiling = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        return self.rng.uniform(ceiling / 2, ceiling)

    def delay(self, error: RemoteError, attempt: int) -> float:
        """Seconds to wait before the next attempt: the server's hint first."""
        if error.retry_after is not None:
            return min(max(error.retry_after, 0.0), self.max_hint)
        return self.backoff(attempt)
