"""Manufacturer rows M1–M2 of docs/mapping.md: Sitoo manufacturers as "Manufacturer" attribute terms."""

from __future__ import annotations

import pytest

from possync.errors import MappingError
from possync.sitoo.models import Manufacturer
from possync.sitoo.models import Product as PosProduct
from possync.sync.flows import (
    Context,
    DictLookup,
    manufacturer_id,
    manufacturer_key,
    manufacturer_name,
    manufacturer_to_pos,
    manufacturer_to_woo,
    pos_manufacturer_payload,
    product_manufacturer,
    woo_manufacturer_payload,
)
from possync.woo.models import AttributeTerm, Product


def shop_product(*attributes: dict[str, object]) -> Product:
    return Product.model_validate({"id": 1, "sku": "A", "attributes": list(attributes)})


def test_m1_manufacturer_and_term_carry_the_same_name_both_ways() -> None:
    assert manufacturer_to_woo(Manufacturer(externalcompanyid=3, name=" Acme  AB ")) == {"name": "Acme AB"}
    assert manufacturer_to_pos(AttributeTerm(id=4, name="Acme &amp; Co")) == {"name": "Acme & Co"}
    assert woo_manufacturer_payload(AttributeTerm(id=4, name="Acme AB")) == pos_manufacturer_payload(
        Manufacturer(name="Acme  AB")
    )


def test_m1_matched_by_name_with_blanks_tidied() -> None:
    assert manufacturer_key("  Acme   AB ") == manufacturer_key("Acme AB") == "Acme AB"
    assert manufacturer_key("Acme") != manufacturer_key("Acme AB")


def test_m2_a_shop_product_names_its_manufacturer_by_the_attribute_name_or_slug() -> None:
    by_name = shop_product({"id": 2, "name": "manufacturer", "options": ["Acme"]})
    by_slug = shop_product({"id": 2, "name": "Tillverkare", "slug": "pa_manufacturer", "options": ["Acme"]})
    other = shop_product({"id": 3, "name": "Color", "options": ["Red"]})
    assert product_manufacturer(by_name) == product_manufacturer(by_slug) == "Acme"
    assert product_manufacturer(other) == ""
    assert product_manufacturer(by_slug, Context(manufacturer_attribute="Tillverkare")) == "Acme"


def test_m2_up_the_name_gives_the_sitoo_manufacturerid() -> None:
    lookup = DictLookup(keys={"manufacturer": {"Acme": "31"}})
    assert manufacturer_id(shop_product({"name": "Manufacturer", "options": ["Acme"]}), lookup) == 31
    assert manufacturer_id(shop_product(), lookup) is None
    with pytest.raises(MappingError):
        manufacturer_id(shop_product({"name": "Manufacturer", "options": ["Nobody"]}), lookup)


def test_m2_down_the_manufacturerid_gives_the_name_once_fetched() -> None:
    lookup = DictLookup(names={"manufacturer": {"31": "Acme"}})
    assert manufacturer_name(PosProduct(sku="A", manufacturerid=31), lookup) == "Acme"
    assert manufacturer_name(PosProduct(sku="A"), lookup) == ""
    with pytest.raises(MappingError, match="not fetched yet"):
        manufacturer_name(PosProduct(sku="A", manufacturerid=99), lookup)
