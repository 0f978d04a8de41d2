"""Image rows I1–I3 of docs/mapping.md: hashes, media ids for the shop, uploads only on change."""

from __future__ import annotations

import pytest

from possync.errors import MappingError
from possync.sync.flows import (
    ImageFile,
    content_hash,
    image_payload,
    pos_image_plan,
    unique_names,
    woo_image_files,
    woo_image_refs,
    woo_uploads,
    woo_variation_file,
)
from possync.woo.models import Product, Variation


def test_i2_content_hash_follows_the_bytes() -> None:
    assert content_hash(b"png") == content_hash(b"png")
    assert content_hash(b"png") != content_hash(b"png!")
    assert len(content_hash(b"")) == 64


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
    files = woo_image_files(product)
    assert [(f.media_id, f.name) for f in files] == [
        (11, "Rod-troja.jpg"),
        (12, "Rod-troja-2.jpg"),
        (13, "bild"),
    ]
    assert unique_names(["a", "a", "a.png", "a.png"]) == ["a", "a-2", "a.png", "a-2.png"]


def test_i1_a_variations_single_image() -> None:
    with_image = Variation.model_validate({"id": 2, "image": {"id": 21, "src": "https://s/x/blå.png"}})
    assert woo_variation_file(with_image) == ImageFile(name="bla.png", media_id=21, src="https://s/x/blå.png")
    assert woo_variation_file(Variation.model_validate({"id": 3, "image": None})) is None


def test_i2_the_shop_gets_media_ids_never_urls() -> None:
    media = {"h1": 101, "h2": 102}
    assert woo_image_refs(["h2", "h1"], media) == [{"id": 102}, {"id": 101}]
    with pytest.raises(MappingError, match="not uploaded"):
        woo_image_refs(["h3"], media)


def test_i2_only_images_the_shop_lacks_are_uploaded_each_once() -> None:
    files = [ImageFile("a.jpg", "h1"), ImageFile("b.jpg", "h3"), ImageFile("c.jpg", "h3")]
    assert woo_uploads(files, {"h1": 101}) == [ImageFile("b.jpg", "h3")]


def test_i3_sitoo_gets_an_image_again_only_when_its_bytes_changed() -> None:
    files = [ImageFile("a.jpg", "h1"), ImageFile("b.jpg", "h2"), ImageFile("c.jpg", "h3")]
    plan = pos_image_plan(files, {"a.jpg": "h1", "b.jpg": "old", "gone.jpg": "h9"})
    assert [f.name for f in plan.upload] == ["b.jpg", "c.jpg"]
    assert plan.unchanged == ["a.jpg"]
    assert plan.remove == ["gone.jpg"]


def test_i3_nothing_changed_uploads_nothing_and_a_resync_uploads_all() -> None:
    files = [ImageFile("a.jpg", "h1")]
    assert pos_image_plan(files, {"a.jpg": "h1"}).upload == []
    assert pos_image_plan(files, {"a.jpg": "h1"}, resync=True).upload == files


def test_image_payload_remembers_name_hash_and_media() -> None:
    assert image_payload(ImageFile("a.jpg", "h1", 7)) == {"resourceid": "a.jpg", "hash": "h1", "media": 7}
