"""``changed_fields``: what a write would change in a record, field by field, old → new.

It compares two payloads of the same shape (the record as it stands and the mapped body) the way
the remotes would: money spelt ``"9.5"`` or ``"9.50"`` is the same amount, ``None`` and ``""`` are
both empty, and lists of ids compare as sets. This is what ``possync plan`` prints per record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

Change = tuple[Any, Any]
AMOUNT = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def _amount(text: str) -> Decimal | None:
    return Decimal(text) if AMOUNT.match(text) else None


def _number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _same_scalar(old: Any, new: Any) -> bool:
    if old in (None, "") and new in (None, ""):
        return True
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if _number(old) and _number(new):
        return bool(old == new)
    if isinstance(old, str) and isinstance(new, str) and old != new and "." in old + new:
        amount = _amount(old)
        return amount is not None and amount == _amount(new)
    return bool(old == new)


def same(old: Any, new: Any) -> bool:
    """Whether two payload values mean the same to the remote."""
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return not changed_fields(old, new) and set(old) == set(new)
    if isinstance(old, list | tuple) and isinstance(new, list | tuple):
        if all(_number(v) for v in [*old, *new]):
            return set(old) == set(new)
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    return _same_scalar(old, new)


def changed_fields(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> dict[str, Change]:
    """The fields of ``new`` whose value differs from ``old`` (all of them when there is no ``old``)."""
    before = old or {}
    return {
        name: (before.get(name), value) for name, value in new.items() if not same(before.get(name), value)
    }
