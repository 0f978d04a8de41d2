"""The URL layer: ``ApiRoute`` declarations become Starlette routes under ``/v2/accounts/{id}``.

Site resources live at ``/v2/accounts/{accountid}/sites/{eshopid}/<path>``, account-level ones
at ``/v2/accounts/{accountid}/<path>``; the ``.json`` suffix is optional (stripped before
routing). Handlers run in the event loop, one at a time, so the store needs no locks.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, cast

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from possync_sandbox.sitoo.context import ApiRoute, Ctx, Method, Runtime
from possync_sandbox.sitoo.errors import SitooError, error_bytes
from possync_sandbox.sitoo.wire import numeric_money_accepted

API_ROOT = "/v2/accounts/{accountid:int}"
SITE_ROOT = API_ROOT + "/sites/{eshopid:int}"
AfterWrite = Callable[[], None]


def json_response(value: Any, status: int = 200) -> Response:
    body = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return Response(body, status_code=status, media_type="application/json")


def error_response(status: int, text: str | None = None, headers: dict[str, str] | None = None) -> Response:
    return Response(
        error_bytes(status, text), status_code=status, media_type="application/json", headers=headers
    )


def _endpoint(
    route: ApiRoute, runtime: Runtime, after_write: AfterWrite
) -> Callable[[Request], Awaitable[Response]]:
    async def handle(request: Request) -> Response:
        params = dict(request.path_params)
        method = "GET" if request.method == "HEAD" else request.method
        ctx = Ctx(
            runtime=runtime,
            method=method,
            accountid=params.pop("accountid"),
            eshopid=params.pop("eshopid", None),
            params=params,
            query=request.query_params.multi_items(),
            raw_body=await request.body(),
        )
        token = numeric_money_accepted.set(runtime.settings.accept_numeric_money)
        try:
            result = route.handlers[cast(Method, method)](ctx)
        except SitooError as error:
            return error_response(error.status, error.errortext)
        finally:
            numeric_money_accepted.reset(token)
        if method != "GET":
            after_write()
        return json_response(result, ctx.status)

    return handle


def api_routes(routes: Sequence[ApiRoute], runtime: Runtime, after_write: AfterWrite) -> list[BaseRoute]:
    """Starlette routes for the declared API routes."""
    built: list[BaseRoute] = []
    for route in routes:
        root = SITE_ROOT if route.level == "site" else API_ROOT
        path = f"{root}/{route.path}".rstrip("/")
        built.append(Route(path, _endpoint(route, runtime, after_write), methods=list(route.handlers)))
    return built


class JsonSuffix:
    """Lets every ``/v2`` URL be written with or without ``.json``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] == "http" and path.startswith("/v2/") and path.endswith(".json"):
            scope = {**scope, "path": path[: -len(".json")], "raw_path": path[: -len(".json")].encode()}
        await self.app(scope, receive, send)


async def http_error(request: Request, exc: Exception) -> Response:
    """Unknown URLs and methods get Sitoo's error body (404/405) instead of plain text."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    headers = getattr(exc, "headers", None) if isinstance(exc, HTTPException) else None
    return error_response(status, None, headers)


async def server_error(request: Request, exc: Exception) -> Response:
    return error_response(500)
