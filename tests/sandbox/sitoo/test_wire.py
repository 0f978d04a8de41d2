"""Wire types: money with 2 decimals, quantities with 3, numbers accepted, bad values refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from possync_sandbox.sitoo.errors import SitooError
from possync_sandbox.sitoo.wire import boolean, int_list, integer, money, nullable, quantity, text


@pytest.mark.parametrize(
    ("given", "wire"), [("123.5", "123.50"), (99, "99.00"), (19.999, "20.00"), ("0", "0.00")]
)
def test_money_is_a_two_decimal_string(given: object, wire: str) -> None:
    assert money(given) == wire


@pytest.mark.parametrize(("given", "wire"), [("5", "5.000"), (-1, "-1.000"), (Decimal("2.5"), "2.500")])
def test_quantity_is_a_three_decimal_string(given: object, wire: str) -> None:
    assert quantity(given) == wire


@pytest.mark.parametrize("given", ["abc", True, None, [], "NaN"])
def test_bad_money_is_a_400(given: object) -> None:
    with pytest.raises(SitooError) as caught:
        money(given, "moneyprice")
    assert caught.value.status == 400
    assert "moneyprice" in caught.value.errortext


def test_ids_accept_numeric_strings_and_null_where_nullable() -> None:
    assert int_list(["19", 49]) == [19, 49]
    assert integer("7") == 7
    assert nullable(integer)(None, "manufacturerid") is None
    assert boolean("true") is True
    assert text(12) == "12"
    with pytest.raises(SitooError):
        integer(1.5)
