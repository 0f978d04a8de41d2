"""Price and VAT rows P8–P11, V5 and option O3 of docs/mapping.md, with round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from possync.settings.sitoo import SitooSettings
from possync.sitoo.models import ProductGroup
from possync.sync.flows import (
    Context,
    UnmappableError,
    VatTable,
    add_vat,
    money,
    pos_prices,
    remove_vat,
    round_money,
    woo_prices,
)
from possync.sync.flows.money import convert, pos_price_pair, woo_price_pair

CENT = Decimal("0.01")
RATES = st.sampled_from([Decimal(0), Decimal(6), Decimal(12), Decimal(25), Decimal("7.5")])
CENTS = st.integers(min_value=0, max_value=10_000_000).map(lambda n: Decimal(n) / 100)


def test_money_is_two_decimals_half_up_and_empty_for_none() -> None:
    assert money("19.9") == "19.90"
    assert money(Decimal("0.125")) == "0.13"
    assert money("2,5") == "2.50"
    assert money(None) == ""
    assert money("") == ""
    assert round_money(Decimal("0.005")) == Decimal("0.01")


def test_p9_p8_sale_price_is_the_price_paid_and_regular_the_original_price() -> None:
    up = pos_prices("125.00", "100.00", Decimal(25), woo_gross=True, pos_gross=True)
    assert up == {"moneyprice": "100.00", "moneypriceorg": "125.00"}
    down = woo_prices("100.00", "125.00", Decimal(25), woo_gross=True, pos_gross=True)
    assert down == {"regular_price": "125.00", "sale_price": "100.00"}


def test_p9_no_sale_when_the_sale_price_is_not_below_the_regular_price() -> None:
    assert pos_prices("10", "12", Decimal(25), woo_gross=True, pos_gross=True)["moneyprice"] == "10.00"
    assert woo_prices("50.00", "40.00", Decimal(25), woo_gross=True, pos_gross=True)["sale_price"] == ""
    assert woo_price_pair("", "5") == ("5.00", "")
    assert pos_price_pair(None, "7") == ("7.00", "7.00")


def test_o3_prices_including_vat_on_sends_shop_prices_as_they_are() -> None:
    up = pos_prices("125.00", "", Decimal(25), woo_gross=True, pos_gross=True)
    assert up == {"moneyprice": "125.00", "moneypriceorg": "125.00"}


def test_o3_prices_including_vat_off_sends_net_prices() -> None:
    up = pos_prices("125.00", "100.00", Decimal(25), woo_gross=True, pos_gross=False)
    assert up == {"moneyprice": "80.00", "moneypriceorg": "100.00"}
    down = woo_prices("80.00", "100.00", Decimal(25), woo_gross=True, pos_gross=False)
    assert down == {"regular_price": "125.00", "sale_price": "100.00"}


def test_o3_a_shop_entering_net_prices_gets_gross_sitoo_prices_converted() -> None:
    assert convert("100.00", Decimal(25), from_gross=False, to_gross=True) == "125.00"
    assert convert("", Decimal(25), from_gross=False, to_gross=True) == ""


def test_p11_vat_rate_to_product_group_and_back() -> None:
    table = VatTable.from_groups(
        [ProductGroup(vatid=2, value=25), ProductGroup(vatid=5, value=12), ProductGroup(vatid=4, value=12)]
    )
    assert table.vatid(Decimal(25)) == 2
    assert table.vatid(Decimal(12)) == 4
    assert table.rate(None) == Decimal(25)
    assert table.rate(5) == Decimal(12)
    with pytest.raises(UnmappableError, match="no product group with VAT 6 %"):
        table.vatid(Decimal(6))
    with pytest.raises(UnmappableError, match="product group 9"):
        table.rate(9)


def test_p11_tax_classes_to_rates_and_back() -> None:
    context = Context()
    assert context.class_rate("reduced-rate") == Decimal(12)
    assert context.class_rate("", "none") == Decimal(0)
    assert context.tax_class(Decimal(25)) == ""
    assert context.tax_class(Decimal(6)) == "super-reduced-rate"
    with pytest.raises(UnmappableError, match="tax class 'luxury'"):
        context.class_rate("luxury")
    with pytest.raises(UnmappableError, match="no tax class with VAT 30 %"):
        context.tax_class(Decimal(30))


@given(net=CENTS, rate=RATES)
def test_a_net_price_survives_gross_and_back_exactly(net: Decimal, rate: Decimal) -> None:
    assert remove_vat(add_vat(net, rate), rate) == net


@given(gross=CENTS, rate=RATES)
def test_a_gross_price_survives_net_and_back_when_any_net_price_gives_it(
    gross: Decimal, rate: Decimal
) -> None:
    back = add_vat(remove_vat(gross, rate), rate)
    assert abs(back - gross) <= Decimal("0.01")
    nearest = round_money(gross / (1 + rate / 100))
    reachable = any(add_vat(nearest + step * CENT, rate) == gross for step in (-1, 0, 1))
    assert back == gross if reachable else back != gross


@given(regular=CENTS, sale=st.none() | CENTS, rate=RATES, including=st.booleans())
def test_shop_prices_round_trip_through_sitoo(
    regular: Decimal, sale: Decimal | None, rate: Decimal, including: bool
) -> None:
    up = pos_prices(regular, sale, rate, woo_gross=True, pos_gross=including)
    down = woo_prices(up["moneyprice"], up["moneypriceorg"], rate, woo_gross=True, pos_gross=including)
    expected = woo_price_pair(regular, sale)
    if including or rate == 0:
        assert (down["regular_price"], down["sale_price"]) == expected
    else:
        assert abs(Decimal(down["regular_price"]) - Decimal(expected[0])) <= Decimal("0.01")


@given(price=CENTS, original=st.none() | CENTS, rate=RATES, including=st.booleans())
def test_sitoo_prices_round_trip_through_the_shop_exactly(
    price: Decimal, original: Decimal | None, rate: Decimal, including: bool
) -> None:
    down = woo_prices(price, original, rate, woo_gross=True, pos_gross=including)
    up = pos_prices(down["regular_price"], down["sale_price"], rate, woo_gross=True, pos_gross=including)
    assert (up["moneyprice"], up["moneypriceorg"]) == pos_price_pair(price, original)


def test_o3_context_from_the_connections_settings() -> None:
    sitoo = SitooSettings.model_validate(
        {
            "base_url": "https://api.mysitoo.com/v2/accounts/90001",
            "api_id": "90001-1",
            "api_password": "secret",
            "misc": {"prices_including_vat": False},
        }
    )
    context = Context.from_settings(sitoo, [ProductGroup(vatid=2, value=25)], woo_prices_include_tax=False)
    assert context.prices_including_vat is False
    assert context.woo_prices_include_tax is False
    assert context.vat.vatid(Decimal(25)) == 2
