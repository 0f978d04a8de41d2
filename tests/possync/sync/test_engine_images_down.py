"""Product images come down from Sitoo into the shop once: in Sitoo's order, each file version
downloaded by the shop once (shared files too), reused by media id afterwards, and never sent back
up. Asserted on both emulators' state: the shop's media and product images, Sitoo's files."""

from __future__ import annotations

import base64
from typing import Any

from engine_helpers import pos_tables, run_ops
from sqlalchemy import Engine

from possync.sandbox import SandboxPair, sandbox_pair
from possync.settings import Operation
from possync.sitoo import SitooClient
from possync.store import session_factory
from possync.sync.operations import FULL_SYNC
from possync.sync.runner import open_catalogue
from possync_sandbox.catalogue import generate
from possync_sandbox.catalogue.png import swatch_png

CATALOGUE = generate(5, 16, orders=0)
UPLOADS = "POST /v2/accounts/{id}/sites/{id}/products/{id}/images.json"
RESYNCS = [Operation.RESYNC_MATCHED_PARENT_PRODUCTS, Operation.RESYNC_MATCHED_PRODUCT_IMAGES]


def sitoo_images(pair: SandboxPair) -> dict[str, list[str]]:
    """Each Sitoo main product's image files, in order, by SKU."""
    rows = pos_tables(pair)["products"]["rows"]
    mains = [r for r in rows if r.get("variantparentid") in (None, r["productid"])]
    return {r["sku"]: list(r.get("_images", [])) for r in mains}


def sitoo_bytes(pair: SandboxPair, name: str) -> bytes:
    files = {r["resourceid"]: r for r in pos_tables(pair)["resources"]["rows"]}
    return base64.b64decode(files[name]["_filedata"])


def shop_products(pair: SandboxPair) -> dict[str, dict[str, Any]]:
    return {p["sku"]: p for p in pair.woo.state()["products"] if p.get("sku")}


def shop_bytes(pair: SandboxPair, sku: str) -> list[bytes]:
    """The bytes of a shop product's images, in order (first = featured)."""
    return [pair.woo.store.media_bytes[m] for m in shop_products(pair)[sku]["images"]]


def media_count(pair: SandboxPair) -> int:
    return len(pair.woo.state()["media"])


async def incremental(pair: SandboxPair, engine: Engine) -> None:
    async with open_catalogue(pair.connection, session_factory(engine)) as sync:
        await sync.incremental(send_changes=True)


async def test_full_sync_down_brings_each_products_images_in_order(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        await run_ops(pair, sessions, FULL_SYNC)
        synced = {sku: names for sku, names in sitoo_images(pair).items() if sku in shop_products(pair)}
        assert sum(map(len, synced.values())) > len(synced)  # several products with several images
        for sku, names in synced.items():
            assert shop_bytes(pair, sku) == [sitoo_bytes(pair, name) for name in names]
        assert media_count(pair) == len({name for names in synced.values() for name in names})


async def test_syncing_again_creates_no_media_and_sends_nothing_up(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        await run_ops(pair, sessions, FULL_SYNC)
        media, images = media_count(pair), {s: p["images"] for s, p in shop_products(pair).items()}
        pair.reset_counters()
        again = await run_ops(pair, sessions, [*FULL_SYNC, *RESYNCS])
        await incremental(pair, store_engine)
        assert media_count(pair) == media
        assert {s: p["images"] for s, p in shop_products(pair).items()} == images
        assert pair.sitoo.counter.by_route[UPLOADS] == 0
        assert all(step.report.writes == 0 for step in again)


async def test_a_file_shown_by_two_products_is_downloaded_once(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        (first, names), (second, _) = [(s, n) for s, n in sitoo_images(pair).items() if n][:2]
        rows = {r["sku"]: r["productid"] for r in pos_tables(pair)["products"]["rows"]}
        async with SitooClient(pair.connection.sitoo) as sitoo:
            await sitoo.products.add_image(rows[second], names[0])  # link the first one's file
        await run_ops(pair, sessions, FULL_SYNC)
        shop = shop_products(pair)
        assert shop[second]["images"][-1] == shop[first]["images"][0]
        assert media_count(pair) == len({n for names in sitoo_images(pair).values() for n in names})


async def test_a_changed_sitoo_image_replaces_the_shop_image_once(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        await run_ops(pair, sessions, FULL_SYNC)
        sku, names = next((s, n) for s, n in sitoo_images(pair).items() if len(n) > 1)
        productid = next(r["productid"] for r in pos_tables(pair)["products"]["rows"] if r["sku"] == sku)
        before, media = shop_bytes(pair, sku), media_count(pair)
        new = swatch_png(99, (10, 200, 30))
        pair.sitoo.store.clock.advance(60)
        async with SitooClient(pair.connection.sitoo) as sitoo:
            await sitoo.products.add_image(productid, names[0], new)  # same name, new bytes
        await incremental(pair, store_engine)
        assert shop_bytes(pair, sku) == [new, *before[1:]]
        assert media_count(pair) == media + 1
        await run_ops(pair, sessions, FULL_SYNC)
        await incremental(pair, store_engine)
        assert media_count(pair) == media + 1
        assert shop_bytes(pair, sku) == [new, *before[1:]]


async def test_a_file_whose_first_sender_is_refused_comes_with_the_next_product(
    store_engine: Engine,
) -> None:
    """The product that took a file on is refused by the shop (its SKU is taken): the file is not
    left claimed, so a later product showing it still gets it instead of waiting for ever."""
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        rows = {r["sku"]: r["productid"] for r in pos_tables(pair)["products"]["rows"]}
        (first, _), (refused, names), (later, _) = sorted(
            ((s, n) for s, n in sitoo_images(pair).items() if n), key=lambda item: rows[item[0]]
        )[:3]
        async with SitooClient(pair.connection.sitoo) as sitoo:
            await sitoo.products.update(rows[refused], {"sku": first.lower()})  # the shop: the same SKU
            await sitoo.products.add_image(rows[later], names[0])
        steps = await run_ops(pair, sessions, FULL_SYNC)
        assert shop_bytes(pair, later)[-1] == sitoo_bytes(pair, names[0])
        parked = {key: reason for step in steps for key, reason in step.report.parked}
        assert later not in parked
        assert "duplicated SKU" in parked[first.lower()]  # the refused one, with the shop's reason
