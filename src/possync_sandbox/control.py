"""The control API both emulators serve under ``/__sandbox__``, laid out once.

Each emulator writes its own handlers, since their answers differ (Sitoo's error shape,
WooCommerce's plain JSON); ``ControlHandlers`` mounts them at the same paths and methods, so
tests and the demo drive either emulator the same way.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

CONTROL_ROOT = "/__sandbox__"
Endpoint = Callable[[Request], Awaitable[Response]]


async def read_json(request: Request) -> Any:
    """The request's JSON body; an empty body reads as ``{}``."""
    raw = await request.body()
    return json.loads(raw) if raw.strip() else {}


@dataclass(frozen=True)
class ControlHandlers:
    """The handlers every emulator's control API has."""

    reset: Endpoint
    catalogue: Endpoint
    state: Endpoint
    counters: Endpoint
    faults: Endpoint
    settings: Endpoint

    def routes(self) -> list[BaseRoute]:
        """Reset, load the catalogue, read the state, read/reset counters, faults and settings."""
        return [
            Route(f"{CONTROL_ROOT}/reset", self.reset, methods=["POST"]),
            Route(f"{CONTROL_ROOT}/catalogue", self.catalogue, methods=["POST"]),
            Route(f"{CONTROL_ROOT}/state", self.state, methods=["GET"]),
            Route(f"{CONTROL_ROOT}/counters", self.counters, methods=["GET"]),
            Route(f"{CONTROL_ROOT}/counters/reset", self.counters, methods=["POST"]),
            Route(f"{CONTROL_ROOT}/faults", self.faults, methods=["GET", "PUT"]),
            Route(f"{CONTROL_ROOT}/settings", self.settings, methods=["GET", "PATCH"]),
        ]
