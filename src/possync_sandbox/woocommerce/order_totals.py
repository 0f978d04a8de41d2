"""Order totals and taxes recalculated the way WooCommerce's ``calculate_totals`` does.

Line, shipping and fee amounts are kept net of tax with six decimals; coupons are applied to
gross prices when the order's prices include tax, then taxes are recomputed per rate and the
order-level totals are rounded to the shop's decimals. Orders are the stored JSON-shaped dicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from possync_sandbox.woocommerce.coupon_discounts import discounts_by_item
from possync_sandbox.woocommerce.wire import decimal as dec

PRECISION = Decimal("0.000001")
Order = dict[str, Any]


@dataclass(frozen=True)
class TaxRate:
    """One row of the shop's tax table (WooCommerce → Settings → Tax)."""

    id: int
    rate: Decimal
    tax_class: str = ""
    label: str = "Moms"
    country: str = "SE"
    priority: int = 1
    compound: bool = False
    shipping: bool = True

    @property
    def rate_code(self) -> str:
        return f"{self.country}-{self.label.upper()}-{self.priority}"


DEFAULT_TAX_RATES: tuple[TaxRate, ...] = (
    TaxRate(1, Decimal("25")),
    TaxRate(2, Decimal("12"), "reduced-rate"),
    TaxRate(3, Decimal("6"), "super-reduced-rate"),
)


def precise(value: Decimal) -> str:
    """An amount as WooCommerce stores it: six decimals at most, no trailing zeros."""
    text = format(value.quantize(PRECISION, ROUND_HALF_UP).normalize(), "f")
    return "0" if text in ("-0", "") else text


def money(value: Any, dp: int = 2) -> str:
    """``wc_format_decimal(value, dp)``: the money string of the REST answers."""
    return format(dec(value).quantize(Decimal(1).scaleb(-dp), ROUND_HALF_UP), "f")


def rates_for(tax_class: str, rates: Sequence[TaxRate]) -> list[TaxRate]:
    return [rate for rate in rates if rate.tax_class == tax_class]


def tax_of(amount: Decimal, rates: Sequence[TaxRate], *, inclusive: bool) -> dict[int, Decimal]:
    """``WC_Tax::calc_tax``: tax per rate id on a net (or, inclusive, gross) amount."""
    if inclusive:
        total_rate = sum((rate.rate for rate in rates), Decimal(0))
        net = amount * 100 / (100 + total_rate)
        return {rate.id: (net * rate.rate / 100).quantize(PRECISION, ROUND_HALF_UP) for rate in rates}
    return {rate.id: (amount * rate.rate / 100).quantize(PRECISION, ROUND_HALF_UP) for rate in rates}


def price_excluding_tax(
    price: Decimal, quantity: int, tax_class: str, rates: Sequence[TaxRate], *, prices_include_tax: bool
) -> Decimal:
    """``wc_get_price_excluding_tax``: the default net line total of a product."""
    line = price * quantity
    if not prices_include_tax:
        return line
    return line - sum(tax_of(line, rates_for(tax_class, rates), inclusive=True).values(), Decimal(0))


def _set_taxes(item: dict[str, Any], rates: Sequence[TaxRate], subtotal: Decimal | None) -> None:
    total_taxes = tax_of(dec(item["total"]), rates, inclusive=False)
    sub_taxes = tax_of(subtotal, rates, inclusive=False) if subtotal is not None else total_taxes
    item["taxes"] = [
        {
            "id": rate_id,
            "total": precise(tax),
            "subtotal": precise(sub_taxes[rate_id]) if subtotal is not None else "",
        }
        for rate_id, tax in total_taxes.items()
    ]
    item["total_tax"] = precise(sum(total_taxes.values(), Decimal(0)))
    if subtotal is not None:
        item["subtotal_tax"] = precise(sum(sub_taxes.values(), Decimal(0)))


def _apply_coupons(order: Order, rates: Sequence[TaxRate], dp: int) -> None:
    """``recalculate_coupons``: line totals become subtotals minus each line's discount."""
    items = order["line_items"]
    include = bool(order.get("prices_include_tax"))
    for item in items:
        _set_taxes(item, _item_rates(item, rates), dec(item["subtotal"]))
    gross = [dec(i["subtotal"]) + (dec(money(i["subtotal_tax"], dp)) if include else 0) for i in items]
    discounts = [Decimal(0)] * len(items)
    for coupon in order["coupon_lines"]:
        remaining = [price - done for price, done in zip(gross, discounts, strict=True)]
        found = discounts_by_item(coupon, items, remaining)
        _coupon_amounts(coupon, items, found, rates, include=include, dp=dp)
        discounts = [done + new for done, new in zip(discounts, found, strict=True)]
    for item, price, discount in zip(items, gross, discounts, strict=True):
        if include:
            amount = price - discount
            tax = tax_of(amount, _item_rates(item, rates), inclusive=True)
            item["total"] = precise(amount - sum(tax.values(), Decimal(0)))
        else:
            item["total"] = precise(dec(item["subtotal"]) - discount)


def _coupon_amounts(
    coupon: dict[str, Any],
    items: Sequence[dict[str, Any]],
    found: Sequence[Decimal],
    rates: Sequence[TaxRate],
    *,
    include: bool,
    dp: int,
) -> None:
    """A coupon line's ``discount`` (net) and ``discount_tax``, split line by line."""
    net = tax = Decimal(0)
    for item, discount in zip(items, found, strict=True):
        taxes = sum(tax_of(discount, _item_rates(item, rates), inclusive=include).values(), Decimal(0))
        net += discount - taxes if include else discount
        tax += taxes
    coupon["discount"] = money(net, dp)
    coupon["discount_tax"] = money(tax, dp)


def _item_rates(item: dict[str, Any], rates: Sequence[TaxRate]) -> list[TaxRate]:
    """Rates of a line's tax class; none for a product or fee that is not taxable."""
    status = item.get("_tax_status", item.get("tax_status", "taxable"))
    return rates_for(item.get("tax_class") or "", rates) if status in ("taxable", None) else []


def shipping_rates(order: Order, rates: Sequence[TaxRate]) -> list[TaxRate]:
    """Shipping tax class "inherit": standard if any item is standard, else the first class used."""
    classes = {item.get("tax_class") or "" for item in order["line_items"]}
    if "" in classes or not classes:
        return [rate for rate in rates_for("", rates) if rate.shipping]
    for rate in rates:
        if rate.tax_class in classes:
            return [r for r in rates_for(rate.tax_class, rates) if r.shipping]
    return []


def _tax_lines(order: Order, rates: Sequence[TaxRate], dp: int) -> tuple[Decimal, Decimal]:
    cart: dict[int, Decimal] = defaultdict(Decimal)
    ship: dict[int, Decimal] = defaultdict(Decimal)
    for group, sums in (("line_items", cart), ("fee_lines", cart), ("shipping_lines", ship)):
        for item in order.get(group, []):
            for tax in item.get("taxes", []):
                sums[tax["id"]] += dec(tax["total"])
    by_id = {rate.id: rate for rate in rates}
    old = {line["rate_id"]: line for line in order.get("tax_lines", [])}
    order["tax_lines"] = [
        _tax_line(by_id[rate_id], cart.get(rate_id, Decimal(0)), ship.get(rate_id, Decimal(0)), old, dp)
        for rate_id in sorted(set(cart) | set(ship))
        if rate_id in by_id
    ]
    round_sum = sum((dec(money(v, dp)) for v in cart.values()), Decimal(0))
    return round_sum, sum((dec(money(v, dp)) for v in ship.values()), Decimal(0))


def _tax_line(
    rate: TaxRate, cart: Decimal, ship: Decimal, old: dict[int, dict[str, Any]], dp: int
) -> dict[str, Any]:
    return {
        "id": old.get(rate.id, {}).get("id", 0),
        "rate_code": rate.rate_code,
        "rate_id": rate.id,
        "label": rate.label,
        "compound": rate.compound,
        "tax_total": money(cart, dp),
        "shipping_tax_total": money(ship, dp),
        "rate_percent": float(rate.rate),
        "meta_data": [],
    }


def _total(items: Iterable[dict[str, Any]], key: str) -> Decimal:
    return sum((dec(item.get(key)) for item in items), Decimal(0))


def recalculate(
    order: Order, rates: Sequence[TaxRate] = DEFAULT_TAX_RATES, dp: int = 2, *, coupons: bool = True
) -> None:
    """Recompute item taxes, tax lines and the order totals in place; with ``coupons``, first
    re-apply the coupon lines (``recalculate_coupons``) to the line totals."""
    items = order["line_items"]
    if coupons and order.get("coupon_lines"):
        _apply_coupons(order, rates, dp)
    for item in items:
        _set_taxes(item, _item_rates(item, rates), dec(item["subtotal"]))
    for fee in order.get("fee_lines", []):
        _set_taxes(fee, _item_rates(fee, rates), None)
    ship_rates = shipping_rates(order, rates)
    for line in order.get("shipping_lines", []):
        _set_taxes(line, ship_rates, None)
    cart_tax, shipping_tax = _tax_lines(order, rates, dp)
    shipping_total = _total(order.get("shipping_lines", []), "total")
    net = _total(items, "total") + _total(order.get("fee_lines", []), "total")
    order["discount_total"] = money(_total(items, "subtotal") - _total(items, "total"), dp)
    order["discount_tax"] = money(_total(items, "subtotal_tax") - _total(items, "total_tax"), dp)
    order["shipping_total"] = money(shipping_total, dp)
    order["shipping_tax"] = money(shipping_tax, dp)
    order["cart_tax"] = money(cart_tax, dp)
    order["total_tax"] = money(cart_tax + shipping_tax, dp)
    order["total"] = money(net + shipping_total + cart_tax + shipping_tax, dp)
