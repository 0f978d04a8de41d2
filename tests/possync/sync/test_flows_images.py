"""Image rows I1–I2 of docs/mapping.md: Sitoo files down by media id once held, shop names for Sitoo."""

from __future__ import annotations

from datetime import UTC, datetime

from possync.sitoo.models import Resource
from possync.sync.flows import (
    SITOO,
    Held,
    SitooFile,
    sent_images,
    shop_image,
    shop_images,
    shown_files,
    sitoo_files,
    unique_names,
    woo_image,
    woo_image_names,
    woo_images,
)
from possync.woo.models import Product, Variation

CREATED = datetime(2026, 1, 2, tzinfo=UTC)
A = SitooFile("a.png", "100-10", "https://files/a.png")
B = SitooFile("b.png", "100-20", "https://files/b.png")
C = SitooFile("c.png", "100-30", "https://files/c.png")


def test_i1_sitoo_images_in_order_with_their_versions_and_urls() -> None:
    resources = [
        Resource(resourceid="b.png", datecreated=CREATED, filesize=20),
        Resource(resourceid="a.png", datecreated=CREATED, filesize=10),
        Resource(resourceid=None),
    ]
    files = sitoo_files(resources, lambda name: f"https://files/{name}")
    stamp = int(CREATED.timestamp())
    assert files == [
        SitooFile("b.png", f"{stamp}-20", "https://files/b.png"),
        SitooFile("a.png", f"{stamp}-10", "https://files/a.png"),
    ]
    assert sitoo_files(resources, lambda name: None) == []


def test_i2_media_ids_for_held_versions_and_a_url_only_for_a_version_the_shop_lacks() -> None:
    held = {"a.png": Held(101, shown=True), "c.png": Held(103)}
    body = woo_images([B, A, C], lambda f: held.get(f.resourceid))
    assert body == {
        "images": [
            {"src": "https://files/b.png", SITOO: {"resourceid": "b.png", "version": "100-20"}},
            {"id": 101},
            {"id": 103, SITOO: C.shown()},
        ]
    }
    assert shown_files(body) == [B.shown(), None, C.shown()]
    assert sent_images(body) == {"images": [{"src": "https://files/b.png"}, {"id": 101}, {"id": 103}]}
    assert woo_images([], lambda f: None) == {}
    assert sent_images({"sku": "X"}) == {"sku": "X"}


def test_i2_a_product_showing_its_images_reads_back_as_written() -> None:
    shop = Product.model_validate({"id": 1, "images": [{"id": 7, "src": "https://shop/a.png"}, {"id": 8}]})
    shown = {"a.png": Held(7, shown=True), "b.png": Held(8, shown=True)}
    assert shop_images(shop) == woo_images([A, B], lambda f: shown[f.resourceid])
    assert shop_images(Product.model_validate({"id": 2, "images": []})) == {}


def test_i1_shop_images_in_order_with_sitoo_safe_unique_names() -> None:
    product = Product.model_validate(
        {
            "id": 1,
            "images": [
                {"id": 11, "src": "https://shop.example/u/Röd tröja.jpg"},
                {"id": 12, "src": "https://shop.example/v/Röd tröja.jpg?x=1"},
                {"id": 13, "src": "", "name": "bild"},
            ],
        }
    )
    assert woo_image_names(product.images) == ["Rod-troja.jpg", "Rod-troja-2.jpg", "bild"]
    assert unique_names(["a", "a", "a.png", "a.png"]) == ["a", "a-2", "a.png", "a-2.png"]


def test_i1_a_variations_image_is_its_variants_first_file_by_media_id_or_url_once() -> None:
    body = woo_image([B, A], lambda f: None)
    assert body == {"image": {"src": "https://files/b.png", SITOO: B.shown()}}
    assert shown_files(body) == [B.shown()]
    assert sent_images({"sku": "V", **body}) == {"sku": "V", "image": {"src": "https://files/b.png"}}
    held = woo_image([B], lambda f: Held(21))
    assert held == {"image": {"id": 21, SITOO: B.shown()}}
    assert woo_image([B], lambda f: Held(21, shown=True)) == {"image": {"id": 21}}
    assert woo_image([], lambda f: Held(21)) == {}


def test_i1_a_variation_showing_its_image_reads_back_as_written() -> None:
    shown = Variation.model_validate({"id": 5, "image": {"id": 21, "src": "https://shop/b.png"}})
    assert shop_image(shown) == woo_image([B], lambda f: Held(21, shown=True))
    assert shop_image(Variation.model_validate({"id": 6, "image": None})) == {}
    assert shop_image(Variation.model_validate({"id": 7, "image": {"id": 0, "src": ""}})) == {}
