"""Sitoo record models: exact Decimal money and quantities, Unix dates, drifts and clear errors."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from possync.sitoo.models import (
    Order,
    PriceListItem,
    Product,
    ProductVariants,
    UnusableRecordError,
    Voucher,
    WarehouseItem,
    WarehouseTransaction,
)


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("123.50", "123.50"),
        ("0.10", "0.10"),
        ("-5.00", "-5.00"),
        (99, "99.00"),
        (0.1, "0.10"),
        (19.99, "19.99"),
    ],
)
def test_money_reads_exactly_and_writes_two_decimals(wire: object, expected: str) -> None:
    product = Product.parse({"productid": 1, "sku": "A", "moneyprice": wire})
    assert product.moneyprice == Decimal(expected)
    assert product.to_wire()["moneyprice"] == expected


@pytest.mark.parametrize(
    ("wire", "expected"), [("5.000", "5.000"), ("-1.000", "-1.000"), (2, "2.000"), (0.125, "0.125")]
)
def test_quantity_reads_exactly_and_writes_three_decimals(wire: object, expected: str) -> None:
    item = WarehouseItem.parse({"sku": "A", "decimaltotal": wire})
    assert item.decimaltotal == Decimal(expected)
    assert item.to_wire()["decimaltotal"] == expected


def test_decimal_round_trip_is_exact_over_many_values() -> None:
    for cents in range(-1000, 100_000, 7):
        value = Decimal(cents).scaleb(-2)
        body = PriceListItem(sku="A", moneyprice=value).to_wire()
        assert PriceListItem.parse(body).moneyprice == value
        assert body["moneyprice"] == f"{value:.2f}"


def test_money_with_more_decimals_is_refused_on_write_not_rounded() -> None:
    with pytest.raises(UnusableRecordError, match="more than 2 decimals"):
        Product(sku="A", moneyprice=Decimal("1.005")).to_wire()


def test_dates_are_unix_seconds_both_ways() -> None:
    product = Product.parse({"productid": 1, "sku": "A", "datemodified": 1463041119})
    assert product.datemodified == datetime(2016, 5, 12, 8, 18, 39, tzinfo=UTC)
    body = Voucher(
        vouchername="Spring", vouchertype=110, datestart=datetime(2024, 1, 1, tzinfo=UTC)
    ).to_wire()
    assert body["datestart"] == 1704067200


def test_unknown_fields_are_kept_and_sent_back() -> None:
    product = Product.parse({"productid": 1, "sku": "A", "newfield": {"x": 1}})
    assert product.model_extra == {"newfield": {"x": 1}}
    assert product.to_wire()["newfield"] == {"x": 1}


def test_known_drifts_are_tolerated() -> None:
    product = Product.parse(
        {
            "productid": 1,
            "sku": "A",
            "categories": ["19", 49],
            "related": ["7"],
            "active": False,
            "barcode": None,
        }
    )
    assert product.categories == [19, 49]
    assert product.related == [7]
    assert product.active is False
    voucher = Voucher.parse({"voucherid": 4, "vouchername": "x", "vouchertype": 200, "voucherterms": "t"})
    assert voucher.voucherterms == "t"
    order = Order.parse({"orderid": 1, "ordertypeid": 10, "additionaldata": [], "orderitems": []})
    assert order.additionaldata == {}


def test_read_only_fields_are_left_out_of_writes_nested_too() -> None:
    order = Order.parse(
        {
            "orderid": 9,
            "ordertypeid": 10,
            "externalid": "woo-1",
            "moneytotal_gross_all": "125.00",
            "orderitems": [
                {"orderitemid": 0, "productname": "Mug", "quantity": 1, "moneyitemtotal_net": "100.00"}
            ],
        }
    )
    body = order.to_wire()
    assert "orderid" not in body
    assert "moneytotal_gross_all" not in body
    assert body["orderitems"] == [{"productname": "Mug", "quantity": 1}]
    assert body["externalid"] == "woo-1"


def test_unusable_payload_names_the_record_and_the_field() -> None:
    with pytest.raises(UnusableRecordError) as caught:
        Product.parse({"productid": 28, "sku": "ABC-1", "moneyprice": "twelve"})
    assert "product (productid=28, sku=ABC-1)" in str(caught.value)
    assert "moneyprice" in str(caught.value)
    with pytest.raises(UnusableRecordError, match=r"warehouse transaction .*warehousetransactionid=5"):
        WarehouseTransaction.parse(
            {"warehousetransactionid": 5, "items": [{"sku": "A", "decimalquantity": []}]}
        )
    with pytest.raises(UnusableRecordError, match="expected a JSON object"):
        Product.parse(["not", "a", "product"])


def test_variant_family_body() -> None:
    body = ProductVariants.parse(
        {
            "groups": [{"name": "Color", "options": ["Red", "Blue"]}],
            "variants": [{"productid": 21, "sku": "54051-1", "moneyprice": "59.00", "attributes": ["Red"]}],
        }
    )
    assert body.variants[0].moneyprice == Decimal("59.00")
    assert body.to_wire()["variants"][0]["attributes"] == ["Red"]


def test_one_unusable_record_in_a_list_is_reported_and_skipped_when_asked() -> None:
    payloads = [
        {"productid": 1, "sku": "A"},
        {"productid": 2, "sku": "B", "moneyprice": "?"},
        {"productid": 3},
    ]
    reported: list[UnusableRecordError] = []
    products = Product.parse_many(payloads, reported.append)
    assert [p.productid for p in products] == [1, 3]
    assert [e.record for e in reported] == ["Sitoo product (productid=2, sku=B)"]
    with pytest.raises(UnusableRecordError, match="productid=2"):
        Product.parse_many(payloads)


def test_empty_and_null_numbers_read_as_missing_and_booleans_are_refused() -> None:
    product = Product.parse(
        {"productid": 1, "sku": "A", "moneyprice": "", "moneypricein": None, "vatvalue": 25}
    )
    assert product.moneyprice is None
    assert product.moneypricein is None
    assert product.vatvalue == Decimal(25)
    # A value given as null stays null on the way back (null clears a field); read-only ones are left out.
    assert product.to_wire() == {"sku": "A", "moneyprice": None, "moneypricein": None}
    with pytest.raises(UnusableRecordError, match="boolean"):
        WarehouseItem.parse({"sku": "A", "decimaltotal": True})
