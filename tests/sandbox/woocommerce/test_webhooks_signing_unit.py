"""Webhook bodies, signatures and headers as WooCommerce puts them on the wire."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from possync_sandbox.woocommerce.webhook_signing import (
    default_secret,
    delivery_headers,
    is_success,
    json_body,
    signature,
    topic_hooks,
)


def test_body_escapes_slashes_and_non_ascii() -> None:
    assert json_body({"src": "https://shop/a.png", "name": "Kaffekopp Å"}) == (
        b'{"src":"https:\\/\\/shop\\/a.png","name":"Kaffekopp \\u00c5"}'
    )


def test_signature_is_base64_hmac_sha256_of_the_raw_body() -> None:
    body = b'{"id":7}'
    expected = base64.b64encode(hmac.new("s&<ö>".encode(), body, hashlib.sha256).digest()).decode()
    assert signature(body, "s&<ö>") == expected


def test_secret_is_html_entity_decoded_before_signing() -> None:
    assert signature(b"{}", "a&amp;b") == signature(b"{}", "a&b")


def test_headers_name_topic_resource_event_and_delivery() -> None:
    webhook = {"id": 7, "topic": "order.updated", "secret": "x"}
    headers = delivery_headers(webhook, b"{}", source="https://shop/", agent="UA", delivery="d" * 32)
    assert headers["X-WC-Webhook-Resource"] == "order"
    assert headers["X-WC-Webhook-Event"] == "updated"
    assert headers["X-WC-Webhook-ID"] == "7"
    assert headers["X-WC-Webhook-Source"] == "https://shop/"
    assert headers["X-WC-Webhook-Signature"] == signature(b"{}", "x")


def test_topics_are_validated_and_know_their_hooks() -> None:
    assert topic_hooks("coupon.created") == ["woocommerce_process_shop_coupon_meta", "woocommerce_new_coupon"]
    assert topic_hooks("action.woocommerce_cart_updated") == ["woocommerce_cart_updated"]
    assert topic_hooks("order.exploded") is None
    assert topic_hooks("action.init") is None


def test_success_is_200_to_302() -> None:
    assert [is_success(code) for code in (199, 200, 302, 303, 500, 0)] == [
        False,
        True,
        True,
        False,
        False,
        False,
    ]


def test_default_secret_has_fifty_characters() -> None:
    secret = default_secret()
    assert len(secret) == 50
    assert re.fullmatch(r"[\x21-\x7e ]{50}", secret)
