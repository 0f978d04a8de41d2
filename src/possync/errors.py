"""The error tree every possync layer raises and catches.

A ``RemoteError`` is what a remote (a shop, a POS) answered or failed to answer, sorted into
three kinds the engine acts on: retry later (``RetryableError``), stop (``FatalError``) or park
this one record and go on (``SkippableError``). Each carries the remote's own code and message,
the HTTP status and the request (method and URL with every secret already redacted).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RequestInfo:
    """The request an error is about: method and a URL that is safe to log."""

    method: str
    url: str
    remote: str = ""

    def __str__(self) -> str:
        prefix = f"[{self.remote}] " if self.remote else ""
        return f"{prefix}{self.method} {self.url}"


class PossyncError(Exception):
    """Root of every error possync raises on purpose."""


class ConfigurationError(PossyncError):
    """The configuration cannot work (wrong URL form, missing keys); a person must act."""


class MappingError(PossyncError):
    """A record cannot be mapped yet, e.g. its parent category is not bound; the operation waits."""


class PayloadError(PossyncError):
    """A remote's payload cannot be understood; names the record it came from."""

    def __init__(self, record: str, reason: str) -> None:
        super().__init__(f"{record}: {reason}")
        self.record = record
        self.reason = reason


class RemoteError(PossyncError):
    """A remote refused or failed a request."""

    kind = "remote"

    def __init__(
        self,
        message: str,
        *,
        request: RequestInfo | None = None,
        status: int | None = None,
        code: str | None = None,
        data: Any = None,
        retry_after: float | None = None,
        maybe_applied: bool = False,
    ) -> None:
        self.message = message
        self.request = request
        self.status = status
        self.code = code
        self.data = data
        self.retry_after = retry_after
        self.maybe_applied = maybe_applied
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [self.message]
        if self.code:
            parts.append(f"code={self.code}")
        if self.status is not None:
            parts.append(f"status={self.status}")
        if self.maybe_applied:
            parts.append("the write may have been applied")
        if self.request is not None:
            parts.append(f"request: {self.request}")
        return "; ".join(parts)


class RetryableError(RemoteError):
    """Worth trying again later: rate limits, 5xx, timeouts, dropped connections."""

    kind = "retryable"


class FatalError(RemoteError):
    """Retrying will not help and other records will fail the same way: auth, a bad request."""

    kind = "fatal"


class SkippableError(RemoteError):
    """This one record was refused (a duplicate SKU, an unknown id); park it and go on."""

    kind = "skippable"
