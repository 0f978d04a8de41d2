"""The events (SPI) plugin: one sender per emulator, fed by every change the store announces.

When ``event_receiver_url`` is set, order add / update / state-change / ready-for-pickup,
order-delivery and warehouse-transaction events are POSTed to it (see ``event_sender``).
Control routes: ``GET /__sandbox__/events`` (the delivery log), ``POST /__sandbox__/events/flush``
(wait until nothing is pending) and ``POST /__sandbox__/events/reset``.
"""

from __future__ import annotations

import asyncio
from typing import Any
from weakref import WeakKeyDictionary

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from possync_sandbox.control import CONTROL_ROOT
from possync_sandbox.sitoo.context import Plugin, Runtime
from possync_sandbox.sitoo.control import emulator_of
from possync_sandbox.sitoo.event_sender import EventSender
from possync_sandbox.sitoo.routing import json_response
from possync_sandbox.sitoo.store import Record, SiteState, SitooStore

_SENDERS: WeakKeyDictionary[SitooStore, EventSender] = WeakKeyDictionary()


def sender_for(runtime: Runtime) -> EventSender:
    """The emulator's sender, subscribed to its store on first use."""
    store = runtime.store
    sender = _SENDERS.get(store)
    if sender is None:
        sender = _SENDERS[store] = EventSender(runtime, clock=store.now)
        accountid = runtime.settings.account_id

        def listener(kind: str, payload: Record) -> None:
            sender.emit(kind, {"accountid": accountid, **payload})

        store.subscribe(listener)
    return sender


async def on_startup(runtime: Runtime) -> None:
    sender_for(runtime).attach(asyncio.get_running_loop())


async def on_shutdown(runtime: Runtime) -> None:
    sender = _SENDERS.get(runtime.store)
    if sender is not None:
        sender.reset()


def seed_site(store: SitooStore, site: SiteState) -> None:
    """A reset starts a fresh event log (pending events of the old state are dropped)."""
    sender = _SENDERS.get(store)
    if sender is not None:
        sender.reset()


async def event_log(request: Request) -> Response:
    return json_response(sender_for(emulator_of(request)).log.wire())


async def flush(request: Request) -> Response:
    """Wait (up to ``timeout`` seconds, default 10) until every pending event was delivered or dropped."""
    sender = sender_for(emulator_of(request))
    timeout = float(request.query_params.get("timeout", "10"))
    try:
        await asyncio.wait_for(sender.idle(), timeout)
    except TimeoutError:
        return json_response(
            {"statuscode": 504, "errortext": "Events still pending", **sender.log.wire()}, 504
        )
    return json_response(sender.log.wire())


async def reset_log(request: Request) -> Response:
    sender_for(emulator_of(request)).reset()
    return json_response({"ok": True})


def state(runtime: Runtime) -> dict[str, Any]:
    log = sender_for(runtime).log
    return {
        "events": {"emitted": log.emitted, "pending": len(log.pending), "deliveries": len(log.deliveries)}
    }


CONTROL_ROUTES: list[BaseRoute] = [
    Route(f"{CONTROL_ROOT}/events", event_log, methods=["GET"]),
    Route(f"{CONTROL_ROOT}/events/flush", flush, methods=["POST"]),
    Route(f"{CONTROL_ROOT}/events/reset", reset_log, methods=["POST"]),
]
PLUGIN = Plugin(
    seed_site=seed_site,
    control_routes=CONTROL_ROUTES,
    on_startup=on_startup,
    on_shutdown=on_shutdown,
    state=state,
)
