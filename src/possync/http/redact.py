"""Secret redaction for URLs, headers and log records.

Two nets: known secret values registered by the clients that hold them (replaced wherever they
appear, Basic tokens included), and patterns for things that are secret by name
(``consumer_secret=``, ``oauth_signature``, the value of an ``Authorization`` header, Basic, Bearer
or OAuth, as a header line, a dict, JSON or raw header tuples; WooCommerce key shapes).
``RedactingFilter`` applies both to every log record of the loggers it is installed on, including
httpx's own request log.
"""

from __future__ import annotations

import base64
import logging
import re
import threading
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MASK = "***"
SECRET_NAMES = frozenset(
    {
        "consumer_key",
        "consumer_secret",
        "oauth_signature",
        "oauth_consumer_key",
        "oauth_nonce",
        "password",
        "secret",
        "api_key",
        "apikey",
        "token",
        "access_token",
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
    }
)
_QUOTES = r"[\"'\\]*"  # around a name or value: none, ', ", or JSON-escaped \"
# "Authorization" as a header line, a dict or JSON key, a bytes tuple or name=value, up to its scheme
_AUTH_KEY = r"(?i)(?P<k>(?:proxy-)?authorization" + _QUOTES + r"\s*[:=,]\s*b?" + _QUOTES + r"\s*"
_TOKEN68 = r"[\w.~+/-]+=*"
_OAUTH_PARAM = r"[\w.%-]+=(?:\\?\"[^\"\\\n]*\\?\"|[^\s,\"'\\]*)"
_PATTERNS = (
    # name=value pairs in query strings, form bodies, dicts, JSON and free text
    re.compile(
        r"(?i)(?P<k>(?:consumer_key|consumer_secret|oauth_signature|oauth_consumer_key|oauth_nonce|"
        r"password|api_?key|access_token|secret)(?:%3D|" + _QUOTES + r"\s*[:=]\s*" + _QUOTES + r"))"
        r"(?P<v>[^&\s\",;'\\]+)"
    ),
    # Authorization: Basic xxx / Bearer xxx, in any of the forms above
    re.compile(_AUTH_KEY + r"(?:basic|bearer)\s+)(?P<v>" + _TOKEN68 + ")"),
    # Authorization: OAuth k="v", ... (every parameter, quotes escaped or not)
    re.compile(_AUTH_KEY + r"oauth\s+)(?P<v>" + _OAUTH_PARAM + r"(?:\s*,\s*" + _OAUTH_PARAM + ")*)"),
    # OAuth header parameters met on their own
    re.compile(r"(?i)(?P<k>oauth_(?:signature|consumer_key|nonce)=\\?\")(?P<v>[^\"\\]+)"),
    # WooCommerce key shapes
    re.compile(r"(?P<k>\b)(?P<v>c[ks]_[0-9a-f]{40}\b)"),
)


class _SecretRegistry:
    """Secret values known to this process, longest first so overlaps redact fully."""

    def __init__(self) -> None:
        self._values: set[str] = set()
        self._lock = threading.Lock()
        self._ordered: tuple[str, ...] = ()

    def add(self, values: Iterable[str | None]) -> None:
        with self._lock:
            self._values.update(v for v in values if v and len(v) >= 4)
            self._ordered = tuple(sorted(self._values, key=len, reverse=True))

    def values(self) -> tuple[str, ...]:
        return self._ordered


_registry = _SecretRegistry()


def register_secrets(*values: str | None) -> None:
    """Make sure these values never reach a log line, whatever carries them."""
    _registry.add(values)


def basic_token(username: str, password: str) -> str:
    """The base64 credential of an HTTP Basic ``Authorization`` header: as secret as the password."""
    return base64.b64encode(f"{username}:{password}".encode()).decode()


def redact_text(text: str) -> str:
    """Replace every known secret value and every secret-by-name pattern in ``text``."""
    for value in _registry.values():
        if value in text:
            text = text.replace(value, MASK)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: f"{m.group('k')}{MASK}", text)
    return text


def redact_url(url: str) -> str:
    """The URL with credentials in the userinfo and secret query parameters masked."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1] if "@" in parts.netloc else parts.netloc
    query = [(k, MASK if k.lower() in SECRET_NAMES else v) for k, v in parse_qsl(parts.query, True)]
    safe = urlunsplit((parts.scheme, netloc, parts.path, urlencode(query, safe="[],*"), parts.fragment))
    return redact_text(safe)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers with secret-bearing ones masked."""
    return {k: MASK if k.lower() in SECRET_NAMES else redact_text(v) for k, v in headers.items()}


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, Mapping):
        return {k: MASK if str(k).lower() in SECRET_NAMES else _scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_scrub(v) for v in value)
    return value


STANDARD_ATTRS = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class RedactingFilter(logging.Filter):
    """Rewrites a record so that its message, arguments and extra fields hold no secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact_text(record.getMessage())
        record.args = None
        for key, value in list(record.__dict__.items()):
            if key not in STANDARD_ATTRS:
                setattr(record, key, _scrub(value))
        return True


_FILTER = RedactingFilter()
REDACTED_LOGGERS = (
    "possync",
    "httpx",
    "httpcore",
    "httpcore.http11",
    "httpcore.connection",
    "httpcore.proxy",
)


def install_redaction(*names: str) -> None:
    """Attach the redaction filter to these loggers (logger filters do not cover children)."""
    for name in names or REDACTED_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


def get_logger(name: str) -> logging.Logger:
    """A possync logger with the redaction filter attached."""
    install_redaction(name)
    return logging.getLogger(name)
