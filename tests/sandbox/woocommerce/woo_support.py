"""Helpers of the WooCommerce emulator conformance tests: a shop on loopback and OAuth 1.0a signing.

``open_shop`` serves a fresh emulator over real HTTP and hands back an httpx client authenticated
with the sandbox read_write key (HTTP Basic). ``oauth_params`` signs a request the way RFC 5849
(section 3.4) describes, independently of the emulator's own code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

from possync_sandbox.faults import FaultPlan
from possync_sandbox.server import running
from possync_sandbox.woocommerce import SANDBOX_KEY, ApiKey, WooEmulator, WooSettings
from possync_sandbox.woocommerce.store import Clock

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
PNG_DATA_URL = "data:image/png;base64," + base64.b64encode(PNG).decode()


@dataclass
class WooShop:
    """A running emulator, its base URL and an authenticated client on ``/wp-json/wc/v3``."""

    emulator: WooEmulator
    base_url: str
    client: httpx.Client

    def url(self, path: str, version: str = "v3") -> str:
        return f"{self.base_url}/wp-json/wc/{version}{path}"

    def product(self, **fields: Any) -> dict[str, Any]:
        """Create a product (simple, published, unless ``fields`` say otherwise) and return it."""
        answer = self.client.post("/products", json={"name": "Product", **fields})
        assert answer.status_code == 201, answer.text
        body: dict[str, Any] = answer.json()
        return body

    def untrash(self, resource: str, record_id: int) -> httpx.Response:
        """wp-admin's Restore link, through the control API (``products``, ``orders``, ``coupons``)."""
        return httpx.post(f"{self.base_url}/__sandbox__/untrash/{resource}/{record_id}")


class OAuth1(httpx.Auth):
    """Signs every request with OAuth 1.0a one-legged (query parameters signed, JSON body not)."""

    def __init__(self, key: ApiKey) -> None:
        self.key = key

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        url = str(request.url.copy_with(query=None))
        query = dict(request.url.params)
        request.url = request.url.copy_merge_params(oauth_params(request.method, url, query, key=self.key))
        yield request


@contextmanager
def open_shop(settings: WooSettings | None = None, key: ApiKey = SANDBOX_KEY) -> Iterator[WooShop]:
    """A fresh shop; its client uses Basic when the shop is HTTPS, else OAuth 1.0a."""
    settings = settings or WooSettings()
    emulator = WooEmulator(settings)
    with running(emulator.app) as server:
        auth: httpx.Auth = (
            httpx.BasicAuth(key.consumer_key, key.consumer_secret) if settings.https else OAuth1(key)
        )
        with httpx.Client(base_url=f"{server.base_url}/wp-json/wc/v3", auth=auth, timeout=30) as client:
            yield WooShop(emulator, server.base_url, client)


def reset_shop(emulator: WooEmulator) -> None:
    """Back to a fresh shop without restarting the server: default settings, empty store, no faults."""
    for name, value in WooSettings().model_dump().items():
        setattr(emulator.settings, name, value)
    emulator.store.reset()
    emulator.store.clock = Clock()
    emulator.faults.configure(FaultPlan())
    emulator.counter.reset()


def percent(value: str) -> str:
    """RFC 3986 percent-encoding of the unreserved set only (RFC 5849 section 3.6)."""
    return quote(value, safe="-._~")


def oauth_params(
    method: str,
    url: str,
    query: dict[str, str] | None = None,
    *,
    key: ApiKey = SANDBOX_KEY,
    signature_method: str = "HMAC-SHA1",
    timestamp: int | None = None,
    nonce: str | None = None,
    secret: str | None = None,
) -> dict[str, str]:
    """The ``oauth_*`` parameters, signature included, for one request (RFC 5849 section 3.4)."""
    oauth = {
        "oauth_consumer_key": key.consumer_key,
        "oauth_timestamp": str(timestamp if timestamp is not None else int(time.time())),
        "oauth_nonce": nonce or secrets.token_hex(8),
        "oauth_signature_method": signature_method,
    }
    pairs = sorted((percent(k), percent(v)) for k, v in {**(query or {}), **oauth}.items())
    normalized = "&".join(f"{k}={v}" for k, v in pairs)
    base = "&".join((method.upper(), percent(url), percent(normalized)))
    digest = hashlib.sha256 if signature_method == "HMAC-SHA256" else hashlib.sha1
    signing_key = f"{percent(secret if secret is not None else key.consumer_secret)}&"
    signature = base64.b64encode(hmac.new(signing_key.encode(), base.encode(), digest).digest()).decode()
    return {**oauth, "oauth_signature": signature}


def oauth_header(params: dict[str, str]) -> str:
    return "OAuth " + ", ".join(f'{k}="{percent(v)}"' for k, v in params.items())


def error(answer: httpx.Response) -> tuple[int, str, str]:
    """Status, code and message of a WordPress error answer."""
    body = answer.json()
    return answer.status_code, body["code"], body["message"]
