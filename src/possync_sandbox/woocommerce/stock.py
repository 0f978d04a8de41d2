"""Stock as WooCommerce keeps it: who manages it, the derived ``stock_status``, and changes.

Stock is managed only when the store option ``manage_stock`` is on and the product (or the
variation, or the variation's parent) says so; ``stock_status`` is then derived from the
quantity, the out-of-stock threshold and ``backorders``. ``change_stock`` is the one entry point
for relative changes (order lines, refunds, ``inventory_delta``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from possync_sandbox.woocommerce.store import Record, Store


@dataclass(frozen=True)
class StockChange:
    """One applied change, for order notes such as "Stock levels reduced: Name 5→3"."""

    record_id: int
    name: str
    before: int
    after: int


def _parent(store: Store, record: Record) -> Record | None:
    if record.get("type") != "variation":
        return None
    return store.products.get(record.get("parent_id", 0))


def stock_holder(store: Store, record: Record) -> Record | None:
    """The record whose quantity counts for ``record``: itself, its parent, or None (not managed)."""
    if not store.settings.manage_stock or record.get("type") in ("grouped", "external"):
        return None
    if record.get("manage_stock"):
        return record
    parent = _parent(store, record)
    if parent is not None and parent.get("manage_stock"):
        return parent
    return None


def derived_status(store: Store, record: Record) -> str:
    """``instock`` above the threshold, else ``onbackorder`` with backorders, else ``outofstock``."""
    quantity = record.get("stock_quantity") or 0
    if quantity > store.settings.notify_no_stock_amount:
        return "instock"
    return "onbackorder" if record.get("backorders", "no") != "no" else "outofstock"


def refresh_status(store: Store, record: Record) -> None:
    """Recompute ``stock_status`` of a record that manages its own stock."""
    if store.settings.manage_stock and record.get("manage_stock"):
        record["stock_status"] = derived_status(store, record)


def effective_stock(store: Store, record: Record) -> tuple[Any, int | None, str]:
    """What the API shows: ``manage_stock`` (``True``/``False``/``"parent"``), quantity and status."""
    holder = stock_holder(store, record)
    if holder is None:
        return False, None, record.get("stock_status", "instock")
    if holder is record:
        return True, record.get("stock_quantity"), record.get("stock_status", "instock")
    return "parent", holder.get("stock_quantity"), holder.get("stock_status", "instock")


def variable_status(store: Store, parent: Record) -> str:
    """A variable product's status when it does not manage stock: from its variations."""
    children = (store.variations[i] for i in store.variation_ids(parent["id"]))
    statuses = {effective_stock(store, child)[2] for child in children if child.get("status") != "trash"}
    for status in ("instock", "onbackorder"):
        if status in statuses:
            return status
    return "outofstock"


def sync_variable(store: Store, parent: Record) -> None:
    if parent.get("type") != "variable":
        return
    if store.settings.manage_stock and parent.get("manage_stock"):
        parent["stock_status"] = derived_status(store, parent)
    else:
        parent["stock_status"] = variable_status(store, parent)


def find(store: Store, product_or_variation_id: int) -> Record | None:
    return store.products.get(product_or_variation_id) or store.variations.get(product_or_variation_id)


def change_stock(store: Store, product_or_variation_id: int, delta: int) -> StockChange | None:
    """Add ``delta`` to the managed quantity; None when nothing manages stock for this item.

    The changed record's ``date_modified`` moves and ``product.updated`` is emitted, as a real
    order's stock reduction does; a variable parent's status follows its variations.
    """
    record = find(store, product_or_variation_id)
    holder = stock_holder(store, record) if record is not None else None
    if record is None or holder is None:
        return None
    before = int(holder.get("stock_quantity") or 0)
    holder["stock_quantity"] = before + delta
    refresh_status(store, holder)
    store.touch(holder)
    parent = _parent(store, holder) or (holder if holder.get("type") == "variable" else None)
    if parent is not None:
        sync_variable(store, parent)
    store.emit("product.updated", holder["id"])
    return StockChange(holder["id"], holder.get("name", ""), before, before + delta)
