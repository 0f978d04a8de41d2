"""SKU uniqueness across products and variations, with WooCommerce's exact refusals.

A non-empty SKU may not belong to another non-trashed product or variation (compared the way
MySQL's default collation does: case-insensitive, trailing spaces ignored). A trashed
product's SKU still blocks creating a NEW product (the lookup-table lock), but not updating an
existing one. Empty SKUs are always allowed.
"""

from __future__ import annotations

from collections.abc import Iterator

from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.store import Record, Store


def sku_key(sku: str) -> str:
    return sku.rstrip().lower()


def _index(store: Store) -> dict[str, set[int]]:
    """SKU key → ids of products and variations that had it (stale ids are filtered on use)."""

    def build() -> dict[str, set[int]]:
        ids: dict[str, set[int]] = {}
        for table in (store.products, store.variations):
            for record in table.values():
                if record.get("sku"):
                    ids.setdefault(sku_key(record["sku"]), set()).add(record["id"])
        return ids

    index: dict[str, set[int]] = store.cached("sku", build)
    return index


def ready(store: Store) -> None:
    """Bring the SKU index up to date before a write that will ``register`` its record."""
    _index(store)


def register(store: Store, record: Record) -> None:
    """Note a product or variation just stored (after ``ready``), so the next check needs no full scan."""
    entry = store.indexes.get("sku")
    if entry is not None and record.get("sku"):
        entry[1].setdefault(sku_key(record["sku"]), set()).add(record["id"])
    store.keep_cached("sku")


def owners(store: Store, sku: str) -> Iterator[Record]:
    """Products and variations holding ``sku``, trashed ones included."""
    wanted = sku_key(sku)
    for record_id in sorted(_index(store).get(wanted, ())):
        record = store.products.get(record_id) or store.variations.get(record_id)
        if record is not None and record.get("sku") and sku_key(record["sku"]) == wanted:
            yield record


def suggest(store: Store, sku: str) -> str:
    """``wc_product_generate_unique_sku``: the SKU with ``-1``, ``-2`` ... until free."""
    number = 1
    while any(True for _ in owners(store, f"{sku}-{number}")):
        number += 1
    return f"{sku}-{number}"


def check_sku(store: Store, sku: str, own_id: int, *, new_product: bool) -> None:
    """Raise ``product_invalid_sku`` (or ``woocommerce_rest_product_not_created``) when taken."""
    if not sku:
        return
    for record in owners(store, sku):
        if record["id"] == own_id:
            continue
        if record.get("status") != "trash":
            raise WooError(
                "product_invalid_sku",
                "Invalid or duplicated SKU.",
                400,
                {"resource_id": record["id"], "unique_sku": suggest(store, sku)},
            )
        if new_product:
            raise WooError("woocommerce_rest_product_not_created", _lookup_message(store, sku), 400)


def _lookup_message(store: Store, sku: str) -> str:
    if store.settings.version_tuple() >= (10,):
        return f"The product with SKU ({sku}) you are trying to insert is already present in the lookup table"
    return f"The SKU ({sku}) you are trying to insert is already under processing"
