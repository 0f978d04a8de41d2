"""``WooClient``: one WooCommerce shop, its typed resources and the checks made on connecting.

Connecting asks ``system_status`` for the shop's version (choosing ``wc/v3`` or ``wc/v2`` when
set to auto, and whether ``modified_after`` is honoured), falls back from Basic to query-string
keys when the server strips ``Authorization``, and turns the two classic set-up mistakes (plain
permalinks, keys the shop does not see) into a ``ConfigurationError`` saying what to change.
"""

from __future__ import annotations

from typing import Any

import httpx

from possync.errors import ConfigurationError, FatalError, PayloadError, RemoteError, SkippableError
from possync.http import (
    SHARED_BUDGETS,
    ApiClient,
    BudgetPool,
    ClientSettings,
    RetryPolicy,
    TransportMetrics,
    basic_token,
)
from possync.http.closing import AsyncClosing
from possync.http.retry import Clock, Sleep, monotonic_clock, real_sleep
from possync.woo.auth import auth_for
from possync.woo.catalog import Categories, Products, Variations
from possync.woo.config import WooConfig
from possync.woo.messages import (
    anonymous_keys,
    keys_refused,
    no_namespace,
    no_rest_api,
    plain_permalinks,
    redirected,
)
from possync.woo.models import (
    Attribute,
    AttributeTerm,
    Category,
    Coupon,
    Order,
    OrderNote,
    Product,
    Refund,
    SystemStatus,
    Variation,
    Webhook,
)
from possync.woo.resource import Resource
from possync.woo.sales import Coupons, SettingsResource, SystemStatusResource

MODIFIED_FILTERS_SINCE = (5, 8)
V3_SINCE = (3, 5)


class WooClient(AsyncClosing):
    """Everything possync does to a WooCommerce shop goes through one of these.

    Clients of one shop host share its rate budget through ``budgets`` (default the process's pool).
    """

    def __init__(
        self,
        config: WooConfig,
        *,
        metrics: TransportMetrics | None = None,
        retry: RetryPolicy | None = None,
        clock: Clock = monotonic_clock,
        sleep: Sleep = real_sleep,
        transport: httpx.AsyncBaseTransport | None = None,
        budgets: BudgetPool | None = SHARED_BUDGETS,
    ) -> None:
        self.config = config
        self.site = config.site
        self.auth_mode = config.auth_mode()
        self.version: str = config.api_version if config.api_version != "auto" else self.site.version or "v3"
        self.shop_version: tuple[int, ...] = ()
        settings = ClientSettings(
            name=config.name,
            base_url=f"{self.site.root}/wp-json/",
            concurrency=config.concurrency,
            read_timeout=config.read_timeout,
            headroom=config.headroom,
        )
        self.api = ApiClient(
            settings,
            auth=self._auth(self.auth_mode),
            retry=retry,
            metrics=metrics,
            clock=clock,
            sleep=sleep,
            budgets=budgets,
            secrets=[
                config.consumer_key,
                config.consumer_secret,
                basic_token(config.consumer_key, config.consumer_secret),
            ],
            transport=transport,
        )

    def _auth(self, mode: str) -> httpx.Auth:
        oauth = (
            {"method": self.config.oauth_method, "placement": self.config.oauth_in} if mode == "oauth" else {}
        )
        return auth_for(mode, self.config.consumer_key, self.config.consumer_secret, **oauth)

    async def __aenter__(self) -> WooClient:
        try:
            await self.connect()
        except BaseException:
            await self.aclose()
            raise
        return self

    async def aclose(self) -> None:
        await self.api.aclose()

    async def connect(self) -> SystemStatus:
        """Check the set-up, learn the shop's version and pick the API version."""
        status = await self._probe(self.version)
        if status is None and self.config.api_version == "auto" and self.version == "v3":
            self.version = "v2"
            status = await self._probe("v2")
        if status is None:
            raise ConfigurationError(no_namespace(self.site.root, self.version))
        self.shop_version = status.version_tuple()
        if self.config.api_version == "auto" and self.site.version is None and self.shop_version:
            self.version = "v3" if self.shop_version >= V3_SINCE else "v2"
        return status

    async def _probe(self, version: str) -> SystemStatus | None:
        """``system_status`` through the configured auth; ``None`` when the namespace is missing."""
        try:
            return await self._status_at(version)
        except SkippableError as exc:
            if exc.code == "rest_no_route":
                return None
            if exc.status == 404:
                await self._explain_missing_api()
            raise
        except FatalError as exc:
            if exc.code == "rest_no_route":
                return None
            if exc.status is not None and 300 <= exc.status < 400:
                raise ConfigurationError(redirected(self.site.root, exc)) from exc
            if (
                exc.code == "woocommerce_rest_cannot_view"
                and self.auth_mode == "basic"
                and self.config.auth in ("auto", "basic")
            ):
                return await self._retry_with_query_keys(version)
            raise self._auth_problem(exc) from exc

    async def _status_at(self, version: str) -> SystemStatus:
        try:
            try:
                return await SystemStatusResource(self.api, f"wc/{version}/system_status").get()
            except RemoteError as exc:
                if exc.code != "rest_no_route":
                    raise
            # a namespace without system_status (a trimmed-down shop): the version stays unknown
            await self.api.get_json(f"wc/{version}/products", {"per_page": 1, "_fields": "id"})
            return SystemStatus()
        except PayloadError:  # not JSON: a theme's page instead of the API
            await self._explain_missing_api()
            raise

    async def _retry_with_query_keys(self, version: str) -> SystemStatus | None:
        """Basic credentials were ignored (a server stripping ``Authorization``): try the query string."""
        self.auth_mode = "query"
        self.api.http.auth = self._auth("query")
        try:
            return await self._status_at(version)
        except FatalError as exc:
            raise self._auth_problem(exc) from exc

    def _auth_problem(self, exc: RemoteError) -> ConfigurationError:
        if exc.code == "woocommerce_rest_cannot_view":
            return ConfigurationError(anonymous_keys(self.site.root, self.auth_mode, exc))
        return ConfigurationError(keys_refused(self.site.root, exc))

    async def _explain_missing_api(self) -> None:
        """No ``/wp-json/``: is it a plain-permalink site (``?rest_route=``) or no WordPress at all?"""
        try:
            response = await self.api.http.get(f"{self.site.root}/", params={"rest_route": "/"})
            index = response.json()
        except (httpx.HTTPError, ValueError):
            index = None
        if isinstance(index, dict) and ("namespaces" in index or "routes" in index):
            raise ConfigurationError(plain_permalinks(self.site.root))
        raise ConfigurationError(no_rest_api(self.site.root))

    # -- resources -------------------------------------------------------------------------------

    def _path(self, path: str) -> str:
        return f"wc/{self.version}/{path}"

    def _limits(self) -> dict[str, Any]:
        modern = not self.shop_version or self.shop_version >= MODIFIED_FILTERS_SINCE
        return {
            "per_page": self.config.per_page,
            "batch_limit": self.config.batch_limit,
            "modified_filters": modern,
        }

    @property
    def products(self) -> Products:
        return Products(self.api, self._path("products"), Product, "product", **self._limits())

    def variations(self, product_id: int) -> Variations:
        path = self._path(f"products/{product_id}/variations")
        return Variations(self.api, path, Variation, f"variation of product {product_id}", **self._limits())

    @property
    def categories(self) -> Categories:
        return Categories(self.api, self._path("products/categories"), Category, "category", **self._limits())

    @property
    def attributes(self) -> Resource[Attribute]:
        return Resource(self.api, self._path("products/attributes"), Attribute, "attribute", **self._limits())

    def terms(self, attribute_id: int) -> Resource[AttributeTerm]:
        path = self._path(f"products/attributes/{attribute_id}/terms")
        return Resource(self.api, path, AttributeTerm, f"term of attribute {attribute_id}", **self._limits())

    @property
    def coupons(self) -> Coupons:
        return Coupons(self.api, self._path("coupons"), Coupon, "coupon", **self._limits())

    @property
    def orders(self) -> Resource[Order]:
        return Resource(self.api, self._path("orders"), Order, "order", **self._limits())

    def notes(self, order_id: int) -> Resource[OrderNote]:
        path = self._path(f"orders/{order_id}/notes")
        return Resource(self.api, path, OrderNote, f"note of order {order_id}", **self._limits())

    def refunds(self, order_id: int) -> Resource[Refund]:
        path = self._path(f"orders/{order_id}/refunds")
        return Resource(self.api, path, Refund, f"refund of order {order_id}", **self._limits())

    @property
    def webhooks(self) -> Resource[Webhook]:
        return Resource(self.api, self._path("webhooks"), Webhook, "webhook", **self._limits())

    @property
    def system_status(self) -> SystemStatusResource:
        return SystemStatusResource(self.api, self._path("system_status"))

    @property
    def settings(self) -> SettingsResource:
        return SettingsResource(self.api, self._path("settings"))
