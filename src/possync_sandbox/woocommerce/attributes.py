"""attributes routes of the WooCommerce emulator (being written)."""

from __future__ import annotations

from possync_sandbox.woocommerce.context import Route

ROUTES: list[Route] = []
