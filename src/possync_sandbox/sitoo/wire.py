"""Sitoo's wire types: money as 2-decimal strings, quantities as 3-decimal strings, Unix seconds.

Coercers turn what a client sent into the stored wire form, accepting numbers where a string
is due (clients send them by mistake [INF]) and raising a 400 ``SitooError`` otherwise.
Records are stored in wire form, so rendering and persistence need no conversion.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextvars import ContextVar
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from possync_sandbox.sitoo.errors import bad_request

Coercer = Callable[[Any, str], Any]
CENT = Decimal("0.01")
MILLI = Decimal("0.001")
LIMIT = Decimal(10) ** 15
"""Amounts and quantities at or above this are refused (fixed-point columns have a width)."""
_ROUNDING = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN}


def _invalid(name: str) -> Exception:
    return bad_request(f"Invalid value for field {name}")


def to_decimal(value: Any, name: str = "value") -> Decimal:
    """A number sent as a string, int, float or Decimal."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise _invalid(name)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise _invalid(name) from None
    if not number.is_finite() or abs(number) >= LIMIT:
        raise _invalid(name)
    return number


def money_text(value: Decimal, rounding: str = "half_up") -> str:
    return f"{value.quantize(CENT, rounding=_ROUNDING[rounding]):.2f}"


def quantity_text(value: Decimal) -> str:
    return f"{value.quantize(MILLI, rounding=ROUND_HALF_UP):.3f}"


numeric_money_accepted: ContextVar[bool] = ContextVar("numeric_money_accepted", default=True)
"""Whether this request may send money as a JSON number (set per request from the settings)."""


def money(value: Any, name: str = "value") -> str:
    if isinstance(value, int | float) and not isinstance(value, bool) and not numeric_money_accepted.get():
        raise _invalid(name)
    return money_text(to_decimal(value, name))


def quantity(value: Any, name: str = "value") -> str:
    return quantity_text(to_decimal(value, name))


def number(value: Any, name: str = "value") -> int | float:
    """A plain JSON number (VAT percent): integral values come back as ints."""
    parsed = to_decimal(value, name)
    return int(parsed) if parsed == parsed.to_integral_value() else float(parsed)


def integer(value: Any, name: str = "value") -> int:
    if isinstance(value, bool):
        raise _invalid(name)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise _invalid(name)


def timestamp(value: Any, name: str = "value") -> int:
    """A date: Unix seconds."""
    return integer(value, name)


def boolean(value: Any, name: str = "value") -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "1", 1):
        return True
    if value in ("false", "0", 0):
        return False
    raise _invalid(name)


def text(value: Any, name: str = "value") -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise _invalid(name)


def int_list(value: Any, name: str = "value") -> list[int]:
    """Id arrays: the spec types them as strings, the examples hold integers; store integers."""
    if not isinstance(value, list):
        raise _invalid(name)
    return [integer(item, name) for item in value]


def text_list(value: Any, name: str = "value") -> list[str]:
    if not isinstance(value, list):
        raise _invalid(name)
    return [text(item, name) for item in value]


def mapping(value: Any, name: str = "value") -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _invalid(name)
    return dict(value)


def text_mapping(value: Any, name: str = "value") -> dict[str, str]:
    """``additionaldata``: an object of strings to strings."""
    return {str(key): text(item, name) for key, item in mapping(value, name).items()}


def nullable(coercer: Coercer) -> Coercer:
    """The same coercer, letting JSON ``null`` through."""

    def coerce(value: Any, name: str = "value") -> Any:
        return None if value is None else coercer(value, name)

    return coerce


def coerce_fields(body: Mapping[str, Any], writable: Mapping[str, Coercer]) -> dict[str, Any]:
    """The writable fields of ``body`` in wire form; read-only and unknown fields are ignored."""
    return {name: writable[name](value, name) for name, value in body.items() if name in writable}


def require(body: Mapping[str, Any], *names: str) -> None:
    """400 unless every name is present and not empty."""
    for name in names:
        if body.get(name) in (None, ""):
            raise bad_request(f"Missing required field {name}")
