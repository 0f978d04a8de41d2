"""The envelope and paging rules shared by every list: ``start``, ``num``, the cap, bad values."""

from __future__ import annotations

import httpx

from possync_sandbox.sitoo import SitooEmulator


def _categories(api: httpx.Client, count: int) -> None:
    for n in range(count):
        api.post("/categories.json", json={"title": f"C{n}"})


def test_totalcount_is_the_whole_match_and_items_one_page(api: httpx.Client) -> None:
    _categories(api, 12)
    page = api.get("/categories.json", params={"start": 10}).json()
    assert page["totalcount"] == 12
    assert [c["title"] for c in page["items"]] == ["C10", "C11"]


def test_start_past_the_end_gives_an_empty_page(api: httpx.Client) -> None:
    _categories(api, 2)
    assert api.get("/categories.json", params={"start": 5}).json() == {"totalcount": 2, "items": []}


def test_num_cap_clamps_the_page(fresh: SitooEmulator, api: httpx.Client) -> None:
    _categories(api, 12)
    fresh.update_settings({"num_cap": 5})
    assert len(api.get("/categories.json", params={"num": 100}).json()["items"]) == 5


def test_bad_paging_values_are_400(api: httpx.Client) -> None:
    assert api.get("/categories.json", params={"num": "many"}).status_code == 400
    assert api.get("/categories.json", params={"start": -1}).status_code == 400


def test_unknown_field_names_can_be_refused_by_switch(fresh: SitooEmulator, api: httpx.Client) -> None:
    _categories(api, 1)
    assert api.get("/categories.json", params={"fields": "title,bogus"}).status_code == 200
    fresh.update_settings({"unknown_fields": "reject"})
    assert api.get("/categories.json", params={"fields": "title,bogus"}).status_code == 400
    assert api.get("/categories.json", params={"fields": "title"}).status_code == 200
