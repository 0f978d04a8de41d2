"""Order arithmetic against the numbers in Sitoo's own POST → GET order example."""

from __future__ import annotations

from decimal import Decimal

from possync_sandbox.sitoo.order_math import item_fields, order_totals, price_row


def test_plain_row_is_split_into_net_and_vat() -> None:
    row = price_row(Decimal("125.00"), Decimal("0"), 1, Decimal("25"))
    fields = item_fields(row, 1)
    assert fields["moneynetpriceperunit"] == "100.00"
    assert fields["moneyitemtotal_net"] == "100.00"
    assert fields["moneyitemtotal_vat"] == "25.00"
    assert fields["moneydiscountedprice"] == "0.00"
    assert fields["moneydiscount"] == "0.00"
    assert fields["decimalquantitytotal"] == "1.000"


def test_discounted_row_reports_original_discounted_and_difference() -> None:
    row = price_row(Decimal("250.00"), Decimal("50.00"), 2, Decimal("25"))
    fields = item_fields(row, 2)
    assert fields["moneyoriginalprice"] == "100.00"
    assert fields["moneydiscountedprice"] == "80.00"
    assert fields["moneydiscount"] == "20.00"
    assert fields["moneynetpriceperunit"] == "80.00"
    assert fields["moneyitemtotal_net"] == "160.00"
    assert fields["moneyitemtotal_vat"] == "40.00"


def test_order_totals_match_the_spec_example() -> None:
    rows = [
        price_row(Decimal("125.00"), Decimal("0"), 1, Decimal("25")),
        price_row(Decimal("250.00"), Decimal("50.00"), 2, Decimal("25")),
        price_row(Decimal("106.00"), Decimal("0"), 1, Decimal("6")),
    ]
    totals = order_totals(rows).wire()
    assert totals["moneytotal_net"] == "360.00"
    assert totals["moneytotal_vat"] == "71.00"
    assert totals["moneyfinal_net"] == "360.00"
    assert totals["moneytotal_gross_all"] == "431.00"
    assert totals["moneytotal_gross_delivery"] == "0.00"


def test_refund_row_has_a_positive_unit_price_and_negative_totals() -> None:
    row = price_row(Decimal("-2990.00"), Decimal("0"), -1, Decimal("25"))
    fields = item_fields(row, -1)
    assert fields["moneynetpriceperunit"] == "2392.00"
    assert fields["moneyitemtotal_net"] == "-2392.00"
    assert fields["moneyitemtotal_vat"] == "-598.00"
    assert order_totals([row]).wire()["moneytotal_gross_all"] == "-2990.00"


def test_rounding_rule_is_a_switch() -> None:
    up = price_row(Decimal("0.25"), Decimal("0"), 1, Decimal("0"), "half_up")
    assert item_fields(up, 1)["moneyitemtotal_net"] == "0.25"
    half = price_row(Decimal("10.125"), Decimal("0"), 1, Decimal("0"), "half_even")
    assert item_fields(half, 1)["moneyitemtotal_net"] == "10.12"
    assert (
        item_fields(price_row(Decimal("10.125"), Decimal("0"), 1, Decimal("0")), 1)["moneyitemtotal_net"]
        == "10.13"
    )
