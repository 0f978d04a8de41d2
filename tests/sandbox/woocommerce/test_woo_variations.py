"""Variations: the variation object, attributes matched on the parent, parent-managed stock (spec §6.3)."""

from __future__ import annotations

from typing import Any

import httpx
from woo_support import WooShop, error


def size_attribute(shop: WooShop) -> int:
    attribute: dict[str, Any] = shop.client.post("/products/attributes", json={"name": "Size"}).json()
    return int(attribute["id"])


def test_new_variation_defaults(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    answer = woo_shop.client.post(f"/products/{parent['id']}/variations", json={"regular_price": "30.00"})
    variation = answer.json()
    assert answer.status_code == 201
    assert answer.headers["location"].endswith(f"/products/{parent['id']}/variations/{variation['id']}")
    assert (variation["image"], variation["sale_price"], variation["price"]) == (None, "", "30.00")
    assert variation["_links"]["up"] == [{"href": woo_shop.url(f"/products/{parent['id']}")}]


def test_global_attribute_option_is_shown_by_name(woo_shop: WooShop) -> None:
    size = size_attribute(woo_shop)
    attributes = [{"id": size, "variation": True, "options": ["S", "M"]}]
    parent = woo_shop.product(type="variable", name="Tee", attributes=attributes)
    body = {"attributes": [{"id": size, "option": "S"}]}
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json=body).json()
    assert variation["attributes"] == [{"id": size, "name": "Size", "slug": "pa_size", "option": "S"}]
    assert variation["name"] == "Tee - S"
    assert variation["permalink"].endswith("?attribute_pa_size=s")


def test_custom_attribute_matched_by_name(woo_shop: WooShop) -> None:
    attributes = [{"name": "Colour", "variation": True, "options": ["Red", "Blue"]}]
    parent = woo_shop.product(type="variable", attributes=attributes)
    body = {"attributes": [{"name": "Colour", "option": "Red"}]}
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json=body).json()
    assert [(a["id"], a["name"], a["option"]) for a in variation["attributes"]] == [(0, "Colour", "Red")]


def test_attributes_not_on_the_parent_are_skipped(woo_shop: WooShop) -> None:
    attributes = [{"name": "Colour", "variation": False, "options": ["Red"]}]
    parent = woo_shop.product(type="variable", attributes=attributes)
    body = {"attributes": [{"name": "Colour", "option": "Red"}, {"name": "Size", "option": "M"}]}
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json=body).json()
    assert variation["attributes"] == []


def test_stock_managed_by_the_parent_reads_parent(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable", manage_stock=True, stock_quantity=7)
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json={}).json()
    assert (variation["manage_stock"], variation["stock_quantity"], variation["stock_status"]) == (
        "parent",
        7,
        "instock",
    )


def test_own_stock_zero_is_out_of_stock_and_the_parent_follows(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    body = {"manage_stock": True, "stock_quantity": 0}
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json=body).json()
    assert variation["stock_status"] == "outofstock"
    assert woo_shop.client.get(f"/products/{parent['id']}").json()["stock_status"] == "outofstock"


def test_not_managing_stock_forces_backorders_no(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    body = {"manage_stock": False, "backorders": "yes", "stock_quantity": 3}
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json=body).json()
    assert (variation["backorders"], variation["stock_quantity"]) == ("no", None)


def test_variation_of_another_parent_is_not_found(woo_shop: WooShop) -> None:
    first, second = woo_shop.product(type="variable"), woo_shop.product(type="variable")
    variation = woo_shop.client.post(f"/products/{first['id']}/variations", json={}).json()
    answer = woo_shop.client.get(f"/products/{second['id']}/variations/{variation['id']}")
    assert error(answer)[:2] == (404, "woocommerce_rest_product_variation_invalid_id")


def test_variation_sku_must_be_unique(woo_shop: WooShop) -> None:
    owner = woo_shop.product(sku="DUP")
    parent = woo_shop.product(type="variable")
    answer = woo_shop.client.post(f"/products/{parent['id']}/variations", json={"sku": "dup"})
    assert answer.json()["data"] == {"status": 400, "resource_id": owner["id"], "unique_sku": "dup-1"}


def test_list_of_variations_pages(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    for number in range(3):
        woo_shop.client.post(f"/products/{parent['id']}/variations", json={"sku": f"V-{number}"})
    answer = woo_shop.client.get(f"/products/{parent['id']}/variations", params={"per_page": 2})
    assert (len(answer.json()), answer.headers["x-wp-total"]) == (2, "3")


def test_variations_batch_updates_both(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    ids = [
        woo_shop.client.post(f"/products/{parent['id']}/variations", json={}).json()["id"] for _ in range(2)
    ]
    body = {"update": [{"id": i, "regular_price": "12.00"} for i in ids]}
    answer = woo_shop.client.post(f"/products/{parent['id']}/variations/batch", json=body).json()
    assert [(v["id"], v["regular_price"]) for v in answer["update"]] == [(ids[0], "12.00"), (ids[1], "12.00")]


def test_delete_variation_trashes_then_force_deletes(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json={}).json()
    url = f"/products/{parent['id']}/variations/{variation['id']}"
    assert woo_shop.client.delete(url).status_code == 200
    assert error(woo_shop.client.delete(url))[0] == 410
    assert woo_shop.client.delete(url, params={"force": "true"}).status_code == 200
    assert woo_shop.client.get(f"/products/{parent['id']}").json()["variations"] == []


def test_unknown_parent_is_not_found(woo: httpx.Client) -> None:
    assert error(woo.get("/products/9999/variations"))[:2] == (404, "woocommerce_rest_product_invalid_id")


def test_a_variation_read_back_can_be_sent_back_unchanged(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable", manage_stock=True, stock_quantity=7)
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json={"sku": "ECHO"}).json()
    url = f"/products/{parent['id']}/variations/{variation['id']}"
    echoed = woo_shop.client.put(url, json=variation)
    assert echoed.status_code == 200, echoed.text
    assert {k: v for k, v in echoed.json().items() if not k.startswith("date_modified")} == {
        k: v for k, v in variation.items() if not k.startswith("date_modified")
    }


def test_a_global_attribute_is_found_by_id_or_taxonomy_name_not_by_label(woo_shop: WooShop) -> None:
    size = size_attribute(woo_shop)
    parent = woo_shop.product(type="variable", attributes=[{"id": size, "variation": True, "options": ["S"]}])
    url = f"/products/{parent['id']}/variations"
    by_label = woo_shop.client.post(url, json={"attributes": [{"name": "Size", "option": "S"}]}).json()
    by_taxonomy = woo_shop.client.post(url, json={"attributes": [{"name": "pa_size", "option": "S"}]}).json()
    assert by_label["attributes"] == []
    assert [a["option"] for a in by_taxonomy["attributes"]] == ["S"]


def test_batch_variation_with_an_unknown_status_is_a_draft(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    body = {"create": [{"status": "bogus"}]}
    created = woo_shop.client.post(f"/products/{parent['id']}/variations/batch", json=body).json()["create"][
        0
    ]
    assert created["status"] == "draft"


def test_an_any_value_attribute_is_not_listed(woo_shop: WooShop) -> None:
    attributes = [{"name": "Colour", "variation": True, "options": ["Red", "Blue"]}]
    parent = woo_shop.product(type="variable", attributes=attributes)
    body = {"attributes": [{"name": "Colour", "option": ""}]}
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json=body).json()
    assert variation["attributes"] == []
