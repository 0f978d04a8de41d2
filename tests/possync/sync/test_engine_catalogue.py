"""The catalogue sync end to end over HTTP on both emulators, on SQLite and PostgreSQL.

A full sync down (Sitoo → empty WooCommerce) and up (WooCommerce → empty Sitoo) leave both sides
equal field by field; a second run writes nothing; awkward records are synced or parked with a
reason; categories keep their tree; a plan writes nothing; an incremental sync does not ping-pong.
"""

from __future__ import annotations

import html

from engine_helpers import mismatches, pos_skus, pos_tables, run_ops, woo_skus, writes
from sqlalchemy import Engine

from possync.sandbox import sandbox_pair
from possync.settings import Operation
from possync.store import session_factory
from possync.sync.operations import FULL_SYNC, FULL_SYNC_UP
from possync.sync.runner import open_catalogue
from possync_sandbox.catalogue import generate

CATALOGUE = generate(3, 36, orders=0)


async def test_full_sync_down_then_again_writes_nothing(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        reports = await run_ops(pair, sessions, FULL_SYNC)
        created = {r.report.entity: r.report.counts["created"] for r in reports if r.report.counts["created"]}
        assert created["product"] > 0
        assert created["variation"] > 0
        assert created["category"] > 0
        assert await mismatches(pair, sessions, "pos") == []
        assert woo_skus(pair) == pos_skus(pair)
        pair.reset_counters()
        again = await run_ops(pair, sessions, FULL_SYNC)
        assert writes(pair) == (0, 0)
        assert all(r.report.writes == 0 for r in again)


async def test_full_sync_up_parks_awkward_records_with_reasons(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "woo") as pair:
        reports = await run_ops(pair, sessions, FULL_SYNC_UP)
        assert await mismatches(pair, sessions, "woo") == []
        parked = {key: reason for r in reports for key, reason in r.report.parked}
        awkward = [
            p for p in CATALOGUE.products if p.awkward_kind in ("sku-with-space", "sku-refused-by-sitoo")
        ]
        for product in awkward:
            assert "fix-sku" in parked[product.sku]
        assert any("has no SKU" in reason for reason in parked.values())
        synced = set(pos_skus(pair))
        shop = set(woo_skus(pair))
        assert synced <= shop
        external = {p.sku for p in CATALOGUE.products if p.kind == "external"}
        assert external
        assert not external & synced
        assert sorted(shop - synced - external - set(parked)) == []
        pair.reset_counters()
        await run_ops(pair, sessions, FULL_SYNC_UP)
        assert writes(pair) == (0, 0)


async def test_categories_keep_their_tree(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "woo") as pair:
        await run_ops(pair, sessions, [Operation.SEND_UNMATCHED_CATEGORIES])
        shop = {c["id"]: c for c in pair.woo.state()["categories"]}
        pos = {c["categoryid"]: c for c in pos_tables(pair)["categories"]["rows"]}

        def woo_path(cid: int) -> str:
            c = shop[cid]
            return (woo_path(c["parent"]) + "/" if c["parent"] else "") + html.unescape(c["name"])

        def pos_path(cid: int) -> str:
            c = pos[cid]
            return (pos_path(c["categoryparentid"]) + "/" if c.get("categoryparentid") else "") + c["title"]

        expected = {woo_path(cid) for cid, c in shop.items() if c["slug"] != "uncategorized"}
        assert {pos_path(cid) for cid in pos} == expected
        assert any(path.count("/") == 2 for path in expected)


async def test_plan_writes_nothing_and_lists_changes(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        async with open_catalogue(pair.connection, sessions) as sync:
            steps = await sync.plan([Operation.FETCH_UNMATCHED_CATEGORIES])
        assert writes(pair) == (0, 0)
        planned = steps[0].report
        roots = [c for c in planned.changes if c.action == "create" and "/" not in c.key]
        assert roots
        assert roots[0].fields["name"][0] is None
        children = [c for c in planned.changes if "/" in c.key]
        assert children
        assert int(children[0].fields["parent"][1]) < 0  # a parent the same plan creates
        assert planned.counts["created"] == len(pos_tables(pair)["categories"]["rows"])
        assert planned.parked == []


async def test_incremental_sync_does_not_ping_pong(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        await run_ops(pair, sessions, FULL_SYNC)
        async with open_catalogue(pair.connection, sessions) as sync:
            await sync.incremental(send_changes=True)
            pair.reset_counters()
            second = await sync.incremental(send_changes=True)
        assert writes(pair) == (0, 0)
        assert all(report.writes == 0 for report in second)
