"""The store events product writes emit, which the webhook module turns into deliveries (spec §11.1)."""

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


def test_create_update_trash_restore(woo_shop: WooShop, events: list[tuple[str, int]]) -> None:
    product = woo_shop.product()
    url = f"/products/{product['id']}"
    woo_shop.client.put(url, json={"name": "renamed"})
    woo_shop.client.delete(url)
    woo_shop.client.put(url, json={"status": "publish"})
    topics = [topic for topic, resource in events if resource == product["id"]]
    assert topics == ["product.created", "product.updated", "product.deleted", "product.restored"]


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
    assert [topic for topic, resource in events if resource == variation["id"]] == [
        "product.created",
        "product.updated",
    ]


def test_auto_draft_is_not_announced(woo_shop: WooShop, events: list[tuple[str, int]]) -> None:
    woo_shop.product(status="auto-draft")
    assert events == []
