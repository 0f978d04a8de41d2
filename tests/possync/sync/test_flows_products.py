"""Product rows P1–P15 of docs/mapping.md: simple ↔ plain product, variable ↔ main variant."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from possync.errors import MappingError
from possync.sitoo.models import Product as PosProduct
from possync.sitoo.models import ProductGroup, ProductVariantGroup
from possync.sync.flows import (
    Context,
    DictLookup,
    UnmappableError,
    VatTable,
    changed_fields,
    new_pos_product_fields,
    pos_product_payload,
    product_to_pos,
    product_to_woo,
    woo_product_payload,
)
from possync.woo.models import Product

CONTEXT = Context(
    vat=VatTable.from_groups([ProductGroup(vatid=2, value=25), ProductGroup(vatid=3, value=12)])
)
DOWN = DictLookup(ids={"category": {"5": "50", "6": "60"}}, names={"manufacturer": {"7": "Acme"}})
UP = DictLookup(ids={"category": {"50": "5", "60": "6"}}, keys={"manufacturer": {"Acme": "7"}})


def sitoo(**fields: Any) -> PosProduct:
    base: dict[str, Any] = {"productid": 1, "sku": "A-1", "title": "Tröja", "vatid": 2, "active": True}
    return PosProduct.model_validate({**base, **fields})


def shop(**fields: Any) -> Product:
    base: dict[str, Any] = {"id": 9, "sku": "A-1", "name": "Tröja", "type": "simple", "status": "publish"}
    return Product.model_validate({**base, **fields})


def test_p1_sku_is_the_key_and_must_suit_sitoo() -> None:
    assert product_to_woo(sitoo(), DOWN, CONTEXT)["sku"] == "A-1"
    assert product_to_pos(shop(), UP, CONTEXT)["sku"] == "A-1"
    with pytest.raises(UnmappableError, match="fix-sku"):
        product_to_pos(shop(sku="A 1"), UP, CONTEXT)
    with pytest.raises(UnmappableError, match="no SKU in Sitoo"):
        product_to_woo(sitoo(sku=""), DOWN, CONTEXT)


def test_p2_p3_p4_name_and_descriptions_both_ways() -> None:
    down = product_to_woo(
        sitoo(description="<p>Lång &amp; mjuk</p>", descriptionshort=" Kort "), DOWN, CONTEXT
    )
    assert (down["name"], down["description"], down["short_description"]) == (
        "Tröja",
        "<p>Lång & mjuk</p>",
        "Kort",
    )
    up = product_to_pos(shop(name="T &amp; S", description="Lång", short_description="Kort"), UP, CONTEXT)
    assert (up["title"], up["description"], up["descriptionshort"]) == ("T & S", "Lång", "Kort")


def test_p5_plain_product_is_simple_and_main_variant_is_variable() -> None:
    assert product_to_woo(sitoo(), DOWN, CONTEXT)["type"] == "simple"
    groups = [ProductVariantGroup(name="Color", options=["Red", "Blue"])]
    variable = product_to_woo(sitoo(variantparentid=1, moneyprice="10.00"), DOWN, CONTEXT, groups)
    assert variable["type"] == "variable"
    assert "regular_price" not in variable
    assert variable["attributes"] == [
        {"name": "Color", "options": ["Red", "Blue"], "variation": True, "visible": True}
    ]
    assert "moneyprice" not in product_to_pos(shop(type="variable", regular_price="10"), UP, CONTEXT)


def test_p5_a_variant_is_not_mapped_as_a_product() -> None:
    with pytest.raises(ValueError, match="variant"):
        product_to_woo(sitoo(productid=2, variantparentid=1), DOWN, CONTEXT)


def test_p5_external_products_go_as_plain_products_and_grouped_ones_are_parked() -> None:
    assert product_to_pos(shop(type="external", regular_price="5"), UP, CONTEXT)["moneyprice"] == "5.00"
    with pytest.raises(UnmappableError, match="grouped"):
        product_to_pos(shop(type="grouped"), UP, CONTEXT)


def test_p6_publish_is_active_and_anything_else_inactive() -> None:
    assert product_to_pos(shop(status="publish"), UP, CONTEXT)["active"] is True
    assert product_to_pos(shop(status="private"), UP, CONTEXT)["active"] is False
    assert product_to_woo(sitoo(active=True), DOWN, CONTEXT)["status"] == "publish"
    assert product_to_woo(sitoo(active=False, activepos=True), DOWN, CONTEXT)["status"] == "draft"


def test_p7_pos_flag_only_set_when_created() -> None:
    body = product_to_pos(shop(status="draft"), UP, CONTEXT)
    assert "activepos" not in body
    assert new_pos_product_fields(body) == {"activepos": False}


def test_p8_p9_prices_both_ways() -> None:
    up = product_to_pos(shop(regular_price="125.00", sale_price="100.00"), UP, CONTEXT)
    assert (up["moneyprice"], up["moneypriceorg"]) == ("100.00", "125.00")
    down = product_to_woo(sitoo(moneyprice="100.00", moneypriceorg="125.00"), DOWN, CONTEXT)
    assert (down["regular_price"], down["sale_price"]) == ("125.00", "100.00")


def test_p8_o3_net_prices_in_sitoo_use_the_product_groups_rate() -> None:
    net = Context(vat=CONTEXT.vat, prices_including_vat=False)
    up = product_to_pos(shop(regular_price="112.00", tax_class="reduced-rate"), UP, net)
    assert (up["moneyprice"], up["vatid"]) == ("100.00", 3)
    assert product_to_woo(sitoo(moneyprice="100.00", vatid=3), DOWN, net)["regular_price"] == "112.00"


def test_p10_purchase_price_is_never_vat_converted() -> None:
    net = Context(vat=CONTEXT.vat, prices_including_vat=False)
    cost = [{"key": "_wc_cog_cost", "value": "40"}]
    assert product_to_pos(shop(regular_price="125", meta_data=cost), UP, net)["moneypricein"] == "40.00"
    down = product_to_woo(sitoo(moneypricein="40.00"), DOWN, net)
    assert down["meta_data"] == [{"key": "_wc_cog_cost", "value": "40.00"}]
    assert product_to_woo(sitoo(moneypricein="0.00"), DOWN, net)["meta_data"][0]["value"] == ""
    assert "moneypricein" not in product_to_pos(shop(), UP, net)


def test_p11_tax_class_and_product_group() -> None:
    assert product_to_pos(shop(tax_class="reduced-rate"), UP, CONTEXT)["vatid"] == 3
    assert product_to_woo(sitoo(vatid=3), DOWN, CONTEXT)["tax_class"] == "reduced-rate"
    with pytest.raises(UnmappableError, match="no product group with VAT 6 %"):
        product_to_pos(shop(tax_class="super-reduced-rate"), UP, CONTEXT)


def test_p12_categories_through_the_lookup_with_a_default_category() -> None:
    categories = [{"id": 60}, {"id": 50}, {"id": 15, "slug": "uncategorized"}]
    up = product_to_pos(shop(categories=categories), UP, CONTEXT)
    assert (up["categories"], up["defaultcategoryid"]) == ([5, 6], 6)
    assert product_to_woo(sitoo(categories=[6, 5]), DOWN, CONTEXT)["categories"] == [{"id": 50}, {"id": 60}]
    with pytest.raises(MappingError):
        product_to_woo(sitoo(categories=[8]), DOWN, CONTEXT)


def test_p13_barcode_and_gtin() -> None:
    assert product_to_pos(shop(global_unique_id="7350000123"), UP, CONTEXT)["barcode"] == "7350000123"
    assert "barcode" not in product_to_pos(shop(), UP, CONTEXT)
    assert product_to_woo(sitoo(barcode="7350000123"), DOWN, CONTEXT)["global_unique_id"] == "7350000123"
    assert product_to_woo(sitoo(barcode="ABC"), DOWN, CONTEXT)["global_unique_id"] == ""


def test_p14_stock_managed_flag() -> None:
    assert product_to_pos(shop(manage_stock=True), UP, CONTEXT)["stockcountenable"] is True
    assert product_to_pos(shop(manage_stock=False), UP, CONTEXT)["stockcountenable"] is False
    assert product_to_woo(sitoo(stockcountenable=True), DOWN, CONTEXT)["manage_stock"] is True


def test_p15_manufacturer_both_ways() -> None:
    down = product_to_woo(sitoo(manufacturerid=7), DOWN, CONTEXT)
    assert down["attributes"] == [
        {"name": "Manufacturer", "options": ["Acme"], "visible": True, "variation": False}
    ]
    attribute = {"id": 2, "name": "Manufacturer", "options": ["Acme"]}
    assert product_to_pos(shop(attributes=[attribute]), UP, CONTEXT)["manufacturerid"] == 7


def test_a_product_written_down_reads_back_unchanged() -> None:
    source = sitoo(
        moneyprice="100.00",
        moneypriceorg="125.00",
        categories=[5],
        manufacturerid=7,
        barcode="735",
        moneypricein="4",
    )
    body = product_to_woo(source, DOWN, CONTEXT)
    written = shop(**{**body, "categories": [{"id": 50}], "attributes": [{"id": 2, **body["attributes"][0]}]})
    assert changed_fields(woo_product_payload(written, CONTEXT), body) == {}


def test_a_product_written_up_reads_back_unchanged() -> None:
    cost = [{"key": "_wc_cog_cost", "value": "4"}]
    source = shop(
        regular_price="125",
        sale_price="99.5",
        categories=[{"id": 50}],
        global_unique_id="735",
        meta_data=cost,
    )
    body = product_to_pos(source, UP, CONTEXT)
    assert changed_fields(pos_product_payload(sitoo(**body), CONTEXT), body) == {}


def test_a_changed_price_shows_old_and_new() -> None:
    body = product_to_pos(shop(regular_price="130"), UP, CONTEXT)
    old = pos_product_payload(sitoo(moneyprice="125.00", moneypriceorg="125.00"), CONTEXT)
    changes = changed_fields(old, body)
    assert changes["moneyprice"] == ("125.00", "130.00")
    assert Decimal(changes["moneypriceorg"][1]) == Decimal(130)
