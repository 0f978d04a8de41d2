"""Products: create, read (computed VAT and final price), partial update, delete, flags, links."""

from __future__ import annotations

import httpx

from possync_sandbox.sitoo import SitooEmulator
from possync_sandbox.sitoo.store import Clock

from .conftest import NOW


def test_create_answers_the_id_and_fills_sitoo_defaults(api: httpx.Client) -> None:
    assert api.post("/products.json", json={"sku": "Q100", "title": "Box", "moneyprice": "99.00"}).json() == 1
    product = api.get("/products/1.json").json()
    assert product["productid"] == 1
    assert product["title"] == "Box"
    assert (product["moneyprice"], product["moneyfinalprice"], product["moneypricein"]) == (
        "99.00",
        "99.00",
        "0.00",
    )
    assert (product["vatid"], product["vatvalue"], product["productgrouptype"]) == (2, 25, 10)
    assert (product["active"], product["activepos"]) == (True, True)
    assert product["variantparentid"] is None
    assert product["barcode"] is None
    assert product["categories"] == []
    assert product["datecreated"] == product["datemodified"] == NOW


def test_money_sent_as_numbers_is_stored_as_two_decimal_strings(api: httpx.Client) -> None:
    productid = api.post(
        "/products.json", json={"sku": "N-1", "moneyprice": 129, "moneypricein": 40.5}
    ).json()
    product = api.get(f"/products/{productid}.json").json()
    assert (product["moneyprice"], product["moneypricein"]) == ("129.00", "40.50")


def test_bad_money_is_refused(api: httpx.Client) -> None:
    response = api.post("/products.json", json={"sku": "N-2", "moneyprice": "lots"})
    assert response.status_code == 400
    assert response.json() == {"statuscode": 400, "errortext": "Invalid value for field moneyprice"}


def test_vat_comes_from_the_product_group(api: httpx.Client) -> None:
    vatid = api.post("/productgroups.json", json={"productgroupname": "Books", "value": 6}).json()
    productid = api.post("/products.json", json={"sku": "BOOK-1", "vatid": vatid}).json()
    assert api.get(f"/products/{productid}.json").json()["vatvalue"] == 6
    api.put(f"/productgroups/{vatid}.json", json={"value": 12})
    assert api.get(f"/products/{productid}.json").json()["vatvalue"] == 12
    assert api.post("/products.json", json={"sku": "BOOK-2", "vatid": 77}).status_code == 400


def test_put_is_a_partial_update_that_moves_datemodified(api: httpx.Client, clock: Clock) -> None:
    productid = api.post("/products.json", json={"sku": "P-1", "title": "Blanket", "custom1": "x"}).json()
    clock.advance(30)
    assert api.put(f"/products/{productid}.json", json={"title": "Blanket Red"}).json() is True
    product = api.get(f"/products/{productid}.json").json()
    assert (product["title"], product["custom1"], product["sku"]) == ("Blanket Red", "x", "P-1")
    assert product["datemodified"] == NOW + 30
    assert product["datecreated"] == NOW


def test_default_category_is_kept_inside_categories(api: httpx.Client) -> None:
    first = api.post("/categories.json", json={"title": "A"}).json()
    second = api.post("/categories.json", json={"title": "B"}).json()
    productid = api.post("/products.json", json={"sku": "C-1", "categories": [first]}).json()
    api.put(f"/products/{productid}.json", json={"defaultcategoryid": second})
    assert api.get(f"/products/{productid}.json").json()["categories"] == [first, second]
    api.put(f"/products/{productid}.json", json={"defaultcategoryid": None})
    product = api.get(f"/products/{productid}.json").json()
    assert (product["categories"], product["defaultcategoryid"]) == ([first], None)


def test_unknown_category_is_refused(api: httpx.Client) -> None:
    assert api.post("/products.json", json={"sku": "C-2", "categories": [12]}).status_code == 400


def test_barcode_aliases_custom_attributes_and_flags_round_trip(api: httpx.Client) -> None:
    body = {
        "sku": "F-1",
        "barcode": "7300000000017",
        "barcodealiases": ["12345"],
        "customattributes": {"3": "cotton"},
        "active": False,
        "activepos": True,
        "stockcountenable": False,
        "related": ["4", 5],
    }
    productid = api.post("/products.json", json=body).json()
    product = api.get(f"/products/{productid}.json").json()
    assert product["barcode"] == "7300000000017"
    assert product["barcodealiases"] == ["12345"]
    assert product["customattributes"] == {"3": "cotton"}
    assert (product["active"], product["activepos"], product["stockcountenable"]) == (False, True, False)
    assert product["related"] == [4, 5]
    api.put(f"/products/{productid}.json", json={"barcode": ""})
    assert api.get(f"/products/{productid}.json").json()["barcode"] is None


def test_delete_answers_true_and_then_404(api: httpx.Client) -> None:
    productid = api.post("/products.json", json={"sku": "D-1"}).json()
    assert api.delete(f"/products/{productid}.json").json() is True
    assert api.get(f"/products/{productid}.json").status_code == 404
    assert api.delete(f"/products/{productid}.json").status_code == 404


def test_productids_are_unique_across_sites(fresh: SitooEmulator, api: httpx.Client, server_url: str) -> None:
    fresh.add_site(2)
    first = api.post("/products.json", json={"sku": "SAME"}).json()
    other_site = httpx.post(
        f"{server_url}/v2/accounts/90001/sites/2/products.json",
        json={"sku": "SAME"},
        auth=("90001-1", "sandbox-secret"),
    )
    assert other_site.status_code == 200
    assert other_site.json() != first


def test_batch_update_and_delete_need_productid(api: httpx.Client) -> None:
    api.post("/products.json", json=[{"sku": "U-1"}, {"sku": "U-2"}])
    answer = api.put(
        "/products.json", json=[{"productid": 1, "moneyprice": "990.00"}, {"moneyprice": "1.00"}]
    )
    assert answer.json() == [
        {"statuscode": 200, "return": True},
        {"statuscode": 400, "errortext": "Missing required field productid"},
    ]
    assert api.get("/products/1.json").json()["moneyprice"] == "990.00"
    deleted = api.request("DELETE", "/products.json", json=[{"productid": 2}, {"productid": 99}])
    assert [item["statuscode"] for item in deleted.json()] == [200, 404]
