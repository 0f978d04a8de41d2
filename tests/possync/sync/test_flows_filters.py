"""Option rows O1–O2 and type row P5 of docs/mapping.md: which products a sync takes, and why not.

``not_fetched`` and ``excluded_from_pos`` are what the catalogue flows skip records with.
"""

from __future__ import annotations

import pytest

from possync.settings import FetchProducts
from possync.sync.flows import excluded_from_pos, not_fetched, pos_problem
from possync.woo.models import Product

BOTH, WEB, POS, NONE = (True, True), (True, False), (False, True), (False, False)
EXPECTED = {
    FetchProducts.ALL: {BOTH, WEB, POS, NONE},
    FetchProducts.ACTIVE: {BOTH, WEB, POS},
    FetchProducts.ACTIVE_POS: {BOTH, POS},
    FetchProducts.ACTIVE_WEBSHOP: {BOTH, WEB},
    FetchProducts.INACTIVE: {NONE},
    FetchProducts.INACTIVE_POS: {WEB, NONE},
    FetchProducts.INACTIVE_WEBSHOP: {POS, NONE},
}


@pytest.mark.parametrize("choice", list(FetchProducts))
def test_o1_the_seven_fetch_products_choices(choice: FetchProducts) -> None:
    taken = {flags for flags in (BOTH, WEB, POS, NONE) if not_fetched(*flags, choice) is None}
    assert taken == EXPECTED[choice]


def test_o1_a_product_left_out_says_which_choice_left_it_out() -> None:
    assert not_fetched(False, True, FetchProducts.ACTIVE_WEBSHOP) == (
        'is not fetched: "Fetch products from Sitoo" is "Active webshop products"'
    )


def test_o1_missing_flags_count_as_inactive() -> None:
    assert not_fetched(None, None, FetchProducts.INACTIVE) is None
    assert not_fetched(None, None, "active") is not None


def test_o2_external_products_excluded_only_when_the_option_is_on() -> None:
    assert "Exclude external products" in str(excluded_from_pos("external", True))
    assert excluded_from_pos("external", False) is None
    assert excluded_from_pos("simple", True) is None
    assert excluded_from_pos(None, True) is None


def test_p5_product_types_sitoo_cannot_take_are_named() -> None:
    assert "grouped" in str(pos_problem(Product.model_validate({"id": 1, "sku": "G", "type": "grouped"})))
    assert "'bundle'" in str(pos_problem(Product.model_validate({"id": 1, "sku": "B", "type": "bundle"})))
    assert pos_problem(Product.model_validate({"id": 1, "sku": "V", "type": "variable"})) is None
