"""The Sitoo client's catalogue resources against the emulator over loopback HTTP."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sitoo_client_helpers import ClientFactory, stored_rows

from possync.sitoo.models import (
    PriceListItem,
    Product,
    ProductVariant,
    ProductVariantGroup,
    ProductVariants,
    Voucher,
)
from possync_sandbox.faults import FaultPlan
from possync_sandbox.sitoo import SitooEmulator

PRODUCTS_PATH = r"/sites/1/products\.json$"


def product(sku: str, **fields: object) -> Product:
    return Product.model_validate({"sku": sku, "title": f"Title {sku}", "moneyprice": "100.00", **fields})


async def test_reads_keep_titles_and_descriptions(make_client: ClientFactory) -> None:
    async with make_client() as client:
        await client.products.create_many(
            [product("DESC-1", description="<p>Long</p>", descriptionshort="Short")]
        )
        (read,) = await client.products.read_all()
    assert read.title == "Title DESC-1"
    assert read.description == "<p>Long</p>"
    assert read.descriptionshort == "Short"
    assert read.moneyprice == Decimal("100.00")


async def test_changes_since_include_products_switched_off(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    clock = emulator.store.clock
    async with make_client() as client:
        created = await client.products.create_many([product(f"CHG-{n}") for n in range(3)])
        since = datetime.fromtimestamp(clock.time() + 30, UTC)
        clock.advance(60)
        ids = [r.id or 0 for r in created]
        await client.products.update_many(
            [
                {"productid": ids[0], "active": False, "activepos": False},
                {"productid": ids[1], "title": "New"},
            ]
        )
        changed = [p async for page in client.products.changed_since(since) for p in page]
    assert sorted(p.productid for p in changed if p.productid) == sorted(ids[:2])
    off = next(p for p in changed if p.productid == ids[0])
    assert (off.active, off.activepos) == (False, False)


async def test_changes_since_include_a_product_changed_in_that_very_second(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    clock = emulator.store.clock  # the emulator answers datelastmodified strictly after, by default
    async with make_client() as client:
        await client.products.create_many([product("EARLIER-1")])
        clock.advance(60)
        await client.products.create_many([product("EDGE-1")])
        since = datetime.fromtimestamp(clock.now(), UTC)
        changed = [p.sku async for page in client.products.changed_since(since) for p in page]
    assert changed == ["EDGE-1"]  # no overlap added: the cursor re-reads its own window


async def test_per_item_results_of_a_product_batch(make_client: ClientFactory) -> None:
    async with make_client() as client:
        results = await client.products.create_many(
            [product("OK-1"), product("OK-1"), product("bad sku"), product("OK-2")]
        )
    assert [r.ok for r in results] == [True, False, False, True]
    assert all(r.id for r in (results[0], results[3]))
    assert [r.status for r in results[1:3]] == [400, 400]
    assert results[1].error is not None
    assert "OK-1" in results[1].error.message


async def test_lost_product_create_then_retry_leaves_exactly_one_product(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    # The SKU look-up goes through, the create lands but its answer is lost.
    emulator.faults.configure(FaultPlan(script=["ok", "lost_response"], path_pattern=PRODUCTS_PATH))
    async with make_client() as client:
        (first,) = await client.products.create_once([product("LOST-1")])
        (again,) = await client.products.create_once([product("LOST-1")])
        found = await client.products.find_by_skus(["LOST-1"])
        everything = await client.products.read_all()
    assert emulator.faults.served["lost_response"] == 1
    assert first.ok
    assert not first.existed
    assert again.existed
    assert first.id == again.id == found["LOST-1"].productid
    assert [p.sku for p in everything] == ["LOST-1"]
    assert [p["sku"] for p in stored_rows(emulator, "products")] == ["LOST-1"]


async def test_updates_are_partial_and_need_the_productid(make_client: ClientFactory) -> None:
    async with make_client() as client:
        (created,) = await client.products.create_many([product("UPD-1", moneypricein="12.30")])
        assert created.id is not None
        (updated,) = await client.products.update_many(
            [Product(productid=created.id, moneyprice=Decimal("1234.56"))]
        )
        read = await client.products.get(created.id)
        with pytest.raises(ValueError, match="productid"):
            await client.products.update_many([{"sku": "UPD-1", "title": "no id"}])
    assert updated.ok
    assert read.moneyprice == Decimal("1234.56")
    assert read.moneypricein == Decimal("12.30")
    assert read.title == "Title UPD-1"


async def test_variant_family_is_written_and_read(make_client: ClientFactory) -> None:
    async with make_client() as client:
        (main,) = await client.products.create_many([product("TEE")])
        assert main.id is not None
        family = ProductVariants(
            groups=[ProductVariantGroup(name="Color", options=["Red", "Blue"])],
            variants=[
                ProductVariant(
                    productid=0, sku=f"TEE-{c}", title=f"Tee {c}", moneyprice=Decimal("59.00"), attributes=[c]
                )
                for c in ("Red", "Blue")
            ],
        )
        await client.products.set_variants(main.id, family)
        read = await client.products.variants(main.id)
        variants = await client.products.find_by_skus(["TEE-Red", "TEE-Blue"])
    assert {v.sku for v in read.variants} >= {"TEE-Red", "TEE-Blue"}
    assert [g.name for g in read.groups] == ["Color"]
    assert all(v.variantparentid == main.id for v in variants.values())


async def test_images_are_uploaded_and_listed(make_client: ClientFactory) -> None:
    async with make_client() as client:
        (created,) = await client.products.create_many([product("IMG-1")])
        assert created.id is not None
        await client.products.add_image(created.id, "img-1.png", b"\x89PNG\r\n\x1a\nfake")
        images = await client.products.images(created.id).read_all()
    assert [i.resourceid for i in images] == ["img-1.png"]


async def test_vouchers_are_created_once_by_code(emulator: SitooEmulator, make_client: ClientFactory) -> None:
    emulator.faults.configure(FaultPlan(script=["ok", "lost_response"], path_pattern=r"/vouchers\.json$"))
    voucher = Voucher(vouchername="Spring", vouchertype=210, value_x=10, voucherpassword="SPRING10")
    async with make_client() as client:
        first = await client.vouchers.create_once(voucher)
        again = await client.vouchers.create_once(voucher)
        everything = await client.vouchers.read_all()
    assert emulator.faults.served["lost_response"] == 1
    assert first == (again[0], False)
    assert again[1] is True
    assert [v.voucherpassword for v in everything] == ["SPRING10"]


async def test_price_list_items_are_set_by_sku(make_client: ClientFactory) -> None:
    async with make_client() as client:
        await client.products.create_many([product("PRICE-1")])
        results = await client.price_lists.set_prices(
            1, [PriceListItem(sku="PRICE-1", moneyprice=Decimal("79.90"))]
        )
        items = await client.price_lists.items(1).read_all()
        (read,) = (await client.products.find_by_skus(["PRICE-1"])).values()
    assert results[0].ok
    assert [(i.sku, i.moneyprice) for i in items] == [("PRICE-1", Decimal("79.90"))]
    assert read.moneyprice == Decimal("79.90")


async def test_concurrent_chunks_give_each_record_its_own_id(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    skus = [f"CHUNK-{n}" for n in range(7)]
    async with make_client(batch_size=2, concurrency=4) as client:
        results = await client.products.create_many([product(sku) for sku in skus])
        found = await client.products.find_by_skus(skus)
    posts = emulator.counter.snapshot()["by_route"]["POST /v2/accounts/{id}/sites/{id}/products.json"]
    assert posts == 4
    assert [r.sent["sku"] for r in results] == skus
    assert [r.id for r in results] == [found[sku].productid for sku in skus]
