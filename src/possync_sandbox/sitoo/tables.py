"""The catalogue's tables, named once so every module (stock ones too) finds the same records.

Products are keyed by ``productid`` and carry ``moneyprice``, which is their item in the
default price list (id 1). ``product_by_sku`` is the lookup stock, orders and price lists use.
"""

from __future__ import annotations

from possync_sandbox.sitoo.store import Record, SiteState, TableSpec

PRODUCTGROUPS = TableSpec("productgroups", "vatid", "Product group")
CATEGORIES = TableSpec("categories", "categoryid", "Category")
MANUFACTURERS = TableSpec("manufacturers", "externalcompanyid", "Manufacturer")
PRODUCTS = TableSpec("products", "productid", "Product")
RESOURCES = TableSpec("resources", "resourceid", "Resource")


def product_by_sku(site: SiteState, sku: str) -> Record | None:
    """The site's product (plain, main or variant) with this SKU, if any."""
    return site.table(PRODUCTS).lookup("sku", sku)
