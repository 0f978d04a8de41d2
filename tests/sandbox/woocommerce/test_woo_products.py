"""Products: create, read, update, delete and the product fields a sync relies on (spec §6, §10)."""

from __future__ import annotations

import re

import httpx
from woo_support import WooShop, error

WP_DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")


def test_create_answers_201_with_location_and_wire_types(woo_shop: WooShop) -> None:
    body = {
        "name": "Shirt",
        "sku": "SH-1",
        "regular_price": "19.90",
        "manage_stock": True,
        "stock_quantity": 5,
    }
    answer = woo_shop.client.post("/products", json=body)
    product = answer.json()
    assert answer.status_code == 201
    assert answer.headers["location"] == woo_shop.url(f"/products/{product['id']}")
    assert (product["price"], product["regular_price"], product["sale_price"]) == ("19.90", "19.90", "")
    assert (product["stock_quantity"], product["stock_status"], product["manage_stock"]) == (
        5,
        "instock",
        True,
    )
    assert (product["type"], product["status"], product["images"], product["on_sale"]) == (
        "simple",
        "publish",
        [],
        False,
    )
    assert product["dimensions"] == {"length": "", "width": "", "height": ""}
    assert product["weight"] == ""


def test_dates_come_as_local_and_gmt_pairs_without_offset(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    assert WP_DATE.match(product["date_created"])
    assert WP_DATE.match(product["date_created_gmt"])
    assert product["date_created"] != product["date_created_gmt"]
    assert product["date_on_sale_from"] is None


def test_dates_follow_the_shop_timezone(woo_shop: WooShop) -> None:
    woo_shop.emulator.settings.timezone = "UTC"
    product = woo_shop.product()
    assert product["date_created"] == product["date_created_gmt"]


def test_regular_price_as_a_number_is_refused(woo: httpx.Client) -> None:
    answer = woo.post("/products", json={"name": "x", "regular_price": 12.5})
    assert error(answer) == (400, "rest_invalid_param", "Invalid parameter(s): regular_price")
    assert answer.json()["data"]["params"]["regular_price"] == "regular_price is not of type string."


def test_unknown_status_is_refused(woo: httpx.Client) -> None:
    answer = woo.post("/products", json={"name": "x", "status": "bogus"})
    assert answer.json()["data"]["details"]["status"]["code"] == "rest_not_in_enum"


def test_malformed_json_is_refused(woo: httpx.Client) -> None:
    answer = woo.post("/products", content=b"{nope", headers={"Content-Type": "application/json"})
    assert answer.json() == {
        "code": "rest_invalid_json",
        "message": "Invalid JSON body passed.",
        "data": {"status": 400, "json_error_code": 4, "json_error_message": "Syntax error"},
    }


def test_duplicate_sku_is_refused_case_insensitively(woo_shop: WooShop) -> None:
    owner = woo_shop.product(sku="ABC-1")
    answer = woo_shop.client.post("/products", json={"name": "Again", "sku": "abc-1"})
    assert answer.json() == {
        "code": "product_invalid_sku",
        "message": "Invalid or duplicated SKU.",
        "data": {"status": 400, "resource_id": owner["id"], "unique_sku": "abc-1-1"},
    }


def test_sku_of_a_variation_is_refused_for_a_product(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json={"sku": "VAR-1"}).json()
    answer = woo_shop.client.post("/products", json={"name": "x", "sku": "VAR-1"})
    assert answer.json()["data"]["resource_id"] == variation["id"]


def test_empty_skus_may_repeat(woo_shop: WooShop) -> None:
    assert woo_shop.client.post("/products", json={"name": "a", "sku": ""}).status_code == 201
    assert woo_shop.client.post("/products", json={"name": "b", "sku": ""}).status_code == 201


def test_trashed_sku_blocks_a_new_product_but_not_an_update(woo_shop: WooShop) -> None:
    trashed = woo_shop.product(sku="OLD-1")
    woo_shop.client.delete(f"/products/{trashed['id']}")
    status, code, message = error(woo_shop.client.post("/products", json={"name": "x", "sku": "OLD-1"}))
    assert (status, code) == (400, "woocommerce_rest_product_not_created")
    assert "OLD-1" in message
    other = woo_shop.product()
    assert woo_shop.client.put(f"/products/{other['id']}", json={"sku": "OLD-1"}).status_code == 200


def test_force_delete_frees_the_sku(woo_shop: WooShop) -> None:
    old = woo_shop.product(sku="FREE-1")
    woo_shop.client.delete(f"/products/{old['id']}", params={"force": "true"})
    assert woo_shop.client.post("/products", json={"name": "x", "sku": "FREE-1"}).status_code == 201


def test_stock_zero_is_out_of_stock_and_backorders_make_it_onbackorder(woo_shop: WooShop) -> None:
    product = woo_shop.product(manage_stock=True, stock_quantity=0)
    assert product["stock_status"] == "outofstock"
    updated = woo_shop.client.put(f"/products/{product['id']}", json={"backorders": "notify"}).json()
    assert (updated["stock_status"], updated["backorders_allowed"]) == ("onbackorder", True)
    back = woo_shop.client.put(
        f"/products/{product['id']}", json={"stock_quantity": 5, "backorders": "no"}
    ).json()
    assert back["stock_status"] == "instock"


def test_inventory_delta_is_a_relative_change(woo_shop: WooShop) -> None:
    product = woo_shop.product(manage_stock=True, stock_quantity=9)
    updated = woo_shop.client.put(f"/products/{product['id']}", json={"inventory_delta": -2}).json()
    assert updated["stock_quantity"] == 7


def test_not_managing_stock_clears_the_quantity(woo_shop: WooShop) -> None:
    product = woo_shop.product(manage_stock=True, stock_quantity=4)
    updated = woo_shop.client.put(
        f"/products/{product['id']}", json={"manage_stock": False, "stock_status": "outofstock"}
    )
    assert (updated.json()["stock_quantity"], updated.json()["stock_status"]) == (None, "outofstock")


def test_store_without_stock_management_only_applies_stock_status(woo_shop: WooShop) -> None:
    woo_shop.emulator.settings.manage_stock = False
    product = woo_shop.product(manage_stock=True, stock_quantity=4, stock_status="onbackorder")
    assert (product["manage_stock"], product["stock_quantity"], product["stock_status"]) == (
        False,
        None,
        "onbackorder",
    )


def test_external_products_never_manage_stock(woo_shop: WooShop) -> None:
    product = woo_shop.product(
        type="external", external_url="https://example.com", manage_stock=True, stock_quantity=0
    )
    assert (product["manage_stock"], product["stock_status"]) == (False, "instock")


def test_variable_and_grouped_products_blank_their_prices(woo_shop: WooShop) -> None:
    for kind in ("variable", "grouped"):
        product = woo_shop.product(type=kind, regular_price="10.00")
        assert (product["regular_price"], product["price"]) == ("", "")


def test_variable_price_is_the_lowest_variation_price(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    assert parent["price"] == ""
    for price in ("35.00", "30.00"):
        woo_shop.client.post(f"/products/{parent['id']}/variations", json={"regular_price": price})
    again = woo_shop.client.get(f"/products/{parent['id']}").json()
    assert again["price"] == "30.00"
    assert len(again["variations"]) == 2


def test_sale_price_makes_the_product_on_sale(woo_shop: WooShop) -> None:
    product = woo_shop.product(regular_price="20.00", sale_price="15.00")
    assert (product["price"], product["on_sale"]) == ("15.00", True)


def test_unknown_categories_are_dropped_and_uncategorized_is_the_default(woo_shop: WooShop) -> None:
    product = woo_shop.product(categories=[{"id": 9999}])
    assert [c["slug"] for c in product["categories"]] == ["uncategorized"]


def test_update_is_partial(woo_shop: WooShop) -> None:
    product = woo_shop.product(sku="KEEP", regular_price="10.00")
    updated = woo_shop.client.put(f"/products/{product['id']}", json={"name": "Renamed"}).json()
    assert (updated["name"], updated["sku"], updated["regular_price"]) == ("Renamed", "KEEP", "10.00")


def test_patch_and_post_update_too(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    assert woo_shop.client.patch(f"/products/{product['id']}", json={"name": "P"}).json()["name"] == "P"
    assert woo_shop.client.post(f"/products/{product['id']}", json={"name": "Q"}).json()["name"] == "Q"


def test_method_override_header_and_parameter(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    url = f"/products/{product['id']}"
    answer = woo_shop.client.post(url, json={"name": "H"}, headers={"X-HTTP-Method-Override": "PUT"})
    assert answer.json()["name"] == "H"
    deleted = woo_shop.client.post(url, params={"_method": "DELETE", "force": "true"})
    assert deleted.status_code == 200
    assert woo_shop.client.get(url).status_code == 404


def test_update_changes_date_modified(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    woo_shop.emulator.store.clock.advance(10)
    updated = woo_shop.client.put(f"/products/{product['id']}", json={"name": "later"}).json()
    assert updated["date_modified_gmt"] > product["date_modified_gmt"]
    assert updated["date_created_gmt"] == product["date_created_gmt"]


def test_unknown_id_answers_404_on_get_and_delete_and_400_on_put(woo: httpx.Client) -> None:
    assert error(woo.get("/products/9999")) == (404, "woocommerce_rest_product_invalid_id", "Invalid ID.")
    assert error(woo.put("/products/9999", json={"name": "x"}))[:2] == (
        400,
        "woocommerce_rest_product_invalid_id",
    )
    assert error(woo.delete("/products/9999"))[:2] == (404, "woocommerce_rest_product_invalid_id")


def test_creating_with_an_id_is_refused(woo: httpx.Client) -> None:
    assert error(woo.post("/products", json={"id": 5, "name": "x"}))[:2] == (
        400,
        "woocommerce_rest_product_exists",
    )


def test_trash_then_already_trashed_then_force(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    url = f"/products/{product['id']}"
    trashed = woo_shop.client.delete(url)
    assert (trashed.status_code, trashed.json()["status"]) == (200, "publish")
    assert woo_shop.client.get(url).json()["status"] == "trash"
    assert woo_shop.client.get("/products").json() == []
    assert error(woo_shop.client.delete(url))[:2] == (410, "woocommerce_rest_already_trashed")
    assert woo_shop.client.delete(url, params={"force": "true"}).status_code == 200
    assert woo_shop.client.get(url).status_code == 404


def test_force_deleting_a_variable_product_deletes_its_variations(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json={"sku": "GONE"}).json()
    woo_shop.client.delete(f"/products/{parent['id']}", params={"force": "true"})
    assert variation["id"] not in woo_shop.emulator.store.variations


def test_writing_a_variation_through_products_is_refused(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json={}).json()
    answer = woo_shop.client.put(f"/products/{variation['id']}", json={"name": "x"})
    assert error(answer)[:2] == (404, "woocommerce_rest_invalid_product_id")


def test_reading_a_variation_through_products_gives_product_shape(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable", name="Tee")
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json={"sku": "TEE-S"}).json()
    read = woo_shop.client.get(f"/products/{variation['id']}").json()
    assert (read["type"], read["parent_id"], read["sku"]) == ("variation", parent["id"], "TEE-S")
    assert isinstance(read["images"], list)


def test_single_read_links_the_permalink(woo_shop: WooShop) -> None:
    product = woo_shop.product(name="Linked")
    answer = woo_shop.client.get(f"/products/{product['id']}")
    assert answer.headers["link"] == f'<{product["permalink"]}>; rel="alternate"; type=text/html'
    assert answer.json()["_links"]["self"] == [{"href": woo_shop.url(f"/products/{product['id']}")}]


def test_v2_shows_in_stock_where_v3_shows_stock_status(woo_shop: WooShop) -> None:
    product = woo_shop.product(manage_stock=True, stock_quantity=0)
    v2 = woo_shop.client.get(woo_shop.url(f"/products/{product['id']}", "v2")).json()
    v3 = woo_shop.client.get(f"/products/{product['id']}").json()
    assert (v2["in_stock"], "stock_status" in v2) == (False, False)
    assert (v3["stock_status"], "in_stock" in v3) == ("outofstock", False)


def test_v2_filters_on_in_stock_and_v3_on_stock_status(woo_shop: WooShop) -> None:
    woo_shop.product(name="out", manage_stock=True, stock_quantity=0)
    woo_shop.product(name="in", manage_stock=True, stock_quantity=3)
    v2 = woo_shop.client.get(woo_shop.url("/products", "v2"), params={"in_stock": "false"}).json()
    v3 = woo_shop.client.get("/products", params={"stock_status": "instock"}).json()
    assert ([p["name"] for p in v2], [p["name"] for p in v3]) == (["out"], ["in"])


def test_non_ascii_is_escaped_and_slashes_too(woo_shop: WooShop) -> None:
    product = woo_shop.product(name="Tröja")
    raw = woo_shop.client.get(f"/products/{product['id']}").text
    assert "Tr\\u00f6ja" in raw
    assert "http:\\/\\/" in raw


def test_slugs_are_unique_among_products(woo_shop: WooShop) -> None:
    first, second = woo_shop.product(name="Same Name"), woo_shop.product(name="Same Name")
    assert (first["slug"], second["slug"]) == ("same-name", "same-name-2")
    nameless = woo_shop.client.post("/products", json={}).json()
    assert nameless["slug"] == str(nameless["id"])


def test_sku_written_straight_into_the_store_is_still_unique(woo_shop: WooShop) -> None:
    woo_shop.product(name="warm-up", sku="W-1")
    store = woo_shop.emulator.store
    product_id = store.new_post_id()
    store.products[product_id] = {**store.products[min(store.products)], "id": product_id, "sku": "DIRECT"}
    answer = woo_shop.client.post("/products", json={"name": "x", "sku": "direct"})
    assert answer.json()["data"]["resource_id"] == product_id


def test_global_unique_id_must_be_unique_digits(woo_shop: WooShop) -> None:
    owner = woo_shop.product(global_unique_id="7350000000017")
    assert owner["global_unique_id"] == "7350000000017"
    duplicate = woo_shop.client.post("/products", json={"name": "x", "global_unique_id": "7350000000017"})
    assert error(duplicate)[:2] == (400, "product_invalid_global_unique_id")
    assert duplicate.json()["data"]["resource_id"] == owner["id"]
    letters = woo_shop.client.post("/products", json={"name": "y", "global_unique_id": "EAN-ABC"})
    assert error(letters)[:2] == (400, "product_invalid_global_unique_id")


def test_a_product_read_back_can_be_sent_back_unchanged(woo_shop: WooShop) -> None:
    from woo_support import PNG_DATA_URL

    category = woo_shop.client.post("/products/categories", json={"name": "Echo"}).json()
    fields = {
        "sku": "ECHO-1",
        "regular_price": "10.00",
        "sale_price": "8.00",
        "categories": [{"id": category["id"]}],
    }
    product = woo_shop.product(
        **fields, images=[{"src": PNG_DATA_URL}], meta_data=[{"key": "colour", "value": "red"}]
    )
    echoed = woo_shop.client.put(f"/products/{product['id']}", json=product)
    assert echoed.status_code == 200, echoed.text
    assert {k: v for k, v in echoed.json().items() if not k.startswith("date_modified")} == {
        k: v for k, v in product.items() if not k.startswith("date_modified")
    }


def test_descriptions_are_rendered_in_view_and_raw_in_edit_context(woo_shop: WooShop) -> None:
    created = woo_shop.product(description="Soft cotton.\n\nMachine wash.", short_description="Soft")
    assert (created["description"], created["short_description"]) == ("Soft cotton.\n\nMachine wash.", "Soft")
    read = woo_shop.client.get(f"/products/{created['id']}").json()
    assert read["description"] == "<p>Soft cotton.</p>\n<p>Machine wash.</p>\n"
    assert read["short_description"] == "<p>Soft</p>\n"
    raw = woo_shop.client.get(f"/products/{created['id']}", params={"context": "edit"}).json()
    assert (raw["description"], raw["short_description"]) == ("Soft cotton.\n\nMachine wash.", "Soft")


def test_product_text_is_entity_encoded_as_wp_kses_does(woo_shop: WooShop) -> None:
    product = woo_shop.product(name="Salt & Pepper <3", description="Fish & <b>chips</b>")
    assert (product["name"], product["description"]) == ("Salt &amp; Pepper &lt;3", "Fish &amp; <b>chips</b>")
    assert woo_shop.product(name="Already &amp; encoded")["name"] == "Already &amp; encoded"


def test_sku_is_cleaned_like_wc_clean(woo_shop: WooShop) -> None:
    assert woo_shop.product(sku="  MD   10054 ")["sku"] == "MD 10054"
    assert woo_shop.product(sku="<b>AB</b>-1")["sku"] == "AB-1"


def test_external_fields_only_on_external_products(woo_shop: WooShop) -> None:
    simple = woo_shop.product(external_url="https://example.com", button_text="Buy")
    assert (simple["external_url"], simple["button_text"]) == ("", "")
    external = woo_shop.product(type="external", external_url="https://example.com", button_text="Buy")
    assert (external["external_url"], external["button_text"]) == ("https://example.com", "Buy")


def test_virtual_products_lose_weight_and_dimensions(woo_shop: WooShop) -> None:
    product = woo_shop.product(weight="2", dimensions={"length": "1", "width": "1", "height": "1"})
    updated = woo_shop.client.put(f"/products/{product['id']}", json={"virtual": True}).json()
    assert (updated["weight"], updated["dimensions"]["length"], updated["shipping_required"]) == (
        "",
        "",
        False,
    )


def test_default_attributes_keep_variation_attributes_with_term_slugs(woo_shop: WooShop) -> None:
    size = woo_shop.client.post("/products/attributes", json={"name": "Size"}).json()
    attributes = [
        {"id": size["id"], "variation": True, "options": ["Small"]},
        {"name": "Colour", "variation": False, "options": ["Red"]},
    ]
    defaults = [{"id": size["id"], "option": "Small"}, {"name": "Colour", "option": "Red"}]
    product = woo_shop.product(type="variable", attributes=attributes, default_attributes=defaults)
    assert product["default_attributes"] == [{"id": size["id"], "name": "Size", "option": "small"}]


def test_a_global_attribute_without_options_is_dropped(woo_shop: WooShop) -> None:
    size = woo_shop.client.post("/products/attributes", json={"name": "Size"}).json()
    product = woo_shop.product(
        attributes=[{"id": size["id"], "options": []}, {"name": "Fit", "options": ["Slim"]}]
    )
    assert [a["name"] for a in product["attributes"]] == ["Fit"]
