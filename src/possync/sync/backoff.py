"""``Backoff``: how long a failed outbox operation waits before its next try, and when it gives up.

Capped exponential: ``base``, twice that, four times ... never more than ``cap``; after
``max_attempts`` failures the operation is parked instead of retried.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Backoff:
    """Capped exponential delays between the tries of one operation."""

    base: timedelta = timedelta(seconds=30)
    cap: timedelta = timedelta(hours=1)
    max_attempts: int = 8

    def delay(self, attempts: int, retry_after: timedelta | None = None) -> timedelta:
        """The wait after the ``attempts``-th failure; a server's ``Retry-After`` hint wins when longer."""
        exponent = min(max(attempts - 1, 0), 32)
        computed = min(self.cap, self.base * (1 << exponent))
        return max(computed, retry_after) if retry_after is not None else computed

    def exhausted(self, attempts: int) -> bool:
        """Whether an operation that failed ``attempts`` times should be parked."""
        return attempts >= self.max_attempts
