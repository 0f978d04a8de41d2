"""No ping-pong in any order: a record possync wrote reads back unchanged on the next run, either way.

After a full sync down, an incremental run that also sends changes up writes nothing, from its first
run; after a full sync up, a full sync down (and the incremental run) writes nothing, and so does a
full sync up after a full sync down. A variant keeps its Sitoo title (V10: set on create only) and
a variation keeps its own description (V9: a Sitoo variant's own description, not its main's copy).
"""

from __future__ import annotations

from engine_helpers import pos_tables, run_ops, writes
from sqlalchemy import Engine

from possync.sandbox import SandboxPair, sandbox_pair
from possync.sitoo import SitooClient
from possync.store import session_factory
from possync.sync.operations import FULL_SYNC, FULL_SYNC_UP
from possync.sync.runner import open_catalogue
from possync.woo import WooClient
from possync_sandbox.catalogue import generate

CATALOGUE = generate(3, 36, orders=0)
OWN = "Extra bred läst"


def _pos_variants(pair: SandboxPair) -> dict[str, dict[str, object]]:
    rows = pos_tables(pair)["products"]["rows"]
    return {r["sku"]: r for r in rows if r["variantparentid"] not in (None, r["productid"])}


def _woo_variations(pair: SandboxPair) -> dict[str, dict[str, object]]:
    return {v["sku"]: v for v in pair.woo.state()["variations"] if v["sku"]}


async def _give_a_variant_its_own_description(pair: SandboxPair) -> str:
    sku, variant = next(iter(_pos_variants(pair).items()))
    async with SitooClient(pair.connection.sitoo) as sitoo:
        await sitoo.products.update_many([{"productid": variant["productid"], "description": OWN}])
    return sku


async def _give_a_variation_its_own_description(pair: SandboxPair) -> str:
    sku, variation = next(iter(_woo_variations(pair).items()))
    async with WooClient(pair.connection.woo) as woo:
        resource = woo.variations(int(str(variation["parent_id"])))
        await resource.batch(update=[{"id": variation["id"], "description": OWN}])
    return sku


async def _incremental_writes(pair: SandboxPair, engine: Engine) -> list[tuple[int, int]]:
    """The writes of two incremental runs in a row (changes sent up too), each counted on its own."""
    counted = []
    async with open_catalogue(pair.connection, session_factory(engine)) as sync:
        for _ in range(2):
            pair.reset_counters()
            reports = await sync.incremental(send_changes=True)
            assert all(report.writes == 0 for report in reports)
            counted.append(writes(pair))
    return counted


async def test_full_sync_down_then_incremental_writes_nothing(store_engine: Engine) -> None:
    with sandbox_pair(CATALOGUE, "pos") as pair:
        own = await _give_a_variant_its_own_description(pair)
        titles = {sku: v["title"] for sku, v in _pos_variants(pair).items()}
        await run_ops(pair, session_factory(store_engine), FULL_SYNC)
        assert await _incremental_writes(pair, store_engine) == [(0, 0), (0, 0)]
        assert {sku: v["title"] for sku, v in _pos_variants(pair).items()} == titles
        descriptions = {sku: v["description"] for sku, v in _woo_variations(pair).items()}
        assert descriptions.pop(own) == OWN
        assert set(descriptions.values()) == {""}  # the main product's text is not copied in


async def test_full_sync_down_then_full_sync_up_writes_nothing(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        await _give_a_variant_its_own_description(pair)
        await run_ops(pair, sessions, FULL_SYNC)
        pair.reset_counters()
        reports = await run_ops(pair, sessions, FULL_SYNC_UP)
        assert writes(pair) == (0, 0)
        assert all(step.report.writes == 0 for step in reports)


async def test_full_sync_up_then_full_sync_down_writes_nothing(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "woo") as pair:
        own = await _give_a_variation_its_own_description(pair)
        await run_ops(pair, sessions, FULL_SYNC_UP)
        assert _pos_variants(pair)[own]["description"] == OWN
        pair.reset_counters()
        reports = await run_ops(pair, sessions, FULL_SYNC)
        assert writes(pair) == (0, 0)
        assert all(step.report.writes == 0 for step in reports)
        assert _woo_variations(pair)[own]["description"] == OWN


async def test_full_sync_up_then_incremental_writes_nothing(store_engine: Engine) -> None:
    with sandbox_pair(CATALOGUE, "woo") as pair:
        await _give_a_variation_its_own_description(pair)
        await run_ops(pair, session_factory(store_engine), FULL_SYNC_UP)
        titles = {sku: v["title"] for sku, v in _pos_variants(pair).items()}
        assert await _incremental_writes(pair, store_engine) == [(0, 0), (0, 0)]
        assert {sku: v["title"] for sku, v in _pos_variants(pair).items()} == titles
        assert all(" - " in str(title) for title in titles.values())  # named as the shop names them
