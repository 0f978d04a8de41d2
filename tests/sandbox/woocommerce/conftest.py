"""Fixtures of the WooCommerce emulator tests: a shop on loopback and clients for it.

``woo_shop`` is a ``WooShop`` (emulator + base URL + client) reset to a fresh default shop for
each test (one server per module); ``woo`` is its httpx client on ``/wp-json/wc/v3``
authenticated with the sandbox read_write key over HTTP Basic (the default shop says it is
HTTPS). For other settings: ``with open_shop(WooSettings(...)) as shop``.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from woo_support import WooShop, open_shop, reset_shop


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
