"""Stock reduced once per order and restored per line, as WooCommerce's stock functions do."""

from __future__ import annotations

import itertools
from typing import Any

from possync_sandbox.woocommerce.order_stock import (
    StockMove,
    adjust_line,
    after_status_change,
    reduced_quantity,
    restock_refunded,
)


class Shelf:
    """A product's stock that the order functions move."""

    def __init__(self, quantity: int) -> None:
        self.quantity = quantity
        self.ids = itertools.count(100)

    def change(self, item: dict[str, Any], delta: int) -> StockMove:
        before = self.quantity
        self.quantity += delta
        return StockMove("Mug (MUG-1)", before, self.quantity)

    def meta_id(self) -> int:
        return next(self.ids)


def _order(quantity: int = 2) -> dict[str, Any]:
    return {"status": "pending", "line_items": [{"id": 1, "product_id": 10, "quantity": quantity}]}


def _move(order: dict[str, Any], shelf: Shelf, old: str, new: str) -> str | None:
    note = after_status_change(order, old, new, shelf.change, shelf.meta_id)
    order["status"] = new
    return note


def test_stock_is_reduced_once_across_status_changes() -> None:
    order, shelf = _order(), Shelf(10)
    seen = []
    for old, new in [
        ("pending", "processing"),
        ("processing", "completed"),
        ("completed", "on-hold"),
        ("on-hold", "cancelled"),
        ("cancelled", "pending"),
        ("pending", "processing"),
    ]:
        _move(order, shelf, old, new)
        seen.append(shelf.quantity)
    assert seen == [8, 8, 8, 10, 10, 8]


def test_reduction_marks_the_line_and_writes_a_note() -> None:
    order, shelf = _order(), Shelf(10)
    note = _move(order, shelf, "pending", "processing")
    assert note == "Stock levels reduced: Mug (MUG-1) 10&rarr;8"
    meta = order["line_items"][0]["meta_data"]
    assert meta == [{"id": 100, "key": "_reduced_stock", "value": "2"}]


def test_refunded_and_failed_do_not_restore() -> None:
    order, shelf = _order(), Shelf(10)
    _move(order, shelf, "pending", "processing")
    _move(order, shelf, "processing", "refunded")
    _move(order, shelf, "refunded", "failed")
    assert shelf.quantity == 8


def test_restore_clears_the_markers() -> None:
    order, shelf = _order(), Shelf(10)
    _move(order, shelf, "pending", "completed")
    note = _move(order, shelf, "completed", "cancelled")
    assert note == "Stock levels increased: Mug (MUG-1) 8&rarr;10"
    assert reduced_quantity(order["line_items"][0]) == 0
    assert not order["order_stock_reduced"]


def test_quantity_edit_on_a_reduced_order_moves_the_difference() -> None:
    order, shelf = _order(1), Shelf(10)
    _move(order, shelf, "pending", "processing")
    order["line_items"][0]["quantity"] = 3
    adjust_line(order, order["line_items"][0], shelf.change, shelf.meta_id, added_lines_reduce=False)
    assert shelf.quantity == 7
    assert reduced_quantity(order["line_items"][0]) == 3


def test_added_line_reduces_only_on_newer_versions() -> None:
    order, shelf = _order(1), Shelf(10)
    _move(order, shelf, "pending", "processing")
    added = {"id": 2, "product_id": 10, "quantity": 2}
    order["line_items"].append(added)
    adjust_line(order, added, shelf.change, shelf.meta_id, added_lines_reduce=False)
    assert shelf.quantity == 9
    adjust_line(order, added, shelf.change, shelf.meta_id, added_lines_reduce=True)
    assert shelf.quantity == 7


def test_refund_restock_puts_units_back_and_lowers_the_marker() -> None:
    order, shelf = _order(2), Shelf(10)
    _move(order, shelf, "pending", "completed")
    note = restock_refunded(order, order["line_items"][0], 1, shelf.change, shelf.meta_id)
    assert shelf.quantity == 9
    assert note == "Item #10 stock increased from 8 to 9."
    assert reduced_quantity(order["line_items"][0]) == 1
    _move(order, shelf, "completed", "cancelled")
    assert shelf.quantity == 10
