"""Custom attributes: definitions (409 when taken, fixed fields), and product values checked."""

from __future__ import annotations

import httpx

from possync_sandbox.sitoo import SitooEmulator

MATERIAL = {"id": "material", "title": "Material", "type": "string", "enums": ["Cotton", "Polyester"]}


def test_create_answers_the_object_and_a_taken_id_is_409(api: httpx.Client) -> None:
    created = api.post("/customattributes.json", json=MATERIAL)
    assert created.json() == {**MATERIAL, "searchable": False}
    again = api.post("/customattributes.json", json=MATERIAL)
    assert again.status_code == 409
    assert again.json()["statuscode"] == 409


def test_list_is_ordered_by_id(api: httpx.Client) -> None:
    for attribute_id in ("weight", "care", "material"):
        api.post("/customattributes.json", json={"id": attribute_id, "title": attribute_id, "type": "string"})
    listed = api.get("/customattributes.json").json()
    assert [a["id"] for a in listed["items"]] == ["care", "material", "weight"]


def test_update_changes_enums_but_not_id_type_or_searchable(api: httpx.Client) -> None:
    api.post("/customattributes.json", json=MATERIAL)
    updated = api.put("/customattributes/material.json", json={"enums": ["Cotton", "Polyester", "Velvet"]})
    assert updated.json()["enums"] == ["Cotton", "Polyester", "Velvet"]
    assert api.put("/customattributes/material.json", json={"type": "integer"}).status_code == 400


def test_only_string_attributes_can_be_searchable(api: httpx.Client) -> None:
    body = {"id": "size", "title": "Size", "type": "integer", "searchable": True}
    assert api.post("/customattributes.json", json=body).status_code == 400


def test_product_values_must_fit_their_attribute(api: httpx.Client) -> None:
    api.post("/customattributes.json", json=MATERIAL)
    api.post("/customattributes.json", json={"id": "layers", "title": "Layers", "type": "integer"})
    good = {"sku": "CA-1", "customattributes": {"material": "Cotton", "layers": 2}}
    assert api.post("/products.json", json=good).status_code == 200
    for values in ({"material": "Silk"}, {"layers": "many"}):
        assert api.post("/products.json", json={"sku": "CA-2", "customattributes": values}).status_code == 400


def test_unknown_attributes_are_accepted_or_refused_by_switch(
    fresh: SitooEmulator, api: httpx.Client
) -> None:
    body = {"sku": "CA-3", "customattributes": {"colour": "red"}}
    assert api.post("/products.json", json=body).status_code == 200
    fresh.update_settings({"custom_attributes_unknown": "reject"})
    assert api.post("/products.json", json={**body, "sku": "CA-4"}).status_code == 400


def test_attribute_with_product_values_cannot_be_deleted(api: httpx.Client) -> None:
    api.post("/customattributes.json", json=MATERIAL)
    productid = api.post(
        "/products.json", json={"sku": "CA-5", "customattributes": {"material": "Cotton"}}
    ).json()
    assert api.delete("/customattributes/material.json").status_code == 400
    api.put(f"/products/{productid}.json", json={"customattributes": {}})
    assert api.delete("/customattributes/material.json").json() is True
    assert api.get("/customattributes/material.json").status_code == 404
