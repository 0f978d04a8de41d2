"""The catalogue's size read from both remotes, and the rate-limit check that estimates from it."""

from __future__ import annotations

import dataclasses

import pytest
from engine_helpers import pos_tables
from sqlalchemy import Engine

from possync.sandbox import sandbox_pair
from possync.store import session_factory
from possync.sync.operations import FULL_SYNC, OperationError, estimate_requests
from possync.sync.runner import open_catalogue, run_logged
from possync_sandbox.catalogue import generate

CATALOGUE = generate(6, 32, orders=0)
LARGER = generate(7, 120, orders=0)
"""More than a page of products: an estimate from the remotes differs from one from nothing."""


async def test_sizes_count_each_side_in_a_few_requests(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "both") as pair:
        async with open_catalogue(pair.connection, sessions) as sync:
            pair.reset_counters()
            sizes = await sync.sizes()
            assert pair.requests() == (2, 3)
        tables = pos_tables(pair)
        shop = pair.woo.state()
    assert sizes["product"] == max(len(tables["products"]["rows"]), len(shop["products"]))
    assert sizes["variation"] == len(tables["products"]["rows"])
    assert sizes["category"] == max(len(tables["categories"]["rows"]), len(shop["categories"]))
    assert sizes["manufacturer"] == len(tables["manufacturers"]["rows"]) > 0


async def test_a_first_full_sync_is_estimated_from_the_remotes_not_the_empty_store(
    store_engine: Engine,
) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(LARGER, "pos") as pair:
        checked = dataclasses.replace(pair.connection, check_rate_limit=True)
        async with open_catalogue(checked, sessions) as sync:
            needed = estimate_requests(FULL_SYNC, await sync.sizes())
            assert needed > estimate_requests(FULL_SYNC, {})
            sync.remaining = lambda: needed - 1
            with pytest.raises(OperationError, match=f"needs about {needed}"):
                await run_logged(sync, sessions, checked, FULL_SYNC)
            sync.remaining = lambda: needed
            await run_logged(sync, sessions, checked, FULL_SYNC)
        assert len(pair.woo.state()["products"]) > 0
