"""Requests the catalogue syncs make, counted by both emulators, on SQLite and PostgreSQL.

A full sync down reads each Sitoo list once, whatever its number of steps, and each main product's
images once (Sitoo lists images per product only). With no change an incremental sync reads only
Sitoo's changed products and variants (at most 2 requests a side); after a few products changed it
makes a handful more, in proportion to the changes and not to the catalogue. Manufacturers and
categories are read only when a changed product needs one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from engine_helpers import pos_tables, run_ops
from sqlalchemy import Engine

from possync.sandbox import SandboxPair, sandbox_pair
from possync.sitoo import SitooClient
from possync.store import session_factory
from possync.sync.operations import FULL_SYNC
from possync.sync.runner import open_catalogue, run_logged
from possync_sandbox.catalogue import generate

CATALOGUE = generate(5, 120, orders=0)
LOADED = 120
"""Seconds between loading the catalogue and the first incremental sync (past the overlap window)."""
IMAGES = "GET /v2/accounts/{id}/sites/{id}/products/{id}/images.json"


def sitoo_time(pair: SandboxPair) -> Callable[[], datetime]:
    """The sync's clock, set to the Sitoo emulator's (which tests move forward); pages of 20 products
    make a read of the whole catalogue show in the counts."""
    return lambda: datetime.fromtimestamp(pair.sitoo.store.clock.time(), UTC)


async def rename(pair: SandboxPair, count: int) -> None:
    """Rename ``count`` main products in Sitoo, a minute after the last sync."""
    rows = pos_tables(pair)["products"]["rows"]
    mains = [r for r in rows if r.get("variantparentid") in (None, r["productid"])]
    chosen = mains[:: len(mains) // count][:count]
    pair.sitoo.store.clock.advance(60)
    async with SitooClient(pair.connection.sitoo) as sitoo:
        bodies = [{"productid": r["productid"], "title": f"{r['title']} (new)"} for r in chosen]
        await sitoo.products.update_many(bodies)


async def test_full_sync_down_reads_each_sitoo_list_once(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        async with open_catalogue(pair.connection, sessions) as sync:
            pair.reset_counters()
            await sync.run(FULL_SYNC)
        routes = pair.sitoo.counter.by_route
        rows = pos_tables(pair)["products"]["rows"]
        variants = [r for r in rows if r.get("variantparentid") not in (None, r["productid"])]
        assert variants
        assert routes[IMAGES] == len(rows)  # each product's image list, and each variant's own
        assert sum(routes.values()) - routes[IMAGES] == 3  # manufacturers, categories, products
        assert all(route.startswith("GET") for route in routes)


async def test_incremental_requests_follow_the_changes(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        await run_ops(pair, sessions, FULL_SYNC)
        small_pages = replace(
            pair.connection, sitoo=pair.connection.sitoo.model_copy(update={"page_size": 20})
        )
        async with open_catalogue(small_pages, sessions) as sync:
            sync.engine.clock = sitoo_time(pair)
            pair.sitoo.store.clock.advance(LOADED)
            await sync.incremental(send_changes=False)
            pair.reset_counters()
            unchanged = await sync.incremental(send_changes=False)
            assert max(pair.requests()) <= 2
            assert all(report.writes == 0 for report in unchanged)
            await rename(pair, 4)
            await sync.incremental(send_changes=False)
            pair.reset_counters()
            await sync.incremental(send_changes=False)
            assert max(pair.requests()) <= 2  # the changes are not read twice
            await rename(pair, 6)
            pair.reset_counters()
            changed = await sync.incremental(send_changes=False)
        woo, pos = pair.requests()
        assert sum(r.counts["updated"] for r in changed) == 6
        assert pos <= 2 + 6 + 6  # the changed products and variants, each changed family and its images once
        assert woo <= 2  # one product batch (and a variation batch at most)


async def test_a_new_product_brings_its_new_category_along(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        await run_ops(pair, sessions, FULL_SYNC)
        async with SitooClient(pair.connection.sitoo) as sitoo:
            category = await sitoo.categories.create({"title": "Brand new shelf"})
            body = {"sku": "NEW-1", "title": "New thing", "categories": [category], "moneyprice": "10.00"}
            await sitoo.products.create_many([body])
        async with open_catalogue(pair.connection, sessions) as sync:
            reports = await sync.incremental(send_changes=False)
        created = {r.entity: r.counts["created"] for r in reports if r.counts["created"]}
        assert created == {"product": 1, "category": 1}
        shop = pair.woo.state()
        [product] = [p for p in shop["products"] if p.get("sku") == "NEW-1"]
        names = {c["id"]: c["name"] for c in shop["categories"]}
        assert [names[c] for c in product["categories"]] == ["Brand new shelf"]


async def test_the_first_incremental_run_after_a_full_sync_reads_only_changes(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        async with open_catalogue(pair.connection, sessions) as sync:
            sync.engine.clock = sitoo_time(pair)
            pair.sitoo.store.clock.advance(LOADED)
            await run_logged(sync, sessions, pair.connection, FULL_SYNC)
            await rename(pair, 2)
            pair.reset_counters()
            first = await sync.incremental(send_changes=False)
        woo, pos = pair.requests()
    assert sum(r.counts["updated"] for r in first) == 2
    assert pos <= 2 + 2 * 3, "the changed products, their families and images, not the whole catalogue"
    assert woo <= 2
