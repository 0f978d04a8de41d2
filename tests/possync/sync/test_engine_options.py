"""The seed's full-sync options: ignore errors (or stop at the first bad record), which products to
fetch, exclude external products (skipped with the reason, in the report and the run log), and the
rate-limit check made before a full sync."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from engine_helpers import pos_tables, woo_skus, writes
from sqlalchemy import Engine

from possync.sandbox import SandboxPair, sandbox_pair
from possync.settings import FetchProducts, Operation
from possync.sitoo import SitooClient
from possync.store import session_factory
from possync.sync.catalogue import CatalogueOptions
from possync.sync.engine import SyncStoppedError
from possync.sync.operations import FULL_SYNC, FULL_SYNC_UP, OperationError, estimate_requests
from possync.sync.runner import open_catalogue, run_logged
from possync.sync.runs import RunLog
from possync_sandbox.catalogue import generate

CATALOGUE = generate(6, 32, orders=0)
EXCLUDED = 'is an external product, and "Exclude external products from sync to Sitoo" is on'


async def test_without_ignore_errors_the_sync_stops_at_the_first_bad_record(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "woo") as pair:
        strict = dataclasses.replace(pair.connection, ignore_errors=False)
        async with open_catalogue(strict, sessions) as sync:
            with pytest.raises(SyncStoppedError) as stopped:
                await run_logged(sync, sessions, strict, FULL_SYNC_UP)
        assert "product" in str(stopped.value)
        assert (
            "fix-sku" in str(stopped.value) or "grouped" in str(stopped.value) or "SKU" in str(stopped.value)
        )


async def test_fetch_only_active_pos_products(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        options = CatalogueOptions(fetch_products=FetchProducts.ACTIVE_POS)
        connection = dataclasses.replace(pair.connection, options=options)
        async with open_catalogue(connection, sessions) as sync:
            await run_logged(sync, sessions, connection, FULL_SYNC)
        rows = pos_tables(pair)["products"]["rows"]
        mains = {p["productid"]: p for p in rows}
        inactive = {
            p["sku"]
            for p in rows
            if not (mains.get(p.get("variantparentid") or p["productid"], p).get("activepos"))
        }
        fetched = set(woo_skus(pair))
        assert inactive, "the demo catalogue has products not active in the POS"
        assert fetched
        assert not fetched & inactive


WANTED = {
    FetchProducts.INACTIVE: lambda web, pos: not web and not pos,
    FetchProducts.ACTIVE_WEBSHOP: lambda web, pos: web,
}


def _main_flags(rows: list[dict[str, Any]]) -> dict[str, tuple[bool, bool]]:
    """Each Sitoo SKU's (webshop, POS) flags, a variant's being its main product's."""
    mains = {p["productid"]: p for p in rows}
    flags = {}
    for row in rows:
        main = mains[row.get("variantparentid") or row["productid"]]
        flags[row["sku"]] = (bool(main["active"]), bool(main["activepos"]))
    return flags


async def _vary_flags(pair: SandboxPair) -> None:
    """Two main products made inactive everywhere and two POS-only (the demo's are all webshop-active)."""
    rows = pos_tables(pair)["products"]["rows"]
    mains = [p["productid"] for p in rows if p.get("variantparentid") in (None, p["productid"])]
    flags = [(False, False), (False, False), (False, True), (False, True)]
    bodies = [
        {"productid": pid, "active": web, "activepos": pos}
        for pid, (web, pos) in zip(mains[:4], flags, strict=True)
    ]
    async with SitooClient(pair.connection.sitoo) as sitoo:
        await sitoo.products.update_many(bodies)


@pytest.mark.parametrize("choice", list(WANTED))
async def test_fetch_products_takes_only_what_the_choice_names(
    store_engine: Engine, choice: FetchProducts
) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        await _vary_flags(pair)
        connection = dataclasses.replace(pair.connection, options=CatalogueOptions(fetch_products=choice))
        async with open_catalogue(connection, sessions) as sync:
            steps = await run_logged(sync, sessions, connection, FULL_SYNC)
        flags = _main_flags(pos_tables(pair)["products"]["rows"])
        wanted = {sku for sku, (web, pos) in flags.items() if WANTED[choice](web, pos)}
        parked = {key for step in steps for key, _ in step.report.parked}
        skipped = {key: reason for step in steps for key, reason in step.report.skipped}
        assert wanted
        assert set(flags) - wanted
        assert set(woo_skus(pair)) == wanted - parked
        assert set(skipped) == set(flags) - wanted
        assert all('"Fetch products from Sitoo" is' in reason for reason in skipped.values())


async def test_external_products_are_skipped_with_the_reason_when_excluded(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    external = {p.sku for p in CATALOGUE.products if p.kind == "external"}
    with sandbox_pair(CATALOGUE, "woo") as pair:
        async with open_catalogue(pair.connection, sessions) as sync:
            steps = await run_logged(sync, sessions, pair.connection, FULL_SYNC_UP)
        assert external
        assert not external & {p["sku"] for p in pos_tables(pair)["products"]["rows"]}
        products = {
            key: reason for s in steps if s.report.entity == "product" for key, reason in s.report.skipped
        }
        assert products == dict.fromkeys(external, EXCLUDED)
        with sessions() as session:
            [run] = RunLog(session, pair.connection.name).recent(1)
            logged = {(e.natural_key, e.reason) for e in run.events if e.outcome == "skipped"}
            assert {(sku, EXCLUDED) for sku in external} <= logged
            assert run.counters["product"]["skipped"] == len(external)


async def test_external_products_are_sent_when_not_excluded(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    external = {p.sku for p in CATALOGUE.products if p.kind == "external"}
    with sandbox_pair(CATALOGUE, "woo") as pair:
        connection = dataclasses.replace(
            pair.connection, options=CatalogueOptions(exclude_external_products=False)
        )
        async with open_catalogue(connection, sessions) as sync:
            steps = await run_logged(sync, sessions, connection, [Operation.SEND_UNMATCHED_PRODUCTS])
        sent = {p["sku"] for p in pos_tables(pair)["products"]["rows"]}
        parked = {key for step in steps for key, _ in step.report.parked}
        assert external
        assert external <= sent | parked  # sent, or parked for a reason of its own (a VAT group)
        assert any(step.report.counts["skipped"] == 0 for step in steps if step.report.entity == "product")


async def test_rate_limit_check_refuses_a_sync_the_budget_cannot_cover(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        checked = dataclasses.replace(pair.connection, check_rate_limit=True)
        async with open_catalogue(checked, sessions) as sync:
            sync.remaining = lambda: 3
            pair.reset_counters()
            with pytest.raises(OperationError, match="rate limit leaves 3 requests"):
                await run_logged(sync, sessions, checked, FULL_SYNC)
        assert pair.requests() == (2, 3), "only the catalogue sizes are read before refusing"
        assert writes(pair) == (0, 0)
    assert estimate_requests(FULL_SYNC, {"product": 10_000}) > estimate_requests(FULL_SYNC, {})
