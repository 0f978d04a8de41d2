"""Warehouse transaction types and the stock value arithmetic of one transaction line.

Sitoo never lists its ``transactiontype`` codes; the table below is the spec's inference
(§8.9). A line moves a SKU's quantity by a signed delta and its value at weighted-average
cost, which reproduces every number in Sitoo's examples [INF].
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum

from possync_sandbox.sitoo.order_math import ZERO, money


class TransactionType(IntEnum):
    """Known ``transactiontype`` codes [INF §8.9]; others are stored as opaque integers."""

    MOVE_IN = 10
    MOVE_OUT = 20
    SALES = 30
    REFUND = 40
    STOCKTAKING = 50


NOT_POSTABLE = frozenset({TransactionType.SALES, TransactionType.REFUND, TransactionType.STOCKTAKING})
"""Types the API refuses on ``POST warehousetransactions`` [SPEC]."""

INBOUND = frozenset({TransactionType.MOVE_IN, TransactionType.REFUND})
OUTBOUND = frozenset({TransactionType.MOVE_OUT, TransactionType.SALES})


def signed_quantity(transactiontype: int, quantity: Decimal) -> Decimal:
    """A batch line's quantity as a stock change: outbound lines remove ``abs(quantity)`` [INF §8.10]."""
    if transactiontype in OUTBOUND:
        return -abs(quantity)
    if transactiontype in INBOUND:
        return abs(quantity)
    return quantity


@dataclass(frozen=True)
class StockLevel:
    """What a warehouse holds of one SKU: quantity on hand and its value."""

    total: Decimal = ZERO
    value: Decimal = ZERO

    @property
    def unit_cost(self) -> Decimal:
        return self.value / self.total if self.total > 0 else ZERO


@dataclass(frozen=True)
class LineResult:
    """One transaction line after it was applied: the change and the level it leaves."""

    quantity: Decimal
    pricein: Decimal
    moneyvalue: Decimal
    after: StockLevel


def apply_line(before: StockLevel, quantity: Decimal, pricein: Decimal | None) -> LineResult:
    """Move ``before`` by ``quantity``; an inbound line with a price is valued at that price."""
    total = before.total + quantity
    if quantity > 0 and pricein:
        value = (
            money(before.value + quantity * pricein)
            if before.total > 0
            else money(max(total, ZERO) * pricein)
        )
        return LineResult(quantity, pricein, value - before.value, StockLevel(total, value))
    value = money(total * before.unit_cost) if total > 0 else ZERO
    return LineResult(quantity, ZERO, value - before.value, StockLevel(total, value))


def stocktaking_delta(before: StockLevel, counted: Decimal) -> Decimal:
    """A stock-taking line records the difference between the counted and the booked quantity."""
    return counted - before.total


class BatchState(IntEnum):
    """``warehousebatchstate``: closing an open batch commits it [SPEC]."""

    OPEN = 10
    CLOSED = 20


@dataclass(frozen=True)
class BatchLine:
    """A batch item as staff entered it: a counted total for stock-taking, else a quantity moved."""

    sku: str
    quantity: Decimal
    pricein: Decimal | None = None


def commit_lines(
    transactiontype: int, lines: list[BatchLine], level: Callable[[str], StockLevel]
) -> list[BatchLine]:
    """The transaction lines a closing batch creates; a stock-taking leaves counted-as-booked SKUs out."""
    if transactiontype == TransactionType.STOCKTAKING:
        deltas = [BatchLine(line.sku, stocktaking_delta(level(line.sku), line.quantity)) for line in lines]
        return [line for line in deltas if line.quantity]
    return [
        BatchLine(line.sku, signed_quantity(transactiontype, line.quantity), line.pricein) for line in lines
    ]
