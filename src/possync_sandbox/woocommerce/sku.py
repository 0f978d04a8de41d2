"""SKU uniqueness across products and variations, with WooCommerce's exact refusals.

A non-empty SKU may not belong to another non-trashed product or variation (compared the way
MySQL's default collation does: case-insensitive, trailing spaces ignored). A trashed
product's SKU still blocks creating a NEW product (the lookup-table lock), but not updating an
existing one. Empty SKUs are always allowed. The GTIN/EAN (``global_unique_id``) follows the same
uniqueness rule with its own error. Lookups go through an index kept by ``store.cached``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import wc_clean


def sku_key(sku: str) -> str:
    return sku.rstrip().lower()


UNIQUE_FIELDS = ("sku", "global_unique_id")
_GTIN = re.compile(r"^[0-9-]+$")


def _index(store: Store, field: str) -> dict[str, set[int]]:
    """Value key → ids of products and variations that had it (stale ids are filtered on use)."""

    def build() -> dict[str, set[int]]:
        ids: dict[str, set[int]] = {}
        for table in (store.products, store.variations):
            for record in table.values():
                if record.get(field):
                    ids.setdefault(sku_key(record[field]), set()).add(record["id"])
        return ids

    index: dict[str, set[int]] = store.cached(field, build)
    return index


def ready(store: Store) -> None:
    """Bring the indexes up to date before a write that will ``register`` its record."""
    for field in UNIQUE_FIELDS:
        _index(store, field)


def register(store: Store, record: Record) -> None:
    """Note a product or variation just stored (after ``ready``), so the next check needs no full scan."""
    for field in UNIQUE_FIELDS:
        entry = store.indexes.get(field)
        if entry is not None and record.get(field):
            entry[1].setdefault(sku_key(record[field]), set()).add(record["id"])
        store.keep_cached(field)


def owners(store: Store, value: str, field: str = "sku") -> Iterator[Record]:
    """Products and variations holding ``value`` in ``field``, trashed ones included."""
    wanted = sku_key(value)
    for record_id in sorted(_index(store, field).get(wanted, ())):
        record = store.products.get(record_id) or store.variations.get(record_id)
        if record is not None and record.get(field) and sku_key(record[field]) == wanted:
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


def check_global_unique_id(store: Store, value: str, own_id: int) -> None:
    """GTIN, UPC, EAN or ISBN: digits and dashes, unique among non-trashed products and variations."""
    if not value:
        return
    clash = next(
        (
            r
            for r in owners(store, value, "global_unique_id")
            if r["id"] != own_id and r.get("status") != "trash"
        ),
        None,
    )
    if not _GTIN.match(value) or clash is not None:
        data = {"resource_id": clash["id"]} if clash is not None else None
        raise WooError(
            "product_invalid_global_unique_id", "Invalid or duplicated GTIN, UPC, EAN or ISBN.", 400, data
        )


def apply_identifiers(store: Store, draft: Record, body: dict[str, Any], *, new_product: bool) -> None:
    """Set ``sku`` and ``global_unique_id`` from the body, refusing taken values."""
    if "sku" in body:
        draft["sku"] = wc_clean(str(body["sku"] or ""))
        check_sku(store, draft["sku"], draft["id"], new_product=new_product)
    if "global_unique_id" in body:
        draft["global_unique_id"] = str(body["global_unique_id"] or "").strip()
        check_global_unique_id(store, draft["global_unique_id"], draft["id"])
