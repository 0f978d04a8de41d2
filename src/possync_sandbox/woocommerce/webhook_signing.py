"""What a WooCommerce webhook delivery looks like on the wire: body, signature and headers.

The body is ``wp_json_encode`` output (escaped slashes, ``\\uXXXX`` for non-ASCII); the signature
is the base64 HMAC-SHA256 of those raw bytes keyed with the HTML-entity-decoded secret; every
delivery carries the ``X-WC-Webhook-*`` headers and the Hookshot user agent. The ping is unsigned.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import secrets
import string
from typing import Any

TOPIC_HOOKS: dict[str, list[str]] = {
    "coupon.created": ["woocommerce_process_shop_coupon_meta", "woocommerce_new_coupon"],
    "coupon.updated": ["woocommerce_process_shop_coupon_meta", "woocommerce_update_coupon"],
    "coupon.deleted": ["wp_trash_post"],
    "coupon.restored": ["untrashed_post"],
    "customer.created": ["user_register", "woocommerce_created_customer", "woocommerce_new_customer"],
    "customer.updated": ["profile_update", "woocommerce_update_customer"],
    "customer.deleted": ["delete_user"],
    "customer.restored": [],
    "order.created": ["woocommerce_new_order"],
    "order.updated": ["woocommerce_update_order", "woocommerce_order_refunded"],
    "order.deleted": ["wp_trash_post", "woocommerce_trash_order"],
    "order.restored": ["untrashed_post", "woocommerce_untrash_order"],
    "product.created": [
        "woocommerce_process_product_meta",
        "woocommerce_new_product",
        "woocommerce_new_product_variation",
    ],
    "product.updated": [
        "woocommerce_process_product_meta",
        "woocommerce_update_product",
        "woocommerce_update_product_variation",
    ],
    "product.deleted": ["wp_trash_post"],
    "product.restored": ["untrashed_post"],
}
"""Valid topics and the WordPress hooks each listens to (the webhook's read-only ``hooks``)."""

_SECRET_CHARS = string.ascii_letters + string.digits + "!@#$%^&*()-_ []{}<>~`+=,.;:/?|"


def topic_hooks(topic: str) -> list[str] | None:
    """The hooks of a topic, None when the topic is not valid (``action.<hook>`` allowed)."""
    if topic in TOPIC_HOOKS:
        return list(TOPIC_HOOKS[topic])
    prefix, _, hook = topic.partition(".")
    if prefix == "action" and hook.startswith(("woocommerce_", "wc_")):
        return [hook]
    return None


def default_secret() -> str:
    """``wp_generate_password(50, true, true)``: what WooCommerce stores when none is given."""
    return "".join(secrets.choice(_SECRET_CHARS) for _ in range(50))


def json_body(payload: Any) -> bytes:
    """``wp_json_encode`` as WooCommerce sends it: compact, ``\\/`` slashes, ASCII only."""
    return json.dumps(payload, separators=(",", ":")).replace("/", "\\/").encode()


def signature(body: bytes, secret: str) -> str:
    """``X-WC-Webhook-Signature``: base64 of HMAC-SHA256(raw body, decoded secret)."""
    key = html.unescape(secret).encode()
    return base64.b64encode(hmac.new(key, body, hashlib.sha256).digest()).decode()


def delivery_id(webhook_id: int) -> str:
    """A fresh 32 lower-case hex ``X-WC-Webhook-Delivery-ID`` (unique per attempt)."""
    return hashlib.md5(f"{webhook_id}{secrets.token_hex(8)}".encode(), usedforsecurity=False).hexdigest()


def user_agent(wc_version: str, wp_version: str) -> str:
    return f"WooCommerce/{wc_version} Hookshot (WordPress/{wp_version})"


def delivery_headers(
    webhook: dict[str, Any], body: bytes, *, source: str, agent: str, delivery: str
) -> dict[str, str]:
    """Every header of a delivery; ``source`` is the home URL with its trailing slash."""
    resource, _, event = webhook["topic"].partition(".")
    return {
        "User-Agent": agent,
        "Content-Type": "application/json",
        "X-WC-Webhook-Source": source,
        "X-WC-Webhook-Topic": webhook["topic"],
        "X-WC-Webhook-Resource": resource,
        "X-WC-Webhook-Event": event,
        "X-WC-Webhook-Signature": signature(body, webhook.get("secret") or ""),
        "X-WC-Webhook-ID": str(webhook["id"]),
        "X-WC-Webhook-Delivery-ID": delivery,
    }


def ping_request(webhook_id: int, agent: str) -> tuple[bytes, dict[str, str]]:
    """The unsigned, form-encoded ping sent right after a webhook is created through REST."""
    headers = {"User-Agent": agent, "Content-Type": "application/x-www-form-urlencoded"}
    return f"webhook_id={webhook_id}".encode(), headers


def is_success(status: int) -> bool:
    """A delivery counts as delivered for any answer from 200 to 302."""
    return 200 <= status <= 302
