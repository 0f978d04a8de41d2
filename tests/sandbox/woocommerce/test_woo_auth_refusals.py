"""Refused writes and OAuth failures over raw HTTP (spec §2.1, §2.2, §3).

A request without credentials is anonymous and fails the route's permission check with 401
``woocommerce_rest_cannot_edit`` / ``_cannot_delete``, leaving the record as it was. OAuth 1.0a
parameters in the ``Authorization: OAuth ...`` header are checked exactly like query-string ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from woo_support import WooShop, error, oauth_header, oauth_params

from possync_sandbox.woocommerce import SANDBOX_KEY

CANNOT_EDIT = (401, "woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource.")
CANNOT_DELETE = (
    401,
    "woocommerce_rest_cannot_delete",
    "Sorry, you are not allowed to delete this resource.",
)
AUTH_ERROR = "woocommerce_rest_authentication_error"
MISMATCH = (401, AUTH_ERROR, "Invalid signature - provided signature does not match.")
CREATE_BODIES = {
    "products": {"name": "Mug", "regular_price": "9.90"},
    "orders": {"status": "on-hold"},
    "coupons": {"code": "ten", "amount": "10"},
}


def _stored(woo_shop: WooShop, resource: str) -> dict[str, Any]:
    """A fresh record of ``resource``, created with the sandbox key, as the store holds it."""
    created = woo_shop.client.post(f"/{resource}", json=CREATE_BODIES[resource])
    assert created.status_code == 201, created.text
    return woo_shop.emulator.store.tables[resource][created.json()["id"]]


@pytest.mark.parametrize("resource", list(CREATE_BODIES))
def test_anonymous_put_is_refused_and_changes_nothing(woo_shop: WooShop, resource: str) -> None:
    record = _stored(woo_shop, resource)
    before = dict(record)
    answer = httpx.put(woo_shop.url(f"/{resource}/{record['id']}"), json={"status": "draft", "amount": "1"})
    assert error(answer) == CANNOT_EDIT
    assert woo_shop.emulator.store.tables[resource][record["id"]] == before


@pytest.mark.parametrize("resource", list(CREATE_BODIES))
def test_anonymous_delete_is_refused_and_trashes_nothing(woo_shop: WooShop, resource: str) -> None:
    record = _stored(woo_shop, resource)
    status = record["status"]
    for params in ({}, {"force": "true"}):
        answer = httpx.delete(woo_shop.url(f"/{resource}/{record['id']}"), params=params)
        assert error(answer) == CANNOT_DELETE
    assert woo_shop.emulator.store.tables[resource][record["id"]]["status"] == status


Tamper = Callable[[str], dict[str, str]]
"""The ``oauth_*`` parameters of a failing GET of ``url``."""

FAILURES: dict[str, tuple[Tamper, tuple[int, str, str]]] = {
    "bad signature": (lambda url: oauth_params("GET", url) | {"oauth_signature": "AAAA"}, MISMATCH),
    "wrong secret": (lambda url: oauth_params("GET", url, secret="cs_wrong"), MISMATCH),
    "unknown key": (
        lambda url: oauth_params("GET", url) | {"oauth_consumer_key": "ck_unknown"},
        (401, AUTH_ERROR, "Consumer key is invalid."),
    ),
    "missing parameters": (
        lambda url: {"oauth_consumer_key": SANDBOX_KEY.consumer_key, "oauth_signature": "abc"},
        (
            401,
            "woocommerce_rest_authentication_missing_parameter",
            "Missing OAuth parameters oauth_timestamp, oauth_nonce, oauth_signature_method",
        ),
    ),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_oauth_failure_in_the_header_is_the_query_string_error(plain_http: WooShop, failure: str) -> None:
    tamper, expected = FAILURES[failure]
    url = plain_http.url("/products")
    in_header = httpx.get(url, headers={"Authorization": oauth_header(tamper(url))})
    in_query = httpx.get(url, params=tamper(url))
    assert error(in_header) == error(in_query) == expected
