"""Fingerprints are stable across spellings of the same payload and differ when a value differs."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum

import pytest

from possync.sync import canonical_json, fingerprint


class Colour(Enum):
    RED = "red"


def test_key_order_does_not_matter() -> None:
    assert fingerprint({"a": 1, "b": {"c": 2, "d": 3}}) == fingerprint({"b": {"d": 3, "c": 2}, "a": 1})


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ({"price": 1.0}, {"price": 1}),
        ({"price": Decimal("9.50")}, {"price": Decimal("9.5")}),
        ({"tags": ("a", "b")}, {"tags": ["a", "b"]}),
        ({"ids": {3, 1, 2}}, {"ids": {2, 3, 1}}),
        ({"colour": Colour.RED}, {"colour": "red"}),
    ],
)
def test_same_meaning_same_fingerprint(left: object, right: object) -> None:
    assert fingerprint(left) == fingerprint(right)


@pytest.mark.parametrize(
    "changed", [{"name": "Shirt", "price": "10.01"}, {"name": "shirt", "price": "10.00"}]
)
def test_any_change_changes_the_fingerprint(changed: dict[str, str]) -> None:
    assert fingerprint({"name": "Shirt", "price": "10.00"}) != fingerprint(changed)


def test_canonical_json_is_compact_sorted_and_keeps_unicode() -> None:
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert canonical_json({"ö": "å", "at": when}) == '{"at":"2026-01-02T03:04:05+00:00","ö":"å"}'


def test_fingerprint_is_a_sha256_hex_digest() -> None:
    digest = fingerprint({})
    assert len(digest) == 64
    assert int(digest, 16) >= 0


def test_unknown_types_are_refused() -> None:
    with pytest.raises(TypeError, match="cannot fingerprint"):
        fingerprint({"x": object()})
