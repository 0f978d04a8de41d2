"""Sitoo's wire types: money, decimal quantities and Unix-second dates as Python values.

Sitoo sends money as strings with exactly two decimals (``"123.50"``), quantities as strings
with three (``"5.000"``) and dates as Unix seconds. These annotated types read those forms (and
the JSON numbers clients and servers send by mistake) into exact ``Decimal`` and aware
``datetime`` values, and write them back in Sitoo's form without ever rounding silently.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer

MONEY_PLACES = 2
QUANTITY_PLACES = 3


def to_decimal(value: Any) -> Decimal | None:
    """An exact ``Decimal`` from a string, int or float; ``None`` for null or an empty string."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        msg = f"expected a number, got a boolean {value!r}"
        raise ValueError(msg)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | float | str):
        try:
            # A float goes through its shortest repr, so 0.1 stays 0.1 and not 0.1000000000000000055.
            result = Decimal(str(value).strip().replace(",", ".") if isinstance(value, str) else repr(value))
        except InvalidOperation as exc:
            msg = f"not a decimal number: {value!r}"
            raise ValueError(msg) from exc
    else:
        msg = f"expected a decimal number, got {type(value).__name__}"
        raise ValueError(msg)
    if not result.is_finite():
        msg = f"not a finite number: {value!r}"
        raise ValueError(msg)
    return result


def format_fixed(value: Decimal, places: int) -> str:
    """``value`` with exactly ``places`` decimals; refuses a value that would need rounding."""
    quantum = Decimal(1).scaleb(-places)
    fixed = value.quantize(quantum)
    if fixed != value:
        msg = f"{value} has more than {places} decimals; round it before sending it to Sitoo"
        raise ValueError(msg)
    return f"{fixed:.{places}f}"


def format_money(value: Decimal) -> str:
    """Sitoo money: a string with exactly two decimals."""
    return format_fixed(value, MONEY_PLACES)


def format_quantity(value: Decimal) -> str:
    """Sitoo decimal: a string with exactly three decimals."""
    return format_fixed(value, QUANTITY_PLACES)


def to_datetime(value: Any) -> datetime | None:
    """An aware UTC ``datetime`` from Unix seconds (int, float or digit string); ``None`` for null."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, bool):
        msg = f"expected Unix seconds, got a boolean {value!r}"
        raise ValueError(msg)
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, UTC)
    if isinstance(value, str):
        try:
            return datetime.fromtimestamp(float(value), UTC)
        except ValueError as exc:
            msg = f"expected Unix seconds, got {value!r}"
            raise ValueError(msg) from exc
    msg = f"expected Unix seconds, got {type(value).__name__}"
    raise ValueError(msg)


def unix_seconds(value: datetime) -> int:
    """Unix seconds of an aware (or UTC-naive) ``datetime``."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return int(aware.timestamp())


_UNLESS_NONE = "unless-none"

Money = Annotated[
    Decimal | None,
    BeforeValidator(to_decimal),
    PlainSerializer(format_money, return_type=str, when_used=_UNLESS_NONE),
]
"""Sitoo money (``"123.50"``) as an exact ``Decimal``; null and ``""`` read as ``None``."""
Quantity = Annotated[
    Decimal | None,
    BeforeValidator(to_decimal),
    PlainSerializer(format_quantity, return_type=str, when_used=_UNLESS_NONE),
]
"""Sitoo decimal (``"5.000"``) as an exact ``Decimal``; null and ``""`` read as ``None``."""
Timestamp = Annotated[
    datetime | None,
    BeforeValidator(to_datetime),
    PlainSerializer(unix_seconds, return_type=int, when_used=_UNLESS_NONE),
]
"""A Sitoo date (Unix seconds) as an aware UTC ``datetime``; null reads as ``None``."""
