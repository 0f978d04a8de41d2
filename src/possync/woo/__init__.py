"""The WooCommerce adapter: ``WooClient``, its typed resources, models and write-safety rules.

It speaks only WooCommerce's REST API (``wc/v3`` or ``wc/v2``) through ``possync.http`` and
knows nothing of the POS side.
"""

from __future__ import annotations

from possync.woo.auth import OAuth1Auth, QueryKeyAuth, sign, signature_base_string
from possync.woo.batch import ItemResult
from possync.woo.catalog import Categories, Products, Variations, check_image_refs, image_refs
from possync.woo.client import WooClient
from possync.woo.config import SiteUrl, WooConfig, normalise_site_url
from possync.woo.resource import Resource, woo_date
from possync.woo.safety import WRITE_SAFETY, WriteSafety, is_safe_to_repeat, safety_of
from possync.woo.sales import Coupons, SettingsResource, SystemStatusResource

__all__ = [
    "WRITE_SAFETY",
    "Categories",
    "Coupons",
    "ItemResult",
    "OAuth1Auth",
    "Products",
    "QueryKeyAuth",
    "Resource",
    "SettingsResource",
    "SiteUrl",
    "SystemStatusResource",
    "Variations",
    "WooClient",
    "WooConfig",
    "WriteSafety",
    "check_image_refs",
    "image_refs",
    "is_safe_to_repeat",
    "normalise_site_url",
    "safety_of",
    "sign",
    "signature_base_string",
    "woo_date",
]
