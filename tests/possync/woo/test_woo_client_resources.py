"""The typed resources that the other WooClient tests do not reach: variations, attributes and
terms, webhooks, settings, system status, once-only category creates and the write-safety table."""

from __future__ import annotations

from woo_fixtures import shop

from possync.woo import WRITE_SAFETY, is_safe_to_repeat, safety_of
from possync_sandbox.faults import FaultPlan


async def test_variations_attributes_and_terms() -> None:
    with shop() as s:
        async with s.client(auth="basic") as woo:
            size = await woo.attributes.create({"name": "Size"})
            terms = await woo.terms(size.id).batch(create=[{"name": "S"}, {"name": "M"}])
            parent = await woo.products.create(
                {
                    "name": "Tee",
                    "type": "variable",
                    "sku": "TEE",
                    "attributes": [{"id": size.id, "variation": True, "options": ["S", "M"]}],
                }
            )
            made = await woo.variations(parent.id).batch(
                create=[
                    {
                        "sku": "TEE-S",
                        "regular_price": "100.00",
                        "attributes": [{"id": size.id, "option": "S"}],
                    },
                    {
                        "sku": "TEE-M",
                        "regular_price": "110.00",
                        "attributes": [{"id": size.id, "option": "M"}],
                    },
                ]
            )
            variations = await woo.variations(parent.id).list_all()
            by_sku = await woo.products.find_by_sku("tee-m")
    assert [t.value.name for t in terms if t.value] == ["S", "M"]
    assert all(r.ok for r in made)
    assert sorted(v.sku for v in variations) == ["TEE-M", "TEE-S"]
    assert by_sku is not None
    assert by_sku.type == "variation"
    assert by_sku.parent_id == parent.id


async def test_webhooks_settings_and_system_status() -> None:
    with shop(wc_version="9.4.2", currency="SEK") as s:
        async with s.client(auth="basic") as woo:
            hook = await woo.webhooks.create(
                {
                    "name": "possync",
                    "topic": "product.updated",
                    "delivery_url": "http://127.0.0.1:9/hook",
                    "secret": "x",
                }
            )
            paused = await woo.webhooks.update(hook.id, {"status": "paused"})
            hooks = await woo.webhooks.list_all()
            tax = await woo.settings.get("tax", "woocommerce_prices_include_tax")
            status = await woo.system_status.get()
    assert hook.status == "active"
    assert paused.status == "paused"
    assert [h.topic for h in hooks] == ["product.updated"]
    assert tax.value == "yes"
    assert status.environment.version == "9.4.2"


async def test_category_create_once_after_a_lost_answer_or_an_existing_name() -> None:
    with shop() as s:
        async with s.client(auth="basic") as woo:
            top = await woo.categories.create({"name": "Shoes"})
            s.emulator.faults.configure(FaultPlan(script=["lost_response"], path_pattern="/categories"))
            child = await woo.categories.create_once({"name": "Boots", "parent": top.id})
            again = await woo.categories.create_once({"name": "Boots", "parent": top.id})
    assert child.id == again.id
    assert sorted(c["name"] for c in s.state()["categories"]) == ["Boots", "Shoes", "Uncategorized"]


def test_write_safety_declarations() -> None:
    assert is_safe_to_repeat("products.update")
    assert not is_safe_to_repeat("products.create")
    assert safety_of("products.create").lookup == "sku"
    assert safety_of("coupons.create").lookup == "code"
    assert safety_of("orders.create").lookup is None
    assert not is_safe_to_repeat("something.undeclared")
    assert all(w.lookup or w.safe_to_repeat or w.note for w in WRITE_SAFETY.values())


def test_images_go_by_media_id_only() -> None:
    from possync.woo import check_image_refs, image_refs

    payload = {"name": "P", "images": [{"id": 5, "src": "https://shop/x.png", "alt": "front"}]}
    assert check_image_refs(payload) == {"name": "P", "images": [{"id": 5, "alt": "front"}]}
    assert payload["images"][0]["src"] == "https://shop/x.png"  # the caller's payload is left alone
    assert check_image_refs({"image": {"id": 9, "src": "u"}}) == {"image": {"id": 9}}
    assert check_image_refs({"images": [{"src": "https://cdn/new.png"}]}, sideload=True)["images"][0]["src"]
    assert image_refs([3, 4], ["front"]) == [{"id": 3, "alt": "front"}, {"id": 4}]
