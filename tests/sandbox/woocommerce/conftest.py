"""Fixtures of the WooCommerce emulator tests: a shop on loopback and clients for it.

``woo_shop`` is a ``WooShop`` (emulator + base URL + client) reset to a fresh default shop for
each test (one server per module); ``woo`` is its httpx client on ``/wp-json/wc/v3``
authenticated with the sandbox read_write key over HTTP Basic (the default shop says it is
HTTPS). ``plain_http`` is the same on a shop that is not HTTPS, whose client signs OAuth 1.0a.
For other settings: ``with open_shop(WooSettings(...)) as shop``.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from woo_orders_support import Receiver, Shop, shop_of, start_receiver
from woo_support import WooShop, open_shop, reset_shop

from possync_sandbox.woocommerce import WooSettings


@pytest.fixture(scope="module")
def woo_server() -> Iterator[WooShop]:
    with open_shop() as shop:
        yield shop


@pytest.fixture
def woo_shop(woo_server: WooShop) -> WooShop:
    reset_shop(woo_server.emulator)
    return woo_server


@pytest.fixture
def woo(woo_shop: WooShop) -> httpx.Client:
    return woo_shop.client


@pytest.fixture(scope="module")
def plain_http_server() -> Iterator[WooShop]:
    with open_shop(WooSettings(https=False)) as shop:
        yield shop


@pytest.fixture
def plain_http(plain_http_server: WooShop) -> WooShop:
    reset_shop(plain_http_server.emulator)
    plain_http_server.emulator.settings.https = False
    return plain_http_server


@pytest.fixture
def shop(woo_shop: WooShop) -> Shop:
    """The shop of a test, with helpers for orders, coupons and webhooks."""
    return shop_of(woo_shop)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A webhook receiver on loopback, recording every delivery."""
    with start_receiver() as running_receiver:
        yield running_receiver
