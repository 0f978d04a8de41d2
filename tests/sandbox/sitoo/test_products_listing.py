"""Reading products: Sitoo's default field set, ``fields=``, and the filters a sync uses."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from possync_sandbox.sitoo import SitooEmulator
from possync_sandbox.sitoo.store import Clock

from .conftest import NOW

DEFAULT_FIELDS = {
    "productid",
    "sku",
    "datemodified",
    "active",
    "activepos",
    "vatid",
    "manufacturerid",
    "stockcountenable",
    "stockallowbackorder",
    "barcode",
    "moneyprice",
    "moneyfinalprice",
}


def _add(api: httpx.Client, *bodies: Mapping[str, object]) -> list[int]:
    return [item["return"] for item in api.post("/products.json", json=list(bodies)).json()]


def test_list_shows_the_default_fields_without_title(api: httpx.Client) -> None:
    _add(api, {"sku": "A-1", "title": "Sofa"})
    item = api.get("/products.json").json()["items"][0]
    assert set(item) == DEFAULT_FIELDS
    assert "title" not in item


def test_fields_asks_for_title_and_more(api: httpx.Client) -> None:
    _add(api, {"sku": "A-1", "title": "Sofa"})
    item = api.get("/products.json", params={"fields": "productid,title,vatvalue,nosuchfield"}).json()[
        "items"
    ][0]
    assert item == {"productid": 1, "title": "Sofa", "vatvalue": 25}


def test_single_get_shows_every_field_unless_narrowed(api: httpx.Client) -> None:
    _add(api, {"sku": "A-1", "title": "Sofa"})
    assert "title" in api.get("/products/1.json").json()
    assert api.get("/products/1.json", params={"fields": "sku"}).json() == {"sku": "A-1"}


def test_inactive_products_are_hidden_unless_asked_for(api: httpx.Client) -> None:
    _add(
        api,
        {"sku": "ON", "active": True, "activepos": True},
        {"sku": "POS", "active": False, "activepos": True},
        {"sku": "WEB", "active": True, "activepos": False},
        {"sku": "OFF", "active": False, "activepos": False},
    )
    default = api.get("/products.json").json()
    assert [p["sku"] for p in default["items"]] == ["ON", "POS", "WEB"]
    assert default["totalcount"] == 3
    everything = api.get("/products.json", params={"includeinactive": "true"}).json()
    assert [p["sku"] for p in everything["items"]] == ["ON", "POS", "WEB", "OFF"]


def test_inactive_rule_is_a_switch(fresh: SitooEmulator, api: httpx.Client) -> None:
    _add(
        api,
        {"sku": "POS", "active": False, "activepos": True},
        {"sku": "WEB", "active": True, "activepos": False},
    )
    fresh.update_settings({"inactive_rule": "pos_off"})
    assert [p["sku"] for p in api.get("/products.json").json()["items"]] == ["POS"]


def test_datelastmodified_returns_products_changed_after(
    api: httpx.Client, clock: Clock, fresh: SitooEmulator
) -> None:
    _add(api, {"sku": "OLD"}, {"sku": "TOUCHED"})
    clock.advance(100)
    _add(api, {"sku": "NEW"})
    api.put("/products/2.json", json={"title": "changed"})
    changed = api.get("/products.json", params={"datelastmodified": NOW, "includeinactive": "true"}).json()
    assert [p["sku"] for p in changed["items"]] == ["TOUCHED", "NEW"]
    fresh.update_settings({"datelastmodified_inclusive": True})
    inclusive = api.get("/products.json", params={"datelastmodified": NOW}).json()
    assert inclusive["totalcount"] == 3


def test_sku_filter_takes_comma_lists_and_repeats(api: httpx.Client) -> None:
    _add(api, {"sku": "A"}, {"sku": "B"}, {"sku": "C"})
    by_comma = api.get("/products.json", params={"sku": "A,C"}).json()
    assert [p["sku"] for p in by_comma["items"]] == ["A", "C"]
    repeated = api.get("/products.json", params=[("sku", "B"), ("sku", "C")]).json()
    assert [p["sku"] for p in repeated["items"]] == ["B", "C"]


def test_productid_filter(api: httpx.Client) -> None:
    _add(api, {"sku": "A"}, {"sku": "B"}, {"sku": "C"})
    found = api.get("/products.json", params={"productid": "1,3"}).json()
    assert [p["productid"] for p in found["items"]] == [1, 3]
    assert api.get("/products.json", params={"productid": "x"}).status_code == 400


def test_paging_over_products(api: httpx.Client) -> None:
    _add(api, *({"sku": f"P-{n}"} for n in range(25)))
    first = api.get("/products.json").json()
    assert first["totalcount"] == 25
    assert len(first["items"]) == 10
    last = api.get("/products.json", params={"start": 20, "num": 10}).json()
    assert [p["sku"] for p in last["items"]] == [f"P-{n}" for n in range(20, 25)]


def test_pricelistid_reads_moneyprice_from_another_list(api: httpx.Client) -> None:
    _add(api, {"sku": "A", "moneyprice": "100.00"}, {"sku": "B", "moneyprice": "50.00"})
    pricelistid = api.post("/pricelists.json", json={"pricelistname": "Outlet"}).json()
    api.put(f"/pricelists/{pricelistid}/pricelistitems.json", json=[{"sku": "A", "moneyprice": "80.00"}])
    prices = api.get("/products.json", params={"pricelistid": pricelistid, "fields": "sku,moneyprice"}).json()
    assert prices["items"] == [{"sku": "A", "moneyprice": "80.00"}, {"sku": "B", "moneyprice": "50.00"}]
    assert api.get("/products/1.json", params={"pricelistid": 1}).json()["moneyprice"] == "100.00"
    assert api.get("/products.json", params={"pricelistid": 99}).status_code == 404
