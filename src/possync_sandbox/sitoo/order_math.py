"""Order arithmetic: the read-only money fields Sitoo computes from VAT-inclusive row prices.

An order item carries its gross row total (``moneyrowprice``) and gross row discount
(``moneyrowdiscount``); the server derives the net unit prices, the item totals and the
order totals from them as spec §8.11 gives them [INF, checked against Sitoo's example].
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Literal

from possync_sandbox.sitoo.wire import money_text, quantity_text

Rounding = Literal["half_up", "half_even"]
CENT = Decimal("0.01")
ZERO = Decimal("0")
_MODES = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN}


def money(value: Decimal, rounding: Rounding = "half_up") -> Decimal:
    """``value`` rounded to cents under the configured rule [OPEN §11.19]."""
    return value.quantize(CENT, rounding=_MODES[rounding])


@dataclass(frozen=True)
class RowPrice:
    """The computed money of one order item, all net of VAT."""

    original: Decimal
    discounted: Decimal | None
    item_net: Decimal
    item_vat: Decimal

    @property
    def per_unit(self) -> Decimal:
        return self.original if self.discounted is None else self.discounted

    @property
    def discount(self) -> Decimal:
        return ZERO if self.discounted is None else self.original - self.discounted


def _net_per_unit(gross: Decimal, quantity: int, vat: Decimal, rounding: Rounding) -> Decimal:
    if quantity == 0:
        return ZERO
    return money(gross / quantity / (1 + vat / 100), rounding)


def price_row(
    rowprice: Decimal, rowdiscount: Decimal, quantity: int, vat: Decimal, rounding: Rounding = "half_up"
) -> RowPrice:
    """Net prices of a row: ``rowprice`` is the gross row total before ``rowdiscount``."""
    original = _net_per_unit(rowprice, quantity, vat, rounding)
    discounted = _net_per_unit(rowprice - rowdiscount, quantity, vat, rounding) if rowdiscount else None
    per_unit = original if discounted is None else discounted
    item_net = per_unit * quantity
    return RowPrice(original, discounted, item_net, money(item_net * vat / 100, rounding))


def item_fields(row: RowPrice, quantity: int) -> dict[str, str]:
    """The read-only wire fields of one order item."""
    return {
        "moneynetpriceperunit": money_text(row.per_unit),
        "moneyitemtotal_net": money_text(row.item_net),
        "moneyitemtotal_vat": money_text(row.item_vat),
        "moneyoriginalprice": money_text(row.original),
        "moneydiscountedprice": money_text(row.discounted if row.discounted is not None else ZERO),
        "moneydiscount": money_text(row.discount),
        "decimalquantitytotal": quantity_text(Decimal(quantity)),
        "moneynetpriceperquantity": money_text(row.per_unit),
    }


@dataclass(frozen=True)
class OrderTotals:
    """The order-level sums; checkout and delivery fees are zero as no write field sets them."""

    net: Decimal
    vat: Decimal
    checkout_net: Decimal = ZERO
    checkout_vat: Decimal = ZERO
    delivery_net: Decimal = ZERO
    delivery_vat: Decimal = ZERO
    roundoff: Decimal = ZERO

    def wire(self) -> dict[str, str]:
        final_net = self.net + self.checkout_net + self.delivery_net
        final_vat = self.vat + self.checkout_vat + self.delivery_vat
        return {
            "moneytotal_net": money_text(self.net),
            "moneytotal_vat": money_text(self.vat),
            "moneycheckout_net": money_text(self.checkout_net),
            "moneycheckout_vat": money_text(self.checkout_vat),
            "moneytotal_gross_checkout": money_text(self.checkout_net + self.checkout_vat),
            "moneydelivery_net": money_text(self.delivery_net),
            "moneydelivery_vat": money_text(self.delivery_vat),
            "moneytotal_gross_delivery": money_text(self.delivery_net + self.delivery_vat),
            "moneyfinal_net": money_text(final_net),
            "moneyfinal_vat": money_text(final_vat),
            "moneyfinal_salestax": money_text(ZERO),
            "moneytotal_gross_roundoff": money_text(self.roundoff),
            "moneytotal_gross_all": money_text(final_net + final_vat + self.roundoff),
        }


def order_totals(rows: list[RowPrice]) -> OrderTotals:
    return OrderTotals(net=sum((r.item_net for r in rows), ZERO), vat=sum((r.item_vat for r in rows), ZERO))
