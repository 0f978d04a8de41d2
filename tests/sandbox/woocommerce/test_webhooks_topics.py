"""One delivered, signature-checked webhook per product, order and coupon topic (spec §11.1, §11.2).

Every test subscribes a receiver on loopback over raw HTTP, makes the change the topic names,
and checks the POST that arrives: its topic headers, an HMAC-SHA256 signature recomputed here
from the raw body, and the payload. ``*.restored`` comes from the admin's Restore link (the
control API's ``untrash``), as REST has no untrash of its own.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from woo_orders_support import Hit, Receiver, Shop

SECRET = "topic-secret &amp; <ü>"
"""HTML-entity-decoded before signing, as WooCommerce does: the key is ``topic-secret & <ü>``."""


def _subscribe(shop: Shop, receiver: Receiver, topic: str) -> int:
    body = {"topic": topic, "delivery_url": f"{receiver.url}/{topic}", "secret": SECRET}
    answer = shop.post("/webhooks", body)
    assert answer.status_code == 201, answer.text
    return int(answer.json()["id"])


def _delivered(receiver: Receiver, topic: str, webhook_id: int) -> Any:
    """The one delivery of ``topic``: headers checked, signature verified, payload decoded."""
    hit = receiver.wait_for(1, path=f"/{topic}")[0]
    resource, event = topic.split(".")
    assert hit.headers["x-wc-webhook-topic"] == topic
    assert (hit.headers["x-wc-webhook-resource"], hit.headers["x-wc-webhook-event"]) == (resource, event)
    assert hit.headers["x-wc-webhook-id"] == str(webhook_id)
    assert hit.headers["x-wc-webhook-signature"] == _signature(hit)
    return json.loads(hit.body)


def _signature(hit: Hit) -> str:
    key = "topic-secret & <ü>".encode()
    return base64.b64encode(hmac.new(key, hit.body, hashlib.sha256).digest()).decode()


def _product(shop: Shop) -> int:
    return shop.add_product("Mug", "MUG-1", "12.50")


def test_product_created_delivers_the_new_product(shop: Shop, receiver: Receiver) -> None:
    webhook = _subscribe(shop, receiver, "product.created")
    product = _product(shop)
    payload = _delivered(receiver, "product.created", webhook)
    assert (payload["id"], payload["sku"], payload["price"]) == (product, "MUG-1", "12.50")


def test_product_deleted_delivers_only_the_id_of_the_trashed_product(shop: Shop, receiver: Receiver) -> None:
    product = _product(shop)
    webhook = _subscribe(shop, receiver, "product.deleted")
    assert shop.delete(f"/products/{product}").status_code == 200
    assert _delivered(receiver, "product.deleted", webhook) == {"id": product}


def test_product_restored_delivers_the_product_back_in_its_old_status(shop: Shop, receiver: Receiver) -> None:
    product = _product(shop)
    webhook = _subscribe(shop, receiver, "product.restored")
    shop.delete(f"/products/{product}")
    assert shop.woo.untrash("products", product).status_code == 200
    payload = _delivered(receiver, "product.restored", webhook)
    assert (payload["id"], payload["status"]) == (product, "publish")


def test_order_restored_delivers_the_order_in_its_pre_trash_status(shop: Shop, receiver: Receiver) -> None:
    product = _product(shop)
    order = shop.post("/orders", {"line_items": [{"product_id": product}], "status": "processing"}).json()
    webhook = _subscribe(shop, receiver, "order.restored")
    shop.delete(f"/orders/{order['id']}")
    assert shop.woo.untrash("orders", order["id"]).status_code == 200
    payload = _delivered(receiver, "order.restored", webhook)
    assert (payload["id"], payload["status"], payload["total"]) == (order["id"], "processing", order["total"])


def test_coupon_restored_delivers_the_published_coupon(shop: Shop, receiver: Receiver) -> None:
    coupon = shop.post("/coupons", {"code": "Back-Again", "amount": "5"}).json()
    webhook = _subscribe(shop, receiver, "coupon.restored")
    shop.delete(f"/coupons/{coupon['id']}")
    assert shop.woo.untrash("coupons", coupon["id"]).status_code == 200
    payload = _delivered(receiver, "coupon.restored", webhook)
    assert (payload["id"], payload["code"], payload["status"]) == (coupon["id"], "back-again", "publish")
