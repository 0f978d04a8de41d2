"""What a handler sees: the request's context (``Ctx``), and how resources declare their routes.

A resource module exports ``ROUTES``, a list of ``ApiRoute``: a path relative to the site
(``products/{productid:int}``) or to the account (``orders``), and one plain function per
method taking a ``Ctx`` and returning the JSON answer. Modules that add more (seed data, control
routes, catalogue loading, background tasks) export a ``Plugin``.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from possync_sandbox.sitoo.errors import SitooError, bad_request
from possync_sandbox.sitoo.settings import SitooSettings
from possync_sandbox.sitoo.store import AccountState, SiteState, SitooStore
from possync_sandbox.sitoo.wire import boolean, integer

if TYPE_CHECKING:
    from starlette.routing import BaseRoute

    from possync_sandbox.catalogue.model import Catalogue


class Runtime(Protocol):
    """The emulator as handlers and plugins see it (``SitooEmulator`` satisfies it)."""

    @property
    def store(self) -> SitooStore: ...
    @property
    def settings(self) -> SitooSettings: ...


@dataclass
class Ctx:
    """One API request: who, where, the query, the path parameters and the JSON body."""

    runtime: Runtime
    method: str
    accountid: int
    eshopid: int | None
    params: Mapping[str, Any]
    query: Sequence[tuple[str, str]]
    raw_body: bytes = b""
    status: int = 200
    """The HTTP status of a successful answer (a batch with failed elements may change it)."""
    _body: Any = field(default=None, repr=False)

    @property
    def store(self) -> SitooStore:
        return self.runtime.store

    @property
    def settings(self) -> SitooSettings:
        return self.runtime.settings

    @property
    def account(self) -> AccountState:
        return self.store.account(self.accountid)

    @property
    def site(self) -> SiteState:
        if self.eshopid is None:
            raise SitooError(404, "No site in this URL")
        return self.account.site(self.eshopid)

    def now(self) -> int:
        return self.store.now()

    def body(self) -> Any:
        """The parsed JSON body; 400 when it is missing or not JSON."""
        if self._body is None:
            if not self.raw_body.strip():
                raise bad_request("Missing request body")
            try:
                self._body = json.loads(self.raw_body)
            except ValueError:
                raise bad_request("Invalid JSON in request body") from None
        return self._body

    def object_body(self) -> dict[str, Any]:
        body = self.body()
        if not isinstance(body, dict):
            raise bad_request("Request body must be a JSON object")
        return body

    def query_values(self, name: str) -> list[str]:
        """A multi-value filter: comma-separated and/or repeated (``a=1,2`` or ``a=1&a=2``)."""
        return [
            part.strip()
            for key, value in self.query
            if key == name
            for part in value.split(",")
            if part.strip()
        ]

    def query_value(self, name: str) -> str | None:
        values = [value for key, value in self.query if key == name]
        return values[-1] if values else None

    def query_int(self, name: str, default: int | None = None) -> int | None:
        value = self.query_value(name)
        if value in (None, ""):
            return default
        try:
            return integer(value, name)
        except SitooError:
            raise bad_request(f"Invalid value for parameter {name}") from None

    def query_ints(self, name: str) -> list[int]:
        try:
            return [integer(value, name) for value in self.query_values(name)]
        except SitooError:
            raise bad_request(f"Invalid value for parameter {name}") from None

    def query_bool(self, name: str, default: bool) -> bool:
        value = self.query_value(name)
        if value in (None, ""):
            return default
        try:
            return boolean(value.lower(), name)
        except SitooError:
            raise bad_request(f"Invalid value for parameter {name}") from None

    def path_int(self, name: str) -> int:
        value: int = self.params[name]
        return value


Handler = Callable[[Ctx], Any]
Method = Literal["GET", "POST", "PUT", "DELETE"]


@dataclass(frozen=True)
class ApiRoute:
    """One URL of the API and its handlers; ``.json`` is added (and optional) by the router."""

    path: str
    handlers: Mapping[Method, Handler]
    level: Literal["site", "account"] = "site"


SeedSite = Callable[[SitooStore, SiteState], None]
LoadCatalogue = Callable[[SitooStore, SiteState, "Catalogue"], None]
Hook = Callable[[Runtime], Awaitable[None]]


@dataclass(frozen=True)
class Plugin:
    """A module's contribution besides API routes, all optional.

    ``seed_site`` runs on reset for every new site (after the catalogue core's own seed);
    ``load_catalogue`` runs after the catalogue core loaded products (look them up by SKU);
    ``control_routes`` are Starlette routes under ``/__sandbox__`` (the emulator is
    ``request.app.state.runtime``); ``on_startup``/``on_shutdown`` run in the server's loop;
    ``state`` adds a section to ``GET /__sandbox__/state``.
    """

    routes: Sequence[ApiRoute] = ()
    seed_site: SeedSite | None = None
    load_catalogue: LoadCatalogue | None = None
    control_routes: Sequence[BaseRoute] = ()
    on_startup: Hook | None = None
    on_shutdown: Hook | None = None
    state: Callable[[Runtime], dict[str, Any]] | None = None
