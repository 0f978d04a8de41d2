"""Product categories and tags: WordPress term rules, hierarchy, deletes (spec §6.6)."""

from __future__ import annotations

from typing import Any

import httpx
from woo_support import WooShop, error


def category(shop: WooShop, name: str, **fields: Any) -> dict[str, Any]:
    answer = shop.client.post("/products/categories", json={"name": name, **fields})
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def test_new_category_defaults(woo_shop: WooShop) -> None:
    created = category(woo_shop, "Shoes")
    assert (created["slug"], created["parent"], created["display"], created["image"], created["count"]) == (
        "shoes",
        0,
        "default",
        None,
        0,
    )


def test_same_name_under_the_same_parent_is_refused(woo_shop: WooShop) -> None:
    existing = category(woo_shop, "Shoes")
    assert woo_shop.client.post("/products/categories", json={"name": "Shoes"}).json() == {
        "code": "term_exists",
        "message": "A term with the name provided already exists with this parent.",
        "data": {"status": 400, "resource_id": existing["id"]},
    }


def test_same_name_under_another_parent_gets_its_own_slug(woo_shop: WooShop) -> None:
    women, men = category(woo_shop, "Women"), category(woo_shop, "Men")
    first = category(woo_shop, "Shoes", parent=women["id"])
    second = category(woo_shop, "Shoes", parent=men["id"])
    assert (first["slug"], second["slug"]) == ("shoes", "shoes-men")


def test_a_distinct_slug_allows_a_repeated_name(woo_shop: WooShop) -> None:
    category(woo_shop, "Sale")
    assert category(woo_shop, "Sale", slug="sale-2026")["slug"] == "sale-2026"


def test_clashing_slug_on_create_is_numbered(woo_shop: WooShop) -> None:
    category(woo_shop, "Hats")
    assert category(woo_shop, "Caps", slug="hats")["slug"] == "hats-2"


def test_clashing_slug_on_update_is_a_500(woo_shop: WooShop) -> None:
    category(woo_shop, "Hats")
    caps = category(woo_shop, "Caps")
    answer = woo_shop.client.put(f"/products/categories/{caps['id']}", json={"slug": "hats"})
    assert (answer.status_code, answer.json()["code"]) == (500, "duplicate_term_slug")


def test_missing_name_is_refused(woo: httpx.Client) -> None:
    assert error(woo.post("/products/categories", json={})) == (
        400,
        "rest_missing_callback_param",
        "Missing parameter(s): name",
    )


def test_unknown_parent_is_refused(woo: httpx.Client) -> None:
    answer = woo.post("/products/categories", json={"name": "x", "parent": 777})
    assert error(answer) == (400, "missing_parent", "Parent term does not exist.")


def test_list_is_ordered_by_name_and_filters_on_parent(woo_shop: WooShop) -> None:
    top = category(woo_shop, "Zebra")
    category(woo_shop, "Apple")
    category(woo_shop, "Child", parent=top["id"])
    names = [c["name"] for c in woo_shop.client.get("/products/categories", params={"parent": 0}).json()]
    assert names == ["Apple", "Uncategorized", "Zebra"]
    children = woo_shop.client.get("/products/categories", params={"parent": top["id"]}).json()
    assert [c["name"] for c in children] == ["Child"]


def test_count_follows_products(woo_shop: WooShop) -> None:
    shoes = category(woo_shop, "Shoes")
    woo_shop.product(categories=[{"id": shoes["id"]}])
    assert woo_shop.client.get(f"/products/categories/{shoes['id']}").json()["count"] == 1


def test_delete_needs_force(woo_shop: WooShop) -> None:
    shoes = category(woo_shop, "Shoes")
    answer = woo_shop.client.delete(f"/products/categories/{shoes['id']}")
    assert error(answer) == (
        501,
        "woocommerce_rest_trash_not_supported",
        "Resource does not support trashing.",
    )
    assert (
        woo_shop.client.delete(f"/products/categories/{shoes['id']}", params={"force": "true"}).status_code
        == 200
    )
    assert error(woo_shop.client.get(f"/products/categories/{shoes['id']}"))[:2] == (
        404,
        "woocommerce_rest_term_invalid",
    )


def test_default_category_cannot_be_deleted(woo: httpx.Client) -> None:
    answer = woo.delete("/products/categories/15", params={"force": "true"})
    assert error(answer) == (
        500,
        "woocommerce_rest_cannot_delete",
        "Default product category cannot be deleted.",
    )


def test_deleting_a_parent_moves_children_up(woo_shop: WooShop) -> None:
    top = category(woo_shop, "Top")
    middle = category(woo_shop, "Middle", parent=top["id"])
    leaf = category(woo_shop, "Leaf", parent=middle["id"])
    woo_shop.client.delete(f"/products/categories/{middle['id']}", params={"force": "true"})
    assert woo_shop.client.get(f"/products/categories/{leaf['id']}").json()["parent"] == top["id"]


def test_category_image_by_src(woo_shop: WooShop) -> None:
    from woo_support import PNG_DATA_URL

    created = category(woo_shop, "Pictured", image={"src": PNG_DATA_URL})
    assert created["image"]["src"].startswith(f"{woo_shop.base_url}/wp-content/uploads/")


def test_categories_batch(woo_shop: WooShop) -> None:
    answer = woo_shop.client.post(
        "/products/categories/batch", json={"create": [{"name": "A"}, {"name": "A"}]}
    )
    first, second = answer.json()["create"]
    assert first["name"] == "A"
    assert second["error"]["code"] == "term_exists"


def test_tags_have_no_parent(woo_shop: WooShop) -> None:
    tag = woo_shop.client.post("/products/tags", json={"name": "Summer"}).json()
    assert "parent" not in tag
    answer = woo_shop.client.post("/products/tags", json={"name": "Winter", "parent": tag["id"]})
    assert error(answer)[:2] == (400, "woocommerce_rest_taxonomy_not_hierarchical")


def test_product_tag_by_name_is_created(woo_shop: WooShop) -> None:
    product = woo_shop.product(tags=[{"name": "Organic"}])
    assert [t["name"] for t in product["tags"]] == ["Organic"]
    assert [t["name"] for t in woo_shop.client.get("/products/tags").json()] == ["Organic"]


def test_list_filtered_by_product(woo_shop: WooShop) -> None:
    shoes, hats = category(woo_shop, "Shoes"), category(woo_shop, "Hats")
    product = woo_shop.product(categories=[{"id": shoes["id"]}])
    found = woo_shop.client.get("/products/categories", params={"product": product["id"]}).json()
    assert [c["id"] for c in found] == [shoes["id"]]
    assert hats["id"] not in [c["id"] for c in found]


def test_names_are_stored_with_html_entities(woo_shop: WooShop) -> None:
    created = category(woo_shop, "Skor & stövlar")
    assert (created["name"], created["slug"]) == ("Skor &amp; stövlar", "skor-stovlar")
    again = woo_shop.client.post("/products/categories", json={"name": "Skor &amp; stövlar"})
    assert again.json()["code"] == "term_exists"
