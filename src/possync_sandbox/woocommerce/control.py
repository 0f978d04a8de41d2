"""The sandbox control API under ``/__sandbox__``: reset, catalogue, state, counters, faults, settings.

Tests and the demo drive the emulator through these routes (``POST /catalogue`` takes ``seed``,
``products`` and optionally the generator's ``images`` and ``orders``); they are never authenticated,
never counted and never faulted, and answer plain JSON (not WordPress-encoded).
``POST /untrash/<products|orders|coupons>/<id>`` is the merchant's Restore link in wp-admin.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from possync_sandbox.control import CONTROL_ROOT, ControlHandlers, read_json
from possync_sandbox.faults import FaultPlan
from possync_sandbox.woocommerce.untrash import NotInTrashError, untrash

if TYPE_CHECKING:
    from possync_sandbox.woocommerce.emulator import WooEmulator


def json_response(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status, media_type="application/json")


def control_routes(emulator: WooEmulator) -> list[BaseRoute]:
    """The Starlette routes of the control API, bound to ``emulator``."""

    async def reset(request: Request) -> Response:
        emulator.reset()
        return json_response({"reset": True})

    async def catalogue(request: Request) -> Response:
        from possync_sandbox.catalogue import generate

        body = await read_json(request)
        emulator.reset()
        options = {k: body[k] for k in ("images", "orders") if k in body}
        catalogue = generate(int(body.get("seed", 1)), int(body.get("products", 60)), **options)
        summary = emulator.load_catalogue(catalogue)
        return json_response(summary)

    async def state(request: Request) -> Response:
        return json_response(emulator.state())

    async def counters(request: Request) -> Response:
        if request.method == "POST":
            emulator.counter.reset()
        return json_response(emulator.counter.snapshot())

    async def faults(request: Request) -> Response:
        if request.method == "PUT":
            try:
                emulator.faults.configure(FaultPlan.model_validate(await read_json(request)))
            except ValidationError as error:
                return json_response({"error": json.loads(error.json())}, 400)
        return json_response(emulator.faults.plan.model_dump(mode="json"))

    async def settings(request: Request) -> Response:
        if request.method == "PATCH":
            changes = await read_json(request)
            try:
                for name, value in changes.items():
                    setattr(emulator.settings, name, value)
            except (ValidationError, ValueError) as error:
                return json_response({"error": str(error)}, 400)
        return json_response(emulator.settings.model_dump(mode="json"))

    async def media_bytes(request: Request) -> Response:
        media_id = int(request.path_params["id"])
        record = emulator.store.media.get(media_id)
        if record is None:
            return json_response({"error": "no such media"}, 404)
        return Response(emulator.store.media_bytes.get(media_id, b""), media_type=record["mime_type"])

    common = ControlHandlers(reset, catalogue, state, counters, faults, settings)
    return [
        *common.routes(),
        Route(f"{CONTROL_ROOT}/media/{{id:int}}", media_bytes, methods=["GET"]),
        _untrash_route(emulator),
    ]


def _untrash_route(emulator: WooEmulator) -> Route:
    """``POST /untrash/<resource>/<id>``: 404 when unknown, 409 when the record is not in the trash."""

    async def restore(request: Request) -> Response:
        resource, record_id = request.path_params["resource"], request.path_params["id"]
        try:
            record = untrash(emulator.store, resource, record_id)
        except NotInTrashError as error:
            return json_response({"error": str(error)}, 409)
        except KeyError:
            return json_response({"error": f"no {resource} record {record_id}"}, 404)
        emulator.after_write()
        return json_response({"id": record["id"], "status": record["status"]})

    return Route(f"{CONTROL_ROOT}/untrash/{{resource}}/{{id:int}}", restore, methods=["POST"])
