"""The WooCommerce models accept v2 and v3 payloads and the spec's type drifts, and name bad records."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from possync.errors import PayloadError
from possync.woo.models import Coupon, Order, Product, SystemStatus, Variation, parse_record


def test_v2_in_stock_and_v3_stock_status_read_alike() -> None:
    v2 = parse_record(Product, {"id": 1, "in_stock": False, "manage_stock": False}, "product")
    v3 = parse_record(Product, {"id": 1, "stock_status": "outofstock"}, "product")
    assert v2.stock_status == v3.stock_status == "outofstock"
    assert not v2.in_stock
    assert parse_record(Product, {"id": 2, "in_stock": True}, "product").stock_status == "instock"


def test_product_drifts_money_dates_and_unknown_fields() -> None:
    product = parse_record(
        Product,
        {
            "id": 7,
            "sku": "ABC-1",
            "price": "",
            "regular_price": "19.90",
            "sale_price": "",
            "date_modified": "2026-11-22T12:39:44",
            "date_modified_gmt": "2026-11-22T11:39:44",
            "date_on_sale_from": None,
            "stock_quantity": None,
            "categories": [{"id": 3, "name": "Shoes", "slug": "shoes"}],
            "images": [{"id": 11, "src": "https://s/x.png", "alt": ""}],
            "brands": {},
            "plugin_field": {"x": 1},
        },
        "product",
    )
    assert product.price is None
    assert product.regular_price == Decimal("19.90")
    assert product.date_modified_gmt == datetime(2026, 11, 22, 11, 39, 44, tzinfo=UTC)
    assert product.date_modified == datetime(2026, 11, 22, 12, 39, 44)
    assert product.brands == []
    assert product.images[0].id == 11
    assert product.model_extra == {"plugin_field": {"x": 1}}


def test_variation_manage_stock_parent_and_single_image() -> None:
    variation = parse_record(
        Variation, {"id": 9, "manage_stock": "parent", "stock_quantity": 7, "image": None}, "variation"
    )
    assert variation.manage_stock == "parent"
    assert variation.image is None
    assert parse_record(Variation, {"id": 9, "image": {"id": 4, "src": "s"}}, "variation").image is not None


def test_order_line_price_number_refund_negative_and_meta_string() -> None:
    order = parse_record(
        Order,
        {
            "id": 5,
            "total": "200.00",
            "line_items": [
                {
                    "id": 1,
                    "quantity": 2,
                    "price": 80.0,
                    "total": "160.00",
                    "sku": None,
                    "meta_data": [{"id": 3, "key": "_reduced_stock", "value": "2"}],
                }
            ],
            "refunds": [{"id": 8, "reason": "", "total": "-5.00"}],
        },
        "order",
    )
    line = order.line_items[0]
    assert line.price == Decimal("80.0")
    assert line.sku is None
    assert line.meta("_reduced_stock") == "2"
    assert order.refunds[0].total == Decimal("-5.00")


def test_coupon_and_system_status() -> None:
    coupon = parse_record(
        Coupon, {"id": 1, "code": "prb-ten", "amount": "10.00", "usage_limit": None}, "coupon"
    )
    assert coupon.amount == Decimal("10.00")
    status = parse_record(
        SystemStatus, {"environment": {"version": "9.4.2", "home_url": "h"}}, "system status"
    )
    assert status.version_tuple() == (9, 4, 2)


def test_unusable_payload_names_the_record() -> None:
    with pytest.raises(PayloadError, match=r"product 12 \(sku ABC-9\).*regular_price"):
        parse_record(Product, {"id": 12, "sku": "ABC-9", "regular_price": "free"}, "product")
    with pytest.raises(PayloadError, match=r"order \(not an object: list\)"):
        parse_record(Order, [], "order")
    with pytest.raises(PayloadError, match=r"product \?.*id"):
        parse_record(Product, {"name": "no id"}, "product")


def test_names_stored_html_escaped_are_read_as_typed() -> None:
    product = parse_record(
        Product,
        {"id": 1, "name": "Röd skjorta &amp; co", "categories": [{"id": 2, "name": "A &amp; B"}]},
        "product",
    )
    assert product.name == "Röd skjorta & co"
    assert product.categories[0].name == "A & B"
    assert (
        parse_record(Product, {"id": 1, "description": "<p>a &amp; b</p>"}, "product").description
        == "<p>a &amp; b</p>"
    )
