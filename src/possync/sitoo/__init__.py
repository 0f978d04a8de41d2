"""The Sitoo adapter: Sitoo REST API v2 records and the client that reads and writes them.

It speaks HTTP only through ``possync.http`` and knows nothing about WooCommerce or the sync
engine; ``SitooClient`` is its entry point, ``SitooConfig`` its configuration.
"""

from __future__ import annotations

from possync.sitoo.batch import ItemResult
from possync.sitoo.client import SitooClient, config_from_settings
from possync.sitoo.config import SitooConfig
from possync.sitoo.idempotency import WRITE_SAFETY, Repeat, WriteSafety
from possync.sitoo.records import UnusableRecordError

__all__ = [
    "WRITE_SAFETY",
    "ItemResult",
    "Repeat",
    "SitooClient",
    "SitooConfig",
    "UnusableRecordError",
    "WriteSafety",
    "config_from_settings",
]
