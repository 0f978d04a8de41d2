"""Batch endpoints: the limit, the order of operations and per-item errors in a 200 (spec §5)."""

from __future__ import annotations

from typing import Any

import httpx
from woo_support import WooShop, error, open_shop

from possync_sandbox.woocommerce import WooSettings

TOO_MANY = "Unable to accept more than 100 items for this request."


def creates(count: int, prefix: str = "B") -> list[dict[str, Any]]:
    return [{"name": f"{prefix}{i}", "sku": f"{prefix}-{i}"} for i in range(count)]


def test_101_creates_are_refused_and_nothing_is_written(woo_shop: WooShop) -> None:
    answer = woo_shop.client.post("/products/batch", json={"create": creates(101)})
    assert error(answer) == (413, "woocommerce_rest_request_entity_too_large", TOO_MANY)
    assert woo_shop.emulator.store.products == {}


def test_the_three_arrays_count_together(woo_shop: WooShop) -> None:
    body = {"create": creates(60), "update": [{"id": i} for i in range(20)], "delete": list(range(1, 22))}
    assert woo_shop.client.post("/products/batch", json=body).status_code == 413


def test_exactly_100_items_are_accepted(woo_shop: WooShop) -> None:
    answer = woo_shop.client.post("/products/batch", json={"create": creates(100)})
    assert answer.status_code == 200
    assert len(woo_shop.emulator.store.products) == 100


def test_the_limit_is_configurable_per_rest_base() -> None:
    with open_shop(WooSettings(batch_limits={"products": 2})) as shop:
        answer = shop.client.post("/products/batch", json={"create": creates(3)})
        assert error(answer)[2] == "Unable to accept more than 2 items for this request."
        categories = [{"name": f"C{i}"} for i in range(3)]
        assert shop.client.post("/products/categories/batch", json={"create": categories}).status_code == 200


def test_mixed_batch_reports_each_item(woo_shop: WooShop) -> None:
    owner = woo_shop.product(sku="TAKEN")
    doomed = woo_shop.product(sku="DOOMED")
    body = {
        "create": [{"name": "fresh", "sku": "FRESH"}, {"name": "clash", "sku": "TAKEN"}],
        "update": [{"id": owner["id"], "name": "renamed"}, {"id": 99999, "name": "ghost"}],
        "delete": [doomed["id"], 99998],
    }
    answer = woo_shop.client.post("/products/batch", json=body)
    result = answer.json()
    assert answer.status_code == 200
    good, bad = result["create"]
    assert (good["type"], good["status"], "_links" in good) == ("simple", "publish", True)
    assert bad == {
        "id": 0,
        "error": {
            "code": "product_invalid_sku",
            "message": "Invalid or duplicated SKU.",
            "data": {"status": 400, "resource_id": owner["id"], "unique_sku": "TAKEN-1"},
        },
    }
    assert result["update"][0]["name"] == "renamed"
    assert result["update"][1]["id"] == 99999
    assert result["update"][1]["error"]["code"] == "woocommerce_rest_product_invalid_id"
    assert result["update"][1]["error"]["data"] == {"status": 400}
    assert result["delete"][0]["id"] == doomed["id"]
    assert result["delete"][1]["error"]["data"] == {"status": 404}


def test_batch_delete_is_permanent(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    woo_shop.client.post("/products/batch", json={"delete": [product["id"]]})
    assert woo_shop.client.get(f"/products/{product['id']}").status_code == 404


def test_only_requested_keys_come_back(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    answer = woo_shop.client.put("/products/batch", json={"update": [{"id": product["id"], "name": "x"}]})
    assert list(answer.json()) == ["update"]


def test_creates_run_before_updates_and_deletes(woo_shop: WooShop) -> None:
    product = woo_shop.product(sku="MOVE")
    body = {"create": [{"name": "new", "sku": "MOVE"}], "update": [{"id": product["id"], "sku": "MOVED"}]}
    result = woo_shop.client.post("/products/batch", json=body).json()
    assert "error" in result["create"][0]
    assert result["update"][0]["sku"] == "MOVED"


def test_batch_items_skip_the_schema(woo_shop: WooShop) -> None:
    body = {"create": [{"name": "odd", "status": "bogus", "type": "weird", "regular_price": 12.5}]}
    created = woo_shop.client.post("/products/batch", json=body).json()["create"][0]
    assert (created["status"], created["type"], created["regular_price"]) == ("draft", "simple", "12.5")


def test_success_entries_equal_single_reads(woo_shop: WooShop) -> None:
    created = woo_shop.client.post("/products/batch", json={"create": creates(1)}).json()["create"][0]
    assert created == woo_shop.client.get(f"/products/{created['id']}").json()


def test_all_failing_batch_is_still_200(woo: httpx.Client) -> None:
    answer = woo.post("/products/batch", json={"update": [{"id": 123456}]})
    assert answer.status_code == 200
    assert "error" in answer.json()["update"][0]


def test_zero_and_non_numeric_deletes_are_skipped(woo: httpx.Client) -> None:
    assert woo.post("/products/batch", json={"delete": [0, "abc"], "create": []}).json() == []


def test_anonymous_batch_is_refused(woo_shop: WooShop) -> None:
    answer = httpx.post(woo_shop.url("/products/batch"), json={"create": creates(1)})
    expected = (
        401,
        "woocommerce_rest_cannot_batch",
        "Sorry, you are not allowed to batch manipulate this resource.",
    )
    assert error(answer) == expected


def test_batch_items_with_odd_numbers_are_coerced_not_crashed(woo_shop: WooShop) -> None:
    item = {
        "name": "odd numbers",
        "menu_order": "abc",
        "download_limit": "x",
        "manage_stock": True,
        "stock_quantity": "7.0",
        "low_stock_amount": "y",
        "categories": [{"id": "nope"}],
        "upsell_ids": ["1x", 0],
    }
    created = woo_shop.client.post("/products/batch", json={"create": [item]}).json()["create"][0]
    assert (created["menu_order"], created["stock_quantity"], created["low_stock_amount"]) == (0, 7, 0)
    assert [c["slug"] for c in created["categories"]] == ["uncategorized"]
