"""JSON-lines log output for the transport's structured records.

Transport log records carry their facts as fields (``remote``, ``method``, ``url``, ``route``,
``status``, ``attempt``, ``elapsed_ms``, ``error``); ``JsonFormatter`` writes each record as one
JSON object with those fields, after the redaction filter has already scrubbed them.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from possync.http.redact import STANDARD_ATTRS, RedactingFilter, redact_text


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message and every extra field."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in STANDARD_ATTRS})
        if record.exc_info:
            entry["exception"] = redact_text(self.formatException(record.exc_info))
        return json.dumps(entry, default=str, ensure_ascii=False)


def json_handler(stream: Any = None) -> logging.Handler:
    """A stream handler writing redacted JSON lines (the filter also guards foreign loggers)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactingFilter())
    return handler
