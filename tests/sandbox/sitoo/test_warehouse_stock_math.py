"""Stock value arithmetic and batch commit lines against the numbers in Sitoo's examples."""

from __future__ import annotations

from decimal import Decimal

from possync_sandbox.sitoo.stock import (
    BatchLine,
    StockLevel,
    TransactionType,
    apply_line,
    commit_lines,
    signed_quantity,
)


def test_move_in_with_price_values_the_stock_at_that_price() -> None:
    result = apply_line(StockLevel(), Decimal("13"), Decimal("3.45"))
    assert result.moneyvalue == Decimal("44.85")
    assert result.after == StockLevel(Decimal("13"), Decimal("44.85"))


def test_stocktaking_loss_is_valued_at_average_cost() -> None:
    result = apply_line(StockLevel(Decimal("10"), Decimal("39200.00")), Decimal("-1"), None)
    assert result.moneyvalue == Decimal("-3920.00")
    assert result.after.value == Decimal("35280.00")
    assert result.pricein == Decimal("0")


def test_return_is_valued_at_average_cost() -> None:
    result = apply_line(StockLevel(Decimal("7"), Decimal("6146.00")), Decimal("1"), None)
    assert result.moneyvalue == Decimal("878.00")
    assert result.after == StockLevel(Decimal("8"), Decimal("7024.00"))


def test_stock_may_go_negative_with_zero_value() -> None:
    result = apply_line(StockLevel(), Decimal("-2"), None)
    assert result.after == StockLevel(Decimal("-2"), Decimal("0"))
    assert result.moneyvalue == Decimal("0")
    refill = apply_line(result.after, Decimal("5"), Decimal("2.00"))
    assert refill.after == StockLevel(Decimal("3"), Decimal("6.00"))


def test_outbound_types_remove_whatever_sign_was_sent() -> None:
    assert signed_quantity(TransactionType.MOVE_OUT, Decimal("3")) == Decimal("-3")
    assert signed_quantity(TransactionType.MOVE_OUT, Decimal("-3")) == Decimal("-3")
    assert signed_quantity(TransactionType.MOVE_IN, Decimal("-3")) == Decimal("3")
    assert signed_quantity(99, Decimal("-3")) == Decimal("-3")


def test_stocktaking_batch_commits_differences_and_skips_matches() -> None:
    levels = {"A": StockLevel(Decimal("10")), "B": StockLevel(Decimal("2"))}
    lines = [BatchLine("A", Decimal("9")), BatchLine("B", Decimal("2")), BatchLine("C", Decimal("4"))]
    committed = commit_lines(TransactionType.STOCKTAKING, lines, lambda sku: levels.get(sku, StockLevel()))
    assert committed == [BatchLine("A", Decimal("-1")), BatchLine("C", Decimal("4"))]


def test_inbound_batch_keeps_purchase_prices() -> None:
    lines = [BatchLine("A", Decimal("25"), Decimal("3920.00"))]
    committed = commit_lines(TransactionType.MOVE_IN, lines, lambda sku: StockLevel())
    assert committed == lines
