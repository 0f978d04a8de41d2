"""How to reach one WooCommerce shop: site URL, keys, API version and authentication mode.

``WooConfig`` is built once (directly, or from the connection's ``WooCommerceSettings``) and
passed to ``WooClient``. ``normalise_site_url`` turns whatever a merchant pastes (with or
without ``/wp-json``, a trailing slash, a sub-folder, a ``?rest_route=`` URL) into the site root.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from possync.errors import ConfigurationError

if TYPE_CHECKING:
    from possync.settings import WooCommerceSettings

ApiVersion = Literal["auto", "v3", "v2"]
AuthMode = Literal["auto", "basic", "query", "oauth"]
_TRAILERS = ("/wp-json", "/index.php", "/wp-admin")


@dataclass(frozen=True)
class SiteUrl:
    """The shop's root URL and what the pasted URL said about the API."""

    root: str
    version: Literal["v3", "v2"] | None = None
    plain_permalinks: bool = False

    def api_base(self, version: str) -> str:
        return f"{self.root}/wp-json/wc/{version}/"


def _version_in(route: str) -> Literal["v3", "v2"] | None:
    parts = [p for p in route.split("/") if p]
    if len(parts) >= 2 and parts[0] == "wc" and parts[1] in ("v2", "v3"):
        return "v3" if parts[1] == "v3" else "v2"
    return None


def normalise_site_url(url: str) -> SiteUrl:
    """The site root of a shop URL in any of the forms merchants paste."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        msg = f"the shop URL must start with http:// or https://, got {url!r}"
        raise ConfigurationError(msg)
    path = parts.path.rstrip("/")
    version: Literal["v3", "v2"] | None = None
    if "/wp-json" in path:
        path, _, route = path.partition("/wp-json")
        version = _version_in(route)
    rest_route = dict(parse_qsl(parts.query)).get("rest_route")
    if rest_route is not None:
        version = _version_in(rest_route)
    for trailer in _TRAILERS:
        if path.endswith(trailer):
            path = path[: -len(trailer)]
    root = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path.rstrip("/"), "", ""))
    return SiteUrl(root=root, version=version, plain_permalinks=rest_route is not None)


@dataclass(frozen=True)
class WooConfig:
    """One shop's connection details and transport limits."""

    url: str
    consumer_key: str
    consumer_secret: str
    api_version: ApiVersion = "auto"
    auth: AuthMode = "auto"
    oauth_in: Literal["query", "header"] = "query"
    oauth_method: Literal["HMAC-SHA256", "HMAC-SHA1"] = "HMAC-SHA256"
    concurrency: int = 4
    """Requests in flight at once."""
    headroom: float = 0.1
    """Share of the rate limit left for other apps using the same shop."""
    per_page: int = 100
    batch_limit: int = 100
    read_timeout: float = 60.0
    name: str = "woocommerce"

    @property
    def site(self) -> SiteUrl:
        return normalise_site_url(self.url)

    @property
    def https(self) -> bool:
        return self.site.root.startswith("https://")

    def auth_mode(self) -> Literal["basic", "query", "oauth"]:
        """``auto`` means what WooCommerce expects: Basic over HTTPS, OAuth 1.0a over HTTP."""
        if self.auth != "auto":
            return self.auth
        return "basic" if self.https else "oauth"

    @classmethod
    def from_settings(cls, settings: WooCommerceSettings, **overrides: object) -> WooConfig:
        """From the connection's settings (the merchant's screen)."""
        fields: dict[str, object] = {
            "url": str(settings.url),
            "consumer_key": settings.consumer_key.get_secret_value(),
            "consumer_secret": settings.consumer_secret.get_secret_value(),
            "api_version": settings.api_version.value,
            "concurrency": settings.max_concurrent_requests,
            "headroom": settings.rate_limit_headroom_percent / 100,
            **overrides,
        }
        return cls(**fields)  # type: ignore[arg-type]
