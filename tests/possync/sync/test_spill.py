"""Spilled run data: pages come back whole and in order as often as asked; a spilled map keeps
values by key; families' options gathered page by page come out as one read would give them."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from possync.sitoo.models import Product, VariantAttribute
from possync.sync.pos_side import _family_options
from possync.sync.spill import SpilledMap, SpilledPages


async def _pages() -> AsyncIterator[list[Product]]:
    for start in (1, 4, 7):
        yield [Product(productid=n, sku=f"SKU-{n}", title=f"Product {n}") for n in range(start, start + 3)]


async def test_pages_come_back_whole_and_in_order_each_time() -> None:
    spilled = await SpilledPages.of(_pages())
    first = [[p.productid for p in page] for page in spilled]
    second = [[p.sku for p in page] for page in spilled]
    assert first == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert second[2] == ["SKU-7", "SKU-8", "SKU-9"]
    assert len(spilled) == 3
    assert all(isinstance(p, Product) for page in spilled for p in page)


async def test_an_empty_list_has_no_pages() -> None:
    async def nothing() -> AsyncIterator[list[Product]]:
        return
        yield []

    assert list(await SpilledPages.of(nothing())) == []


def test_a_spilled_map_keeps_values_by_key_on_disk() -> None:
    spilled: SpilledMap[list[int]] = SpilledMap()
    spilled["a"] = [1]
    spilled.update_many([("b", [2, 3]), ("a", [4])])
    assert spilled["a"] == [4]
    assert spilled.get("missing") is None
    assert "b" in spilled
    assert "c" not in spilled
    assert len(spilled) == 2
    assert list(spilled) == ["a", "b"]
    del spilled["a"]
    with pytest.raises(KeyError):
        spilled["a"]
    assert spilled.setdefault("c", [5]) == [5]
    assert spilled.setdefault("c", [6]) == [5]


def test_get_many_reads_every_present_key_and_leaves_out_absent_ones() -> None:
    spilled: SpilledMap[int] = SpilledMap()
    spilled.update_many((f"k{n}", n) for n in range(1200))
    found = spilled.get_many([f"k{n}" for n in range(0, 1300, 3)] + ["k3"])
    assert found == {f"k{n}": n for n in range(0, 1200, 3)}


def test_get_many_finds_keys_with_quotes_backslashes_and_accents() -> None:
    keys = ['sku "A"', "back\\slash", "blåbær", "tab\there", "[1]", ""]
    spilled: SpilledMap[int] = SpilledMap()
    spilled.update_many((key, n) for n, key in enumerate(keys))
    assert spilled.get_many([*keys, "absent"]) == {key: n for n, key in enumerate(keys)}
    assert spilled.get_many([]) == {}


def test_family_options_merge_across_pages_in_first_seen_order() -> None:
    def variant(pid: int, colour: str, size: str) -> Product:
        attributes = [
            VariantAttribute(name="Colour", value=colour),
            VariantAttribute(name="Size", value=size),
        ]
        return Product(productid=pid, sku=f"V{pid}", variantparentid=1, variant=attributes)

    pages = [
        [Product(productid=1, sku="M", variantparentid=1), variant(2, "Red", "S"), variant(3, "Red", "M")],
        [variant(4, "Blue", "S"), Product(productid=5, sku="P"), variant(6, "Green", "L")],
    ]
    options = _family_options(pages)
    assert dict(options) == {"1": {"Colour": ["Red", "Blue", "Green"], "Size": ["S", "M", "L"]}}
