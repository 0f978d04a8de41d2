"""The demo catalogue as the WooCommerce emulator holds it (``loader.py``)."""

from __future__ import annotations

import html
from typing import Any

import pytest
from woo_support import WooShop

from possync_sandbox.catalogue import generate
from possync_sandbox.catalogue.model import Catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return generate(3, 60)


@pytest.fixture
def loaded(woo_shop: WooShop, catalogue: Catalogue) -> dict[str, int]:
    return woo_shop.emulator.load_catalogue(catalogue)


def all_products(shop: WooShop) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for page in range(1, 10):
        batch = shop.client.get("/products", params={"per_page": 100, "page": page, "status": "any"}).json()
        rows += batch
        if len(batch) < 100:
            return rows
    return rows


def test_manufacturers_are_terms_of_pa_manufacturer(
    woo_shop: WooShop, catalogue: Catalogue, loaded: dict[str, int]
) -> None:
    attributes = {a["slug"]: a for a in woo_shop.client.get("/products/attributes").json()}
    names = {name for p in catalogue.products for name in p.attribute_options()}
    assert {a["name"] for a in attributes.values()} == {"Manufacturer", *names}
    assert "pa_manufacturer" in attributes
    url = f"/products/attributes/{attributes['pa_manufacturer']['id']}/terms"
    terms = {t["name"] for t in woo_shop.client.get(url, params={"per_page": 100}).json()}
    assert terms == {html.escape(m.name, quote=False) for m in catalogue.manufacturers}


def test_products_carry_their_brand(woo_shop: WooShop, catalogue: Catalogue, loaded: dict[str, int]) -> None:
    branded = next(p for p in catalogue.products if p.manufacturer and p.kind == "simple" and p.sku)
    brand = next(m.name for m in catalogue.manufacturers if m.key == branded.manufacturer)
    found = woo_shop.client.get("/products", params={"sku": branded.sku}).json()[0]
    shown = [a["options"] for a in found["attributes"] if a["slug"] == "pa_manufacturer"]
    assert shown == [[html.escape(brand, quote=False)]]


def test_category_tree_keeps_its_parents(
    woo_shop: WooShop, catalogue: Catalogue, loaded: dict[str, int]
) -> None:
    categories = woo_shop.client.get("/products/categories", params={"per_page": 100}).json()
    by_id = {c["id"]: c for c in categories}
    assert len(categories) == len(catalogue.categories) + 1
    depth = max(_depth(by_id, c) for c in categories)
    assert depth >= 3


def _depth(by_id: dict[int, dict[str, Any]], category: dict[str, Any]) -> int:
    return 1 if not category["parent"] else 1 + _depth(by_id, by_id[category["parent"]])


def test_every_kind_of_product_is_there(woo_shop: WooShop, loaded: dict[str, int]) -> None:
    kinds = {p["type"] for p in all_products(woo_shop)}
    assert kinds == {"simple", "variable", "grouped", "external"}


def test_variations_are_priced_and_stocked(
    woo_shop: WooShop, catalogue: Catalogue, loaded: dict[str, int]
) -> None:
    product = next(p for p in catalogue.products if p.kind == "variable" and p.awkward is None)
    variation = product.variations[0]
    found = woo_shop.client.get("/products", params={"sku": variation.sku}).json()[0]
    assert found["type"] == "variation"
    assert found["regular_price"] == f"{variation.price:.2f}"
    assert found["stock_quantity"] == variation.stock
    assert {a["name"] for a in found["attributes"]} == set(variation.attributes)


def test_the_duplicate_sku_is_refused_like_a_shop_would(
    woo_shop: WooShop, catalogue: Catalogue, loaded: dict[str, int]
) -> None:
    duplicate = next(p for p in catalogue.products if p.awkward_kind == "duplicate-sku")
    assert loaded["skipped"] >= 1
    assert len(woo_shop.client.get("/products", params={"sku": duplicate.sku}).json()) == 1


def test_empty_sku_product_is_loaded(woo_shop: WooShop, catalogue: Catalogue, loaded: dict[str, int]) -> None:
    empty = next(p for p in catalogue.products if p.awkward_kind == "empty-sku")
    assert any(p["name"] == empty.name and p["sku"] == "" for p in all_products(woo_shop))


def test_images_are_shop_media(woo_shop: WooShop, loaded: dict[str, int]) -> None:
    pictured = next(p for p in all_products(woo_shop) if p["images"])
    assert pictured["images"][0]["src"].startswith(f"{woo_shop.base_url}/wp-content/uploads/")
    assert loaded["media"] == len(woo_shop.emulator.store.media) > 0


def test_counts_match_the_state(woo_shop: WooShop, loaded: dict[str, int]) -> None:
    store = woo_shop.emulator.store
    assert (loaded["products"], loaded["variations"]) == (len(store.products), len(store.variations))
    assert loaded["coupons"] == len(store.coupons) > 0
