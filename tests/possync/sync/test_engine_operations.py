"""The Complete Sync menu's narrower operations: match categories, and each "resync matched" step
sends only its own entity, only for records already matched."""

from __future__ import annotations

from typing import Any

from engine_helpers import pos_tables, run_ops, writes
from sqlalchemy import Engine

from possync.sandbox import SandboxPair, sandbox_pair
from possync.settings import Operation
from possync.store import session_factory
from possync.sync.runner import bound_records
from possync.woo import WooClient
from possync_sandbox.catalogue import generate

CATALOGUE = generate(4, 30, orders=0)


def pos_rows(pair: SandboxPair) -> dict[str, dict[str, Any]]:
    """Sitoo's products and variants by SKU."""
    return {r["sku"]: r for r in pos_tables(pair)["products"]["rows"] if r.get("sku")}


def pos_category_titles(pair: SandboxPair) -> set[str]:
    return {r["title"] for r in pos_tables(pair)["categories"]["rows"]}


async def test_match_categories_binds_categories_and_writes_nothing(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "both") as pair:
        pair.reset_counters()
        await run_ops(pair, sessions, [Operation.MATCH_CATEGORIES])
        assert writes(pair) == (0, 0)
    bound = bound_records(sessions, pair.connection.name)
    assert bound.get("category", 0) == len(pos_tables(pair)["categories"]["rows"])
    assert bound.get("product", 0) == 0


async def shop_changes(pair: SandboxPair) -> tuple[str, str, str]:
    """Rename a category, reprice a simple product and a variation, add an unmatched product.

    Returns the new category name, the simple product's SKU and the variation's SKU.
    """
    in_pos = pos_rows(pair)
    async with WooClient(pair.connection.woo) as woo:
        category = (await woo.categories.list_all())[-1]
        await woo.categories.update(category.id, {"name": f"{category.name} renamed"})
        simple = next(p for p in await woo.products.list_all(type="simple") if p.sku in in_pos)
        await woo.products.update(simple.id, {"regular_price": "777.00", "sale_price": ""})
        parent = next(p for p in await woo.products.list_all(type="variable") if p.sku in in_pos)
        variation = next(v for v in await woo.variations(parent.id).list_all() if v.sku in in_pos)
        await woo.variations(parent.id).update(variation.id, {"regular_price": "555.00", "sale_price": ""})
        await woo.products.create({"name": "Not matched", "sku": "UNMATCHED-1", "regular_price": "5.00"})
    return f"{category.name} renamed", simple.sku, variation.sku


async def test_each_resync_sends_only_its_entity_for_matched_records(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "both") as pair:
        await run_ops(pair, sessions, [Operation.MATCH_ALL])
        before = pos_rows(pair)
        name, simple, variation = await shop_changes(pair)

        await run_ops(pair, sessions, [Operation.RESYNC_MATCHED_CATEGORIES])
        assert name in pos_category_titles(pair)
        assert pos_rows(pair)[simple]["moneypriceorg"] == before[simple]["moneypriceorg"]

        await run_ops(pair, sessions, [Operation.RESYNC_MATCHED_PARENT_PRODUCTS])
        after_products = pos_rows(pair)
        assert after_products[simple]["moneypriceorg"] != before[simple]["moneypriceorg"]
        assert after_products[variation]["moneypriceorg"] == before[variation]["moneypriceorg"]
        assert "UNMATCHED-1" not in after_products

        await run_ops(pair, sessions, [Operation.RESYNC_MATCHED_VARIATIONS])
        after_variations = pos_rows(pair)
        assert after_variations[variation]["moneypriceorg"] != before[variation]["moneypriceorg"]
        assert "UNMATCHED-1" not in after_variations

        pair.reset_counters()
        for operation in (
            Operation.RESYNC_MATCHED_CATEGORIES,
            Operation.RESYNC_MATCHED_PARENT_PRODUCTS,
            Operation.RESYNC_MATCHED_VARIATIONS,
        ):
            await run_ops(pair, sessions, [operation])
        assert writes(pair) == (0, 0), "a resync with nothing changed writes nothing"
