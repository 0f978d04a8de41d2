"""Prometheus counters and latency histograms for every request a client makes.

Labels are the remote's name, the route with ids collapsed (``/products/{id}``,
``sites/{id}/products/{id}.json``), the method and the status (or the exception class when no
answer came). The registry is passed in so the
``/metrics`` endpoint and the tests each see exactly their own series.
"""

from __future__ import annotations

import re

from prometheus_client import CollectorRegistry, Counter, Histogram

# a whole path segment that is an id, alone or as Sitoo's ``{id}.json``
_ID_SEGMENT = re.compile(r"(?<![^/])(?:\d+|[0-9a-f]{32,}|[0-9a-f-]{36})(?=/|\.json$|$)")
_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


def route_of(path: str) -> str:
    """A path with its ids collapsed, so metrics keep a bounded set of series."""
    return _ID_SEGMENT.sub("{id}", path.split("?", 1)[0]) or "/"


class TransportMetrics:
    """The request metrics of every client sharing one registry."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.requests = Counter(
            "possync_http_requests",
            "HTTP requests sent to remotes, by outcome.",
            ("remote", "route", "method", "status"),
            registry=registry,
        )
        self.latency = Histogram(
            "possync_http_request_duration_seconds",
            "Time from sending a request to its full answer.",
            ("remote", "route", "method", "status"),
            buckets=_LATENCY_BUCKETS,
            registry=registry,
        )
        self.retries = Counter(
            "possync_http_retries",
            "Requests sent again after a retryable failure.",
            ("remote", "route", "method"),
            registry=registry,
        )
        self.budget_wait = Counter(
            "possync_http_budget_wait_seconds",
            "Seconds spent waiting for a remote's rate budget.",
            ("remote",),
            registry=registry,
        )

    def observe(self, remote: str, path: str, method: str, status: str, seconds: float) -> None:
        route = route_of(path)
        self.requests.labels(remote, route, method, status).inc()
        self.latency.labels(remote, route, method, status).observe(seconds)

    def retried(self, remote: str, path: str, method: str) -> None:
        self.retries.labels(remote, route_of(path), method).inc()

    def waited_for_budget(self, remote: str, seconds: float) -> None:
        if seconds > 0:
            self.budget_wait.labels(remote).inc(seconds)
