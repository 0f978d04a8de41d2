"""Product images go up to Sitoo once: a resync that changed nothing uploads nothing, and a
changed image is the only one sent again."""

from __future__ import annotations

from engine_helpers import pos_tables, run_ops
from sqlalchemy import Engine

from possync.sandbox import SandboxPair, sandbox_pair
from possync.settings import Operation
from possync.store import session_factory
from possync.sync.operations import FULL_SYNC_UP
from possync.woo import WooClient
from possync_sandbox.catalogue import generate

CATALOGUE = generate(4, 16, orders=0)
UPLOADS = "POST /v2/accounts/{id}/sites/{id}/products/{id}/images.json"


def uploads(pair: SandboxPair) -> int:
    return pair.sitoo.counter.by_route[UPLOADS]


async def test_images_are_uploaded_once_and_again_only_when_changed(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "woo") as pair:
        await run_ops(pair, sessions, FULL_SYNC_UP)
        first = uploads(pair)
        linked = sum(len(p.get("_images", [])) for p in pos_tables(pair)["products"]["rows"])
        assert first > 0
        assert linked == first
        pair.reset_counters()
        await run_ops(pair, sessions, [Operation.RESYNC_MATCHED_PRODUCT_IMAGES])
        assert uploads(pair) == 0
        async with WooClient(pair.connection.woo) as woo:
            synced = {p["sku"] for p in pos_tables(pair)["products"]["rows"]}
            products = [p for p in await woo.products.list_all() if p.images and p.sku in synced]
            first_product, other = products[0], products[1]
            images = [{"id": i.id} for i in first_product.images] + [{"id": other.images[0].id}]
            await woo.products.update(first_product.id, {"images": images})
        await run_ops(pair, sessions, [Operation.RESYNC_MATCHED_PRODUCT_IMAGES])
        assert uploads(pair) == 1
        assert sum(len(p.get("_images", [])) for p in pos_tables(pair)["products"]["rows"]) == linked + 1
