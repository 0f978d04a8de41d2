"""Configuration of a possync connection: the ``Settings`` model and its TOML + environment loader.

Build it once with ``load_settings`` and pass it down.
"""

from __future__ import annotations

from possync.settings.loader import SettingsError, load_settings
from possync.settings.loomis_pay import LoomisPaySettings, OrderStatusRules
from possync.settings.model import Settings
from possync.settings.sitoo import Mode, SitooSettings, StockMaster
from possync.settings.sitoo_options import (
    AutosyncOptions,
    CacOrderStatus,
    FetchProducts,
    FullSyncOptions,
    LogOptions,
    MiscOptions,
    Operation,
    TriggerOptions,
)
from possync.settings.woocommerce import ApiVersion, WooCommerceSettings

__all__ = [
    "ApiVersion",
    "AutosyncOptions",
    "CacOrderStatus",
    "FetchProducts",
    "FullSyncOptions",
    "LogOptions",
    "LoomisPaySettings",
    "MiscOptions",
    "Mode",
    "Operation",
    "OrderStatusRules",
    "Settings",
    "SettingsError",
    "SitooSettings",
    "StockMaster",
    "TriggerOptions",
    "WooCommerceSettings",
    "load_settings",
]
