"""Shared helpers of the orders, coupons, refunds and webhooks conformance tests.

``start_shop`` serves a fresh emulator on loopback with an httpx client authenticated with the
sandbox read_write key; ``Shop.add_product`` puts a product on the shelf; ``Receiver`` is a
small app that records the webhook requests it gets and answers with a chosen status.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from possync_sandbox.server import running
from possync_sandbox.woocommerce import SANDBOX_KEY, WooEmulator, WooSettings
from possync_sandbox.woocommerce import webhooks as webhook_module


@dataclass
class Shop:
    """A running emulator and a client speaking to its ``/wp-json/wc/v3`` API."""

    emulator: WooEmulator
    base_url: str
    client: httpx.Client

    def api(self, path: str, version: str = "v3") -> str:
        return f"{self.base_url}/wp-json/wc/{version}{path}"

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.client.get(self.api(path), params=params)

    def post(self, path: str, body: Any, **params: Any) -> httpx.Response:
        return self.client.post(self.api(path), json=body, params=params)

    def put(self, path: str, body: Any) -> httpx.Response:
        return self.client.put(self.api(path), json=body)

    def delete(self, path: str, **params: Any) -> httpx.Response:
        return self.client.delete(self.api(path), params=params)

    def add_product(
        self, name: str, sku: str, price: str, stock: int | None = 10, tax_class: str = ""
    ) -> int:
        """A published simple product, stock managed when ``stock`` is not None."""
        store = self.emulator.store
        product_id = store.new_post_id()
        now = store.now()
        store.products[product_id] = {
            "id": product_id,
            "name": name,
            "slug": name.lower().replace(" ", "-"),
            "type": "simple",
            "status": "publish",
            "sku": sku,
            "price": price,
            "regular_price": price,
            "sale_price": "",
            "tax_status": "taxable",
            "tax_class": tax_class,
            "manage_stock": stock is not None,
            "stock_quantity": stock,
            "stock_status": "instock",
            "backorders": "no",
            "date_created_gmt": now,
            "date_modified_gmt": now,
            "images": [],
            "meta_data": [],
        }
        return product_id

    def stock(self, product_id: int) -> int:
        return int(self.emulator.store.products[product_id]["stock_quantity"])


@contextmanager
def start_shop(settings: WooSettings | None = None) -> Iterator[Shop]:
    emulator = WooEmulator(settings or WooSettings())
    webhook_module.dispatcher(emulator).delay = 0.05
    with running(emulator.app) as server:
        auth = (SANDBOX_KEY.consumer_key, SANDBOX_KEY.consumer_secret)
        with httpx.Client(auth=auth, timeout=30) as client:
            yield Shop(emulator, server.base_url, client)


@dataclass
class Hit:
    """One request the receiver got."""

    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """Records every POST; ``status`` is what it answers (per path, else ``default``)."""

    default: int = 200
    status: dict[str, int] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    url: str = ""
    _changed: threading.Condition = field(default_factory=threading.Condition)

    async def handle(self, request: Request) -> Response:
        hit = Hit(request.url.path, {k.lower(): v for k, v in request.headers.items()}, await request.body())
        with self._changed:
            self.hits.append(hit)
            self._changed.notify_all()
        return Response("ok", self.status.get(request.url.path, self.default))

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{path:path}", self.handle, methods=["POST"])])

    def deliveries(self, path: str | None = None) -> list[Hit]:
        """Signed deliveries (pings excluded), optionally only those sent to ``path``."""
        return [
            h for h in self.hits if "x-wc-webhook-topic" in h.headers and (path is None or h.path == path)
        ]

    def wait_for(self, count: int, path: str | None = None, pings: bool = False) -> list[Hit]:
        """Block until ``count`` deliveries (or, with ``pings``, any requests) arrived."""

        def seen() -> list[Hit]:
            return self.hits if pings else self.deliveries(path)

        with self._changed:
            self._changed.wait_for(lambda: len(seen()) >= count, timeout=15)
        found = seen()
        assert len(found) >= count, f"expected {count} webhook requests, got {len(found)}"
        return found


@contextmanager
def start_receiver(default: int = 200) -> Iterator[Receiver]:
    receiver = Receiver(default=default)
    with running(receiver.app()) as server:
        receiver.url = server.base_url
        yield receiver
