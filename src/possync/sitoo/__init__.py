"""The Sitoo adapter: Sitoo REST API v2 records and the client that reads and writes them.

It speaks HTTP only through ``possync.http`` and knows nothing about WooCommerce or the sync
engine; ``SitooClient`` is its entry point, ``SitooConfig`` its configuration.
"""

from __future__ import annotations

from possync.sitoo.config import SitooConfig

__all__ = ["SitooConfig"]
