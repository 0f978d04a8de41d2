"""Writing rules: bare ids, ``true``, per-item envelopes with failures, bodies Sitoo refuses."""

from __future__ import annotations

import httpx

from possync_sandbox.sitoo import SitooEmulator

from .conftest import AUTH, SITE_ROOT


def test_array_body_answers_one_element_per_item_in_order(api: httpx.Client) -> None:
    answer = api.post("/products.json", json=[{"sku": "Q100"}, "not an object", {"sku": "Q101"}])
    assert answer.status_code == 200
    assert answer.json() == [
        {"statuscode": 200, "return": 1},
        {"statuscode": 400, "errortext": "Each element must be a JSON object"},
        {"statuscode": 200, "return": 2},
    ]


def test_one_element_array_gets_an_envelope_unless_switched(fresh: SitooEmulator, api: httpx.Client) -> None:
    assert api.post("/products.json", json=[{"sku": "ONE"}]).json() == [{"statuscode": 200, "return": 1}]
    fresh.update_settings({"envelope_for_single_item_array": False})
    assert api.post("/products.json", json=[{"sku": "TWO"}]).json() == 2


def test_invalid_json_is_400(api: httpx.Client) -> None:
    response = api.post("/products.json", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["errortext"] == "Invalid JSON in request body"


def test_missing_body_is_400(api: httpx.Client) -> None:
    assert api.post("/categories.json").status_code == 400


def test_single_object_endpoint_refuses_an_array(api: httpx.Client) -> None:
    response = api.post("/categories.json", json=[{"title": "A"}])
    assert response.status_code == 400
    assert response.json()["errortext"] == "Request body must be a JSON object"


def test_read_only_and_unknown_fields_are_ignored(api: httpx.Client) -> None:
    productid = api.post(
        "/products.json", json={"sku": "R-1", "productid": 500, "vatvalue": 99, "x": 1}
    ).json()
    product = api.get(f"/products/{productid}.json").json()
    assert productid == 1
    assert product["vatvalue"] == 25
    assert "x" not in product


def test_http_status_of_a_partly_failed_batch_is_a_switch(fresh: SitooEmulator, server_url: str) -> None:
    """Not checked against the OpenAPI description: a 400 carrying an envelope is off-spec on purpose."""
    fresh.update_settings({"batch_http_status_on_item_failure": 400})
    url = f"{server_url}{SITE_ROOT}/products.json"
    partly = httpx.post(url, json=[{"sku": "OK-1"}, {"sku": "bad sku"}], auth=AUTH)
    assert partly.status_code == 400
    assert [item["statuscode"] for item in partly.json()] == [200, 400]
    assert httpx.post(url, json=[{"sku": "OK-2"}], auth=AUTH).status_code == 200


def test_numeric_money_can_be_refused_by_switch(fresh: SitooEmulator, api: httpx.Client) -> None:
    fresh.update_settings({"accept_numeric_money": False})
    refused = api.post("/products.json", json={"sku": "M-1", "moneyprice": 99})
    assert refused.status_code == 400
    assert refused.json()["errortext"] == "Invalid value for field moneyprice"
    assert api.post("/products.json", json={"sku": "M-1", "moneyprice": "99"}).status_code == 200
