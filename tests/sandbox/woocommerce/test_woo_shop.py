"""Shop-level endpoints (system_status, settings, currency), discovery, the control API and persistence."""

from __future__ import annotations

from pathlib import Path

import httpx
from woo_support import WooShop, error, open_shop

from possync_sandbox.woocommerce import WooEmulator, WooSettings


def test_system_status_reports_the_configured_version() -> None:
    with open_shop(WooSettings(wc_version="11.0.1", wp_version="7.0.4")) as shop:
        environment = shop.client.get("/system_status").json()["environment"]
        assert (environment["version"], environment["wp_version"]) == ("11.0.1", "7.0.4")
        assert environment["home_url"] == shop.base_url


def test_system_status_fields_environment_only(woo: httpx.Client) -> None:
    assert list(woo.get("/system_status", params={"_fields": "environment"}).json()) == ["environment"]


def test_system_status_settings_carry_the_currency(woo: httpx.Client) -> None:
    settings = woo.get("/system_status").json()["settings"]
    assert (settings["currency"], settings["currency_symbol"], settings["number_of_decimals"]) == (
        "SEK",
        "kr",
        2,
    )


def test_prices_include_tax_option(woo: httpx.Client) -> None:
    option = woo.get("/settings/tax/woocommerce_prices_include_tax").json()
    assert (option["type"], option["value"], option["default"], option["group_id"]) == (
        "radio",
        "yes",
        "no",
        "tax",
    )
    assert set(option["options"]) == {"yes", "no"}


def test_invalid_setting_value_is_refused(woo: httpx.Client) -> None:
    answer = woo.put("/settings/tax/woocommerce_prices_include_tax", json={"value": "maybe"})
    assert error(answer) == (400, "rest_setting_value_invalid", "An invalid setting value was passed.")


def test_putting_the_current_value_echoes_it(woo: httpx.Client) -> None:
    answer = woo.put("/settings/tax/woocommerce_prices_include_tax", json={"value": "yes"})
    assert (answer.status_code, answer.json()["value"]) == (200, "yes")


def test_currency_option_and_current_currency(woo: httpx.Client) -> None:
    assert woo.get("/settings/general/woocommerce_currency").json()["value"] == "SEK"
    assert woo.get("/data/currencies/current").json() == {
        "code": "SEK",
        "name": "Swedish krona",
        "symbol": "kr",
    }


def test_turning_stock_management_off_changes_the_shop(woo_shop: WooShop) -> None:
    answer = woo_shop.client.put("/settings/products/woocommerce_manage_stock", json={"value": "no"})
    assert answer.json()["value"] == "no"
    assert woo_shop.emulator.settings.manage_stock is False
    assert woo_shop.product(manage_stock=True, stock_quantity=3)["stock_quantity"] is None


def test_settings_batch_updates_options(woo: httpx.Client) -> None:
    body = {"update": [{"id": "woocommerce_price_num_decimals", "value": "3"}, {"id": "nope", "value": "1"}]}
    result = woo.post("/settings/general/batch", json=body).json()["update"]
    assert result[0]["value"] == "3"
    assert result[1]["error"]["code"] == "rest_setting_setting_invalid"


def test_unknown_setting_group_is_404(woo: httpx.Client) -> None:
    assert error(woo.get("/settings/nowhere"))[:2] == (404, "rest_setting_setting_group_invalid")


def test_discovery_index_lists_the_namespaces(woo_shop: WooShop) -> None:
    index = httpx.get(f"{woo_shop.base_url}/wp-json/").json()
    assert {"wc/v2", "wc/v3"} <= set(index["namespaces"])
    routes = httpx.get(f"{woo_shop.base_url}/wp-json/wc/v3").json()["routes"]
    assert "/wc/v3/products/(?P<id>[\\d]+)" in routes


def test_unknown_route_is_rest_no_route(woo: httpx.Client) -> None:
    assert error(woo.get("/nothing")) == (
        404,
        "rest_no_route",
        "No route was found matching the URL and request method.",
    )


def test_control_reset_empties_the_shop(woo_shop: WooShop) -> None:
    woo_shop.product()
    assert httpx.post(f"{woo_shop.base_url}/__sandbox__/reset").status_code == 200
    assert woo_shop.emulator.store.products == {}


def test_control_catalogue_loads_a_generated_shop(woo_shop: WooShop) -> None:
    summary = httpx.post(
        f"{woo_shop.base_url}/__sandbox__/catalogue", json={"seed": 1, "products": 30}
    ).json()
    state = httpx.get(f"{woo_shop.base_url}/__sandbox__/state").json()
    assert summary["products"] == len(state["products"]) > 20
    assert {
        "products",
        "variations",
        "categories",
        "attributes",
        "terms",
        "media",
        "coupons",
        "orders",
    } <= set(state)


def test_control_counters_count_api_requests_only(woo_shop: WooShop) -> None:
    woo_shop.client.get("/products")
    woo_shop.client.get("/products/12")
    counters = httpx.get(f"{woo_shop.base_url}/__sandbox__/counters").json()
    assert counters["total"] == 2
    assert counters["by_route"]["GET /wp-json/wc/v3/products/{id}"] == 1
    httpx.post(f"{woo_shop.base_url}/__sandbox__/counters/reset")
    assert httpx.get(f"{woo_shop.base_url}/__sandbox__/counters").json()["total"] == 0


def test_control_faults_apply_to_the_api_but_not_to_control(woo_shop: WooShop) -> None:
    plan = httpx.put(
        f"{woo_shop.base_url}/__sandbox__/faults", json={"script": ["rate_limit", "error"]}
    ).json()
    assert plan["script"] == ["rate_limit", "error"]
    limited = woo_shop.client.get("/products")
    assert (limited.status_code, limited.headers["retry-after"]) == (429, "1")
    assert httpx.get(f"{woo_shop.base_url}/__sandbox__/state").status_code == 200
    assert woo_shop.client.get("/products").status_code == 503
    assert woo_shop.client.get("/products").status_code == 200


def test_control_settings_patch(woo_shop: WooShop) -> None:
    answer = httpx.patch(f"{woo_shop.base_url}/__sandbox__/settings", json={"wc_version": "8.9.1"})
    assert answer.json()["wc_version"] == "8.9.1"
    assert woo_shop.client.get("/system_status").json()["environment"]["version"] == "8.9.1"
    assert (
        httpx.patch(f"{woo_shop.base_url}/__sandbox__/settings", json={"batch_limit": 0}).status_code == 400
    )


def test_control_media_serves_the_bytes(woo_shop: WooShop) -> None:
    from woo_support import PNG, PNG_DATA_URL

    media_id = woo_shop.product(images=[{"src": PNG_DATA_URL}])["images"][0]["id"]
    answer = httpx.get(f"{woo_shop.base_url}/__sandbox__/media/{media_id}")
    assert (answer.content, answer.headers["content-type"]) == (PNG, "image/png")


def test_save_and_load_round_trip(woo_shop: WooShop, tmp_path: Path) -> None:
    product = woo_shop.product(sku="KEEP-1", images=[{"src": "data:image/png;base64,iVBORw0KGgo="}])
    woo_shop.emulator.save(tmp_path / "shop.json")
    loaded = WooEmulator.load(tmp_path / "shop.json")
    assert loaded.store.products[product["id"]]["sku"] == "KEEP-1"
    assert loaded.store.media_bytes == woo_shop.emulator.store.media_bytes
    assert loaded.store.new_post_id() == woo_shop.emulator.store.new_post_id()


def test_data_file_is_written_after_each_write_and_read_at_start(tmp_path: Path) -> None:
    data_file = tmp_path / "woo.json"
    with open_shop(WooSettings(data_file=str(data_file))) as shop:
        product = shop.product(sku="PERSIST")
    assert data_file.exists()
    with open_shop(WooSettings(data_file=str(data_file))) as again:
        assert again.client.get(f"/products/{product['id']}").json()["sku"] == "PERSIST"


def test_envelope_wraps_status_and_headers(woo: httpx.Client) -> None:
    answer = woo.get("/products/9999", params={"_envelope": "1"})
    assert answer.status_code == 200
    assert (answer.json()["status"], answer.json()["body"]["code"]) == (
        404,
        "woocommerce_rest_product_invalid_id",
    )


def test_pretty_output_is_indented(woo: httpx.Client) -> None:
    text = woo.get("/system_status", params={"_pretty": "1", "_fields": "environment"}).text
    assert text.startswith('{\n    "environment"')
    assert "http:\\/\\/" in text


def test_options_lists_the_methods_without_credentials(woo_shop: WooShop) -> None:
    answer = httpx.options(woo_shop.url("/products/batch"))
    assert answer.status_code == 200
    assert answer.json()["methods"] == ["PATCH", "POST", "PUT"]
    assert answer.headers["allow"] == "PATCH, POST, PUT"


def test_tax_classes_and_rates(woo: httpx.Client) -> None:
    classes = [c["slug"] for c in woo.get("/taxes/classes").json()]
    assert classes[0] == "standard"
    assert "zero-rate" in classes
    rates = {r["class"]: r["rate"] for r in woo.get("/taxes").json()}
    assert rates == {"standard": "25.0000", "reduced-rate": "12.0000", "super-reduced-rate": "6.0000"}


def test_answers_carry_allow_and_no_cache_headers(woo: httpx.Client) -> None:
    answer = woo.get("/products")
    assert answer.headers["allow"] == "GET, POST"
    assert answer.headers["content-type"] == "application/json; charset=UTF-8"
    assert "no-cache" in answer.headers["cache-control"]


def test_checkbox_settings_take_only_yes_or_no(woo: httpx.Client) -> None:
    url = "/settings/products/woocommerce_manage_stock"
    assert error(woo.put(url, json={"value": "true"}))[:2] == (400, "rest_setting_value_invalid")
    assert woo.put(url, json={"value": "no"}).json()["value"] == "no"
    assert woo.put(url, json={"value": ""}).json()["value"] == "yes"
