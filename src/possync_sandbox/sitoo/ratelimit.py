"""Rate limiting: a token bucket per account, refilled evenly over the configured window.

Sitoo documents 429 on every endpoint but not the limit, the window or the headers [OPEN];
the header names and the meaning of the reset header are settings. Every ``/v2`` answer
carries the headers; an empty bucket answers 429 with ``Retry-After`` and Sitoo's error body.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from possync_sandbox.sitoo.settings import SitooSettings
from possync_sandbox.sitoo.store import Clock


@dataclass
class Bucket:
    tokens: float
    stamp: float


@dataclass(frozen=True)
class Verdict:
    """The outcome of taking one token: allowed or not, and the headers to send."""

    allowed: bool
    headers: list[tuple[str, str]]
    retry_after: int


class RateLimiter:
    """Buckets by account, on the store's clock so tests can move time."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.buckets: dict[int, Bucket] = {}

    def reset(self) -> None:
        self.buckets.clear()

    def take(self, accountid: int, settings: SitooSettings) -> Verdict:
        limit = settings.rate_limit_requests
        if limit <= 0:
            return Verdict(True, [], 0)
        rate = limit / settings.rate_limit_window_seconds
        now = self.clock.time()
        bucket = self.buckets.setdefault(accountid, Bucket(float(limit), now))
        bucket.tokens = min(float(limit), bucket.tokens + (now - bucket.stamp) * rate)
        bucket.stamp = now
        allowed = bucket.tokens >= 1
        if allowed:
            bucket.tokens -= 1
        retry_after = 0 if allowed else max(1, math.ceil((1 - bucket.tokens) / rate))
        full_in = math.ceil((limit - bucket.tokens) / rate)
        return Verdict(allowed, self._headers(settings, int(bucket.tokens), full_in, now), retry_after)

    @staticmethod
    def _headers(settings: SitooSettings, remaining: int, full_in: int, now: float) -> list[tuple[str, str]]:
        if not settings.rate_limit_headers:
            return []
        reset = int(now) + full_in if settings.rate_limit_reset_epoch else full_in
        return [
            (settings.rate_limit_header_limit, str(settings.rate_limit_requests)),
            (settings.rate_limit_header_remaining, str(remaining)),
            (settings.rate_limit_header_reset, str(reset)),
        ]
