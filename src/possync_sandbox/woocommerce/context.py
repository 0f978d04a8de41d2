"""Route declaration and the per-request context handed to every resource handler.

A resource module declares its routes once with ``@route(ROUTES, "GET", "/products/<id>", "view")``;
each route is served under both ``/wp-json/wc/v3/`` and ``/wp-json/wc/v2/`` unless ``versions``
says otherwise, and handlers shape their output from ``ctx.version``. ``<name>`` in a path matches
an integer id, ``<name:str>`` a slug-like string.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from possync_sandbox.woocommerce.errors import invalid_param, not_of_type
from possync_sandbox.woocommerce.settings import ApiKey, WooSettings
from possync_sandbox.woocommerce.store import Store
from possync_sandbox.woocommerce.wire import autop

if TYPE_CHECKING:
    from possync_sandbox.woocommerce.emulator import WooEmulator

Permission = Literal["list", "view", "create", "edit", "delete", "batch"]
Version = Literal["v2", "v3"]
VERSIONS: tuple[Version, ...] = ("v2", "v3")

ANONYMOUS_ERRORS: dict[Permission, tuple[str, str]] = {
    "list": ("woocommerce_rest_cannot_view", "Sorry, you cannot list resources."),
    "view": ("woocommerce_rest_cannot_view", "Sorry, you cannot view this resource."),
    "create": ("woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources."),
    "edit": ("woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource."),
    "delete": ("woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource."),
    "batch": (
        "woocommerce_rest_cannot_batch",
        "Sorry, you are not allowed to batch manipulate this resource.",
    ),
}


@dataclass
class Reply:
    """A handler's answer: the JSON body, the status and extra headers."""

    body: Any
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class View:
    """What a serialiser needs outside a request too (webhook payloads): state, version, site URL."""

    store: Store
    version: Version
    home_url: str
    context: str = "view"
    """WordPress's ``context`` parameter: ``view`` renders descriptions, ``edit`` gives them raw."""

    def rendered(self, text: str) -> str:
        return autop(text) if self.context == "view" else text

    def for_edit(self) -> View:
        """The view WooCommerce answers writes with (``context=edit``: raw descriptions)."""
        return replace(self, context="edit")

    @property
    def settings(self) -> WooSettings:
        return self.store.settings

    @property
    def timezone(self) -> str:
        return self.store.settings.timezone

    def api_url(self, path: str) -> str:
        return f"{self.home_url}/wp-json/wc/{self.version}{path}"

    def links(self, self_path: str, collection_path: str, **extra: str) -> dict[str, list[dict[str, str]]]:
        """``_links`` with ``self``, ``collection`` and e.g. ``up`` or ``customer`` (API paths)."""
        links = {
            "self": [{"href": self.api_url(self_path)}],
            "collection": [{"href": self.api_url(collection_path)}],
        }
        for rel, path in extra.items():
            links[rel] = [{"href": self.api_url(path)}]
        return links


@dataclass
class RequestContext:
    """One API request after routing and authentication."""

    emulator: WooEmulator
    view: View
    method: str
    path: str
    """The route inside the namespace, e.g. ``/products/12``."""
    path_params: dict[str, Any]
    query: dict[str, Any]
    body: dict[str, Any]
    key: ApiKey | None
    in_batch: bool = False
    """True for an item of a batch call: no schema validation, as WooCommerce's batch does."""

    @property
    def store(self) -> Store:
        return self.view.store

    @property
    def settings(self) -> WooSettings:
        return self.view.store.settings

    @property
    def version(self) -> Version:
        return self.view.version

    def param(self, name: str, default: Any = None) -> Any:
        """WordPress ``get_param``: the JSON/form body wins over the query string."""
        if name in self.body:
            return self.body[name]
        return self.query.get(name, default)

    def int_param(self, name: str, default: int) -> int:
        value = self.param(name)
        if value is None or value == "":
            return default
        try:
            return int(str(value))
        except ValueError:
            raise not_of_type(name, "integer") from None

    def bool_param(self, name: str, default: bool = False) -> bool:
        return as_bool(self.param(name), default, name)

    def list_param(self, name: str) -> list[str] | None:
        """A CSV string or an array, as WordPress's ``wp_parse_list``; None when absent."""
        value = self.param(name)
        if value is None:
            return None
        items = value if isinstance(value, list) else str(value).split(",")
        return [str(item).strip() for item in items if str(item).strip() != ""]

    def id_list_param(self, name: str) -> list[int] | None:
        values = self.list_param(name)
        if values is None:
            return None
        try:
            return [int(v) for v in values]
        except ValueError:
            raise invalid_param(name, f"{name}[0] is not of type integer.", "rest_invalid_type") from None


def as_bool(value: Any, default: bool, name: str = "value") -> bool:
    """``rest_sanitize_boolean``: true/false, 1/0, "yes"/"no" ..."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise not_of_type(name, "boolean")


Handler = Callable[[RequestContext], Awaitable[Reply]]
_PLACEHOLDER = re.compile(r"<(\w+)(?::(\w+))?>")


@dataclass(frozen=True)
class Route:
    """One REST route of the ``wc/<version>`` namespaces."""

    methods: frozenset[str]
    path: str
    handler: Handler
    permission: Permission
    versions: tuple[Version, ...] = VERSIONS
    pattern: re.Pattern[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        def group(match: re.Match[str]) -> str:
            kind = r"[\w-]+" if match.group(2) == "str" else r"\d+"
            return f"(?P<{match.group(1)}>{kind})"

        object.__setattr__(self, "pattern", re.compile("^" + _PLACEHOLDER.sub(group, self.path) + "/?$"))

    def match(self, path: str) -> dict[str, Any] | None:
        found = self.pattern.match(path)
        if found is None:
            return None
        return {k: int(v) if v.isdigit() else v for k, v in found.groupdict().items()}


def route(
    table: list[Route],
    methods: str,
    path: str,
    permission: Permission,
    versions: tuple[Version, ...] = VERSIONS,
) -> Callable[[Handler], Handler]:
    """Declare ``handler`` for ``methods`` (comma-separated) on ``path`` in ``table``."""

    def register(handler: Handler) -> Handler:
        names = frozenset(m.strip().upper() for m in methods.split(","))
        table.append(Route(names, path, handler, permission, versions))
        return handler

    return register


def created(view: View, body: dict[str, Any], path: str) -> Reply:
    """201 with the ``Location`` of the new resource, as WordPress answers a create."""
    return Reply(body, 201, {"Location": view.api_url(path)})
