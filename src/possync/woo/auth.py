"""Authentication the way WooCommerce expects it: Basic, query-string keys, or OAuth 1.0a.

Over HTTPS the keys go as HTTP Basic, or in the query string when the server strips the
``Authorization`` header. Over plain HTTP WooCommerce ignores both and only checks a one-legged
OAuth 1.0a signature (RFC 5849 §3.4 with WooCommerce's own rules: JSON bodies are not signed,
parameters sorted by raw key, key = consumer secret + ``&``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Generator, Iterable
from urllib.parse import quote

import httpx

OAUTH_HASHES = {"HMAC-SHA256": hashlib.sha256, "HMAC-SHA1": hashlib.sha1}


def percent_encode(value: str) -> str:
    """RFC 3986 percent-encoding: only ``A-Z a-z 0-9 - . _ ~`` stay as they are."""
    return quote(value, safe="-._~")


def base_string_uri(url: httpx.URL) -> str:
    """RFC 5849 §3.4.1.2: scheme and host lower-cased, default port dropped, no query."""
    scheme, host = url.scheme.lower(), (url.host or "").lower()
    default = {"http": 80, "https": 443}.get(scheme)
    port = f":{url.port}" if url.port is not None and url.port != default else ""
    return f"{scheme}://{host}{port}{url.raw_path.split(b'?', 1)[0].decode()}"


def signature_base_string(method: str, uri: str, params: Iterable[tuple[str, str]]) -> str:
    """METHOD & enc(URI) & enc(parameters sorted by raw key, each ``enc(k)=enc(v)``)."""
    pairs = sorted((k, v) for k, v in params if k != "oauth_signature")
    normalised = "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in pairs)
    return "&".join((method.upper(), percent_encode(uri), percent_encode(normalised)))


def sign(base_string: str, consumer_secret: str, method: str = "HMAC-SHA256") -> str:
    """base64(HMAC(base string, consumer secret + "&")) — no token secret in one-legged OAuth."""
    key = f"{consumer_secret}&".encode()
    digest = hmac.new(key, base_string.encode(), OAUTH_HASHES[method]).digest()
    return base64.b64encode(digest).decode()


class OAuth1Auth(httpx.Auth):
    """Signs every request (each retry gets a fresh nonce and timestamp)."""

    def __init__(
        self,
        consumer_key: str,
        consumer_secret: str,
        *,
        method: str = "HMAC-SHA256",
        placement: str = "query",
        wall: Callable[[], float] = time.time,
        nonce: Callable[[], str] = lambda: secrets.token_hex(16),
    ) -> None:
        if method not in OAUTH_HASHES:
            msg = f"unsupported OAuth signature method {method}"
            raise ValueError(msg)
        self.consumer_key, self.consumer_secret = consumer_key, consumer_secret
        self.method, self.placement = method, placement
        self.wall, self.nonce = wall, nonce

    def oauth_params(self, request: httpx.Request) -> dict[str, str]:
        oauth = {
            "oauth_consumer_key": self.consumer_key,
            "oauth_nonce": self.nonce(),
            "oauth_signature_method": self.method,
            "oauth_timestamp": str(int(self.wall())),
        }
        params = [*request.url.params.multi_items(), *oauth.items()]
        base = signature_base_string(request.method, base_string_uri(request.url), params)
        oauth["oauth_signature"] = sign(base, self.consumer_secret, self.method)
        return oauth

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        oauth = self.oauth_params(request)
        if self.placement == "header":
            fields = ", ".join(f'{k}="{percent_encode(v)}"' for k, v in oauth.items())
            request.headers["Authorization"] = f"OAuth {fields}"
        else:
            request.url = request.url.copy_merge_params(oauth)
        yield request


class QueryKeyAuth(httpx.Auth):
    """``consumer_key`` and ``consumer_secret`` in the query string (HTTPS only)."""

    def __init__(self, consumer_key: str, consumer_secret: str) -> None:
        self.params = {"consumer_key": consumer_key, "consumer_secret": consumer_secret}

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.url = request.url.copy_merge_params(self.params)
        yield request


def auth_for(mode: str, consumer_key: str, consumer_secret: str, **oauth: str) -> httpx.Auth:
    """The ``httpx.Auth`` for one of the modes ``basic``, ``query``, ``oauth``."""
    if mode == "basic":
        return httpx.BasicAuth(consumer_key, consumer_secret)
    if mode == "query":
        return QueryKeyAuth(consumer_key, consumer_secret)
    return OAuth1Auth(consumer_key, consumer_secret, **oauth)  # type: ignore[arg-type]
