"""``SitooClient``: every Sitoo resource possync reads or writes, on one polite HTTP client.

One client per Sitoo account and site. Its resources share one ``ApiClient`` and so one rate
budget, one retry policy and one bound on concurrent requests. Use it as an async context
manager so the connection pool is closed.
"""

from __future__ import annotations

from typing import Unpack

from possync.errors import ConfigurationError
from possync.http.client import ApiClient
from possync.http.closing import AsyncClosing
from possync.settings import SitooSettings
from possync.sitoo.api import SitooApi, SitooApiOptions
from possync.sitoo.catalogue import PriceLists, Products, Vouchers
from possync.sitoo.config import SitooConfig
from possync.sitoo.idempotency import WRITE_SAFETY, WriteSafety, safety_of
from possync.sitoo.models import Category, Manufacturer, ProductGroup, Site
from possync.sitoo.orders import Orders
from possync.sitoo.resources import BatchCollection, Collection
from possync.sitoo.stock import Warehouses, WarehouseTransactions


def config_from_settings(settings: SitooSettings, **overrides: object) -> SitooConfig:
    """The client configuration of a connection's ``[sitoo]`` section."""
    fields: dict[str, object] = {
        "base_url": str(settings.base_url),
        "api_id": settings.api_id,
        "password": settings.api_password,
        "site_id": settings.site,
        "concurrency": settings.max_concurrent_requests,
        "headroom": settings.rate_limit_headroom_percent / 100,
        "files_url": None if settings.files_url is None else str(settings.files_url),
        **overrides,
    }
    return SitooConfig.model_validate(fields)


class SitooClient(AsyncClosing):
    """Typed access to one Sitoo account and site.

    ``sites``, ``product_groups``, ``categories``, ``manufacturers``, ``products`` (variants and
    images hang off it), ``warehouses`` (items, batches), ``warehouse_transactions``, ``orders``
    (deliveries), ``vouchers`` and ``price_lists`` (items). With ``on_unusable`` a record that
    cannot be read is reported to it and skipped instead of stopping the whole list.
    """

    write_safety: dict[str, WriteSafety] = WRITE_SAFETY

    def __init__(self, config: SitooConfig, **options: Unpack[SitooApiOptions]) -> None:
        self.config = config
        self.api = SitooApi(config, **options)
        api = self.api
        self.sites = Collection(api, Site, "sites.json")
        self.product_groups = Collection(api, ProductGroup, api.site_path("productgroups.json"))
        self.categories = Collection(api, Category, api.site_path("categories.json"))
        self.manufacturers = BatchCollection(
            api, Manufacturer, api.site_path("manufacturers.json"), key="externalcompanyid"
        )
        self.products = Products(api)
        self.warehouses = Warehouses(api)
        self.warehouse_transactions = WarehouseTransactions(api)
        self.orders = Orders(api)
        self.vouchers = Vouchers(api)
        self.price_lists = PriceLists(api)

    @property
    def http(self) -> ApiClient:
        """The transport: its ``budget``, ``retry`` and ``metrics`` are shared by every resource."""
        return self.api.http

    @staticmethod
    def safety(method: str, resource: str) -> WriteSafety:
        """Whether a write to ``resource`` may be repeated, and what to look up first if not."""
        return safety_of(method, resource)

    async def check_connection(self) -> Site:
        """The configured site, read with the configured credentials (the "Test connection" button).

        Raises ``ConfigurationError`` when the account has no such site; auth and network
        problems surface as the transport's errors.
        """
        sites = await self.sites.read_all()
        for site in sites:
            if site.eshopid == self.config.site:
                return site
        known = ", ".join(str(s.eshopid) for s in sites) or "none"
        account, wanted = self.config.account_id, self.config.site
        msg = f"Sitoo account {account} has no site (eshopid) {wanted}; it has: {known}"
        raise ConfigurationError(msg)

    async def aclose(self) -> None:
        await self.api.aclose()
