"""The offline WooCommerce emulator: REST API v3/v2, authentication, lists, batch, stock, media.

``WooEmulator(WooSettings(...)).app`` is the ASGI app; see ``emulator.py`` for its parts and
``settings.py`` for the sandbox API keys.
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
