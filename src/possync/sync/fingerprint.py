"""Fingerprints: a stable hash of the canonical JSON of what was written to a remote.

Two payloads that mean the same thing (keys in another order, ``1.0`` against ``1``, a tuple
against a list, ``Decimal("9.50")`` against ``Decimal("9.5")``) get the same fingerprint, so an
unchanged record is never written again and a write possync made is recognised when it comes back.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any


def canonical(value: Any) -> Any:
    """``value`` reduced to plain JSON types in a single spelling."""
    if isinstance(value, dict):
        return {str(key): canonical(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((canonical(item) for item in value), key=canonical_json)
    return _scalar(value)


def canonical_json(value: Any) -> str:
    """The canonical JSON text of ``value``: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(canonical(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def fingerprint(payload: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``payload``."""
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def _scalar(value: Any) -> Any:
    if isinstance(value, Enum):
        return canonical(value.value)
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot fingerprint a {type(value).__name__}: {value!r}")


def _decimal(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)
