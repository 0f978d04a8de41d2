"""Categories: the tree, parent checks, partial update, and the cascading delete."""

from __future__ import annotations

import httpx

from possync_sandbox.sitoo.store import Clock

from .conftest import NOW


def _tree(api: httpx.Client) -> tuple[int, int, int]:
    root = api.post("/categories.json", json={"title": "Living Room"}).json()
    child = api.post("/categories.json", json={"title": "Sofas", "categoryparentid": root}).json()
    grandchild = api.post(
        "/categories.json", json={"title": "Corner sofas", "categoryparentid": child}
    ).json()
    return root, child, grandchild


def test_create_answers_the_id_and_the_record_has_sitoo_defaults(api: httpx.Client) -> None:
    categoryid = api.post("/categories.json", json={"title": "Street Classics"}).json()
    assert categoryid == 1
    assert api.get("/categories/1.json").json() == {
        "categoryid": 1,
        "categoryparentid": None,
        "visible": True,
        "sortorder": 0,
        "title": "Street Classics",
        "custom1": "",
        "custom2": "",
        "friendly": "",
        "seo_title": "",
        "seo_keywords": "",
        "seo_description": "",
        "datecreated": NOW,
        "datemodified": NOW,
    }


def test_put_merges_and_moves_datemodified(api: httpx.Client, clock: Clock) -> None:
    categoryid = api.post("/categories.json", json={"title": "Jeans", "friendly": "jeans"}).json()
    clock.advance(5)
    assert api.put(f"/categories/{categoryid}.json", json={"title": "Denim"}).json() is True
    category = api.get(f"/categories/{categoryid}.json").json()
    assert (category["title"], category["friendly"]) == ("Denim", "jeans")
    assert category["datemodified"] == NOW + 5
    assert category["datecreated"] == NOW


def test_unknown_parent_is_refused(api: httpx.Client) -> None:
    response = api.post("/categories.json", json={"title": "Orphan", "categoryparentid": 42})
    assert response.status_code == 400


def test_a_category_cannot_move_below_itself(api: httpx.Client) -> None:
    root, _, grandchild = _tree(api)
    response = api.put(f"/categories/{root}.json", json={"categoryparentid": grandchild})
    assert response.status_code == 400


def test_title_is_required(api: httpx.Client) -> None:
    assert api.post("/categories.json", json={"visible": False}).status_code == 400


def test_delete_cascades_to_descendants_and_products(api: httpx.Client) -> None:
    root, child, grandchild = _tree(api)
    other = api.post("/categories.json", json={"title": "Kitchen"}).json()
    body = {"sku": "S-1", "categories": [other, grandchild], "defaultcategoryid": child}
    productid = api.post("/products.json", json=body).json()
    assert api.delete(f"/categories/{root}.json").json() is True
    listed = api.get("/categories.json").json()
    assert [c["categoryid"] for c in listed["items"]] == [other]
    for gone in (root, child, grandchild):
        assert api.get(f"/categories/{gone}.json").status_code == 404
    product = api.get(f"/products/{productid}.json").json()
    assert product["categories"] == [other]
    assert product["defaultcategoryid"] is None
