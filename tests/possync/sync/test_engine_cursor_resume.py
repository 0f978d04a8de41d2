"""A read that fails halfway never moves the stream's bookmark past a change it did not reach.

WooCommerce lists changed products by id, not by change time, and possync handles them page by
page: a product changed early can come on a later page than one changed late. If the bookmark
were stored after the first page, a read that dies on the second would leave the early change
behind the next run's window for good.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from engine_helpers import pos_skus, run_ops
from sqlalchemy import Engine

from possync.errors import RetryableError
from possync.http import RetryPolicy
from possync.sandbox import SandboxPair, sandbox_pair
from possync.store import session_factory
from possync.sync import woo_side
from possync.sync.operations import FULL_SYNC_UP
from possync.sync.runner import open_catalogue
from possync.woo import WooClient
from possync_sandbox.catalogue import generate
from possync_sandbox.faults import FaultPlan

CATALOGUE = generate(9, 24, orders=0)
ONCE = RetryPolicy(max_attempts=1)


async def rename(pair: SandboxPair, product_id: int, name: str) -> None:
    async with WooClient(pair.connection.woo) as woo:
        await woo.products.update(product_id, {"name": name})


def pos_titles(pair: SandboxPair) -> dict[str, str]:
    rows = pair.sitoo.state()["accounts"][0]["sites"][0]["tables"]["products"]["rows"]
    return {r["sku"]: r["title"] for r in rows if r.get("sku")}


async def test_a_read_dying_on_its_second_page_loses_no_change(
    store_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "woo") as pair:
        await run_ops(pair, sessions, FULL_SYNC_UP)
        synced = pos_skus(pair)
        simple = [p for p in pair.woo.state()["products"] if p["type"] == "simple" and p["sku"] in synced]
        low, high = min(simple, key=lambda p: p["id"]), max(simple, key=lambda p: p["id"])
        clock = pair.woo.store.clock
        monkeypatch.setattr(woo_side, "PAGE", 1)
        one_per_page = replace(pair.connection, woo=replace(pair.connection.woo, per_page=1))
        async with open_catalogue(one_per_page, sessions, retry=ONCE) as sync:
            sync.engine.clock = clock.now
            clock.advance(120)
            await sync.incremental(send_changes=True)
            clock.advance(60)
            await rename(pair, high["id"], "Changed first, listed last")
            clock.advance(300)
            await rename(pair, low["id"], "Changed last, listed first")
            clock.advance(5)
            pair.woo.faults.configure(FaultPlan(script=["ok", "error"], path_pattern=r"/products$"))
            with pytest.raises(RetryableError):
                await sync.incremental(send_changes=True)
            pair.woo.faults.configure(FaultPlan())
            await sync.incremental(send_changes=True)
        titles = pos_titles(pair)
    assert titles[low["sku"]] == "Changed last, listed first"
    assert titles[high["sku"]] == "Changed first, listed last"
