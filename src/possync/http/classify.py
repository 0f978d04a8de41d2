"""The one place that turns a response (or a failed exchange) into the error tree.

``classify`` reads the status, the remote's own error body (WooCommerce ``code``/``message``,
Sitoo ``statuscode``/``errortext``, or an HTML page from a proxy) and the server's wait hint.
``error_for`` is the same decision for a status that did not come as a whole response, such as
one item of a batch answer.
"""

from __future__ import annotations

import email.utils
import json
import re
import time
from typing import Any

import httpx

from possync.errors import FatalError, RemoteError, RequestInfo, RetryableError, SkippableError
from possync.http.budget import reset_delay
from possync.http.redact import redact_text, redact_url
from possync.http.retry import RETRYABLE_STATUSES

RECORD_STATUSES = frozenset({400, 404, 409, 410, 412, 422})
INFRASTRUCTURE_CODES = frozenset({"internal_server_error", "http_request_failed"})
ROUTE_CODES = frozenset({"rest_no_route", "rest_invalid_param", "rest_missing_callback_param"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def _error_class(status: int, code: str | None, method: str, retryable: frozenset[int]) -> type[RemoteError]:
    if status == 500 and code and not code.isdigit() and code not in INFRASTRUCTURE_CODES:
        return SkippableError  # the application refused this record on purpose (a refund, a delete)
    if status in retryable:
        return RetryableError
    if status in RECORD_STATUSES and code not in ROUTE_CODES and (method != "GET" or status in (404, 410)):
        return SkippableError
    return FatalError


def error_for(
    status: int,
    request: RequestInfo,
    *,
    code: str | None = None,
    message: str | None = None,
    data: Any = None,
    retry_after: float | None = None,
    retryable: frozenset[int] = RETRYABLE_STATUSES,
) -> RemoteError:
    """The error for ``status`` on ``request``, keeping the remote's code and message.

    ``retryable`` are the statuses worth another try: the ``RetryPolicy``'s ``retry_statuses``.
    """
    cls = _error_class(status, code, request.method, retryable)
    text = redact_text(message or httpx.codes.get_reason_phrase(status) or f"HTTP {status}")
    return cls(text, request=request, status=status, code=code, data=data, retry_after=retry_after)


def _body(response: httpx.Response) -> tuple[str | None, str | None, Any]:
    """The remote's code, message and data, whatever the body's shape."""
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        text = _SPACES.sub(" ", _TAGS.sub(" ", response.text)).strip()
        return None, text[:200] or None, None
    if isinstance(body, dict):
        if "code" in body or "message" in body:
            return _str(body.get("code")), _str(body.get("message")), body.get("data")
        if "statuscode" in body or "errortext" in body:
            return _str(body.get("statuscode")), _str(body.get("errortext")), None
    return None, None, body


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def retry_after(response: httpx.Response, wall_now: float | None = None) -> float | None:
    """The server's own wait hint: ``Retry-After`` (seconds or a date), then a rate-limit reset."""
    now = time.time() if wall_now is None else wall_now
    raw = response.headers.get("retry-after") or response.headers.get("ratelimit-retry-after")
    if raw:
        raw = raw.strip()
        if raw.replace(".", "", 1).isdigit():
            return float(raw)
        try:
            return max(email.utils.parsedate_to_datetime(raw).timestamp() - now, 0.0)
        except (TypeError, ValueError):
            pass
    for name in ("x-rate-limit-reset", "x-ratelimit-reset", "ratelimit-reset"):
        reset = response.headers.get(name)
        if reset and response.status_code == 429:
            try:
                return reset_delay(float(reset), now)
            except ValueError:
                return None
    return None


def classify(
    response: httpx.Response, request: RequestInfo, retryable: frozenset[int] = RETRYABLE_STATUSES
) -> RemoteError | None:
    """``None`` for a success, otherwise the error this response stands for (see ``error_for``)."""
    if response.status_code in REDIRECTS:
        where = redact_url(response.headers.get("location", "?"))
        moved = f"the remote redirects to {where}: configure that URL instead"
        return FatalError(moved, request=request, status=response.status_code)
    if response.status_code < 400:
        return None
    code, message, data = _body(response)
    return error_for(
        response.status_code,
        request,
        code=code,
        message=message,
        data=data,
        retry_after=retry_after(response),
        retryable=retryable,
    )


def classify_exception(exc: httpx.HTTPError, request: RequestInfo) -> RemoteError:
    """A transport failure: never sent (safe to resend) or sent with the answer lost."""
    sent = not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
    maybe_applied = sent and request.method not in SAFE_METHODS
    if isinstance(exc, httpx.TransportError):
        what = type(exc).__name__
        detail = f"{what}: {exc}" if str(exc) else what
        return RetryableError(
            f"no answer from the remote ({detail})", request=request, maybe_applied=maybe_applied
        )
    return FatalError(f"HTTP client error: {exc}", request=request)
