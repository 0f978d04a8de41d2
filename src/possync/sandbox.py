"""Sandbox shops for the demo, the end-to-end tests and the benchmark: both emulators on loopback.

``sandbox_pair`` starts a WooCommerce and a Sitoo emulator on free loopback ports, loads the demo
catalogue into the side asked for, and yields a ``Connection`` to them with the sandbox's keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Literal

import httpx

from possync.sitoo import SitooConfig
from possync.sync.catalogue import CatalogueOptions
from possync.sync.runner import Connection
from possync.woo import WooConfig
from possync_sandbox.catalogue import Catalogue
from possync_sandbox.server import running
from possync_sandbox.sitoo import SitooEmulator
from possync_sandbox.woocommerce import SANDBOX_KEY, WooEmulator, WooSettings

SITOO_ACCOUNT = 90001
SITOO_API_ID = "90001-1"
SITOO_PASSWORD = "sandbox-secret"  # noqa: S105 - the emulator's published sandbox credential
SITOO_FILES = "/__sandbox__/resources/1"
"""Where the Sitoo emulator serves site 1's uploaded files (real Sitoo's file host is not documented)."""


@dataclass
class SandboxPair:
    """A running WooCommerce emulator and Sitoo emulator, and the connection between them."""

    woo: WooEmulator
    sitoo: SitooEmulator
    connection: Connection

    def requests(self) -> tuple[int, int]:
        """Requests each emulator answered since the last reset: (WooCommerce, Sitoo)."""
        return _total(self.woo), _total(self.sitoo)

    def config_toml(self, database_url: str) -> str:
        """A possync config file for this pair (bad records parked, no rate-limit check)."""
        woo, sitoo = self.connection.woo, self.connection.sitoo
        return "\n".join(
            [
                f'connection = "{self.connection.name}"',
                f'database_url = "{database_url}"',
                "[woocommerce]",
                f'url = "{woo.url}"',
                f'consumer_key = "{woo.consumer_key}"',
                f'consumer_secret = "{woo.consumer_secret}"',
                "[sitoo]",
                f'base_url = "{sitoo.base_url}"',
                f'api_id = "{sitoo.api_id}"',
                f'api_password = "{sitoo.password.get_secret_value()}"',
                f'files_url = "{sitoo.files_url}"',
                "[sitoo.full_sync]",
                "ignore_errors = true",
                "check_rate_limit_before_full_sync = false",
                "",
            ]
        )

    def reset_counters(self) -> None:
        self.woo.counter.reset()
        self.sitoo.counter.reset()


def _total(emulator: WooEmulator | SitooEmulator) -> int:
    return sum(emulator.counter.by_route.values())


def sandbox_connection(
    woo_url: str, sitoo_url: str, name: str = "sandbox", *, ignore_errors: bool = True, https: bool = True
) -> Connection:
    """A connection to emulators at these base URLs, with the sandbox's published credentials."""
    woo = WooConfig(
        url=woo_url,
        consumer_key=SANDBOX_KEY.consumer_key,
        consumer_secret=SANDBOX_KEY.consumer_secret,
        auth="basic" if https else "auto",
    )
    sitoo = SitooConfig.model_validate(
        {
            "base_url": f"{sitoo_url}/v2/accounts/{SITOO_ACCOUNT}",
            "api_id": SITOO_API_ID,
            "password": SITOO_PASSWORD,
            "files_url": f"{sitoo_url}{SITOO_FILES}",
        }
    )
    return Connection(
        name, woo, sitoo, CatalogueOptions(), ignore_errors=ignore_errors, check_rate_limit=False
    )


@contextmanager
def sandbox_pair(
    catalogue: Catalogue | None,
    loaded: Literal["woo", "pos", "both", "none"],
    name: str = "sandbox",
    *,
    https: bool = True,
) -> Iterator[SandboxPair]:
    """Both emulators running, the catalogue loaded where asked (``https``: the shop says it is SSL)."""
    woo, sitoo = WooEmulator(WooSettings(https=https)), SitooEmulator()
    if catalogue is not None and loaded in ("woo", "both"):
        woo.load_catalogue(catalogue)
    if catalogue is not None and loaded in ("pos", "both"):
        sitoo.load_catalogue(catalogue)
    with ExitStack() as stack:
        woo_server = stack.enter_context(running(woo.app))
        sitoo_server = stack.enter_context(running(sitoo.app))
        connection = sandbox_connection(woo_server.base_url, sitoo_server.base_url, name, https=https)
        if loaded in ("woo", "none"):
            add_vat_groups(connection)
        yield SandboxPair(woo, sitoo, connection)


SWEDISH_VAT = ((12, "Moms 12 %"), (6, "Moms 6 %"), (0, "Moms 0 %"))


def add_vat_groups(connection: Connection) -> None:
    """Give an empty Sitoo the Swedish VAT groups a real account starts with (25 % is there already)."""
    config = connection.sitoo
    auth = (config.api_id, config.password.get_secret_value())
    url = f"{config.site_root}/productgroups.json"
    for rate, name in SWEDISH_VAT:
        body = {"productgroupname": name, "value": rate, "productgrouptype": 10}
        httpx.post(url, json=body, auth=auth, timeout=10).raise_for_status()
