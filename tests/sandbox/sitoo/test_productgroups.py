"""Product groups (VAT): the default group 2, create answers the bare vatid, delete rules."""

from __future__ import annotations

import httpx

from possync_sandbox.sitoo import SitooEmulator


def test_every_site_starts_with_the_default_group(api: httpx.Client) -> None:
    groups = api.get("/productgroups.json").json()
    assert groups["totalcount"] == 1
    assert groups["items"][0] == {
        "vatid": 2,
        "value": 25,
        "productgrouptype": 10,
        "productgroupname": "Common Goods",
        "comment": "Default",
    }


def test_create_answers_the_bare_vatid_and_reads_back(api: httpx.Client) -> None:
    created = api.post("/productgroups.json", json={"productgroupname": "Books", "value": "6"})
    assert created.json() == 3
    assert api.get("/productgroups/3.json").json()["value"] == 6
    assert api.put("/productgroups/3.json", json={"value": 12.5}).json() is True
    assert api.get("/productgroups/3.json").json()["value"] == 12.5


def test_name_is_required(api: httpx.Client) -> None:
    response = api.post("/productgroups.json", json={"value": 6})
    assert response.status_code == 400
    assert response.json() == {"statuscode": 400, "errortext": "Missing required field productgroupname"}


def test_default_group_cannot_be_deleted(api: httpx.Client) -> None:
    response = api.delete("/productgroups/2.json")
    assert response.status_code == 400
    assert api.get("/productgroups/2.json").status_code == 200


def test_group_in_use_is_refused_or_moves_its_products(fresh: SitooEmulator, api: httpx.Client) -> None:
    vatid = api.post("/productgroups.json", json={"productgroupname": "Food", "value": 12}).json()
    productid = api.post("/products.json", json={"sku": "F-1", "vatid": vatid}).json()
    assert api.delete(f"/productgroups/{vatid}.json").status_code == 400
    fresh.update_settings({"productgroup_delete_in_use": "move_to_default"})
    assert api.delete(f"/productgroups/{vatid}.json").json() is True
    assert api.get(f"/products/{productid}.json").json()["vatid"] == 2


def test_unknown_group_is_404(api: httpx.Client) -> None:
    response = api.get("/productgroups/99.json")
    assert response.status_code == 404
    assert response.json()["statuscode"] == 404
