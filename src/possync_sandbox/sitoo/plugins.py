"""The emulator's resource modules, in the order their seeds and catalogue loaders run.

The catalogue core comes first (sites, product groups, categories, manufacturers, products,
variants, images); stock, price lists, vouchers, orders, events and the shop floor follow, so
their loaders find the products already there.
"""

from __future__ import annotations

from possync_sandbox.sitoo import (
    categories,
    customattributes,
    events,
    images,
    manufacturers,
    orders,
    pricelists,
    productgroups,
    products,
    shopfloor,
    sites,
    variants,
    vouchers,
    warehouses,
)
from possync_sandbox.sitoo.context import Plugin

CORE: list[Plugin] = [
    sites.PLUGIN,
    productgroups.PLUGIN,
    categories.PLUGIN,
    manufacturers.PLUGIN,
    customattributes.PLUGIN,
    products.PLUGIN,
    variants.PLUGIN,
    images.PLUGIN,
]
STOCK: list[Plugin] = [
    warehouses.PLUGIN,
    pricelists.PLUGIN,
    vouchers.PLUGIN,
    orders.PLUGIN,
    events.PLUGIN,
    shopfloor.PLUGIN,
]
PLUGINS: list[Plugin] = [*CORE, *STOCK]
