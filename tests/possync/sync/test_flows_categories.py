"""Category mapping rows C1–C6 of docs/mapping.md: names, tree, descriptions, order, path keys."""

from __future__ import annotations

import pytest

from possync.errors import MappingError
from possync.sitoo.models import Category as PosCategory
from possync.sync.flows import (
    DictLookup,
    category_to_pos,
    category_to_woo,
    changed_fields,
    is_default_category,
    pos_category_paths,
    pos_category_payload,
    woo_category_paths,
    woo_category_payload,
)
from possync.woo.models import Category as WooCategory

BOUND = DictLookup(ids={"category": {"10": "110", "7": "70"}})


def pos(categoryid: int, title: str, parent: int | None = None, **fields: object) -> PosCategory:
    return PosCategory(categoryid=categoryid, title=title, categoryparentid=parent, **fields)


def woo(cid: int, name: str, parent: int = 0, **fields: object) -> WooCategory:
    return WooCategory.model_validate({"id": cid, "name": name, "parent": parent, **fields})


def test_c1_name_and_title_as_typed_both_ways() -> None:
    assert category_to_woo(pos(1, " Skor &amp; väskor "), BOUND)["name"] == "Skor & väskor"
    assert category_to_pos(woo(1, "Skor &amp; väskor"), BOUND)["title"] == "Skor & väskor"


def test_c2_parent_resolved_through_the_lookup_both_ways() -> None:
    assert category_to_woo(pos(2, "Dam", parent=10), BOUND)["parent"] == 110
    assert category_to_pos(woo(2, "Dam", parent=7), BOUND)["categoryparentid"] == 70


def test_c2_top_level_is_zero_in_the_shop_and_null_in_sitoo() -> None:
    assert category_to_woo(pos(3, "Top"), BOUND)["parent"] == 0
    assert category_to_pos(woo(3, "Top"), BOUND)["categoryparentid"] is None


def test_c2_unbound_parent_makes_the_child_wait() -> None:
    with pytest.raises(MappingError):
        category_to_woo(pos(4, "Barn", parent=99), BOUND)
    with pytest.raises(MappingError):
        category_to_pos(woo(4, "Barn", parent=99), BOUND)


def test_c3_description_and_seo_description() -> None:
    assert (
        category_to_woo(pos(1, "A", seo_description=" Fina &amp; sköna "), BOUND)["description"]
        == "Fina & sköna"
    )
    assert category_to_pos(woo(1, "A", description="Mjuka"), BOUND)["seo_description"] == "Mjuka"


def test_c4_menu_order_and_sortorder() -> None:
    assert category_to_woo(pos(1, "A", sortorder=3), BOUND)["menu_order"] == 3
    assert category_to_pos(woo(1, "A", menu_order=4), BOUND)["sortorder"] == 4


def test_c5_paths_of_names_are_the_same_key_on_both_sides() -> None:
    pos_tree = [pos(1, "Kläder"), pos(2, "Dam", 1), pos(3, "Klänningar", 2), pos(4, "A/B", 1)]
    woo_tree = [woo(11, "Kläder"), woo(12, "Dam", 11), woo(13, "Klänningar", 12), woo(14, "A/B", 11)]
    pos_paths, woo_paths = pos_category_paths(pos_tree), woo_category_paths(woo_tree)
    assert pos_paths[3] == "Kläder / Dam / Klänningar"
    assert [pos_paths[n] for n in (1, 2, 3, 4)] == [woo_paths[n] for n in (11, 12, 13, 14)]
    assert pos_paths[4] != woo_category_paths([woo(1, "A"), woo(2, "B", 1)])[2]


def test_c5_a_cycle_or_missing_parent_ends_the_path() -> None:
    paths = woo_category_paths([woo(1, "A", 2), woo(2, "B", 1), woo(3, "C", 404)])
    assert paths[1] == "B / A"
    assert paths[2] == "A / B"
    assert paths[3] == "C"


def test_c6_the_default_category_is_recognised() -> None:
    assert is_default_category(woo(15, "Uncategorized", slug="uncategorized"))
    assert not is_default_category(woo(16, "Skor", slug="skor"))


def test_written_category_reads_back_unchanged_both_ways() -> None:
    body = category_to_woo(pos(2, "Dam", parent=10, seo_description="d", sortorder=2), BOUND)
    assert changed_fields(woo_category_payload(WooCategory.model_validate({"id": 5, **body})), body) == {}
    body = category_to_pos(woo(2, "Dam", parent=7, description="d", menu_order=1), BOUND)
    assert changed_fields(pos_category_payload(PosCategory(categoryid=5, **body)), body) == {}
