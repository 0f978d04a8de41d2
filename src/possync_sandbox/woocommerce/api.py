"""The REST dispatcher: URL forms, method override, body parsing, authentication, routing.

``/wp-json/wc/v3/...`` and ``/wp-json/wc/v2/...`` are key-authenticated; the ``?rest_route=``
form routes the same way but, as observed on real shops, never applies key authentication, so
every protected route answers 401 there. Errors are rendered as WordPress renders a WP_Error,
and JSON is encoded as ``wp_json_encode`` does (escaped slashes, ``\\uXXXX`` for non-ASCII).
"""

from __future__ import annotations

import json
import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from possync_sandbox.woocommerce.auth import AuthRequest, authenticate, check_permission
from possync_sandbox.woocommerce.context import ANONYMOUS_ERRORS, Reply, RequestContext, Route, Version, View
from possync_sandbox.woocommerce.errors import NO_ROUTE, WooError
from possync_sandbox.woocommerce.settings import ApiKey

if TYPE_CHECKING:
    from possync_sandbox.woocommerce.emulator import WooEmulator

log = logging.getLogger(__name__)
_NAMESPACE = re.compile(r"^/wc/(v2|v3)(/.*)?$")
_BRACKETS = re.compile(r"^([^\[]+)((?:\[[^\]]*\])+)$")
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
NO_CACHE = {
    "Cache-Control": "no-cache, must-revalidate, max-age=0, no-store, private",
    "Expires": "Wed, 11 Jan 1984 05:00:00 GMT",
}


def encode_json(body: Any) -> bytes:
    """``wp_json_encode``: compact, ASCII-only, forward slashes escaped."""
    return json.dumps(body, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/").encode()


def parse_params(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """PHP's query parsing: ``a[]=1&a[]=2`` and ``a[0]=1`` give lists, ``a[b]=c`` a dict, last wins."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        found = _BRACKETS.match(key)
        if found is None:
            result[key] = value
            continue
        subs = re.findall(r"\[([^\]]*)\]", found.group(2))
        target = result.get(found.group(1))
        if not isinstance(target, dict):
            target = result[found.group(1)] = {}
        for sub in subs[:-1]:
            target = target.setdefault(sub or str(len(target)), {})
        target[subs[-1] or str(len(target))] = value
    return {k: _listify(v) for k, v in result.items()}


def _listify(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    value = {k: _listify(v) for k, v in value.items()}
    if all(k.isdigit() for k in value):
        return [value[k] for k in sorted(value, key=int)]
    return value


def trim_fields(body: Any, fields: str) -> Any:
    """``?_fields=a,b``: only those top-level keys of each object."""
    wanted = {f.strip().split(".")[0] for f in fields.split(",") if f.strip()}
    if isinstance(body, list):
        return [trim_fields(item, fields) for item in body]
    if isinstance(body, dict):
        return {k: v for k, v in body.items() if k in wanted}
    return body


class RestApi:
    """The ``/wp-json`` and ``?rest_route=`` entry point of the emulator."""

    def __init__(self, emulator: WooEmulator, routes: list[Route]) -> None:
        self.emulator = emulator
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """ASGI entry: every HTTP method reaches the dispatcher (WordPress refuses unknown ones itself)."""
        response = await self.handle(Request(scope, receive))
        await response(scope, receive, send)

    async def handle(self, request: Request) -> Response:
        try:
            reply = await self._serve(request)
        except WooError as error:
            reply = Reply(error.body(), error.status)
        except Exception:
            log.exception("the WooCommerce emulator failed on %s %s", request.method, request.url.path)
            reply = Reply(
                {
                    "code": "internal_server_error",
                    "message": "<p>There has been a critical error on this website.</p>",
                    "data": {"status": 500},
                    "additional_errors": [],
                },
                500,
            )
        return self._respond(request, reply)

    def home_url(self, request: Request) -> str:
        configured = self.emulator.settings.public_url
        return (configured or f"{request.url.scheme}://{request.url.netloc}").rstrip("/")

    def _respond(self, request: Request, reply: Reply) -> Response:
        body = reply.body
        fields = request.query_params.get("_fields")
        if fields and reply.status < 400:
            body = trim_fields(body, fields)
        headers = {
            "X-Robots-Tag": "noindex",
            "X-Content-Type-Options": "nosniff",
            **NO_CACHE,
            **reply.headers,
        }
        headers.setdefault("Link", f'<{self.home_url(request)}/wp-json/>; rel="https://api.w.org/"')
        headers["Access-Control-Expose-Headers"] = "X-WP-Total, X-WP-TotalPages, Link"
        status = reply.status
        if "_envelope" in request.query_params:
            body, status = {"body": body, "status": status, "headers": dict(reply.headers)}, 200
        if "_pretty" in request.query_params:
            content = json.dumps(body, ensure_ascii=True, indent=4).replace("/", "\\/").encode()
        else:
            content = encode_json(body)
        content = b"" if request.method == "HEAD" else content
        return Response(content, status, headers, media_type="application/json; charset=UTF-8")

    async def _serve(self, request: Request) -> Reply:
        path, pretty = self._rest_path(request)
        method = self._method(request)
        raw = await request.body()
        form = self._form_pairs(request, raw)
        body = self._body(request, raw, form)
        pairs = list(request.query_params.multi_items())
        key = self._authenticate(request, pairs, form) if pretty else None
        if path.strip("/") == "":
            return Reply(self.emulator.index(self.home_url(request)))
        found = _NAMESPACE.match(path.rstrip("/"))
        if found is None:
            raise NO_ROUTE
        version: Version = "v3" if found.group(1) == "v3" else "v2"
        inner = found.group(2) or "/"
        if inner == "/":
            return Reply(self.emulator.namespace_index(version, self.home_url(request)))
        if method == "OPTIONS":
            return self._options(version, inner)
        matched, params = self._match(version, method, inner)
        if key is None:
            self._refuse_anonymous(matched, pretty)
        query = {k: v for k, v in parse_params(pairs).items() if k != "rest_route"}
        context = "edit" if request.query_params.get("context") == "edit" else "view"
        view = View(self.emulator.store, version, self.home_url(request), context)
        self.emulator.home_url = view.home_url
        ctx = RequestContext(self.emulator, view, method, inner, params, query, body, key)
        reply = await matched.handler(ctx)
        reply.headers.setdefault("Allow", ", ".join(self._methods(version, inner)))
        if method in WRITES:
            self.emulator.after_write()
        return reply

    def _rest_path(self, request: Request) -> tuple[str, bool]:
        """The REST route asked for and whether it came in the pretty ``/wp-json`` form."""
        if request.url.path.startswith("/wp-json"):
            return request.url.path[len("/wp-json") :] or "/", True
        rest_route = request.query_params.get("rest_route")
        if rest_route is not None and request.url.path in ("/", "/index.php"):
            return rest_route, False
        raise NO_ROUTE

    def _method(self, request: Request) -> str:
        """The method WordPress dispatches: ``_method`` or the override header first; HEAD reads as GET."""
        override = request.query_params.get("_method") or request.headers.get("x-http-method-override")
        method = (override or request.method).upper()
        return "GET" if method == "HEAD" else method

    def _form_pairs(self, request: Request, raw: bytes) -> list[tuple[str, str]]:
        if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
            return []
        return parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)

    def _body(self, request: Request, raw: bytes, form: list[tuple[str, str]]) -> dict[str, Any]:
        if form:
            return parse_params(form)
        if "json" not in request.headers.get("content-type", "") or not raw.strip():
            return {}
        try:
            parsed = json.loads(raw)
        except ValueError:
            raise WooError(
                "rest_invalid_json",
                "Invalid JSON body passed.",
                400,
                {"json_error_code": 4, "json_error_message": "Syntax error"},
            ) from None
        return parsed if isinstance(parsed, dict) else {}

    def _authenticate(
        self, request: Request, pairs: list[tuple[str, str]], form: list[tuple[str, str]]
    ) -> ApiKey | None:
        auth = AuthRequest(
            method=request.method.upper(),
            path=request.url.path,
            home_url=self.home_url(request),
            query=pairs,
            form=form,
            authorization=request.headers.get("authorization", ""),
        )
        key = authenticate(auth, self.emulator.store)
        if key is not None:
            check_permission(key, self._method(request))
        return key

    def _match(self, version: Version, method: str, path: str) -> tuple[Route, dict[str, Any]]:
        for candidate in self.routes:
            if version not in candidate.versions or method not in candidate.methods:
                continue
            params = candidate.match(path)
            if params is not None:
                return candidate, params
        raise NO_ROUTE

    def _methods(self, version: Version, path: str) -> list[str]:
        routes = (r for r in self.routes if version in r.versions and r.match(path) is not None)
        return sorted({method for r in routes for method in r.methods})

    def _options(self, version: Version, path: str) -> Reply:
        """WordPress's answer to OPTIONS: the route's methods (schemas left out), no permission check."""
        methods = self._methods(version, path)
        if not methods:
            raise NO_ROUTE
        endpoints = [{"methods": [m], "args": {}} for m in methods]
        body = {"namespace": f"wc/{version}", "methods": methods, "endpoints": endpoints}
        return Reply(body, headers={"Allow": ", ".join(methods)})

    def _refuse_anonymous(self, matched: Route, pretty: bool) -> None:
        permission = matched.permission
        if not pretty:
            permission = "list" if permission == "list" else "view"
        code, message = ANONYMOUS_ERRORS[permission]
        raise WooError(code, message, 401)
