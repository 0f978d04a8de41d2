"""Manufacturers: batch create/update/delete with per-item envelopes, single CRUD, product links."""

from __future__ import annotations

import httpx


def test_batch_create_answers_envelope_in_request_order(api: httpx.Client) -> None:
    answer = api.post(
        "/manufacturers.json", json=[{"name": "Sitoo"}, {"url1": "no name"}, {"name": "Example"}]
    )
    assert answer.status_code == 200
    assert answer.json() == [
        {"statuscode": 200, "return": 1},
        {"statuscode": 400, "errortext": "Missing required field name"},
        {"statuscode": 200, "return": 2},
    ]


def test_single_object_to_the_batch_endpoint_answers_the_bare_id(api: httpx.Client) -> None:
    assert api.post("/manufacturers.json", json={"name": "Cornerstone", "countryid": "us"}).json() == 1
    record = api.get("/manufacturers/1.json").json()
    assert record["externalcompanyid"] == 1
    assert record["countryid"] == "us"
    assert record["description"] == ""


def test_batch_update_and_delete_key_on_externalcompanyid(api: httpx.Client) -> None:
    api.post("/manufacturers.json", json=[{"name": "A"}, {"name": "B"}])
    updated = api.put(
        "/manufacturers.json", json=[{"externalcompanyid": 1, "name": "A2"}, {"name": "no key"}]
    )
    assert updated.json() == [
        {"statuscode": 200, "return": True},
        {"statuscode": 400, "errortext": "Missing required field externalcompanyid"},
    ]
    deleted = api.request(
        "DELETE", "/manufacturers.json", json=[{"externalcompanyid": 2}, {"externalcompanyid": 9}]
    )
    assert [item["statuscode"] for item in deleted.json()] == [200, 404]
    listed = api.get("/manufacturers.json").json()
    assert [(m["externalcompanyid"], m["name"]) for m in listed["items"]] == [(1, "A2")]


def test_deleting_a_manufacturer_clears_it_from_products(api: httpx.Client) -> None:
    api.post("/manufacturers.json", json={"name": "Brand"})
    productid = api.post("/products.json", json={"sku": "B-1", "manufacturerid": 1}).json()
    assert api.delete("/manufacturers/1.json").json() is True
    assert api.get(f"/products/{productid}.json").json()["manufacturerid"] is None


def test_unknown_manufacturer_on_a_product_is_refused(api: httpx.Client) -> None:
    response = api.post("/products.json", json={"sku": "B-2", "manufacturerid": 5})
    assert response.status_code == 400
    assert "Manufacturer 5" in response.json()["errortext"]
