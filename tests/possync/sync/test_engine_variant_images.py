"""A variant's own image syncs both ways: Sitoo's first variant image becomes the shop variation's
image once (never downloaded again, never sent back up), a shop variation's image goes up to its
Sitoo variant once, and the ``variant_images`` switch turned off leaves variation images alone.
Asserted on both emulators' state and on the requests they counted."""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import Any

from engine_helpers import pos_tables, run_ops, writes
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from possync.sandbox import SandboxPair, sandbox_pair
from possync.settings import Operation
from possync.sitoo import SitooClient
from possync.store import session_factory
from possync.sync.catalogue import CatalogueOptions
from possync.sync.operations import FULL_SYNC, FULL_SYNC_UP, StepReport
from possync.sync.runner import open_catalogue, run_logged
from possync.woo import WooClient
from possync_sandbox.catalogue import generate
from possync_sandbox.catalogue.png import swatch_png

CATALOGUE = generate(5, 16, orders=0)
IMAGES = "/v2/accounts/{id}/sites/{id}/products/{id}/images.json"
RESYNCS = [Operation.RESYNC_MATCHED_VARIATIONS, Operation.RESYNC_MATCHED_PRODUCT_IMAGES]


def variants(pair: SandboxPair) -> dict[str, dict[str, Any]]:
    """Sitoo's variants by SKU."""
    rows = pos_tables(pair)["products"]["rows"]
    return {r["sku"]: r for r in rows if r.get("variantparentid") not in (None, r["productid"])}


def sitoo_bytes(pair: SandboxPair, name: str) -> bytes:
    files = {r["resourceid"]: r for r in pos_tables(pair)["resources"]["rows"]}
    return base64.b64decode(files[name]["_filedata"])


def shop_variations(pair: SandboxPair) -> dict[str, dict[str, Any]]:
    return {v["sku"]: v for v in pair.woo.state()["variations"] if v.get("sku")}


def shop_image(pair: SandboxPair, sku: str) -> bytes | None:
    """The bytes of a shop variation's image (``None``: it has none)."""
    media = shop_variations(pair)[sku].get("image")
    return pair.woo.store.media_bytes[media] if media else None


def requests(pair: SandboxPair, emulator: str, method: str) -> int:
    counter = (pair.sitoo if emulator == "sitoo" else pair.woo).counter
    return int(counter.by_route[f"{method} {IMAGES}"])


async def run_without(
    pair: SandboxPair, sessions: sessionmaker[Session], operations: list[Operation]
) -> list[StepReport]:
    """The operations run with the ``variant_images`` switch off."""
    connection = replace(pair.connection, options=CatalogueOptions(variant_images=False))
    async with open_catalogue(connection, sessions) as sync:
        return await run_logged(sync, sessions, connection, operations)


async def own_first_image(pair: SandboxPair, sku: str, name: str, content: bytes) -> None:
    """Give a Sitoo variant ``content`` as its only image, in place of the one it shares."""
    async with SitooClient(pair.connection.sitoo) as sitoo:
        productid = variants(pair)[sku]["productid"]
        for _ in variants(pair)[sku].get("_images", []):
            await sitoo.products.images(productid).delete(0)
        await sitoo.products.add_image(productid, name, content)


async def test_a_variants_image_comes_down_once_and_never_goes_back_up(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        sku = sorted(variants(pair))[0]
        own = swatch_png(77, (200, 30, 90))
        await own_first_image(pair, sku, "own-variant-picture.png", own)
        pair.reset_counters()
        await run_ops(pair, sessions, FULL_SYNC)
        found = variants(pair)
        assert requests(pair, "sitoo", "GET") == len(pos_tables(pair)["products"]["rows"])
        assert shop_image(pair, sku) == own
        for variant_sku, row in found.items():
            assert shop_image(pair, variant_sku) == sitoo_bytes(pair, row["_images"][0])
        media = len(pair.woo.state()["media"])
        images = {s: v["image"] for s, v in shop_variations(pair).items()}
        pair.reset_counters()
        again = await run_ops(pair, sessions, [*FULL_SYNC, *RESYNCS])
        assert writes(pair) == (0, 0)
        assert all(step.report.writes == 0 for step in again)
        assert len(pair.woo.state()["media"]) == media
        assert {s: v["image"] for s, v in shop_variations(pair).items()} == images


async def test_a_changed_variant_image_replaces_the_shop_one_once(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        await run_ops(pair, sessions, FULL_SYNC)
        sku = sorted(variants(pair))[1]
        media = len(pair.woo.state()["media"])
        new = swatch_png(78, (5, 120, 240))
        await own_first_image(pair, sku, "changed-variant-picture.png", new)
        await run_ops(pair, sessions, FULL_SYNC)
        await run_ops(pair, sessions, FULL_SYNC)
        assert shop_image(pair, sku) == new
        assert len(pair.woo.state()["media"]) == media + 1


async def test_a_shop_variations_image_goes_up_to_its_variant_once(store_engine: Engine) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "woo") as pair:
        shown = {s for s, v in shop_variations(pair).items() if v.get("image")}
        assert shown
        await run_ops(pair, sessions, FULL_SYNC_UP)
        found = variants(pair)
        for sku in shown:
            assert [sitoo_bytes(pair, name) for name in found[sku]["_images"]] == [shop_image(pair, sku)]
        pair.reset_counters()
        await run_ops(pair, sessions, [Operation.RESYNC_MATCHED_PRODUCT_IMAGES])
        assert requests(pair, "sitoo", "POST") == 0
        sku = sorted(shown)[0]
        variation = shop_variations(pair)[sku]
        other = next(v["image"] for v in shop_variations(pair).values() if v["image"] != variation["image"])
        async with WooClient(pair.connection.woo) as woo:
            await woo.variations(variation["parent_id"]).update(variation["id"], {"image": {"id": other}})
        await run_ops(pair, sessions, [Operation.RESYNC_MATCHED_PRODUCT_IMAGES])
        assert requests(pair, "sitoo", "POST") == 1
        assert sitoo_bytes(pair, variants(pair)[sku]["_images"][-1]) == pair.woo.store.media_bytes[other]


async def test_switched_off_no_variant_image_comes_down(store_engine: Engine) -> None:
    with sandbox_pair(CATALOGUE, "pos") as pair:
        await run_without(pair, session_factory(store_engine), list(FULL_SYNC))
        mains = len(pos_tables(pair)["products"]["rows"]) - len(variants(pair))
        assert requests(pair, "sitoo", "GET") == mains
        assert shop_variations(pair)
        assert not any(v.get("image") for v in shop_variations(pair).values())


async def test_switched_off_no_variation_image_goes_up(store_engine: Engine) -> None:
    with sandbox_pair(CATALOGUE, "woo") as pair:
        shown = [s for s, v in shop_variations(pair).items() if v.get("image")]
        assert shown
        await run_without(pair, session_factory(store_engine), list(FULL_SYNC_UP))
        assert set(shown) <= set(variants(pair))
        assert not any(row.get("_images") for row in variants(pair).values())


async def test_a_variant_image_the_shop_cannot_download_parks_that_variation_only(
    store_engine: Engine,
) -> None:
    sessions = session_factory(store_engine)
    with sandbox_pair(CATALOGUE, "pos") as pair:
        sku = sorted(variants(pair))[0]
        await own_first_image(pair, sku, "size-chart.pdf", b"%PDF-1.4 not a picture")
        reports = await run_ops(pair, sessions, FULL_SYNC)
        parked = [(key, reason) for step in reports for key, reason in step.report.parked]
        assert [key for key, _ in parked] == [sku]
        assert sku in parked[0][1]
        assert "image" in parked[0][1]
        assert set(shop_variations(pair)) == set(variants(pair)) - {sku}
        products = {p["sku"] for p in pair.woo.state()["products"]}
        mains = {r["sku"] for r in pos_tables(pair)["products"]["rows"]} - set(variants(pair))
        assert products == mains
