"""The options of the Sitoo plugin's settings page, grouped under the page's own headings.

Each field is named after the seed's wording (Autosync options, Triggers, Misc, Complete Sync,
Full sync options, Logs) so a merchant who knows the plugin finds the same switch here.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FetchProducts(StrEnum):
    """Which Sitoo products a complete sync fetches (Misc > Fetch products from Sitoo)."""

    ALL = "all"
    ACTIVE = "active"
    ACTIVE_POS = "active_pos"
    ACTIVE_WEBSHOP = "active_webshop"
    INACTIVE = "inactive"
    INACTIVE_POS = "inactive_pos"
    INACTIVE_WEBSHOP = "inactive_webshop"


class Operation(StrEnum):
    """The steps of a complete sync, as listed in the plugin's Complete Sync menu."""

    MATCH_ALL = "match_all"
    MATCH_CATEGORIES = "match_categories"
    MATCH_PRODUCTS = "match_products"
    MATCH_VOUCHERS = "match_vouchers"
    FETCH_MANUFACTURERS = "fetch_manufacturers"
    FETCH_UNMATCHED_CATEGORIES = "fetch_unmatched_categories"
    SEND_UNMATCHED_CATEGORIES = "send_unmatched_categories"
    RESYNC_MATCHED_CATEGORIES = "resync_matched_categories"
    FETCH_UNMATCHED_PRODUCTS = "fetch_unmatched_products"
    SEND_UNMATCHED_PRODUCTS = "send_unmatched_products"
    RESYNC_MATCHED_PARENT_PRODUCTS = "resync_matched_parent_products"
    RESYNC_MATCHED_VARIATIONS = "resync_matched_variations"
    RESYNC_MATCHED_PRODUCT_IMAGES = "resync_matched_product_images"
    FETCH_STOCK = "fetch_stock"
    SEND_STOCK = "send_stock"
    FETCH_ALL_ORDERS = "fetch_all_orders"
    FETCH_STORE2DOOR_ORDERS = "fetch_store2door_orders"
    SEND_CAC_ORDERS = "send_cac_orders"


class CacOrderStatus(StrEnum):
    """Status of a Click and Collect order newly created in Sitoo."""

    OPEN = "open"
    CLOSED = "closed"


class AutosyncOptions(_Options):
    """Autosync options: what the scheduled sync from Sitoo to WooCommerce does."""

    match_all_products_categories_and_coupons: bool = Field(
        False, description="Match down all products, categories and coupons on every scheduled run."
    )
    fetch_stock_changes: bool = Field(True, description="Fetch stock changes from Sitoo since the last sync.")
    fetch_all_orders: bool = Field(
        False, description="Fetch all orders from Sitoo, from the first to the last."
    )
    fetch_store2door_orders: bool = Field(
        False, description="Fetch only Store2Door orders (orders with undelivered items) from Sitoo."
    )
    regular_order_status: str = Field(
        "processing", description="WooCommerce status for a newly fetched regular Sitoo order."
    )
    store2door_order_status: str = Field(
        "processing", description="WooCommerce status for a newly fetched Store2Door order from Sitoo."
    )
    prevent_sending_orders_to_google_analytics: bool = Field(
        True, description="Keep fetched Sitoo orders away from Google Analytics and Tag Manager."
    )

    @field_validator("regular_order_status", "store2door_order_status")
    @classmethod
    def _status_named(cls, value: str) -> str:
        return _order_status(value)


class TriggerOptions(_Options):
    """Triggers: what changes in WooCommerce are sent to Sitoo as they happen."""

    send_stock_changes: bool = Field(False, description="Send product stock changes to Sitoo.")
    force_instant_stock_changes_to_non_virtual_warehouse: bool = Field(
        False,
        description="Send stock deltas to a non-virtual (FIFO) Sitoo warehouse at once, not via orders.",
    )
    send_changes_on_synced_products_and_categories: bool = Field(
        False, description="Send updates of synced products, variations, categories and coupons to Sitoo."
    )
    send_cac_orders_when_status: list[str] = Field(
        default_factory=lambda: ["processing"],
        description="Send Click and Collect orders to Sitoo when their WooCommerce status is one of these.",
    )
    click_and_collect_shipping_method: str = Field(
        "local_pickup", description="Shipping method id that marks a WooCommerce order as Click and Collect."
    )
    cac_order_status_in_sitoo: CacOrderStatus = Field(
        CacOrderStatus.OPEN, description="Open or closed status of a new Click and Collect order in Sitoo."
    )

    @field_validator("send_cac_orders_when_status")
    @classmethod
    def _statuses_named(cls, value: list[str]) -> list[str]:
        return [_order_status(status) for status in value]


class MiscOptions(_Options):
    """Misc: product fetching, coupons, shipping rows, VAT, order delivery and variant images.

    ``variant_images`` settles the spec's open point on how images attach to variants (§8.6) in one
    switch: the seed syncs "all attributes and images over every variation/product".
    """

    fetch_products: FetchProducts = Field(
        FetchProducts.ALL, description="Which Sitoo products a complete sync fetches (seven choices)."
    )
    send_coupons_as_vouchers: bool = Field(
        False, description="Send all applied coupons to Sitoo as vouchers."
    )
    send_order_shipping_as_order_rows: bool = Field(
        False,
        description="Send non-CAC shipping as order rows so the Sitoo order total equals WooCommerce's.",
    )
    prices_including_vat: bool = Field(
        True, description="Send product prices to Sitoo including VAT (the purchase price never includes it)."
    )
    deliver_order_after_sync: bool = Field(
        False, description="Create the Sitoo order delivery for completed WooCommerce orders after sending."
    )
    variant_images: bool = Field(
        True,
        description="A variant's own images sync both ways; "
        "costs one Sitoo image-list read per variant in a full sync down.",
    )


class FullSyncOptions(_Options):
    """Complete Sync and Full sync options: the ordered operations and how a full sync behaves."""

    operations: list[Operation] = Field(
        default_factory=list, description="Operations of a complete sync; the order given is the order run."
    )
    exclude_external_products: bool = Field(
        True, description="Do not sync external (affiliate) products to Sitoo at all."
    )
    ignore_errors: bool = Field(
        False, description="Park bad records and go on instead of stopping at the first one."
    )
    check_rate_limit_before_full_sync: bool = Field(
        True, description="Refuse a full sync the remaining x-rate-limit budget cannot cover."
    )


class LogOptions(_Options):
    """Logs: technical logging of the sync."""

    enable_logs: bool = Field(True, description="Log technical information about every sync.")


def _order_status(value: str) -> str:
    status = value.strip().removeprefix("wc-")
    if not status:
        raise ValueError("an order status must be named, e.g. 'processing'")
    return status
