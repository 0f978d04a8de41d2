"""``changed_fields``: the dry run's old → new per field, compared the way the remotes would."""

from __future__ import annotations

from possync.sync.flows import changed_fields, same


def test_every_field_is_new_without_an_old_record() -> None:
    assert changed_fields(None, {"sku": "A", "title": "T"}) == {"sku": (None, "A"), "title": (None, "T")}


def test_only_changed_fields_with_old_and_new() -> None:
    old = {"sku": "A", "title": "T", "moneyprice": "10.00"}
    assert changed_fields(old, {"sku": "A", "title": "U", "moneyprice": "10.00"}) == {"title": ("T", "U")}


def test_amounts_compare_by_value_and_empties_alike() -> None:
    assert same("9.5", "9.50")
    assert same("10", "10.00")
    assert not same("0012", "12")
    assert same(None, "")
    assert not same("", "0.00")
    assert not same(True, 1)
    assert same(1, 1.0)


def test_id_lists_compare_as_sets_and_nested_bodies_field_by_field() -> None:
    assert same([3, 1], [1, 3])
    assert not same(["a", "b"], ["b", "a"])
    assert same([{"id": 1, "p": "1.0"}], [{"id": 1, "p": "1.00"}])
    assert not same({"a": 1}, {"a": 1, "b": 2})
    assert changed_fields({"categories": [1, 2]}, {"categories": [2, 3]}) == {"categories": ([1, 2], [2, 3])}
