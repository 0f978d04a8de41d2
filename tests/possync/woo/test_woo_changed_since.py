"""``changed_since`` never misses a row silently, even when rows disappear while it pages by offset."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from possync.errors import RetryableError
from possync.http import ApiClient, ClientSettings
from possync.woo import Resource
from possync.woo.models import Product
from possync_sandbox.server import running


async def read_into(skus: list[str | None], products: AsyncIterator[Product]) -> None:
    async for product in products:
        skus.append(product.sku)


class ShrinkingList:
    """Products; the first one is trashed right after the first answer, and after every ``churn`` more."""

    def __init__(self, count: int = 6, churn: int = 0) -> None:
        stamp = "2026-11-22T11:00:00"
        self.rows = [{"id": n, "sku": f"S{n}", "date_modified_gmt": stamp} for n in range(1, count + 1)]
        self.served = 0
        self.churn = churn
        self.pages: list[int] = []

    async def products(self, request: Request) -> Response:
        per_page, page = int(request.query_params["per_page"]), int(request.query_params["page"])
        rows = self.rows[(page - 1) * per_page : page * per_page]
        headers = {"X-WP-Total": str(len(self.rows)), "X-WP-TotalPages": str(-(-len(self.rows) // per_page))}
        self.served += 1
        self.pages.append(page)
        if self.served == 1 or (self.churn and self.served % self.churn == 1):
            self.rows = self.rows[1:]
        return JSONResponse(rows, headers=headers)


async def test_rows_shifting_under_offset_paging_are_read_again() -> None:
    remote = ShrinkingList()
    with running(Starlette(routes=[Route("/products", remote.products)])) as server:
        async with ApiClient(ClientSettings(name="woo", base_url=server.base_url, concurrency=1)) as api:
            products = Resource(api, "products", Product, "product", per_page=2)
            since = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
            skus = [p.sku async for p in products.changed_since(since)]
    assert sorted(skus) == [f"S{n}" for n in range(1, 7)]  # S3 was skipped by the first pass
    assert len(skus) == len(set(skus))
    assert remote.served == 3 + 3


async def test_a_list_that_never_holds_still_ends_in_a_retryable_error_naming_it() -> None:
    remote = ShrinkingList(count=12, churn=2)  # a product trashed after every second page served
    with running(Starlette(routes=[Route("/products", remote.products)])) as server:
        async with ApiClient(ClientSettings(name="woo", base_url=server.base_url, concurrency=1)) as api:
            products = Resource(api, "products", Product, "product", per_page=2)
            since = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
            read: list[str | None] = []
            with pytest.raises(RetryableError) as caught:
                await read_into(read, products.changed_since(since))
    assert caught.value.code == "list_changing"
    assert "the product list changed during each of 3 reads" in str(caught.value)
    assert "GET" in str(caught.value)
    assert "/products" in str(caught.value)
    assert remote.pages.count(1) == 3  # READ_ROUNDS reads, then no more
    assert len(read) == len(set(read))
