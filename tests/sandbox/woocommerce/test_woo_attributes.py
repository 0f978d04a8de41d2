"""Global attributes and their terms (spec §6.6)."""

from __future__ import annotations

import httpx
from woo_support import WooShop, error


def test_attribute_slug_has_the_pa_prefix(woo: httpx.Client) -> None:
    answer = woo.post("/products/attributes", json={"name": "Manufacturer"})
    assert answer.status_code == 201
    assert (answer.json()["slug"], answer.json()["type"], answer.json()["order_by"]) == (
        "pa_manufacturer",
        "select",
        "menu_order",
    )


def test_attribute_list_is_not_paginated(woo: httpx.Client) -> None:
    for name in ("Size", "Colour", "Material"):
        woo.post("/products/attributes", json={"name": name})
    answer = woo.get("/products/attributes", params={"per_page": 1})
    assert [a["name"] for a in answer.json()] == ["Size", "Colour", "Material"]
    assert "x-wp-total" not in answer.headers


def test_duplicate_attribute_slug_is_refused(woo: httpx.Client) -> None:
    woo.post("/products/attributes", json={"name": "Size"})
    answer = woo.post("/products/attributes", json={"name": "size"})
    assert error(answer)[:2] == (400, "woocommerce_rest_cannot_create")


def test_terms_crud(woo_shop: WooShop) -> None:
    size = woo_shop.client.post("/products/attributes", json={"name": "Size"}).json()
    url = f"/products/attributes/{size['id']}/terms"
    small = woo_shop.client.post(url, json={"name": "Small", "slug": "s"}).json()
    assert (small["name"], small["slug"], small["menu_order"]) == ("Small", "s", 0)
    assert woo_shop.client.put(f"{url}/{small['id']}", json={"name": "S"}).json()["name"] == "S"
    assert [t["name"] for t in woo_shop.client.get(url).json()] == ["S"]
    assert woo_shop.client.delete(f"{url}/{small['id']}", params={"force": "true"}).status_code == 200
    assert woo_shop.client.get(url).json() == []


def test_terms_of_an_unknown_attribute(woo: httpx.Client) -> None:
    assert error(woo.get("/products/attributes/99/terms"))[0] == 404


def test_product_options_of_a_global_attribute_create_terms(woo_shop: WooShop) -> None:
    brand = woo_shop.client.post("/products/attributes", json={"name": "Manufacturer"}).json()
    product = woo_shop.product(attributes=[{"id": brand["id"], "visible": True, "options": ["Acme"]}])
    shown = product["attributes"][0]
    assert (shown["id"], shown["name"], shown["slug"], shown["options"]) == (
        brand["id"],
        "Manufacturer",
        "pa_manufacturer",
        ["Acme"],
    )
    terms = woo_shop.client.get(f"/products/attributes/{brand['id']}/terms").json()
    assert [(t["name"], t["count"]) for t in terms] == [("Acme", 1)]


def test_attribute_named_like_a_global_one_becomes_global(woo_shop: WooShop) -> None:
    size = woo_shop.client.post("/products/attributes", json={"name": "Size"}).json()
    product = woo_shop.product(attributes=[{"name": "Size", "options": "S | M"}])
    assert (product["attributes"][0]["id"], product["attributes"][0]["options"]) == (size["id"], ["S", "M"])


def test_deleting_an_attribute_needs_force(woo_shop: WooShop) -> None:
    size = woo_shop.client.post("/products/attributes", json={"name": "Size"}).json()
    assert error(woo_shop.client.delete(f"/products/attributes/{size['id']}"))[0] == 501
    assert (
        woo_shop.client.delete(f"/products/attributes/{size['id']}", params={"force": "true"}).status_code
        == 200
    )
    assert woo_shop.client.get("/products/attributes").json() == []
