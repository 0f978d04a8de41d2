"""``SitooEmulator``: the offline Sitoo REST API v2 as one ASGI app with its state and controls.

The app is, from the outside in: the fault middleware (counts requests, injects faults with a
Sitoo-shaped body), the ``.json`` suffix normaliser, the guard (IP allow-list, Basic auth, rate
limit), then the routes of every resource plugin and the control API. State lives in a
``SitooStore``; with ``settings.data_file`` it is loaded at start and saved after each write.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp

from possync_sandbox.catalogue.model import Catalogue
from possync_sandbox.faults import FaultMiddleware, FaultState, RequestCounter
from possync_sandbox.sitoo.context import Plugin
from possync_sandbox.sitoo.control import control_routes
from possync_sandbox.sitoo.errors import fault_error_body
from possync_sandbox.sitoo.guard import Guard
from possync_sandbox.sitoo.plugins import PLUGINS
from possync_sandbox.sitoo.ratelimit import RateLimiter
from possync_sandbox.sitoo.routing import JsonSuffix, api_routes, http_error, server_error
from possync_sandbox.sitoo.settings import SitooSettings
from possync_sandbox.sitoo.sites import add_site
from possync_sandbox.sitoo.store import Clock, SiteState, SitooStore, write_json


def is_api(path: str) -> bool:
    return path.startswith("/v2/")


class SitooEmulator:
    """The emulator: ``app`` to serve, ``store`` to inspect, ``faults`` and ``counter`` to steer."""

    def __init__(self, settings: SitooSettings | None = None, plugins: list[Plugin] | None = None) -> None:
        self.settings = settings or SitooSettings()
        self.store = SitooStore(Clock(self.settings.frozen_time))
        self.faults = FaultState()
        self.counter = RequestCounter()
        self.limiter = RateLimiter(self.store.clock)
        self.plugins = list(PLUGINS if plugins is None else plugins)
        self.skipped_reasons: list[str] = []
        data_file = self.settings.data_file
        if data_file and Path(data_file).exists():
            self.store.restore(json.loads(Path(data_file).read_text())["store"])
        else:
            self.reset()
        self.app: ASGIApp = self._build_app()

    # --- state ---------------------------------------------------------------------------
    def reset(self) -> None:
        """Back to a fresh account: one site with its seed data, no catalogue."""
        self.store.clear()
        self.limiter.reset()
        self.store.add_account(self.settings.account_id)
        self.add_site(self.settings.eshopid)
        self._open_more_accounts()
        self.after_write()

    def add_site(self, eshopid: int, accountid: int | None = None) -> SiteState:
        site = add_site(self.store, self.settings.account_id if accountid is None else accountid, eshopid)
        for plugin in self.plugins:
            if plugin.seed_site is not None:
                plugin.seed_site(self.store, site)
        return site

    def site(self, eshopid: int | None = None) -> SiteState:
        return self.store.site(self.settings.account_id, eshopid or self.settings.eshopid)

    def load_catalogue(self, catalogue: Catalogue) -> dict[str, int]:
        """Load the demo catalogue into the default site; answers the record counts.

        ``skipped`` counts the records Sitoo would refuse; ``skipped_reasons`` lists them.
        """
        from possync_sandbox.sitoo.loader import load_core

        site = self.site()
        self.skipped_reasons = load_core(self, self.settings.account_id, site.eshopid, catalogue)
        for plugin in self.plugins:
            if plugin.load_catalogue is not None:
                plugin.load_catalogue(self.store, site, catalogue)
        self.after_write()
        counts = {name: len(table) for name, table in site.tables.items()}
        return {**counts, "skipped": len(self.skipped_reasons)}

    def state(self) -> dict[str, Any]:
        extra = {}
        for plugin in self.plugins:
            if plugin.state is not None:
                extra.update(plugin.state(self))
        return {"now": self.store.now(), **self.store.dump(), **extra}

    def update_settings(self, patch: dict[str, Any]) -> None:
        self.settings = SitooSettings.model_validate({**self.settings.model_dump(), **patch})
        if "frozen_time" in patch:
            frozen = self.settings.frozen_time
            self.store.clock.unfreeze() if frozen is None else self.store.clock.freeze(frozen)
        if "more_api_users" in patch:
            self._open_more_accounts()

    def _open_more_accounts(self) -> None:
        """Give every further API user's account a site, unless it has one already."""
        for accountid, _ in self.settings.api_users().values():
            if accountid not in self.store.accounts:
                self.add_site(self.settings.eshopid, accountid)

    # --- persistence -----------------------------------------------------------------------
    def dump(self) -> dict[str, Any]:
        return {"settings": self.settings.model_dump(), "store": self.store.dump()}

    def save(self, path: str | Path) -> None:
        write_json(path, self.dump())

    @classmethod
    def load(cls, path: str | Path) -> SitooEmulator:
        data = json.loads(Path(path).read_text())
        emulator = cls(SitooSettings.model_validate({**data["settings"], "data_file": None}))
        emulator.store.restore(data["store"])
        return emulator

    def after_write(self) -> None:
        if self.settings.data_file:
            self.save(self.settings.data_file)

    # --- the app -----------------------------------------------------------------------------
    def _build_app(self) -> ASGIApp:
        routes = [route for plugin in self.plugins for route in plugin.routes]
        control = [route for plugin in self.plugins for route in plugin.control_routes]
        app = Starlette(
            routes=[*api_routes(routes, self, self.after_write), *control_routes(), *control],
            exception_handlers={HTTPException: http_error, Exception: server_error},
            lifespan=self._lifespan,
        )
        app.state.runtime = self
        guarded = Guard(app, self, self.limiter)
        return FaultMiddleware(
            JsonSuffix(guarded), self.faults, self.counter, is_api=is_api, error_body=fault_error_body
        )

    @asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        for plugin in self.plugins:
            if plugin.on_startup is not None:
                await plugin.on_startup(self)
        try:
            yield
        finally:
            for plugin in self.plugins:
                if plugin.on_shutdown is not None:
                    await plugin.on_shutdown(self)
