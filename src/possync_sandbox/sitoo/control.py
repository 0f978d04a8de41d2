"""The control API under ``/__sandbox__``: never authenticated, never faulted.

Reset, load the demo catalogue, read the whole state, read and reset the request counters,
read and replace the fault plan, read and patch the settings, and move the clock. Plugins
(the shop floor, the events log) add their own routes next to these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from possync_sandbox.control import CONTROL_ROOT, ControlHandlers, read_json
from possync_sandbox.faults import FaultPlan
from possync_sandbox.sitoo.routing import json_response

if TYPE_CHECKING:
    from possync_sandbox.sitoo.emulator import SitooEmulator


def emulator_of(request: Request) -> SitooEmulator:
    emulator: SitooEmulator = request.app.state.runtime
    return emulator


def _invalid(error: Exception) -> Response:
    return json_response({"statuscode": 400, "errortext": str(error)}, 400)


async def reset(request: Request) -> Response:
    emulator_of(request).reset()
    return json_response({"ok": True})


async def catalogue(request: Request) -> Response:
    from possync_sandbox.catalogue import generate

    body = await read_json(request)
    try:
        loaded = generate(seed=int(body.get("seed", 1)), products=int(body.get("products", 60)))
    except (TypeError, ValueError) as error:
        return _invalid(error)
    emulator = emulator_of(request)
    emulator.reset()
    return json_response(emulator.load_catalogue(loaded))


async def state(request: Request) -> Response:
    return json_response(emulator_of(request).state())


async def counters(request: Request) -> Response:
    counter = emulator_of(request).counter
    if request.method == "POST":
        counter.reset()
    return json_response(counter.snapshot())


async def faults(request: Request) -> Response:
    emulator = emulator_of(request)
    if request.method == "PUT":
        try:
            emulator.faults.configure(FaultPlan.model_validate(await read_json(request)))
        except (ValidationError, ValueError) as error:
            return _invalid(error)
    plan = emulator.faults.plan.model_dump()
    return json_response({"plan": plan, "served": dict(emulator.faults.served)})


async def settings(request: Request) -> Response:
    emulator = emulator_of(request)
    if request.method == "PATCH":
        try:
            emulator.update_settings(await read_json(request))
        except (ValidationError, ValueError) as error:
            return _invalid(error)
    return json_response(emulator.settings.model_dump())


async def clock(request: Request) -> Response:
    """``PUT {"frozen": <unix s> | null}`` or ``{"advance": <s>}``; GET reads the clock."""
    clock = emulator_of(request).store.clock
    if request.method == "PUT":
        body = await read_json(request)
        if "advance" in body:
            clock.advance(float(body["advance"]))
        elif body.get("frozen") is None:
            clock.unfreeze()
        else:
            clock.freeze(float(body["frozen"]))
    return json_response({"now": clock.now(), "frozen": clock.frozen is not None})


def control_routes() -> list[BaseRoute]:
    common = ControlHandlers(reset, catalogue, state, counters, faults, settings)
    return [*common.routes(), Route(f"{CONTROL_ROOT}/clock", clock, methods=["GET", "PUT"])]
