"""Price lists over HTTP: the default list 1, the 100-list limit, items by SKU or id, list 1 ↔ moneyprice."""

from __future__ import annotations

import httpx

from .stock_support import add_product, ok


def test_every_site_has_the_default_list_which_cannot_be_deleted(api: httpx.Client) -> None:
    listed = ok(api.get("/pricelists.json"))
    assert [(p["pricelistid"], p["pricelistname"]) for p in listed["items"]] == [(1, "Default Price List")]
    assert api.delete("/pricelists/1.json").status_code == 400


def test_create_update_delete(api: httpx.Client) -> None:
    pricelistid = ok(api.post("/pricelists.json", json={"pricelistname": "Resellers"}))
    assert (
        ok(api.put(f"/pricelists/{pricelistid}.json", json={"pricelistdescription": "For resellers"})) is True
    )
    shown = ok(api.get(f"/pricelists/{pricelistid}.json"))
    assert (shown["pricelistname"], shown["pricelistdescription"], shown["active"]) == (
        "Resellers",
        "For resellers",
        True,
    )
    assert ok(api.delete(f"/pricelists/{pricelistid}.json")) is True
    assert api.post("/pricelists.json", json={}).status_code == 400


def test_at_most_the_configured_number_of_lists(api: httpx.Client, control: httpx.Client) -> None:
    control.patch("/settings", json={"max_pricelists": 3})
    for n in range(2):
        ok(api.post("/pricelists.json", json={"pricelistname": f"List {n}"}))
    refused = api.post("/pricelists.json", json={"pricelistname": "One too many"})
    assert refused.status_code == 400
    assert ok(api.get("/pricelists.json"))["totalcount"] == 3


def test_items_are_set_by_sku_or_productid_and_listed_by_productid(api: httpx.Client) -> None:
    first, second = add_product(api, "P-1"), add_product(api, "P-2")
    pricelistid = ok(api.post("/pricelists.json", json={"pricelistname": "Resellers"}))
    body = [
        {
            "productid": second,
            "moneyprice": "849.00",
            "moneypricevolume": [{"levelstart": 4, "moneyprice": "749"}],
        },
        {"sku": "P-1", "moneyprice": 795},
        {"sku": "NOPE", "moneyprice": "1.00"},
    ]
    answer = ok(api.put(f"/pricelists/{pricelistid}/pricelistitems.json", json=body))
    assert [entry["statuscode"] for entry in answer] == [200, 200, 404]
    items = ok(api.get(f"/pricelists/{pricelistid}/pricelistitems.json"))["items"]
    assert [(i["productid"], i["sku"], i["moneyprice"]) for i in items] == [
        (first, "P-1", "795.00"),
        (second, "P-2", "849.00"),
    ]
    assert items[1]["moneypricevolume"] == [{"levelstart": 4, "moneyprice": "749.00"}]
    assert items[0]["moneypricevolume"] is None
    deleted = ok(
        api.request("DELETE", f"/pricelists/{pricelistid}/pricelistitems.json", json=[{"sku": "P-1"}])
    )
    assert deleted == [{"statuscode": 200, "return": True}]
    assert ok(api.get(f"/pricelists/{pricelistid}/pricelistitems.json"))["totalcount"] == 1


def test_default_list_items_are_the_products_prices(api: httpx.Client) -> None:
    productid = add_product(api, "P-1", "100.00")
    assert ok(api.get("/pricelists/1/pricelistitems.json"))["items"][0]["moneyprice"] == "100.00"
    ok(api.put("/pricelists/1/pricelistitems.json", json=[{"sku": "P-1", "moneyprice": "120.00"}]))
    assert ok(api.get(f"/products/{productid}.json"))["moneyprice"] == "120.00"
    refused = ok(api.request("DELETE", "/pricelists/1/pricelistitems.json", json=[{"sku": "P-1"}]))
    assert refused[0]["statuscode"] == 400
