"""Order totals and coupon discounts computed as WooCommerce's ``calculate_totals`` does."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from possync_sandbox.woocommerce.coupon_discounts import discounts_by_item
from possync_sandbox.woocommerce.order_totals import (
    DEFAULT_TAX_RATES,
    money,
    precise,
    price_excluding_tax,
    recalculate,
)


def _line(gross: str, quantity: int, tax_class: str = "", product_id: int = 10) -> dict[str, Any]:
    net = price_excluding_tax(Decimal(gross), quantity, tax_class, DEFAULT_TAX_RATES, prices_include_tax=True)
    return {
        "product_id": product_id,
        "variation_id": 0,
        "quantity": quantity,
        "tax_class": tax_class,
        "subtotal": precise(net),
        "total": precise(net),
    }


def _order(*lines: dict[str, Any], **extra: Any) -> dict[str, Any]:
    order: dict[str, Any] = {"prices_include_tax": True, "line_items": list(lines)}
    order.update(extra)
    return order


def test_default_line_total_is_the_price_without_tax() -> None:
    assert price_excluding_tax(Decimal("100"), 2, "", DEFAULT_TAX_RATES, prices_include_tax=True) == 160
    assert price_excluding_tax(Decimal("100"), 2, "", DEFAULT_TAX_RATES, prices_include_tax=False) == 200


def test_tax_inclusive_line_adds_back_up_to_the_shelf_price() -> None:
    order = _order(_line("100.00", 2), shipping_lines=[{"method_id": "local_pickup", "total": "0.00"}])
    recalculate(order)
    assert (order["total"], order["total_tax"], order["cart_tax"]) == ("200.00", "40.00", "40.00")
    assert order["line_items"][0]["taxes"] == [{"id": 1, "total": "40", "subtotal": "40"}]
    assert order["tax_lines"][0]["rate_id"] == 1
    assert order["tax_lines"][0]["tax_total"] == "40.00"


def test_shipping_is_taxed_at_the_standard_rate_and_added() -> None:
    order = _order(_line("100.00", 1), shipping_lines=[{"method_id": "flat_rate", "total": "40.00"}])
    recalculate(order)
    assert order["shipping_tax"] == "10.00"
    assert order["total"] == "150.00"


def test_fee_lines_are_taxed_unless_not_taxable() -> None:
    order = _order(
        _line("100.00", 1),
        fee_lines=[
            {"name": "Gift wrap", "total": "20", "tax_status": "taxable", "tax_class": ""},
            {"name": "Deposit", "total": "5", "tax_status": "none", "tax_class": ""},
        ],
    )
    recalculate(order)
    assert order["fee_lines"][0]["total_tax"] == "5"
    assert order["fee_lines"][1]["total_tax"] == "0"
    assert order["total"] == "130.00"


def test_reduced_rate_lines_get_their_own_tax_line() -> None:
    order = _order(_line("100.00", 1), _line("112.00", 1, "reduced-rate"))
    recalculate(order)
    assert [line["rate_id"] for line in order["tax_lines"]] == [1, 2]
    assert order["tax_lines"][1]["tax_total"] == "12.00"
    assert order["total"] == "212.00"


def test_percent_coupon_discounts_the_gross_price() -> None:
    order = _order(
        _line("100.00", 2), coupon_lines=[{"code": "ten", "discount_type": "percent", "nominal_amount": 10}]
    )
    recalculate(order)
    assert order["total"] == "180.00"
    assert (order["discount_total"], order["discount_tax"]) == ("16.00", "4.00")
    assert order["coupon_lines"][0]["discount"] == "16.00"
    assert order["coupon_lines"][0]["discount_tax"] == "4.00"


def test_fixed_cart_coupon_takes_exactly_its_amount_across_lines() -> None:
    order = _order(
        _line("100.00", 2),
        _line("99.90", 1, "reduced-rate"),
        coupon_lines=[{"code": "c", "discount_type": "fixed_cart", "nominal_amount": "33.33"}],
    )
    recalculate(order)
    assert money(Decimal(order["total"]) + Decimal("33.33")) == "299.90"


def test_fixed_product_coupon_is_per_unit_and_respects_product_ids() -> None:
    items = [_line("100.00", 2, product_id=10), _line("50.00", 1, product_id=11)]
    coupon = {"discount_type": "fixed_product", "nominal_amount": "5", "_product_ids": [10]}
    found = discounts_by_item(coupon, items, [Decimal("200"), Decimal("50")])
    assert found == [Decimal("10"), Decimal("0")]


def test_coupon_never_discounts_more_than_the_price() -> None:
    coupon = {"discount_type": "fixed_cart", "nominal_amount": "500"}
    found = discounts_by_item(coupon, [_line("100.00", 1)], [Decimal("100")])
    assert found == [Decimal("100")]


def test_prices_excluding_tax_add_tax_on_top() -> None:
    order = {
        "prices_include_tax": False,
        "line_items": [{"quantity": 1, "tax_class": "", "subtotal": "80", "total": "80"}],
    }
    recalculate(order)
    assert order["total"] == "100.00"
