"""``WooEmulator``: one offline WooCommerce shop as an ASGI app, its state, faults and counters.

The app is ``FaultMiddleware`` around a Starlette app holding the control API
(``/__sandbox__/...``, never authenticated or faulted), the uploads folder and the REST
dispatcher. Resource modules contribute their ``ROUTES``; ``webhooks.attach(emulator)`` is
called once at construction so the webhook module can subscribe to ``store`` events and
register background work in ``on_startup``/``on_shutdown``.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from starlette.applications import Starlette
from starlette.routing import Route as HttpRoute

from possync_sandbox.catalogue.model import Catalogue
from possync_sandbox.faults import FaultMiddleware, FaultState, RequestCounter
from possync_sandbox.woocommerce import (
    attributes,
    categories,
    coupons,
    media,
    orders,
    products,
    system,
    taxes,
    variations,
    webhooks,
)
from possync_sandbox.woocommerce.api import RestApi
from possync_sandbox.woocommerce.context import Route, Version, View
from possync_sandbox.woocommerce.control import control_routes
from possync_sandbox.woocommerce.settings import WooSettings
from possync_sandbox.woocommerce.store import Store

Hook = Callable[[], Awaitable[None]]


_PLACEHOLDER = re.compile(r"<(\w+)(:str)?>")


def _wordpress_pattern(found: re.Match[str]) -> str:
    """A route placeholder as WordPress lists it: ``(?P<id>[\\d]+)``."""
    return f"(?P<{found.group(1)}>" + ("[\\w-]+)" if found.group(2) else "[\\d]+)")


def _gmt_offset(timezone: str, moment: datetime) -> str:
    """WordPress's ``gmt_offset`` option: hours east of UTC, ``"1"`` or ``"5.5"``."""
    offset = moment.astimezone(ZoneInfo(timezone)).utcoffset() or timedelta(0)
    return f"{offset.total_seconds() / 3600:g}"


def is_api(path: str) -> bool:
    """Requests the fault plan applies to: the REST API in both URL forms."""
    return path.startswith("/wp-json") or path in ("/", "/index.php")


class WooEmulator:
    """An offline WooCommerce shop; see the module docstring for its parts."""

    def __init__(self, settings: WooSettings | None = None) -> None:
        self.settings = settings or WooSettings()
        self.store = Store(self.settings)
        self.faults = FaultState()
        self.counter = RequestCounter()
        self.on_startup: list[Hook] = []
        self.on_shutdown: list[Hook] = []
        self.home_url = (self.settings.public_url or "http://127.0.0.1").rstrip("/")
        """The site URL the last request came to (or ``public_url``), for work outside requests."""
        self.routes: list[Route] = [
            *system.ROUTES,
            *taxes.ROUTES,
            *categories.ROUTES,
            *attributes.ROUTES,
            *variations.ROUTES,
            *products.ROUTES,
            *orders.ROUTES,
            *coupons.ROUTES,
            *webhooks.ROUTES,
        ]
        self.api = RestApi(self, self.routes)
        webhooks.attach(self)
        if self.settings.data_file and Path(self.settings.data_file).exists():
            self.store.load_json(json.loads(Path(self.settings.data_file).read_text())["state"])
        inner = Starlette(
            routes=[
                *control_routes(self),
                HttpRoute(
                    "/wp-content/uploads/{path:path}", media.serve_upload(self), methods=["GET", "HEAD"]
                ),
                HttpRoute("/{path:path}", self.api),
            ],
            lifespan=self._lifespan,
        )
        self.app = FaultMiddleware(inner, self.faults, self.counter, is_api=is_api)

    @asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        for hook in self.on_startup:
            await hook()
        try:
            yield
        finally:
            for hook in self.on_shutdown:
                await hook()

    def view(self, version: Version = "v3") -> View:
        """A serialisation view outside any request (webhook payloads, the state dump)."""
        return View(self.store, version, self.home_url)

    def reset(self) -> None:
        self.store.reset()
        self.after_write()

    def load_catalogue(self, catalogue: Catalogue) -> dict[str, int]:
        from possync_sandbox.woocommerce.loader import load_catalogue

        summary = load_catalogue(self, catalogue)
        self.after_write()
        return summary

    def after_write(self) -> None:
        """Persist the state when ``settings.data_file`` is set; called after every API write."""
        if self.settings.data_file:
            self.save(self.settings.data_file)

    def save(self, path: str | Path) -> None:
        data = {"settings": self.settings.model_dump(mode="json"), "state": self.store.to_json()}
        Path(path).write_text(json.dumps(data))

    @classmethod
    def load(cls, path: str | Path) -> WooEmulator:
        data = json.loads(Path(path).read_text())
        emulator = cls(WooSettings(**{**data["settings"], "data_file": None}))
        emulator.store.load_json(data["state"])
        emulator.settings.data_file = data["settings"].get("data_file")
        return emulator

    def state(self) -> dict[str, Any]:
        """Every table as lists of records (the control API's ``/state``)."""
        dump = self.store.to_json()["tables"]
        for row in dump["media"]:
            row["size"] = len(self.store.media_bytes.get(row["id"], b""))
        return dict(dump)

    def index(self, home_url: str) -> dict[str, Any]:
        return {
            "name": self.settings.site_title,
            "description": "",
            "url": home_url,
            "home": home_url,
            "gmt_offset": _gmt_offset(self.settings.timezone, self.store.clock.now()),
            "timezone_string": self.settings.timezone,
            "namespaces": ["oembed/1.0", "wc/store/v1", "wc/v1", "wc/v2", "wc/v3", "wc-admin", "wp/v2"],
            "authentication": {},
            "routes": {},
        }

    def namespace_index(self, version: Version, home_url: str) -> dict[str, Any]:
        routes: dict[str, Any] = {}
        for route in self.routes:
            if version in route.versions:
                path = _PLACEHOLDER.sub(_wordpress_pattern, route.path)
                entry = routes.setdefault(
                    f"/wc/{version}{path}", {"namespace": f"wc/{version}", "methods": []}
                )
                entry["methods"] = sorted({*entry["methods"], *route.methods})
        return {"namespace": f"wc/{version}", "routes": routes}
