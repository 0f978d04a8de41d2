"""Conformance of ``/webhooks`` and their deliveries, captured by a receiver on loopback."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
from typing import Any

import httpx
import pytest
from woo_orders_support import Receiver, Shop, start_receiver

from possync_sandbox.woocommerce import webhooks

SECRET = "s3cr&t <ö>"


def _hook(shop: Shop, receiver: Receiver, topic: str, path: str = "/hook", **extra: Any) -> dict[str, Any]:
    body = {"name": topic, "topic": topic, "delivery_url": receiver.url + path, "secret": SECRET, **extra}
    response = shop.post("/webhooks", body)
    assert response.status_code == 201, response.text
    hook: dict[str, Any] = response.json()
    return hook


def _coupon(shop: Shop, code: str = "ten") -> dict[str, Any]:
    created: dict[str, Any] = shop.post("/coupons", {"code": code, "amount": "10"}).json()
    return created


def test_create_answers_active_without_the_secret(shop: Shop, receiver: Receiver) -> None:
    hook = _hook(shop, receiver, "coupon.created", status="paused")
    assert hook["status"] == "active"
    assert "secret" not in hook
    assert (hook["resource"], hook["event"]) == ("coupon", "created")
    assert hook["hooks"] == ["woocommerce_process_shop_coupon_meta", "woocommerce_new_coupon"]
    assert hook["date_modified"] is None


def test_ping_is_sent_on_creation_unsigned_and_form_encoded(shop: Shop, receiver: Receiver) -> None:
    hook = _hook(shop, receiver, "order.created")
    ping = receiver.wait_for(1, pings=True)[0]
    assert ping.body == f"webhook_id={hook['id']}".encode()
    assert ping.headers["content-type"] == "application/x-www-form-urlencoded"
    assert "x-wc-webhook-signature" not in ping.headers
    assert ping.headers["user-agent"] == "WooCommerce/9.4.2 Hookshot (WordPress/6.7.7)"


def test_failed_ping_still_gives_an_active_webhook(shop: Shop) -> None:
    with start_receiver(default=500) as failing:
        hook = _hook(shop, failing, "order.created")
        failing.wait_for(1, pings=True)
        assert shop.get(f"/webhooks/{hook['id']}").json()["status"] == "active"


def test_delivery_carries_every_header_and_a_verifiable_signature(shop: Shop, receiver: Receiver) -> None:
    hook = _hook(shop, receiver, "coupon.created")
    coupon = _coupon(shop)
    hit = receiver.wait_for(1)[0]
    expected = base64.b64encode(hmac.new(SECRET.encode(), hit.body, hashlib.sha256).digest()).decode()
    assert hit.headers["x-wc-webhook-signature"] == expected
    assert hit.headers["x-wc-webhook-topic"] == "coupon.created"
    assert hit.headers["x-wc-webhook-resource"] == "coupon"
    assert hit.headers["x-wc-webhook-event"] == "created"
    assert hit.headers["x-wc-webhook-id"] == str(hook["id"])
    assert hit.headers["x-wc-webhook-source"] == shop.base_url + "/"
    assert re.fullmatch(r"[0-9a-f]{32}", hit.headers["x-wc-webhook-delivery-id"])
    assert hit.headers["content-type"] == "application/json"
    assert json.loads(hit.body)["code"] == coupon["code"]


def test_payload_is_the_rest_json_with_escaped_slashes(shop: Shop, receiver: Receiver) -> None:
    _hook(shop, receiver, "order.created")
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = shop.post("/orders", {"line_items": [{"product_id": mug}]}).json()
    body = receiver.wait_for(1)[0].body
    assert b"http:\\/\\/" in body
    assert json.loads(body) == shop.get(f"/orders/{order['id']}").json()


def test_rapid_updates_coalesce_into_one_delivery_of_the_latest_state(shop: Shop, receiver: Receiver) -> None:
    webhooks.dispatcher(shop.emulator).delay = 1.0
    _hook(shop, receiver, "coupon.updated")
    coupon = _coupon(shop)
    for amount in ("14", "15", "16"):
        shop.put(f"/coupons/{coupon['id']}", {"amount": amount})
    hit = receiver.wait_for(1)[0]
    assert json.loads(hit.body)["amount"] == "16.00"
    coupon_two = _coupon(shop, "other")
    shop.put(f"/coupons/{coupon_two['id']}", {"amount": "1"})
    assert [json.loads(h.body)["id"] for h in receiver.wait_for(2)] == [coupon["id"], coupon_two["id"]]


def test_trash_delivers_only_the_id_and_force_delete_nothing(shop: Shop, receiver: Receiver) -> None:
    _hook(shop, receiver, "coupon.deleted")
    trashed, removed = _coupon(shop, "a"), _coupon(shop, "b")
    shop.delete(f"/coupons/{removed['id']}", force="true")
    shop.delete(f"/coupons/{trashed['id']}")
    hit = receiver.wait_for(1)[0]
    assert hit.body == f'{{"id":{trashed["id"]}}}'.encode()
    later = _coupon(shop, "c")
    shop.delete(f"/coupons/{later['id']}")
    assert [json.loads(h.body)["id"] for h in receiver.wait_for(2)] == [trashed["id"], later["id"]]


def test_stock_reduction_by_an_order_fires_product_updated(shop: Shop, receiver: Receiver) -> None:
    _hook(shop, receiver, "product.updated")
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    shop.post("/orders", {"line_items": [{"product_id": mug}], "status": "processing"})
    hit = receiver.wait_for(1)[0]
    assert hit.headers["x-wc-webhook-topic"] == "product.updated"
    assert (json.loads(hit.body)["id"], json.loads(hit.body)["stock_quantity"]) == (mug, 9)


def test_webhook_is_disabled_by_the_seventh_failure_in_a_row(shop: Shop) -> None:
    with start_receiver(default=500) as failing:
        hook = _hook(shop, failing, "coupon.updated")
        coupon = _coupon(shop)
        statuses = []
        for attempt in range(1, 8):
            shop.put(f"/coupons/{coupon['id']}", {"amount": str(attempt)})
            failing.wait_for(attempt)
            statuses.append(_settled_status(shop, hook["id"], attempt))
        assert statuses == ["active"] * 6 + ["disabled"]
        shop.put(f"/coupons/{coupon['id']}", {"amount": "99"})
        assert shop.put(f"/webhooks/{hook['id']}", {"status": "active"}).json()["status"] == "active"
        shop.put(f"/coupons/{coupon['id']}", {"amount": "100"})
        assert json.loads(failing.wait_for(8)[7].body)["amount"] == "100.00"


def _settled_status(shop: Shop, hook_id: int, deliveries: int) -> str:
    """The webhook's status once the emulator logged ``deliveries`` deliveries of it."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        state = httpx.get(f"{shop.base_url}/__sandbox__/state").json()
        logged = [d for d in state["deliveries"] if d["webhook_id"] == hook_id and d["kind"] == "delivery"]
        if len(logged) >= deliveries:
            status: str = next(w for w in state["webhooks"] if w["id"] == hook_id)["status"]
            return status
        time.sleep(0.01)
    raise AssertionError("the delivery was never logged")


def test_success_resets_the_failure_count(shop: Shop, receiver: Receiver) -> None:
    receiver.status["/hook"] = 500
    hook = _hook(shop, receiver, "coupon.updated")
    coupon = _coupon(shop)
    for attempt in range(1, 6):
        shop.put(f"/coupons/{coupon['id']}", {"amount": str(attempt)})
        receiver.wait_for(attempt)
        _settled_status(shop, hook["id"], attempt)
    receiver.status["/hook"] = 200
    shop.put(f"/coupons/{coupon['id']}", {"amount": "6"})
    receiver.wait_for(6)
    _settled_status(shop, hook["id"], 6)
    stored = shop.emulator.store.webhooks[hook["id"]]
    assert (stored["failure_count"], stored["status"]) == (0, "active")


def test_deliveries_are_logged_in_the_state(shop: Shop, receiver: Receiver) -> None:
    hook = _hook(shop, receiver, "coupon.created")
    _coupon(shop)
    receiver.wait_for(1)
    logged = _settled_status(shop, hook["id"], 1)
    state = httpx.get(f"{shop.base_url}/__sandbox__/state").json()
    delivery = next(d for d in state["deliveries"] if d["kind"] == "delivery")
    assert logged == "active"
    assert (delivery["response_code"], delivery["success"], delivery["topic"]) == (
        200,
        True,
        "coupon.created",
    )


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (
            {"topic": "order.exploded", "delivery_url": "http://x/"},
            "woocommerce_rest_shop_webhook_invalid_topic",
        ),
        (
            {"topic": "order.created", "delivery_url": "ftp://x/"},
            "woocommerce_rest_shop_webhook_invalid_delivery_url",
        ),
        ({"topic": "order.created"}, "rest_missing_callback_param"),
    ],
)
def test_create_validates_topic_and_url(shop: Shop, body: dict[str, Any], code: str) -> None:
    response = shop.post("/webhooks", body)
    assert (response.status_code, response.json()["code"]) == (400, code)


def test_invalid_status_and_delete_without_force(shop: Shop, receiver: Receiver) -> None:
    hook = _hook(shop, receiver, "order.updated")
    bad = shop.put(f"/webhooks/{hook['id']}", {"status": "sleeping"})
    assert bad.json()["code"] == "woocommerce_rest_shop_webhook_invalid_status"
    refused = shop.delete(f"/webhooks/{hook['id']}")
    assert (refused.status_code, refused.json()["message"]) == (501, "Webhooks do not support trashing.")
    assert shop.delete(f"/webhooks/{hook['id']}", force="true").status_code == 200
    assert shop.get(f"/webhooks/{hook['id']}").status_code == 404


def test_list_filters_by_status(shop: Shop, receiver: Receiver) -> None:
    active = _hook(shop, receiver, "order.updated")
    paused = _hook(shop, receiver, "order.created")
    shop.put(f"/webhooks/{paused['id']}", {"status": "paused"})
    assert [w["id"] for w in shop.get("/webhooks", status="paused").json()] == [paused["id"]]
    assert sorted(w["id"] for w in shop.get("/webhooks").json()) == [active["id"], paused["id"]]


def test_paused_webhook_gets_nothing(shop: Shop, receiver: Receiver) -> None:
    paused = _hook(shop, receiver, "coupon.created", path="/paused")
    shop.put(f"/webhooks/{paused['id']}", {"status": "paused"})
    _hook(shop, receiver, "coupon.created", path="/live")
    _coupon(shop)
    receiver.wait_for(1, path="/live")
    assert receiver.deliveries("/paused") == []


def test_webhook_created_on_v2_delivers_the_v2_representation(shop: Shop, receiver: Receiver) -> None:
    body = {"topic": "order.created", "delivery_url": receiver.url + "/v2", "secret": SECRET}
    assert shop.client.post(shop.api("/webhooks", "v2"), json=body).status_code == 201
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    shop.post("/orders", {"line_items": [{"product_id": mug}]})
    payload = json.loads(receiver.wait_for(1)[0].body)
    assert "payment_url" not in payload
    assert "/wc/v2/orders/" in payload["_links"]["self"][0]["href"]


def test_trashed_order_delivers_order_deleted_with_its_id(shop: Shop, receiver: Receiver) -> None:
    _hook(shop, receiver, "order.deleted")
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = shop.post("/orders", {"line_items": [{"product_id": mug}]}).json()
    shop.delete(f"/orders/{order['id']}")
    assert receiver.wait_for(1)[0].body == f'{{"id":{order["id"]}}}'.encode()


def test_rest_create_saves_twice_so_order_updated_fires_too(shop: Shop, receiver: Receiver) -> None:
    _hook(shop, receiver, "order.updated")
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = shop.post("/orders", {"line_items": [{"product_id": mug}]}).json()
    assert json.loads(receiver.wait_for(1)[0].body)["id"] == order["id"]
