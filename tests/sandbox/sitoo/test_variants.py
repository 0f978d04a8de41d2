"""Product variants: PUT replaces the family, productid 0 creates, attributes follow the groups."""

from __future__ import annotations

from typing import Any

import httpx

from possync_sandbox.sitoo import SitooEmulator

GROUPS = [{"name": "Color", "options": ["Red", "Blue"]}, {"name": "Pattern", "options": ["Striped", "Plaid"]}]


def _variant(productid: int, sku: str, *attributes: str, price: str = "59.00") -> dict[str, Any]:
    return {
        "productid": productid,
        "active": True,
        "activepos": True,
        "title": f"Blanket {' '.join(attributes)}",
        "sku": sku,
        "deliverystatus": "",
        "moneyprice": price,
        "moneypriceorg": price,
        "moneypricein": "8.00",
        "moneyofferprice": "0.00",
        "barcode": "",
        "friendly": sku.lower(),
        "attributes": list(attributes),
    }


def _family(api: httpx.Client) -> int:
    main = api.post("/products.json", json={"sku": "54051", "title": "Blanket", "vatid": 2}).json()
    body = {
        "groups": GROUPS,
        "variants": [
            _variant(0, "54051-1", "Red", "Striped"),
            _variant(0, "54051-2", "Red", "Plaid", price="69.00"),
        ],
    }
    assert api.put(f"/products/{main}/productvariants.json", json=body).json() is True
    return int(main)


def test_put_creates_variants_as_products_of_the_family(api: httpx.Client) -> None:
    main = _family(api)
    read = api.get(f"/products/{main}/productvariants.json").json()
    assert read["groups"] == GROUPS
    assert [(v["sku"], v["attributes"], v["moneyprice"]) for v in read["variants"]] == [
        ("54051-1", ["Red", "Striped"], "59.00"),
        ("54051-2", ["Red", "Plaid"], "69.00"),
    ]
    listed = api.get("/products.json", params={"fields": "productid,sku,variantparentid,variant"}).json()
    by_sku = {p["sku"]: p for p in listed["items"]}
    assert by_sku["54051"]["variantparentid"] == main
    assert by_sku["54051-1"]["variantparentid"] == main
    assert by_sku["54051-1"]["variant"] == [
        {"name": "Color", "value": "Red"},
        {"name": "Pattern", "value": "Striped"},
    ]


def test_put_replaces_the_whole_set(api: httpx.Client) -> None:
    main = _family(api)
    first = api.get(f"/products/{main}/productvariants.json").json()["variants"][0]["productid"]
    body = {
        "groups": [{"name": "Color", "options": ["Red", "Purple"]}],
        "variants": [_variant(first, "54051-1", "Red"), _variant(0, "54051-10", "Purple", price="189.00")],
    }
    assert api.put(f"/products/{main}/productvariants.json", json=body).json() is True
    read = api.get(f"/products/{main}/productvariants.json").json()
    assert [(v["productid"] == first, v["sku"], v["attributes"]) for v in read["variants"]] == [
        (True, "54051-1", ["Red"]),
        (False, "54051-10", ["Purple"]),
    ]
    skus = {p["sku"] for p in api.get("/products.json", params={"num": 100}).json()["items"]}
    assert "54051-2" not in skus


def test_attribute_must_be_an_option_of_its_group(api: httpx.Client) -> None:
    main = api.post("/products.json", json={"sku": "M"}).json()
    body = {"groups": GROUPS, "variants": [_variant(0, "M-1", "Green", "Plaid")]}
    response = api.put(f"/products/{main}/productvariants.json", json=body)
    assert response.status_code == 400
    assert api.get("/products.json").json()["totalcount"] == 1


def test_one_attribute_per_group(api: httpx.Client) -> None:
    main = api.post("/products.json", json={"sku": "M"}).json()
    body = {"groups": GROUPS, "variants": [_variant(0, "M-1", "Red")]}
    assert api.put(f"/products/{main}/productvariants.json", json=body).status_code == 400


def test_empty_variants_make_a_plain_product_again(api: httpx.Client) -> None:
    main = _family(api)
    assert (
        api.put(f"/products/{main}/productvariants.json", json={"groups": [], "variants": []}).json() is True
    )
    assert api.get(f"/products/{main}.json").json()["variantparentid"] is None
    assert api.get("/products.json").json()["totalcount"] == 1


def test_variant_of_another_family_cannot_be_listed(api: httpx.Client) -> None:
    _family(api)
    other = api.post("/products.json", json={"sku": "OTHER"}).json()
    body = {"groups": GROUPS, "variants": [_variant(2, "54051-1", "Red", "Plaid")]}
    assert api.put(f"/products/{other}/productvariants.json", json=body).status_code == 400


def test_variants_inherit_group_and_categories_from_the_main(api: httpx.Client) -> None:
    category = api.post("/categories.json", json={"title": "Textiles"}).json()
    main = api.post("/products.json", json={"sku": "T", "categories": [category]}).json()
    body = {"groups": [{"name": "Size", "options": ["S"]}], "variants": [_variant(0, "T-S", "S")]}
    api.put(f"/products/{main}/productvariants.json", json=body)
    variant = api.get("/products.json", params={"sku": "T-S", "fields": "categories,vatid"}).json()["items"][
        0
    ]
    assert variant == {"categories": [category], "vatid": 2}


def test_unlisted_main_product_is_a_switch(fresh: SitooEmulator, api: httpx.Client) -> None:
    fresh.update_settings({"variants_keep_unlisted_main": False})
    main = api.post("/products.json", json={"sku": "M"}).json()
    body = {"groups": [{"name": "Size", "options": ["S"]}], "variants": [_variant(0, "M-S", "S")]}
    assert api.put(f"/products/{main}/productvariants.json", json=body).status_code == 400
    body["variants"] = [_variant(main, "M", "S")]
    assert api.put(f"/products/{main}/productvariants.json", json=body).json() is True
    assert api.get(f"/products/{main}.json").json()["variant"] == [{"name": "Size", "value": "S"}]


def test_deleting_the_main_deletes_the_family_or_is_refused(fresh: SitooEmulator, api: httpx.Client) -> None:
    main = _family(api)
    fresh.update_settings({"product_delete_main": "refuse"})
    assert api.delete(f"/products/{main}.json").status_code == 400
    fresh.update_settings({"product_delete_main": "family"})
    assert api.delete(f"/products/{main}.json").json() is True
    assert api.get("/products.json", params={"includeinactive": "true"}).json()["totalcount"] == 0


def test_variants_of_a_variant_are_not_addressable(api: httpx.Client) -> None:
    _family(api)
    assert api.get("/products/2/productvariants.json").status_code == 400
