"""The OpenAPI check itself: it resolves the split files, applies the corrections, and bites."""

from __future__ import annotations

import httpx

from .conftest import Conformance
from .openapi_check import CORRECTIONS, SpecValidator, bundled_spec


def test_every_path_file_is_resolved_without_external_refs() -> None:
    spec = bundled_spec()
    assert "/sites/{siteid}/products.json" in spec["paths"]
    assert "'$ref': '" not in str(spec["paths"]).replace("'$ref': '#", "")


def test_corrections_each_name_a_reason_and_take_effect() -> None:
    assert all(correction.reason for correction in CORRECTIONS)
    product = bundled_spec()["paths"]["/sites/{siteid}/products/{productid}.json"]["get"]
    schema = product["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["properties"]["active"] == {"type": "boolean"}
    assert schema["properties"]["categories"]["items"] == {"type": "integer"}
    assert schema["properties"]["barcode"]["nullable"] is True


def test_violations_are_reported(spec_validator: SpecValidator) -> None:
    path = "/v2/accounts/90001/sites/1/products.json"
    bad = {"totalcount": "1", "items": [{"sku": 5}]}
    errors = spec_validator.errors("GET", path, 200, bad)
    assert len(errors) == 2
    assert spec_validator.errors("GET", path, 200, {"totalcount": 0, "items": []}) == []


def test_error_bodies_are_checked_against_the_documented_error(spec_validator: SpecValidator) -> None:
    path = "/v2/accounts/90001/sites/1/products/1.json"
    assert spec_validator.errors("GET", path, 404, {"statuscode": 404, "errortext": "x"}) == []
    assert spec_validator.errors("GET", path, 404, {"error": "x"}) != []


def test_fields_requests_drop_required_lists(spec_validator: SpecValidator) -> None:
    path = "/v2/accounts/90001/sites/1/products.json"
    narrowed = {"totalcount": 1, "items": [{"productid": 1}]}
    assert spec_validator.errors("GET", path, 200, narrowed) != []
    assert spec_validator.errors("GET", path, 200, narrowed, narrowed=True) == []


def test_conformance_fixture_checks_real_answers(api: httpx.Client, conformance: Conformance) -> None:
    api.get("/products.json")
    assert conformance.checked == 1
