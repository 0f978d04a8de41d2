"""Whole-record round trips: a product mapped across and back is the record it started as.

This is what keeps a write possync made from bouncing back as a change (no ping-pong).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from possync.sitoo.models import Product as PosProduct
from possync.sitoo.models import ProductGroup
from possync.sync.flows import (
    Context,
    DictLookup,
    VatTable,
    changed_fields,
    pos_product_payload,
    product_to_pos,
    product_to_woo,
    woo_product_payload,
)
from possync.woo.models import Product

VAT = VatTable.from_groups([ProductGroup(vatid=2, value=25), ProductGroup(vatid=3, value=12)])
DOWN = DictLookup(ids={"category": {"5": "50", "6": "60"}}, names={"manufacturer": {"7": "Acme AB"}})
UP = DictLookup(ids={"category": {"50": "5", "60": "6"}}, keys={"manufacturer": {"Acme AB": "7"}})
AMOUNTS = st.none() | st.integers(min_value=0, max_value=10**7).map(lambda n: Decimal(n) / 100)
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)


def _shop(body: dict[str, Any]) -> Product:
    attributes = [{"id": 2, **a} for a in body["attributes"]]
    return Product.model_validate({"id": 9, **body, "attributes": attributes})


@given(
    price=AMOUNTS,
    original=AMOUNTS,
    cost=AMOUNTS,
    vatid=st.sampled_from([2, 3]),
    active=st.booleans(),
    stock=st.booleans(),
    categories=st.lists(st.sampled_from([5, 6]), unique=True),
    manufacturer=st.sampled_from([None, 7]),
    title=TEXT,
    barcode=st.sampled_from([None, "7350000123"]),
    net=st.booleans(),
)
def test_a_sitoo_product_comes_back_from_the_shop_unchanged(
    price: Decimal | None,
    original: Decimal | None,
    cost: Decimal | None,
    vatid: int,
    active: bool,
    stock: bool,
    categories: list[int],
    manufacturer: int | None,
    title: str,
    barcode: str | None,
    net: bool,
) -> None:
    context = Context(vat=VAT, prices_including_vat=not net, woo_prices_include_tax=True)
    source = PosProduct(
        productid=1,
        sku="A-1",
        title=title,
        moneyprice=price,
        moneypriceorg=original,
        moneypricein=cost,
        vatid=vatid,
        active=active,
        stockcountenable=stock,
        categories=categories,
        defaultcategoryid=min(categories) if categories else None,
        manufacturerid=manufacturer,
        barcode=barcode,
    )
    shop_body = product_to_woo(source, DOWN, context)
    assert changed_fields(woo_product_payload(_shop(shop_body), context), shop_body) == {}
    back = product_to_pos(_shop(shop_body), UP, context)
    expected = pos_product_payload(source, context)
    if not categories:
        expected["defaultcategoryid"] = None
    assert changed_fields(expected, back) == {}


@given(
    regular=AMOUNTS,
    sale=AMOUNTS,
    tax_class=st.sampled_from(["", "reduced-rate"]),
    status=st.sampled_from(["publish", "draft"]),
    categories=st.lists(st.sampled_from([50, 60]), unique=True),
    name=TEXT,
)
def test_a_shop_product_comes_back_from_sitoo_unchanged(
    regular: Decimal | None,
    sale: Decimal | None,
    tax_class: str,
    status: str,
    categories: list[int],
    name: str,
) -> None:
    context = Context(vat=VAT)
    source = Product.model_validate(
        {
            "id": 9,
            "sku": "A-1",
            "name": name,
            "status": status,
            "tax_class": tax_class,
            "regular_price": "" if regular is None else str(regular),
            "sale_price": "" if sale is None else str(sale),
            "categories": [{"id": c} for c in sorted(categories)],
            "attributes": [{"id": 2, "name": "Manufacturer", "options": ["Acme AB"]}],
        }
    )
    pos_body = product_to_pos(source, UP, context)
    written = PosProduct(productid=1, **pos_body)
    assert changed_fields(pos_product_payload(written, context), pos_body) == {}
    back = product_to_woo(written, DOWN, context)
    assert changed_fields(woo_product_payload(source, context), back) == {}
