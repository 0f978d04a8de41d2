"""WooCommerce REST authentication: query-string keys, HTTP Basic, OAuth 1.0a one-legged.

Over HTTPS the query-string keys are tried first, then Basic, then OAuth as a fallback; over
plain HTTP only OAuth is looked at. An unknown key with Basic or query keys is not an error: the
request goes on anonymously and fails the route's permission check. The key's permission
(read / write / read_write) is checked after authentication, before the route is dispatched.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, unquote_plus, urlsplit

from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.settings import ApiKey
from possync_sandbox.woocommerce.store import Store

OAUTH_REQUIRED = (
    "oauth_consumer_key",
    "oauth_timestamp",
    "oauth_nonce",
    "oauth_signature",
    "oauth_signature_method",
)
OAUTH_WINDOW = 15 * 60
HASHES = {"HMAC-SHA1": hashlib.sha1, "HMAC-SHA256": hashlib.sha256}
_HEADER_PARAM = re.compile(r'(oauth_[a-z_-]*)=(:?"([^"]*)"|([^,]*))')


@dataclass
class AuthRequest:
    """The parts of an HTTP request authentication looks at."""

    method: str
    path: str
    home_url: str
    query: list[tuple[str, str]]
    form: list[tuple[str, str]]
    authorization: str


def fail(message: str, code: str = "woocommerce_rest_authentication_error") -> WooError:
    return WooError(code, message, 401)


def authenticate(request: AuthRequest, store: Store) -> ApiKey | None:
    """The key the request authenticates as, None for anonymous; raises the 401 errors of the spec."""
    if store.settings.https:
        key = _keys_from_query_or_basic(request, store)
        if key is not None:
            return key
    return _oauth(request, store)


def check_permission(key: ApiKey, method: str) -> None:
    if method in ("GET", "HEAD"):
        if not key.can_read():
            raise fail("The API key provided does not have read permissions.")
    elif method in ("POST", "PUT", "PATCH", "DELETE"):
        if not key.can_write():
            raise fail("The API key provided does not have write permissions.")
    elif method != "OPTIONS":
        raise fail("Unknown request method.")


def _keys_from_query_or_basic(request: AuthRequest, store: Store) -> ApiKey | None:
    query = dict(request.query)
    pair = (query.get("consumer_key", ""), query.get("consumer_secret", ""))
    if not (pair[0] and pair[1]):
        pair = _basic_credentials(request.authorization)
    if not (pair[0] and pair[1]):
        return None
    key = store.settings.key(pair[0])
    if key is None:
        return None
    if not hmac.compare_digest(key.consumer_secret.encode(), pair[1].encode()):
        raise fail("Consumer secret is invalid.")
    return key


def _basic_credentials(authorization: str) -> tuple[str, str]:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "basic":
        return "", ""
    try:
        user, _, password = base64.b64decode(token.strip()).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return "", ""
    return user, password


def _oauth_params(request: AuthRequest) -> dict[str, str]:
    params = dict(request.query) | dict(request.form)
    header = request.authorization.strip()
    if header.startswith("OAuth "):
        for name, _, quoted, bare in _HEADER_PARAM.findall(header):
            params[name] = unquote_plus(quoted or bare)
    return params


def _oauth(request: AuthRequest, store: Store) -> ApiKey | None:
    params = _oauth_params(request)
    missing = [name for name in OAUTH_REQUIRED if not params.get(name)]
    if len(missing) == len(OAUTH_REQUIRED):
        return None
    if missing:
        noun = "parameter" if len(missing) == 1 else "parameters"
        raise fail(
            f"Missing OAuth {noun} {', '.join(missing)}", "woocommerce_rest_authentication_missing_parameter"
        )
    key = store.settings.key(params["oauth_consumer_key"])
    if key is None:
        raise fail("Consumer key is invalid.")
    _check_signature(request, params, key, store.settings.https)
    _check_timestamp_and_nonce(params, key, store)
    return key


def encode(value: str) -> str:
    """RFC 3986 percent-encoding, ``~`` left alone."""
    return quote(value, safe="~")


def signature_base(method: str, url: str, params: dict[str, str]) -> str:
    """The OAuth 1.0a signature base string as WooCommerce builds it."""
    pairs = [f"{encode(k)}={encode(v)}" for k, v in sorted(params.items()) if k != "oauth_signature"]
    return "&".join((method.upper(), encode(url), encode("&".join(pairs))))


def sign(base: str, secret: str, method: str) -> str:
    digest = hmac.new(f"{secret}&".encode(), base.encode(), HASHES[method]).digest()
    return base64.b64encode(digest).decode()


def _check_signature(request: AuthRequest, params: dict[str, str], key: ApiKey, https: bool) -> None:
    method = params["oauth_signature_method"]
    if method not in HASHES:
        raise fail("Invalid signature - signature method is invalid.")
    home = urlsplit(request.home_url)
    url = f"{'https' if https else 'http'}://{home.netloc}{request.path}"
    expected = sign(signature_base(request.method, url, params), key.consumer_secret, method)
    provided = unquote(params["oauth_signature"].replace(" ", "+"))
    if not hmac.compare_digest(expected.encode(), provided.encode()):
        raise fail("Invalid signature - provided signature does not match.")


def _check_timestamp_and_nonce(params: dict[str, str], key: ApiKey, store: Store) -> None:
    now = store.clock.now().timestamp()
    try:
        timestamp = int(params["oauth_timestamp"])
    except ValueError:
        raise fail("Invalid timestamp.") from None
    if abs(now - timestamp) > OAUTH_WINDOW:
        raise fail("Invalid timestamp.")
    used = store.nonces.setdefault(key.consumer_key, {})
    for nonce, seen in list(used.items()):
        if seen < now - OAUTH_WINDOW:
            del used[nonce]
    if params["oauth_nonce"] in used:
        raise fail("Invalid nonce - nonce has already been used.")
    used[params["oauth_nonce"]] = timestamp
