"""The Binder finds a binding by either side's id or its natural key, completes it, and removes it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from possync.sync import Binder, BindingConflictError

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def binder(store_session: Session) -> Binder:
    return Binder(store_session, "shop", clock=lambda: NOW)


def test_bind_then_lookup_by_each_key(binder: Binder) -> None:
    binder.bind("product", woo_id=12, pos_id="345", natural_key="SKU-1", woo_fingerprint="f1")
    by_woo = binder.lookup("product", woo_id="12")
    assert by_woo is not None
    assert by_woo is binder.lookup("product", pos_id=345)
    assert by_woo is binder.lookup("product", natural_key="SKU-1")
    assert (by_woo.woo_id, by_woo.pos_id, by_woo.woo_fingerprint, by_woo.synced_at) == (
        "12",
        "345",
        "f1",
        NOW,
    )


def test_bind_completes_an_existing_binding(binder: Binder) -> None:
    binder.bind("product", natural_key="SKU-1", woo_id=12)
    binder.bind("product", natural_key="SKU-1", pos_id=99, pos_fingerprint="p1")
    rows = binder.all("product")
    assert [(row.woo_id, row.pos_id, row.pos_fingerprint) for row in rows] == [("12", "99", "p1")]


def test_lookup_is_scoped_by_entity_and_connection(binder: Binder, store_session: Session) -> None:
    binder.bind("category", woo_id=5)
    Binder(store_session, "other-shop").bind("product", woo_id=5)
    assert binder.lookup("product", woo_id=5) is None


def test_bind_refuses_to_merge_two_bindings(binder: Binder) -> None:
    binder.bind("product", woo_id=1, natural_key="A")
    binder.bind("product", pos_id=2, natural_key="B")
    with pytest.raises(BindingConflictError, match="several bindings"):
        binder.bind("product", woo_id=1, pos_id=2)


def test_unbind_by_pos_id(binder: Binder) -> None:
    binder.bind("product", woo_id=1, pos_id=2)
    assert binder.unbind("product", pos_id=2) is True
    assert binder.lookup("product", woo_id=1) is None
    assert binder.unbind("product", pos_id=2) is False


def test_unbind_all_of_one_entity(binder: Binder) -> None:
    binder.bind("product", woo_id=1)
    binder.bind("product", woo_id=2)
    binder.bind("category", woo_id=1)
    assert binder.unbind_all("product") == 2
    assert binder.lookup("category", woo_id=1) is not None


def test_a_key_is_required(binder: Binder) -> None:
    with pytest.raises(ValueError, match="at least one"):
        binder.lookup("product")


def test_lookup_many_by_one_side(binder: Binder) -> None:
    binder.bind("product", woo_id=1, pos_id=10)
    binder.bind("product", woo_id=2, pos_id=20)
    binder.bind("category", woo_id=3, pos_id=30)
    found = binder.lookup_many("product", "pos_id", [10, "20", 30, 40])
    assert {key: row.woo_id for key, row in found.items()} == {"10": "1", "20": "2"}
    assert binder.lookup_many("product", "woo_id", []) == {}
