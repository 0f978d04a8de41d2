"""How big a catalogue is, read cheaply from both remotes: what the rate-limit check estimates from.

A first full sync finds an empty store, so the records the store knows say nothing of the work
ahead. One short list read per collection (a page of one record, with its total) gives each
entity's size on the larger side before anything is synced.
"""

from __future__ import annotations

from possync.sitoo import SitooClient
from possync.sitoo.paging import envelope
from possync.woo import WooClient

SITOO_LISTS = {
    "product": "products.json",
    "category": "categories.json",
    "manufacturer": "manufacturers.json",
}
"""Sitoo lists counted; ``products.json`` holds variants as rows of their own."""


async def sitoo_sizes(sitoo: SitooClient) -> dict[str, int]:
    """Records per entity in the Sitoo site (products counted with their variants and inactive ones)."""
    sizes: dict[str, int] = {}
    for entity, tail in SITOO_LISTS.items():
        path = sitoo.api.site_path(tail)
        params = {"start": 0, "num": 1, **({"includeinactive": "true"} if entity == "product" else {})}
        total = envelope(await sitoo.http.get_json(path, params), path)[1]
        sizes[entity] = total or 0
    return sizes


async def woo_sizes(woo: WooClient) -> dict[str, int]:
    """Records per entity in the shop, from ``X-WP-Total`` (every product status)."""
    sizes: dict[str, int] = {}
    lists = {"product": (woo.products.path, {"status": "any"}), "category": (woo.categories.path, {})}
    for entity, (path, extra) in lists.items():
        response = await woo.api.request("GET", path, params={"per_page": 1, "_fields": "id", **extra})
        total = response.headers.get("x-wp-total", "").strip()
        sizes[entity] = int(total) if total.isdigit() else 0
    return sizes


async def catalogue_sizes(woo: WooClient, sitoo: SitooClient) -> dict[str, int]:
    """Each entity's size on the larger side; variations at most as many as Sitoo's product rows."""
    pos, shop = await sitoo_sizes(sitoo), await woo_sizes(woo)
    sizes = {entity: max(pos.get(entity, 0), shop.get(entity, 0)) for entity in pos.keys() | shop.keys()}
    sizes["variation"] = pos.get("product", 0)
    return sizes
