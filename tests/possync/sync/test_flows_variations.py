"""Variation rows V1–V10 of docs/mapping.md: variations ↔ Sitoo variants and the family write."""

from __future__ import annotations

from typing import Any

import pytest

from possync.errors import MappingError
from possync.sitoo.models import Product as PosProduct
from possync.sitoo.models import ProductGroup, ProductVariant, ProductVariantGroup, ProductVariants
from possync.sync.flows import (
    POS_CREATE_ONLY,
    Context,
    DictLookup,
    Held,
    SitooFile,
    UnmappableError,
    VatTable,
    changed_fields,
    pos_variant_payload,
    variant_family,
    variant_to_woo,
    variant_update_body,
    variation_to_pos,
    woo_variation_payload,
)
from possync.woo.models import Product, Variation

CONTEXT = Context(
    vat=VatTable.from_groups([ProductGroup(vatid=2, value=25), ProductGroup(vatid=3, value=12)])
)
DOWN = DictLookup(ids={"product": {"1": "90"}})
UP = DictLookup(ids={"product": {"90": "1"}})
MAIN = PosProduct(productid=1, sku="T", title="T-shirt", vatid=2, variantparentid=1)
PARENT = Product.model_validate({"id": 90, "sku": "T", "name": "T-shirt", "type": "variable"})


def variant(**fields: Any) -> PosProduct:
    base: dict[str, Any] = {
        "productid": 2,
        "sku": "T-R",
        "variantparentid": 1,
        "active": True,
        "variant": [{"name": "Color", "value": "Red"}, {"name": "Size", "value": "M"}],
    }
    return PosProduct.model_validate({**base, **fields})


def variation(**fields: Any) -> Variation:
    base: dict[str, Any] = {
        "id": 91,
        "sku": "T-R",
        "status": "publish",
        "attributes": [{"id": 1, "name": "Color", "option": "Red"}, {"id": 2, "name": "Size", "option": "M"}],
    }
    return Variation.model_validate({**base, **fields})


def test_v1_v2_sku_and_parent_both_ways() -> None:
    down = variant_to_woo(variant(), MAIN, DOWN, CONTEXT)
    assert (down["sku"], down["parent_id"]) == ("T-R", 90)
    up = variation_to_pos(variation(), PARENT, UP, CONTEXT)
    assert (up["sku"], up["variantparentid"]) == ("T-R", 1)


def test_v2_unbound_parent_makes_the_variation_wait() -> None:
    with pytest.raises(MappingError):
        variant_to_woo(variant(), MAIN, DictLookup(), CONTEXT)
    with pytest.raises(MappingError):
        variation_to_pos(variation(), PARENT, DictLookup(), CONTEXT)


def test_v1_sku_problems_park_the_variation() -> None:
    with pytest.raises(UnmappableError):
        variation_to_pos(variation(sku=""), PARENT, UP, CONTEXT)
    with pytest.raises(UnmappableError):
        variant_to_woo(variant(sku=None), MAIN, DOWN, CONTEXT)


def test_v3_attributes_and_variant_values() -> None:
    down = variant_to_woo(variant(), MAIN, DOWN, CONTEXT)
    assert down["attributes"] == [{"name": "Color", "option": "Red"}, {"name": "Size", "option": "M"}]
    assert variation_to_pos(variation(), PARENT, UP, CONTEXT)["attributes"] == {"Color": "Red", "Size": "M"}


def test_v4_enabled_is_publish_and_disabled_private() -> None:
    assert variant_to_woo(variant(active=False), MAIN, DOWN, CONTEXT)["status"] == "private"
    assert variation_to_pos(variation(status="private"), PARENT, UP, CONTEXT)["active"] is False
    assert variation_to_pos(variation(), PARENT, UP, CONTEXT)["active"] is True


def test_v5_prices_use_the_parents_vat_rate() -> None:
    net = Context(vat=CONTEXT.vat, prices_including_vat=False)
    parent = PARENT.model_copy(update={"tax_class": "reduced-rate"})
    up = variation_to_pos(variation(regular_price="112", tax_class="parent"), parent, UP, net)
    assert (up["moneyprice"], up["moneypriceorg"]) == ("100.00", "100.00")
    down = variant_to_woo(variant(moneyprice="80.00", moneypriceorg="100.00", vatid=None), MAIN, DOWN, net)
    assert (down["regular_price"], down["sale_price"]) == ("125.00", "100.00")


def test_v6_purchase_price_untouched() -> None:
    cost = [{"key": "_wc_cog_cost", "value": "12.5"}]
    assert variation_to_pos(variation(meta_data=cost), PARENT, UP, CONTEXT)["moneypricein"] == "12.50"
    down = variant_to_woo(variant(moneypricein="12.50"), MAIN, DOWN, CONTEXT)
    assert down["meta_data"] == [{"key": "_wc_cog_cost", "value": "12.50"}]


def test_v7_v8_barcode_and_stock_flag() -> None:
    up = variation_to_pos(variation(global_unique_id="7351", manage_stock="parent"), PARENT, UP, CONTEXT)
    assert (up["barcode"], up["stockcountenable"]) == ("7351", True)
    down = variant_to_woo(variant(barcode="7351", stockcountenable=False), MAIN, DOWN, CONTEXT)
    assert (down["global_unique_id"], down["manage_stock"]) == ("7351", False)


def test_v9_description_is_the_variants_own_both_ways() -> None:
    main = MAIN.model_copy(update={"description": "<p>Mjuk</p>"})
    parent = PARENT.model_copy(update={"description": "<p>Mjuk</p>"})
    own = variant(description="Röd &amp; mjuk")
    assert variant_to_woo(own, main, DOWN, CONTEXT)["description"] == "Röd & mjuk"
    assert variant_to_woo(variant(description="<p>Mjuk</p>"), main, DOWN, CONTEXT)["description"] == ""
    assert variation_to_pos(variation(description="Röd"), parent, UP, CONTEXT)["description"] == "Röd"
    assert variation_to_pos(variation(), parent, UP, CONTEXT)["description"] == "<p>Mjuk</p>"


def test_v10_title_goes_to_sitoo_on_create_only() -> None:
    assert variation_to_pos(variation(), PARENT, UP, CONTEXT)["title"] == "T-shirt - Red, M"
    assert POS_CREATE_ONLY == ("title",)
    assert "title" not in pos_variant_payload(variant(title="T-shirt Red M"), CONTEXT)


def _compared(body: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in body.items() if name not in POS_CREATE_ONLY}


def test_written_variations_read_back_unchanged_both_ways() -> None:
    main = MAIN.model_copy(update={"description": "Mjuk"})
    body = variant_to_woo(
        variant(moneyprice="9.00", moneypriceorg="10.00", barcode="73", description="Mjuk"),
        main,
        DOWN,
        CONTEXT,
    )
    written = variation(**{k: v for k, v in body.items() if k != "parent_id"})
    assert changed_fields(woo_variation_payload(written, PARENT, CONTEXT), body) == {}
    parent = PARENT.model_copy(update={"description": "Mjuk"})
    body = variation_to_pos(variation(regular_price="10", global_unique_id="73"), parent, UP, CONTEXT)
    values = [{"name": n, "value": v} for n, v in body["attributes"].items()]
    sitoo = variant(**{**body, "variant": values})
    assert changed_fields(pos_variant_payload(sitoo, CONTEXT), _compared(body)) == {}
    assert variant_to_woo(sitoo, main, DOWN, CONTEXT)["description"] == ""  # the main's text, not copied


def test_i1_a_variants_first_own_image_is_the_variations_and_reads_back_as_written() -> None:
    files = [SitooFile("red.png", "1-10", "https://files/red.png"), SitooFile("b.png", "1-20", "u")]
    sent = variant_to_woo(variant(), MAIN, DOWN, CONTEXT, files=files)
    assert sent["image"]["src"] == "https://files/red.png"
    shown = variant_to_woo(variant(), MAIN, DOWN, CONTEXT, files=files, media=lambda f: Held(7, shown=True))
    assert shown["image"] == {"id": 7}
    assert "image" not in variant_to_woo(variant(), MAIN, DOWN, CONTEXT)  # no own image: left as it is
    written = variation(image={"id": 7, "src": "https://shop/red.png"})
    assert woo_variation_payload(written, PARENT, CONTEXT)["image"] == shown["image"]
    switched_off = Context(vat=CONTEXT.vat, variant_images=False)
    assert "image" not in woo_variation_payload(written, PARENT, switched_off)


def test_update_body_drops_routing_keys() -> None:
    body = variant_update_body(variation_to_pos(variation(regular_price="10"), PARENT, UP, CONTEXT), "2")
    assert body["productid"] == 2
    assert "attributes" not in body
    assert "variantparentid" not in body


def test_family_write_keeps_existing_variants_and_adds_new_ones_by_group_position() -> None:
    existing = ProductVariants(
        groups=[ProductVariantGroup(name="Color", options=["Blue"])],
        variants=[ProductVariant(productid=3, sku="T-B", attributes=["Blue"], title="kept")],
    )
    new = variation_to_pos(variation(regular_price="10"), PARENT, UP, CONTEXT)
    family = variant_family(existing, [new])
    assert [(g.name, g.options) for g in family.groups] == [("Color", ["Blue", "Red"]), ("Size", ["M"])]
    assert [(v.productid, v.sku, v.attributes) for v in family.variants] == [
        (3, "T-B", ["Blue", ""]),
        (0, "T-R", ["Red", "M"]),
    ]
    assert family.variants[0].title == "kept"
    assert str(family.variants[1].moneyprice) == "10.00"


def test_family_write_adds_a_variant_already_there_only_once() -> None:
    existing = ProductVariants(
        groups=[
            ProductVariantGroup(name="Color", options=["Red"]),
            ProductVariantGroup(name="Size", options=["M"]),
        ],
        variants=[ProductVariant(productid=2, sku="T-R", attributes=["Red", "M"])],
    )
    family = variant_family(existing, [variation_to_pos(variation(), PARENT, UP, CONTEXT)])
    assert [v.sku for v in family.variants] == ["T-R"]
