"""The gate in front of ``/v2``: IP allow-list, HTTP Basic auth, then the rate limit.

An API user's id is ``<accountid>-<n>``; it only reaches its own account's URLs and spends
that account's rate budget. Refusals are Sitoo-shaped (``{"statuscode": 401, "errortext": ...}``);
every answer past auth gets the rate-limit headers added on the way out.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
import secrets

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from possync_sandbox.sitoo.context import Runtime
from possync_sandbox.sitoo.errors import error_bytes
from possync_sandbox.sitoo.ratelimit import RateLimiter
from possync_sandbox.sitoo.settings import SitooSettings

_ACCOUNT_PATH = re.compile(r"^/v2/accounts/([^/]+)")


def ip_allowed(host: str | None, allowlist: list[str]) -> bool:
    if not allowlist:
        return True
    if host is None:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(entry, strict=False) for entry in allowlist)


def credentials(header: str | None) -> tuple[str, str] | None:
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def authorised_account(settings: SitooSettings, header: str | None, account: str) -> int | None:
    """The account the credentials open, if it is the one in the URL; None otherwise."""
    given = credentials(header)
    if given is None:
        return None
    accountid, password = settings.api_users().get(given[0], (None, ""))
    if accountid is None or account != str(accountid):
        return None
    return accountid if secrets.compare_digest(given[1].encode(), password.encode()) else None


async def refuse(send: Send, status: int, text: str, headers: list[tuple[str, str]]) -> None:
    body = error_bytes(status, text)
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(name.lower().encode(), value.encode()) for name, value in headers]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware applying access rules and the rate limit to ``/v2`` requests."""

    def __init__(self, app: ASGIApp, runtime: Runtime, limiter: RateLimiter) -> None:
        self.app = app
        self.runtime = runtime
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = _ACCOUNT_PATH.match(scope["path"]) if scope["type"] == "http" else None
        if match is None:
            await self.app(scope, receive, send)
            return
        settings = self.runtime.settings
        client = scope.get("client")
        if not ip_allowed(client[0] if client else None, settings.ip_allowlist):
            await refuse(send, settings.ip_refused_status, "IP address not allowed", [])
            return
        header = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1") or None
        accountid = authorised_account(settings, header, match.group(1))
        if accountid is None:
            await refuse(send, 401, "Unauthorized", [("WWW-Authenticate", 'Basic realm="Sitoo"')])
            return
        verdict = self.limiter.take(accountid, settings)
        if not verdict.allowed:
            await refuse(
                send, 429, "Too Many Requests", [("Retry-After", str(verdict.retry_after)), *verdict.headers]
            )
            return
        extra = [(name.lower().encode(), value.encode()) for name, value in verdict.headers]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
