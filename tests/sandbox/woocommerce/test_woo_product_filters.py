"""Product list filters a sync uses: sku (also variations), status, type, category, parent (spec §4.4)."""

from __future__ import annotations

import httpx
from woo_support import WooShop, error


def variable_with_variation(shop: WooShop, sku: str) -> tuple[dict[str, object], dict[str, object]]:
    parent = shop.product(type="variable", sku=f"{sku}-P")
    variation = shop.client.post(f"/products/{parent['id']}/variations", json={"sku": sku}).json()
    return parent, variation


def skus(answer: httpx.Response) -> list[str]:
    return sorted(p["sku"] for p in answer.json())


def test_sku_comma_list_also_finds_variations(woo_shop: WooShop) -> None:
    woo_shop.product(sku="A-1")
    parent, variation = variable_with_variation(woo_shop, "B-1")
    found = {p["sku"]: p for p in woo_shop.client.get("/products", params={"sku": "A-1,B-1"}).json()}
    assert set(found) == {"A-1", "B-1"}
    assert (found["B-1"]["type"], found["B-1"]["parent_id"], found["B-1"]["id"]) == (
        "variation",
        parent["id"],
        variation["id"],
    )


def test_sku_is_exact_but_case_insensitive(woo_shop: WooShop) -> None:
    woo_shop.product(sku="ABC-1")
    assert skus(woo_shop.client.get("/products", params={"sku": "abc-1"})) == ["ABC-1"]
    assert woo_shop.client.get("/products", params={"sku": "ABC"}).json() == []


def test_sku_with_a_comma_is_also_tried_whole(woo_shop: WooShop) -> None:
    woo_shop.product(sku="X,Y")
    assert skus(woo_shop.client.get("/products", params={"sku": "X,Y"})) == ["X,Y"]


def test_sku_filter_skips_trashed_products(woo_shop: WooShop) -> None:
    product = woo_shop.product(sku="T-1")
    woo_shop.client.delete(f"/products/{product['id']}")
    assert woo_shop.client.get("/products", params={"sku": "T-1"}).json() == []


def test_search_sku_matches_part_of_a_sku(woo_shop: WooShop) -> None:
    woo_shop.product(sku="SHIRT-RED")
    variable_with_variation(woo_shop, "SHIRT-BLUE-S")
    found = skus(woo_shop.client.get("/products", params={"search_sku": "shirt"}))
    assert found == ["SHIRT-BLUE-S", "SHIRT-BLUE-S-P", "SHIRT-RED"]


def test_status_filter_and_any_default(woo_shop: WooShop) -> None:
    woo_shop.product(name="d", status="draft")
    woo_shop.product(name="p")
    assert [p["name"] for p in woo_shop.client.get("/products", params={"status": "draft"}).json()] == ["d"]
    assert [p["name"] for p in woo_shop.client.get("/products", params={"status": "publish"}).json()] == ["p"]
    assert len(woo_shop.client.get("/products").json()) == 2


def test_bogus_status_filter_is_refused(woo: httpx.Client) -> None:
    answer = woo.get("/products", params={"status": "bogus"})
    assert error(answer)[:2] == (400, "rest_invalid_param")
    message = "status is not one of any, future, trash, draft, pending, private, and publish."
    assert answer.json()["data"]["params"]["status"] == message


def test_type_filter(woo_shop: WooShop) -> None:
    woo_shop.product(name="s")
    woo_shop.product(name="v", type="variable")
    assert [p["name"] for p in woo_shop.client.get("/products", params={"type": "variable"}).json()] == ["v"]


def test_category_filter(woo_shop: WooShop) -> None:
    category = woo_shop.client.post("/products/categories", json={"name": "Shoes"}).json()
    woo_shop.product(name="boot", categories=[{"id": category["id"]}])
    woo_shop.product(name="hat")
    found = woo_shop.client.get("/products", params={"category": str(category["id"])}).json()
    assert [p["name"] for p in found] == ["boot"]


def test_parent_filter_finds_grouped_children(woo_shop: WooShop) -> None:
    group = woo_shop.product(type="grouped", name="set")
    woo_shop.product(name="child", parent_id=group["id"])
    woo_shop.product(name="alone")
    assert [p["name"] for p in woo_shop.client.get("/products", params={"parent": group["id"]}).json()] == [
        "child"
    ]


def test_price_bounds(woo_shop: WooShop) -> None:
    woo_shop.product(name="cheap", regular_price="5.00")
    woo_shop.product(name="dear", regular_price="500.00")
    found = woo_shop.client.get("/products", params={"min_price": "10", "max_price": "1000"}).json()
    assert [p["name"] for p in found] == ["dear"]


def test_orderby_price(woo_shop: WooShop) -> None:
    for name, price in (("b", "20.00"), ("a", "10.00"), ("c", "30.00")):
        woo_shop.product(name=name, regular_price=price)
    found = woo_shop.client.get("/products", params={"orderby": "price", "order": "asc"}).json()
    assert [p["name"] for p in found] == ["a", "b", "c"]
