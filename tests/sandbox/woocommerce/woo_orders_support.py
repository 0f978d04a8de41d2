"""Shared helpers of the orders, coupons, refunds and webhooks conformance tests.

``Shop`` wraps woo-core's ``WooShop`` (the ``woo_shop`` fixture, or ``open_shop`` for other
settings) with short verbs and ``add_product``; ``Receiver`` is a small app on loopback that
records the webhook requests it gets and answers with a chosen status.
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
from woo_support import WooShop, open_shop

from possync_sandbox.server import running
from possync_sandbox.woocommerce import WooEmulator, WooSettings
from possync_sandbox.woocommerce import webhooks as webhook_module


@dataclass
class Shop:
    """woo-core's ``WooShop`` with the verbs and the product shelf these tests use."""

    woo: WooShop

    @property
    def emulator(self) -> WooEmulator:
        return self.woo.emulator

    @property
    def base_url(self) -> str:
        return self.woo.base_url

    @property
    def client(self) -> httpx.Client:
        return self.woo.client

    def api(self, path: str, version: str = "v3") -> str:
        return self.woo.url(path, version)

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
        """A published simple product created over REST, stock managed unless ``stock`` is None."""
        stocked = {"manage_stock": True, "stock_quantity": stock} if stock is not None else {}
        product = self.woo.product(name=name, sku=sku, regular_price=price, tax_class=tax_class, **stocked)
        return int(product["id"])

    def stock(self, product_id: int) -> int:
        return int(self.get(f"/products/{product_id}").json()["stock_quantity"])


def shop_of(woo: WooShop) -> Shop:
    """Wrap a running shop; webhook deliveries leave 0.05 s after the change instead of 1 s."""
    webhook_module.dispatcher(woo.emulator).delay = 0.05
    return Shop(woo)


@contextmanager
def start_shop(settings: WooSettings | None = None) -> Iterator[Shop]:
    with open_shop(settings) as woo:
        yield shop_of(woo)


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
