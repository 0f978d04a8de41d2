"""Loads the neutral demo ``Catalogue`` into the WooCommerce emulator (being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from possync_sandbox.catalogue.model import Catalogue

if TYPE_CHECKING:
    from possync_sandbox.woocommerce.emulator import WooEmulator


def load_catalogue(emulator: WooEmulator, catalogue: Catalogue) -> dict[str, int]:
    raise NotImplementedError
