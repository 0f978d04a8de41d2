"""SKU rules: Sitoo's character set, required, unique per site (variants included)."""

from __future__ import annotations

import httpx
import pytest

from possync_sandbox.sitoo import SitooEmulator


@pytest.mark.parametrize("sku", ["ABC-123", "a_b+c/d", "0", "X-1/2+3_4"])
def test_allowed_characters_are_accepted(api: httpx.Client, sku: str) -> None:
    assert api.post("/products.json", json={"sku": sku}).status_code == 200


@pytest.mark.parametrize("sku", ["MD 10054", "KL#10055*Ö", "a.b", "a,b", "ÅÄÖ", "semi;colon"])
def test_other_characters_are_refused(api: httpx.Client, sku: str) -> None:
    response = api.post("/products.json", json={"sku": sku})
    assert response.status_code == 400
    assert response.json()["errortext"].startswith("Invalid sku")


def test_sku_is_required(api: httpx.Client) -> None:
    for body in ({"title": "no sku"}, {"sku": ""}):
        response = api.post("/products.json", json=body)
        assert response.status_code == 400
        assert response.json()["errortext"] == "Missing required field sku"


def test_sku_is_unique_within_the_site(api: httpx.Client) -> None:
    api.post("/products.json", json={"sku": "DUP"})
    refused = api.post("/products.json", json={"sku": "DUP"})
    assert refused.status_code == 400
    assert refused.json() == {"statuscode": 400, "errortext": "Sku 'DUP' already exists"}
    other = api.post("/products.json", json={"sku": "OTHER"}).json()
    assert api.put(f"/products/{other}.json", json={"sku": "DUP"}).status_code == 400
    assert api.put(f"/products/{other}.json", json={"sku": "OTHER"}).status_code == 200


def test_duplicate_status_and_length_limit_are_switches(fresh: SitooEmulator, api: httpx.Client) -> None:
    fresh.update_settings({"duplicate_sku_status": 409, "sku_max_length": 10})
    api.post("/products.json", json={"sku": "DUP"})
    assert api.post("/products.json", json={"sku": "DUP"}).status_code == 409
    assert api.post("/products.json", json={"sku": "ELEVEN-CHAR"}).status_code == 400


def test_variant_skus_share_the_site_namespace(api: httpx.Client) -> None:
    api.post("/products.json", json=[{"sku": "MAIN"}, {"sku": "TAKEN"}])
    body = {
        "groups": [{"name": "Size", "options": ["S"]}],
        "variants": [{"productid": 0, "sku": "TAKEN", "title": "S", "attributes": ["S"]}],
    }
    response = api.put("/products/1/productvariants.json", json=body)
    assert response.status_code == 400
    assert "already exists" in response.json()["errortext"]
