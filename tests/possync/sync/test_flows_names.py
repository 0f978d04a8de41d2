"""SKU and file-name rows P1, I4 and I5 of docs/mapping.md: the seed's Fix SKU and Fix Images rules."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from possync.sync.flows import file_name_of, fix_file_name, fix_sku, plain_text, sku_problem
from possync.sync.flows.names import barcode_to_woo

SKU_RULE = re.compile(r"^[0-9a-zA-Z._\-+/]+$")
FILE_RULE = re.compile(r"^[a-zA-Z0-9_\-.]+$")


def test_i5_fix_sku_keeps_allowed_characters_and_folds_the_rest() -> None:
    assert fix_sku("NF1 / Black x Orange / 45", 7, "WOO-") == "NF1-/-Black-x-Orange-/-45"
    assert fix_sku("Tröja#röd", 7, "WOO-") == "Trojarod"
    assert fix_sku("a.b_c-d+e/f", 7, "WOO-") == "a.b_c-d+e/f"


def test_i5_an_empty_sku_becomes_prefix_plus_id() -> None:
    assert fix_sku("", 1234, "WOO-") == "WOO-1234"
    assert fix_sku("###", 56, "P") == "P56"


def test_p1_sku_problems_are_named_for_the_merchant() -> None:
    assert sku_problem("ABC-1") is None
    assert "has no SKU" in str(sku_problem(""))
    assert "fix-sku" in str(sku_problem("ABC 1"))


def test_i4_file_names_keep_their_extension_and_lose_refused_characters() -> None:
    assert fix_file_name("Röd tröja (1).JPG") == "Rod-troja-1.JPG"
    assert fix_file_name("bild.") == "bild"
    assert fix_file_name("åäö.png") == "aao.png"
    assert fix_file_name("???.png") == "image.png"
    assert fix_file_name("") == "image"


def test_i4_file_name_of_an_url_drops_the_query_string() -> None:
    assert file_name_of("https://shop.example/wp/2026/11/Blå skor.webp?ver=2") == "Bla-skor.webp"
    assert file_name_of("https://shop.example/") == "shop.example"


def test_text_as_typed_and_barcodes_the_shop_can_hold() -> None:
    assert plain_text("  Svart &amp; vit ") == "Svart & vit"
    assert plain_text(None) == ""
    assert barcode_to_woo("7350000-123") == "7350000-123"
    assert barcode_to_woo("ABC123") == ""


@given(st.text(max_size=40), st.integers(min_value=1, max_value=10**9), st.text(alphabet="ABC-_", max_size=5))
def test_fixed_skus_follow_the_rule_and_fixing_again_changes_nothing(
    sku: str, record_id: int, prefix: str
) -> None:
    fixed = fix_sku(sku, record_id, prefix)
    assert SKU_RULE.match(fixed)
    assert fix_sku(fixed, record_id, prefix) == fixed
    assert sku_problem(fixed) is None


@given(st.from_regex(SKU_RULE, fullmatch=True))
def test_a_valid_sku_is_left_as_it_is(sku: str) -> None:
    assert fix_sku(sku, 1, "X") == sku


@given(st.text(max_size=40))
def test_fixed_file_names_follow_the_rule_and_fixing_again_changes_nothing(name: str) -> None:
    fixed = fix_file_name(name)
    assert FILE_RULE.match(fixed)
    assert fix_file_name(fixed) == fixed
