"""Sitoo's error answer: ``{"statuscode": <int>, "errortext": "<message>"}`` with that HTTP status.

Handlers raise ``SitooError``; the route layer renders it, batch endpoints turn it into the
failed element of the envelope, and the fault middleware borrows the same body for injected
5xx and 429 answers. Sitoo publishes no list of error texts [OPEN]; ours are plain English.
"""

from __future__ import annotations

import json
from typing import Any

REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    404: "Resource not found",
    405: "Method Not Allowed",
    409: "Item already exists",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class SitooError(Exception):
    """An error answer, raised anywhere under a handler."""

    def __init__(self, status: int, errortext: str | None = None) -> None:
        self.status = status
        self.errortext = errortext or REASONS.get(status, "Error")
        super().__init__(f"{status} {self.errortext}")

    def body(self) -> dict[str, Any]:
        return {"statuscode": self.status, "errortext": self.errortext}


def bad_request(errortext: str) -> SitooError:
    return SitooError(400, errortext)


def not_found(what: str, key: object) -> SitooError:
    return SitooError(404, f"{what} {key} not found")


def error_bytes(status: int, errortext: str | None = None) -> bytes:
    return json.dumps(SitooError(status, errortext).body(), separators=(",", ":")).encode()


def fault_error_body(status: int) -> tuple[bytes, str]:
    """The body the fault middleware sends for an injected 5xx or 429."""
    return error_bytes(status), "application/json"
