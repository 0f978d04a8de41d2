"""The offline WooCommerce emulator: REST API v3/v2, authentication, lists, batch, stock, media.

``WooEmulator(WooSettings(...)).app`` is the ASGI app; ``settings.py`` holds the sandbox API keys.
Where things live: ``api.py`` (URL forms, auth, dispatch), ``context.py`` (route declaration,
request context), ``listing.py`` / ``batch.py`` (collections and batch endpoints any resource
reuses), ``store.py`` (state, ids, clock, events), ``stock.py`` (``change_stock``), resources in
``products.py``, ``variations.py``, ``categories.py``, ``attributes.py``, ``system.py``,
``taxes.py`` and, owned by the orders engineer, ``orders.py``, ``coupons.py``, ``webhooks.py``;
``control.py`` is the ``/__sandbox__`` API and ``loader.py`` loads the demo catalogue.
"""

from possync_sandbox.woocommerce.emulator import WooEmulator
from possync_sandbox.woocommerce.settings import (
    SANDBOX_KEY,
    SANDBOX_READ_KEY,
    SANDBOX_WRITE_KEY,
    ApiKey,
    WooSettings,
)

__all__ = ["SANDBOX_KEY", "SANDBOX_READ_KEY", "SANDBOX_WRITE_KEY", "ApiKey", "WooEmulator", "WooSettings"]
