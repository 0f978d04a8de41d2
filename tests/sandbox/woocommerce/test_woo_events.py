"""The store events writes emit, which the webhook module turns into deliveries (spec §11.1).

A REST PUT that takes a record out of the trash is a plain save (``*.updated``); only the admin's
Restore link (``wp_untrash_post`` / ``$order->untrash()``) fires the ``*.restored`` topics.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from woo_support import WooShop


@pytest.fixture
def events(woo_shop: WooShop) -> Iterator[list[tuple[str, int]]]:
    seen: list[tuple[str, int]] = []

    def record(topic: str, resource: int) -> None:
        seen.append((topic, resource))

    woo_shop.emulator.store.subscribe(record)
    yield seen
    woo_shop.emulator.store.unsubscribe(record)


def _topics(events: list[tuple[str, int]], resource_id: int) -> list[str]:
    return [topic for topic, resource in events if resource == resource_id]


def test_create_update_trash_restore(woo_shop: WooShop, events: list[tuple[str, int]]) -> None:
    product = woo_shop.product()
    url = f"/products/{product['id']}"
    woo_shop.client.put(url, json={"name": "renamed"})
    woo_shop.client.delete(url)
    assert woo_shop.untrash("products", product["id"]).json() == {"id": product["id"], "status": "publish"}
    topics = _topics(events, product["id"])
    assert topics == ["product.created", "product.updated", "product.deleted", "product.restored"]


def test_put_out_of_the_trash_is_a_plain_update(woo_shop: WooShop, events: list[tuple[str, int]]) -> None:
    product = woo_shop.product()
    woo_shop.client.delete(f"/products/{product['id']}")
    answer = woo_shop.client.put(f"/products/{product['id']}", json={"status": "draft"})
    assert answer.json()["status"] == "draft"
    assert _topics(events, product["id"]) == ["product.created", "product.deleted", "product.updated"]


def _trashed_order(woo_shop: WooShop) -> int:
    order = woo_shop.client.post("/orders", json={"status": "on-hold"}).json()
    assert woo_shop.client.delete(f"/orders/{order['id']}").status_code == 200
    return int(order["id"])


def test_order_put_out_of_the_trash_fires_only_order_updated(
    woo_shop: WooShop, events: list[tuple[str, int]]
) -> None:
    order_id = _trashed_order(woo_shop)
    events.clear()
    answer = woo_shop.client.put(f"/orders/{order_id}", json={"status": "processing"})
    assert answer.json()["status"] == "processing"
    assert _topics(events, order_id) == ["order.updated"]


def test_order_untrash_restores_its_status_and_fires_restored_then_updated(
    woo_shop: WooShop, events: list[tuple[str, int]]
) -> None:
    order_id = _trashed_order(woo_shop)
    events.clear()
    assert woo_shop.untrash("orders", order_id).json()["status"] == "on-hold"
    assert _topics(events, order_id) == ["order.restored", "order.updated"]
    assert [o["id"] for o in woo_shop.client.get("/orders").json()] == [order_id]


def test_coupon_put_leaves_it_in_the_trash_and_untrash_restores_it(
    woo_shop: WooShop, events: list[tuple[str, int]]
) -> None:
    coupon = woo_shop.client.post("/coupons", json={"code": "ten", "amount": "10"}).json()
    woo_shop.client.delete(f"/coupons/{coupon['id']}")
    answer = woo_shop.client.put(f"/coupons/{coupon['id']}", json={"status": "publish", "amount": "5"})
    assert answer.json()["status"] == "trash"
    assert woo_shop.untrash("coupons", coupon["id"]).json()["status"] == "publish"
    topics = ["coupon.created", "coupon.deleted", "coupon.updated", "coupon.restored"]
    assert _topics(events, coupon["id"]) == topics


def test_untrash_refuses_what_is_not_in_the_trash(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    assert woo_shop.untrash("products", product["id"]).status_code == 409
    assert woo_shop.untrash("products", product["id"] + 100).status_code == 404
    assert woo_shop.untrash("refunds", product["id"]).status_code == 404
    assert woo_shop.emulator.store.products[product["id"]]["status"] == "publish"


def test_force_delete_emits_nothing(woo_shop: WooShop, events: list[tuple[str, int]]) -> None:
    product = woo_shop.product()
    events.clear()
    woo_shop.client.delete(f"/products/{product['id']}", params={"force": "true"})
    woo_shop.client.post("/products/batch", json={"delete": [woo_shop.product()["id"]]})
    assert [topic for topic, _ in events] == ["product.created"]


def test_variations_emit_product_topics_with_their_own_id(
    woo_shop: WooShop, events: list[tuple[str, int]]
) -> None:
    parent = woo_shop.product(type="variable")
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json={}).json()
    woo_shop.client.put(f"/products/{parent['id']}/variations/{variation['id']}", json={"sku": "EV-1"})
    assert _topics(events, variation["id"]) == [
        "product.created",
        "product.updated",
    ]


def test_auto_draft_is_not_announced(woo_shop: WooShop, events: list[tuple[str, int]]) -> None:
    woo_shop.product(status="auto-draft")
    assert events == []
