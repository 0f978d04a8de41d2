"""Stock moved by orders, once per order and once per line, as WooCommerce's stock functions do.

Entering ``processing``, ``completed`` or ``on-hold`` reduces stock if the order has not done so
yet (order flag ``order_stock_reduced``; each line keeps ``_reduced_stock`` meta); entering
``cancelled`` or ``pending`` puts back what each line reduced. Line edits on a reduced order,
removed lines and refunds with restock move the difference. Each run returns the order note text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

REDUCE_ON = frozenset({"processing", "completed", "on-hold"})
RESTORE_ON = frozenset({"cancelled", "pending"})
REDUCED_META = "_reduced_stock"

Item = dict[str, Any]
Order = dict[str, Any]


class StockMove(NamedTuple):
    """One product's stock change: its formatted name, the quantity before and after."""

    label: str
    before: int
    after: int


StockChanger = Callable[[Item, int], StockMove | None]
"""Adds ``delta`` to the stock of a line's product; None when that product keeps no stock."""
MetaIds = Callable[[], int]


def reduced_quantity(item: Item) -> int:
    """The quantity this line has taken from stock (its ``_reduced_stock`` meta), 0 if none."""
    for meta in item.get("meta_data", []):
        if meta["key"] == REDUCED_META:
            return int(str(meta["value"]) or 0)
    return 0


def set_reduced(item: Item, quantity: int, new_meta_id: MetaIds) -> None:
    """Write (or with 0, delete) the line's ``_reduced_stock`` meta; values are strings."""
    metas = item.setdefault("meta_data", [])
    current = next((m for m in metas if m["key"] == REDUCED_META), None)
    if quantity <= 0:
        item["meta_data"] = [m for m in metas if m["key"] != REDUCED_META]
    elif current is not None:
        current["value"] = str(quantity)
    else:
        metas.append({"id": new_meta_id(), "key": REDUCED_META, "value": str(quantity)})


def _note(title: str, moves: Iterable[StockMove]) -> str | None:
    changes = [f"{move.label} {move.before}&rarr;{move.after}" for move in moves]
    return f"{title} {', '.join(changes)}" if changes else None


def reduce_levels(order: Order, change: StockChanger, new_meta_id: MetaIds) -> str | None:
    """``wc_reduce_stock_levels``: take every unreduced line's quantity from stock, once."""
    if order.get("order_stock_reduced"):
        return None
    moves: list[StockMove] = []
    for item in order["line_items"]:
        quantity = int(item.get("quantity") or 0)
        if reduced_quantity(item) or quantity <= 0:
            continue
        move = change(item, -quantity)
        if move is not None:
            set_reduced(item, quantity, new_meta_id)
            moves.append(move)
    order["order_stock_reduced"] = True
    return _note("Stock levels reduced:", moves)


def restore_levels(order: Order, change: StockChanger, new_meta_id: MetaIds) -> str | None:
    """``wc_increase_stock_levels``: give back what each line reduced, clear the markers."""
    if not order.get("order_stock_reduced"):
        return None
    moves: list[StockMove] = []
    for item in order["line_items"]:
        quantity = reduced_quantity(item)
        if not quantity:
            continue
        move = change(item, quantity)
        set_reduced(item, 0, new_meta_id)
        if move is not None:
            moves.append(move)
    order["order_stock_reduced"] = False
    return _note("Stock levels increased:", moves)


def after_status_change(
    order: Order, old: str, new: str, change: StockChanger, new_meta_id: MetaIds
) -> str | None:
    """The stock hooks of a status transition ``old`` → ``new`` (creation counts as from pending)."""
    if old == new:
        return None
    if new in REDUCE_ON:
        return reduce_levels(order, change, new_meta_id)
    if new in RESTORE_ON:
        return restore_levels(order, change, new_meta_id)
    return None


def adjust_line(
    order: Order, item: Item, change: StockChanger, new_meta_id: MetaIds, *, added_lines_reduce: bool
) -> str | None:
    """``wc_maybe_adjust_line_item_product_stock`` after a line of a reduced order was edited.

    A line never reduced before (added by an edit) only moves stock when ``added_lines_reduce``
    (WooCommerce 10 and later); quantity 0 puts everything back.
    """
    if order.get("status") not in REDUCE_ON or not order.get("order_stock_reduced"):
        return None
    already = reduced_quantity(item)
    if not already and not added_lines_reduce:
        return None
    quantity = max(int(item.get("quantity") or 0), 0)
    diff = quantity - already
    if diff == 0:
        return None
    move = change(item, -diff)
    if move is None:
        return None
    set_reduced(item, quantity, new_meta_id)
    title = "Adjusted stock:" if quantity else "Deleted item stock restored:"
    return _note(title, [move])


def restock_refunded(
    order: Order, item: Item, quantity: int, change: StockChanger, new_meta_id: MetaIds
) -> str | None:
    """``wc_restock_refunded_items`` for one refunded line: stock back up, marker lowered."""
    if quantity <= 0:
        return None
    move = change(item, quantity)
    if move is None:
        return None
    already = reduced_quantity(item)
    if already:
        set_reduced(item, already - quantity, new_meta_id)
    product_id = item.get("variation_id") or item.get("product_id")
    return f"Item #{product_id} stock increased from {move.before} to {move.after}."
