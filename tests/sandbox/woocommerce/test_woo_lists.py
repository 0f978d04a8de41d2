"""Collections as WooCommerce serves them: paging, totals, Link, ordering, generic filters (spec §4)."""

from __future__ import annotations

import re

import httpx
from woo_support import WooShop, error, open_shop

from possync_sandbox.woocommerce import WooSettings
from possync_sandbox.woocommerce.wire import shift


def add_products(shop: WooShop, count: int) -> list[int]:
    answer = shop.client.post(
        "/products/batch", json={"create": [{"name": f"P{i}", "sku": f"P-{i}"} for i in range(count)]}
    )
    return [item["id"] for item in answer.json()["create"]]


def links(answer: httpx.Response) -> dict[str, str]:
    return {rel: url for url, rel in re.findall(r'<([^>]*)>; rel="([^"]+)"', answer.headers.get("link", ""))}


def test_default_page_has_ten_items_and_totals(woo_shop: WooShop) -> None:
    add_products(woo_shop, 11)
    answer = woo_shop.client.get("/products")
    assert len(answer.json()) == 10
    assert (answer.headers["x-wp-total"], answer.headers["x-wp-totalpages"]) == ("11", "2")


def test_middle_page_links_prev_and_next(woo_shop: WooShop) -> None:
    add_products(woo_shop, 11)
    answer = woo_shop.client.get("/products", params={"per_page": 4, "page": 2})
    assert (answer.headers["x-wp-total"], answer.headers["x-wp-totalpages"]) == ("11", "3")
    found = links(answer)
    assert found["prev"].endswith("per_page=4&page=1")
    assert found["next"].endswith("per_page=4&page=3")
    assert found["next"].startswith(woo_shop.url("/products?"))


def test_first_page_links_only_next(woo_shop: WooShop) -> None:
    add_products(woo_shop, 5)
    assert set(links(woo_shop.client.get("/products", params={"per_page": 2}))) == {"next"}


def test_page_past_the_end_is_empty_with_prev_clamped_to_the_last_page(woo_shop: WooShop) -> None:
    add_products(woo_shop, 11)
    answer = woo_shop.client.get("/products", params={"per_page": 4, "page": 9})
    assert answer.status_code == 200
    assert answer.json() == []
    assert (answer.headers["x-wp-total"], answer.headers["x-wp-totalpages"]) == ("11", "3")
    assert set(links(answer)) == {"prev"}
    assert links(answer)["prev"].endswith("page=3")


def test_single_page_carries_only_the_discovery_link(woo_shop: WooShop) -> None:
    add_products(woo_shop, 2)
    assert links(woo_shop.client.get("/products")) == {"https://api.w.org/": f"{woo_shop.base_url}/wp-json/"}


def test_link_urls_are_rebuilt_from_parsed_parameters(woo_shop: WooShop) -> None:
    ids = add_products(woo_shop, 3)
    params = {"include": f"{ids[0]},{ids[1]},{ids[2]}", "per_page": 1, "search": "P", "sku": ""}
    url = links(woo_shop.client.get("/products", params=params))["next"]
    assert f"include%5B0%5D={ids[0]}&include%5B1%5D={ids[1]}" in url
    assert "&sku&" in url
    assert url.endswith("&page=2")


def test_link_repeats_query_string_credentials(woo_shop: WooShop) -> None:
    add_products(woo_shop, 3)
    key = woo_shop.emulator.settings.keys[0]
    params = {"per_page": 1, "consumer_key": key.consumer_key, "consumer_secret": key.consumer_secret}
    assert (
        f"consumer_key={key.consumer_key}"
        in links(httpx.get(woo_shop.url("/products"), params=params))["next"]
    )


def test_per_page_zero_is_refused_with_wordpress_details(woo: httpx.Client) -> None:
    message = "per_page must be between 1 (inclusive) and 100 (inclusive)"
    assert woo.get("/products", params={"per_page": 0}).json() == {
        "code": "rest_invalid_param",
        "message": "Invalid parameter(s): per_page",
        "data": {
            "status": 400,
            "params": {"per_page": message},
            "details": {"per_page": {"code": "rest_out_of_bounds", "message": message, "data": None}},
        },
    }


def test_per_page_101_and_negative_are_refused(woo: httpx.Client) -> None:
    for value in (101, -1):
        assert error(woo.get("/products", params={"per_page": value}))[:2] == (400, "rest_invalid_param")


def test_per_page_100_is_accepted(woo: httpx.Client) -> None:
    assert woo.get("/products", params={"per_page": 100}).status_code == 200


def test_page_zero_is_refused(woo: httpx.Client) -> None:
    answer = woo.get("/products", params={"page": 0})
    assert answer.json()["data"]["params"] == {"page": "page must be greater than or equal to 1"}


def test_unknown_parameters_are_ignored(woo_shop: WooShop) -> None:
    add_products(woo_shop, 2)
    answer = woo_shop.client.get("/products", params={"flavour": "banana"})
    assert answer.status_code == 200
    assert len(answer.json()) == 2


def test_include_wins_over_exclude(woo_shop: WooShop) -> None:
    ids = add_products(woo_shop, 3)
    answer = woo_shop.client.get("/products", params={"include": f"{ids[0]},{ids[1]}", "exclude": ids[0]})
    assert sorted(p["id"] for p in answer.json()) == ids[:2]


def test_exclude_alone_works(woo_shop: WooShop) -> None:
    ids = add_products(woo_shop, 3)
    answer = woo_shop.client.get("/products", params={"exclude": ids[0]})
    assert sorted(p["id"] for p in answer.json()) == ids[1:]


def test_modified_after_is_exclusive_and_gmt_when_asked(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    stamp = product["date_modified_gmt"]
    found = woo_shop.client.get(
        "/products", params={"modified_after": shift(stamp, -1), "dates_are_gmt": "true"}
    )
    assert [p["id"] for p in found.json()] == [product["id"]]
    assert (
        woo_shop.client.get("/products", params={"modified_after": stamp, "dates_are_gmt": "true"}).json()
        == []
    )


def test_modified_after_without_dates_are_gmt_compares_local_times(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    local = product["date_modified"]
    assert len(woo_shop.client.get("/products", params={"modified_after": shift(local, -1)}).json()) == 1
    gmt_bound = shift(product["date_modified_gmt"], -1)
    assert len(woo_shop.client.get("/products", params={"modified_after": gmt_bound}).json()) == 1
    assert woo_shop.client.get("/products", params={"modified_after": local}).json() == []


def test_modified_before_excludes_the_exact_moment(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    params = {"modified_before": product["date_modified_gmt"], "dates_are_gmt": "true"}
    assert woo_shop.client.get("/products", params=params).json() == []


def test_unparsable_date_is_refused(woo: httpx.Client) -> None:
    answer = woo.get("/products", params={"modified_after": "yesterday"})
    assert answer.json()["data"]["details"]["modified_after"]["code"] == "rest_invalid_date"
    assert answer.status_code == 400


def test_old_shop_ignores_modified_after() -> None:
    with open_shop(WooSettings(wc_version="5.5.0")) as shop:
        product = shop.product()
        params = {"modified_after": product["date_modified_gmt"], "dates_are_gmt": "true"}
        assert len(shop.client.get("/products", params=params).json()) == 1


def test_after_filters_on_creation_date(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    params = {"after": shift(product["date_created_gmt"], -1), "dates_are_gmt": "true"}
    assert len(woo_shop.client.get("/products", params=params).json()) == 1
    params = {"before": shift(product["date_created_gmt"], -1), "dates_are_gmt": "true"}
    assert woo_shop.client.get("/products", params=params).json() == []


def test_default_order_is_newest_first(woo_shop: WooShop) -> None:
    first = woo_shop.product(name="old")
    woo_shop.emulator.store.clock.advance(5)
    second = woo_shop.product(name="new")
    assert [p["id"] for p in woo_shop.client.get("/products").json()] == [second["id"], first["id"]]


def test_orderby_id_ascending(woo_shop: WooShop) -> None:
    ids = add_products(woo_shop, 4)
    answer = woo_shop.client.get("/products", params={"orderby": "id", "order": "asc"})
    assert [p["id"] for p in answer.json()] == ids


def test_unknown_orderby_is_refused(woo: httpx.Client) -> None:
    assert error(woo.get("/products", params={"orderby": "colour"}))[:2] == (400, "rest_invalid_param")


def test_search_matches_words_in_the_name(woo_shop: WooShop) -> None:
    woo_shop.product(name="Blue linen shirt")
    woo_shop.product(name="Red wool scarf")
    assert [p["name"] for p in woo_shop.client.get("/products", params={"search": "linen"}).json()] == [
        "Blue linen shirt"
    ]


def test_fields_trims_each_object(woo_shop: WooShop) -> None:
    woo_shop.product(sku="T-1", manage_stock=True, stock_quantity=3)
    answer = woo_shop.client.get("/products", params={"_fields": "id,sku,stock_quantity"})
    assert set(answer.json()[0]) == {"id", "sku", "stock_quantity"}


def test_same_second_products_have_no_id_tie_breaker(woo_shop: WooShop) -> None:
    woo_shop.emulator.store.clock.frozen = woo_shop.emulator.store.clock.now()
    ids = add_products(woo_shop, 11)
    default = [p["id"] for p in woo_shop.client.get("/products", params={"per_page": 11}).json()]
    assert sorted(default) == sorted(ids)
    assert default not in (sorted(ids), sorted(ids, reverse=True))
    by_id = woo_shop.client.get("/products", params={"per_page": 11, "orderby": "id", "order": "desc"}).json()
    assert [p["id"] for p in by_id] == sorted(ids, reverse=True)
