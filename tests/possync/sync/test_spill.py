"""``SpilledPages``: pages kept in a temporary file come back whole, in order, as often as asked."""

from __future__ import annotations

from collections.abc import AsyncIterator

from possync.sitoo.models import Product
from possync.sync.spill import SpilledPages


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
