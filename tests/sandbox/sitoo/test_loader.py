"""The demo catalogue in Sitoo's shapes: VAT groups, tree, brands, products with variants, images."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from possync_sandbox.catalogue import Catalogue, generate
from possync_sandbox.catalogue.model import Product
from possync_sandbox.sitoo import SitooEmulator


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return generate(seed=1, products=60)


@pytest.fixture
def loaded(fresh: SitooEmulator, catalogue: Catalogue) -> dict[str, int]:
    return fresh.load_catalogue(catalogue)


def _all(api: httpx.Client, path: str, **params: str) -> list[dict[str, object]]:
    answer = api.get(path, params={"num": 10000, **params}).json()
    assert answer["totalcount"] == len(answer["items"])
    items: list[dict[str, object]] = answer["items"]
    return items


def test_vat_rates_become_product_groups(
    loaded: dict[str, int], api: httpx.Client, catalogue: Catalogue
) -> None:
    values = sorted(Decimal(str(group["value"])) for group in _all(api, "/productgroups.json"))
    assert values == sorted(catalogue.vat_rates)


def test_categories_keep_the_tree(loaded: dict[str, int], api: httpx.Client, catalogue: Catalogue) -> None:
    categories = _all(api, "/categories.json")
    assert len(categories) == len(catalogue.categories)
    by_slug = {c["friendly"]: c for c in categories}
    for category in catalogue.categories:
        parent = by_slug[category.parent]["categoryid"] if category.parent else None
        assert by_slug[category.key]["categoryparentid"] == parent
        assert by_slug[category.key]["title"] == category.name


def test_manufacturers_are_loaded_by_name_and_products_point_at_them(
    loaded: dict[str, int], api: httpx.Client, catalogue: Catalogue
) -> None:
    listed = _all(api, "/manufacturers.json")
    assert sorted(str(m["name"]) for m in listed) == sorted(m.name for m in catalogue.manufacturers)
    assert loaded["manufacturers"] == len(catalogue.manufacturers) > 1
    name_of = {m["externalcompanyid"]: m["name"] for m in listed}
    brand_of = {m.key: m.name for m in catalogue.manufacturers}
    fields = "sku,manufacturerid"
    products = {p["sku"]: p for p in _all(api, "/products.json", includeinactive="true", fields=fields)}
    loaded_first: dict[str, Product] = {}  # a later product with a taken SKU was refused
    for product in catalogue.products:
        if product.sku in products:
            loaded_first.setdefault(product.sku, product)
    branded = [p for p in loaded_first.values() if p.manufacturer]
    unbranded = [p for p in loaded_first.values() if not p.manufacturer]
    assert branded
    assert unbranded
    for product in branded:
        assert name_of[products[product.sku]["manufacturerid"]] == brand_of[str(product.manufacturer)]
    assert {products[product.sku]["manufacturerid"] for product in unbranded} == {None}


def test_products_and_variants_carry_catalogue_values(
    loaded: dict[str, int], api: httpx.Client, catalogue: Catalogue
) -> None:
    products = {
        p["sku"]: p
        for p in _all(
            api,
            "/products.json",
            includeinactive="true",
            fields="sku,title,moneyprice,variantparentid,productid",
        )
    }
    variable = next(p for p in catalogue.products if p.kind == "variable" and not p.awkward)
    main = products[variable.sku]
    assert main["title"] == variable.name
    assert main["variantparentid"] == main["productid"]
    family = api.get(f"/products/{main['productid']}/productvariants.json").json()
    assert [v["sku"] for v in family["variants"]] == [v.sku for v in variable.variations]
    assert family["groups"] == [{"name": k, "options": v} for k, v in variable.attribute_options().items()]
    simple = next(p for p in catalogue.products if p.kind == "simple" and not p.awkward)
    expected = simple.sale_price if simple.sale_price is not None else simple.price
    assert products[simple.sku]["moneyprice"] == f"{expected:.2f}"


def test_refused_products_are_left_out_and_reported(
    fresh: SitooEmulator, loaded: dict[str, int], api: httpx.Client
) -> None:
    skus = {p["sku"] for p in _all(api, "/products.json", includeinactive="true", fields="sku")}
    assert "MD 10054" not in skus
    assert "" not in skus
    assert loaded["skipped"] == len(fresh.skipped_reasons) >= 3
    assert any("Invalid sku" in reason for reason in fresh.skipped_reasons)


def test_images_are_uploaded_and_linked(
    loaded: dict[str, int], api: httpx.Client, catalogue: Catalogue
) -> None:
    product = next(p for p in catalogue.products if p.images and p.kind == "simple" and not p.awkward)
    productid = api.get("/products.json", params={"sku": product.sku}).json()["items"][0]["productid"]
    images = api.get(f"/products/{productid}/images.json").json()["items"]
    assert [i["resourceid"] for i in images] == [catalogue.image(key).filename for key in product.images]
    assert images[0]["mimetype"] == "image/png"


def test_control_api_loads_the_catalogue(control: httpx.Client, api: httpx.Client) -> None:
    counts = control.post("/catalogue", json={"seed": 2, "products": 30}).json()
    assert counts["products"] > 0
    assert (
        api.get("/products.json", params={"includeinactive": "true"}).json()["totalcount"]
        == counts["products"]
    )
