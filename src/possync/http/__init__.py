"""Transport shared by every remote: the only code in possync that looks at HTTP status codes.

``ApiClient`` sends, retries (``RetryPolicy``), paces (``RateBudget``), measures
(``TransportMetrics``) and logs with secrets redacted; ``classify`` sorts every answer into the
error tree of ``possync.errors``; the paginators walk every page of a list.
"""

from __future__ import annotations

from possync.http.budget import SHARED_BUDGETS, BudgetPool, RateBudget
from possync.http.classify import classify, classify_exception, error_for
from possync.http.client import ApiClient, ClientSettings, Params, decode_json
from possync.http.logs import JsonFormatter, json_handler
from possync.http.metrics import TransportMetrics, route_of
from possync.http.paginate import link_relations, pages_by_id_cursor, pages_by_number, pages_by_offset
from possync.http.redact import (
    RedactingFilter,
    basic_token,
    get_logger,
    install_redaction,
    redact_headers,
    redact_text,
    redact_url,
    register_secrets,
)
from possync.http.retry import Clock, RetryPolicy, Sleep, monotonic_clock, real_sleep

__all__ = [
    "SHARED_BUDGETS",
    "ApiClient",
    "BudgetPool",
    "ClientSettings",
    "Clock",
    "JsonFormatter",
    "Params",
    "RateBudget",
    "RedactingFilter",
    "RetryPolicy",
    "Sleep",
    "TransportMetrics",
    "basic_token",
    "classify",
    "classify_exception",
    "decode_json",
    "error_for",
    "get_logger",
    "install_redaction",
    "json_handler",
    "link_relations",
    "monotonic_clock",
    "pages_by_id_cursor",
    "pages_by_number",
    "pages_by_offset",
    "real_sleep",
    "redact_headers",
    "redact_text",
    "redact_url",
    "register_secrets",
    "route_of",
]
