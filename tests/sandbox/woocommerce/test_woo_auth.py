"""Authentication and key permissions of the WooCommerce emulator (spec §2, §1.1, §16.2)."""

from __future__ import annotations

import time

import httpx
from woo_support import WooShop, error, oauth_header, oauth_params

from possync_sandbox.woocommerce import SANDBOX_KEY, SANDBOX_READ_KEY, SANDBOX_WRITE_KEY

KEY, SECRET = SANDBOX_KEY.consumer_key, SANDBOX_KEY.consumer_secret
CANNOT_LIST = (401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.")
AUTH_ERROR = "woocommerce_rest_authentication_error"


def test_basic_auth_over_https_is_accepted(woo_shop: WooShop) -> None:
    assert httpx.get(woo_shop.url("/products"), auth=(KEY, SECRET)).status_code == 200


def test_query_string_keys_over_https_are_accepted(woo_shop: WooShop) -> None:
    answer = httpx.get(woo_shop.url("/products"), params={"consumer_key": KEY, "consumer_secret": SECRET})
    assert answer.status_code == 200


def test_no_credentials_answers_cannot_view(woo_shop: WooShop) -> None:
    assert error(httpx.get(woo_shop.url("/products"))) == CANNOT_LIST


def test_anonymous_single_read_says_cannot_view_this_resource(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    answer = httpx.get(woo_shop.url(f"/products/{product['id']}"))
    assert error(answer) == (401, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.")


def test_anonymous_create_says_cannot_create(woo_shop: WooShop) -> None:
    answer = httpx.post(woo_shop.url("/products"), json={"name": "x"})
    assert error(answer) == (
        401,
        "woocommerce_rest_cannot_create",
        "Sorry, you are not allowed to create resources.",
    )


def test_unknown_key_with_basic_is_silently_anonymous(woo_shop: WooShop) -> None:
    answer = httpx.get(woo_shop.url("/products"), auth=("ck_" + "0" * 40, "cs_" + "0" * 40))
    assert error(answer) == CANNOT_LIST


def test_unknown_key_in_query_is_silently_anonymous(woo_shop: WooShop) -> None:
    answer = httpx.get(woo_shop.url("/products"), params={"consumer_key": "ck_x", "consumer_secret": "cs_y"})
    assert error(answer) == CANNOT_LIST


def test_wrong_secret_with_basic_is_refused(woo_shop: WooShop) -> None:
    answer = httpx.get(woo_shop.url("/products"), auth=(KEY, "cs_wrong"))
    assert error(answer) == (401, AUTH_ERROR, "Consumer secret is invalid.")
    assert "www-authenticate" not in answer.headers


def test_wrong_secret_in_query_is_refused(woo_shop: WooShop) -> None:
    answer = httpx.get(woo_shop.url("/products"), params={"consumer_key": KEY, "consumer_secret": "cs_wrong"})
    assert error(answer) == (401, AUTH_ERROR, "Consumer secret is invalid.")


def test_basic_over_plain_http_is_ignored(plain_http: WooShop) -> None:
    assert error(httpx.get(plain_http.url("/products"), auth=(KEY, SECRET))) == CANNOT_LIST


def test_query_keys_over_plain_http_are_ignored(plain_http: WooShop) -> None:
    answer = httpx.get(plain_http.url("/products"), params={"consumer_key": KEY, "consumer_secret": SECRET})
    assert error(answer) == CANNOT_LIST


def test_wrong_secret_over_plain_http_is_never_looked_at(plain_http: WooShop) -> None:
    assert error(httpx.get(plain_http.url("/products"), auth=(KEY, "cs_wrong"))) == CANNOT_LIST


def test_read_key_reads_lists_and_system_status(woo_shop: WooShop) -> None:
    auth = (SANDBOX_READ_KEY.consumer_key, SANDBOX_READ_KEY.consumer_secret)
    assert httpx.get(woo_shop.url("/products"), auth=auth).status_code == 200
    assert httpx.get(woo_shop.url("/system_status"), auth=auth).status_code == 200


def test_read_key_cannot_write(woo_shop: WooShop) -> None:
    auth = (SANDBOX_READ_KEY.consumer_key, SANDBOX_READ_KEY.consumer_secret)
    answer = httpx.post(woo_shop.url("/products"), json={"name": "x"}, auth=auth)
    assert error(answer) == (401, AUTH_ERROR, "The API key provided does not have write permissions.")
    assert woo_shop.emulator.store.products == {}


def test_write_key_cannot_read(woo_shop: WooShop) -> None:
    auth = (SANDBOX_WRITE_KEY.consumer_key, SANDBOX_WRITE_KEY.consumer_secret)
    answer = httpx.get(woo_shop.url("/products"), auth=auth)
    assert error(answer) == (401, AUTH_ERROR, "The API key provided does not have read permissions.")
    assert httpx.post(woo_shop.url("/products"), json={"name": "x"}, auth=auth).status_code == 201


def test_rest_route_form_is_never_key_authenticated(woo_shop: WooShop) -> None:
    for path in ("/", "/index.php"):
        answer = httpx.get(
            f"{woo_shop.base_url}{path}", params={"rest_route": "/wc/v3/products"}, auth=(KEY, SECRET)
        )
        assert error(answer) == CANNOT_LIST


def test_rest_route_form_refuses_writes_the_same_way(woo_shop: WooShop) -> None:
    url = f"{woo_shop.base_url}/?rest_route=/wc/v3/products"
    answer = httpx.post(url, json={"name": "x"}, auth=(KEY, SECRET))
    assert answer.status_code == 401
    assert answer.json()["code"] == "woocommerce_rest_cannot_view"
    assert woo_shop.emulator.store.products == {}


def test_rest_route_form_routes_unknown_paths_to_no_route(woo_shop: WooShop) -> None:
    answer = httpx.get(
        f"{woo_shop.base_url}/", params={"rest_route": "/wc/v3/nothing-here"}, auth=(KEY, SECRET)
    )
    assert error(answer)[:2] == (404, "rest_no_route")


def test_oauth_hmac_sha1_get_with_query_parameters(plain_http: WooShop) -> None:
    plain_http.product(sku="A B,1")
    url = plain_http.url("/products")
    query = {"search": "Product with spaces", "sku": "A B,1", "per_page": "5"}
    answer = httpx.get(url, params={**query, **oauth_params("GET", url, query)})
    assert answer.status_code == 200, answer.text


def test_oauth_hmac_sha256_in_authorization_header(plain_http: WooShop) -> None:
    url = plain_http.url("/products")
    query = {"status": "publish"}
    header = oauth_header(oauth_params("GET", url, query, signature_method="HMAC-SHA256"))
    answer = httpx.get(url, params=query, headers={"Authorization": header})
    assert answer.status_code == 200, answer.text


def test_oauth_post_with_an_unsigned_json_body(plain_http: WooShop) -> None:
    url = plain_http.url("/products")
    answer = httpx.post(
        url, params=oauth_params("POST", url), json={"name": "Signed", "regular_price": "9.90"}
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["name"] == "Signed"


def test_oauth_is_a_fallback_over_https(woo_shop: WooShop) -> None:
    signed_url = woo_shop.url("/products").replace("http://", "https://")
    answer = httpx.get(woo_shop.url("/products"), params=oauth_params("GET", signed_url))
    assert answer.status_code == 200, answer.text


def test_oauth_tampered_signature_is_refused(plain_http: WooShop) -> None:
    url = plain_http.url("/products")
    params = oauth_params("GET", url) | {"oauth_signature": "AAAA"}
    message = "Invalid signature - provided signature does not match."
    assert error(httpx.get(url, params=params)) == (401, AUTH_ERROR, message)


def test_oauth_wrong_secret_is_a_signature_mismatch(plain_http: WooShop) -> None:
    url = plain_http.url("/products")
    answer = httpx.get(url, params=oauth_params("GET", url, secret="cs_wrong"))
    assert error(answer) == (401, AUTH_ERROR, "Invalid signature - provided signature does not match.")


def test_oauth_signed_query_parameter_changed_in_transit_is_refused(plain_http: WooShop) -> None:
    url = plain_http.url("/products")
    params = oauth_params("GET", url, {"per_page": "5"})
    answer = httpx.get(url, params={"per_page": "6", **params})
    assert error(answer)[2] == "Invalid signature - provided signature does not match."


def test_oauth_timestamp_an_hour_old_is_refused(plain_http: WooShop) -> None:
    url = plain_http.url("/products")
    answer = httpx.get(url, params=oauth_params("GET", url, timestamp=int(time.time()) - 3600))
    assert error(answer) == (401, AUTH_ERROR, "Invalid timestamp.")


def test_oauth_nonce_reused_with_a_fresh_timestamp_is_refused(plain_http: WooShop) -> None:
    url = plain_http.url("/products")
    assert httpx.get(url, params=oauth_params("GET", url, nonce="once")).status_code == 200
    answer = httpx.get(url, params=oauth_params("GET", url, nonce="once", timestamp=int(time.time()) + 1))
    assert error(answer) == (401, AUTH_ERROR, "Invalid nonce - nonce has already been used.")


def test_oauth_unknown_key_is_refused(plain_http: WooShop) -> None:
    url = plain_http.url("/products")
    params = oauth_params("GET", url) | {"oauth_consumer_key": "ck_unknown"}
    assert error(httpx.get(url, params=params)) == (401, AUTH_ERROR, "Consumer key is invalid.")


def test_oauth_plaintext_signature_method_is_refused(plain_http: WooShop) -> None:
    url = plain_http.url("/products")
    params = oauth_params("GET", url) | {"oauth_signature_method": "PLAINTEXT"}
    answer = httpx.get(url, params=params)
    assert error(answer) == (401, AUTH_ERROR, "Invalid signature - signature method is invalid.")


def test_oauth_missing_parameters_are_named(plain_http: WooShop) -> None:
    params = {"oauth_consumer_key": KEY, "oauth_signature": "abc"}
    message = "Missing OAuth parameters oauth_timestamp, oauth_nonce, oauth_signature_method"
    answer = httpx.get(plain_http.url("/products"), params=params)
    assert error(answer) == (401, "woocommerce_rest_authentication_missing_parameter", message)


def test_oauth_one_missing_parameter_is_named_in_the_singular(plain_http: WooShop) -> None:
    url = plain_http.url("/products")
    params = oauth_params("GET", url)
    del params["oauth_nonce"]
    message = "Missing OAuth parameter oauth_nonce"
    assert error(httpx.get(url, params=params)) == (
        401,
        "woocommerce_rest_authentication_missing_parameter",
        message,
    )


def test_oauth_signs_against_the_configured_home_url(plain_http: WooShop) -> None:
    plain_http.emulator.settings.public_url = "http://shop.example"
    signed_url = "http://shop.example/wp-json/wc/v3/products"
    answer = httpx.get(plain_http.url("/products"), params=oauth_params("GET", signed_url))
    assert answer.status_code == 200, answer.text


def test_unknown_request_method_is_refused_for_a_key(woo_shop: WooShop) -> None:
    answer = httpx.request("PROPFIND", woo_shop.url("/products"), auth=(KEY, SECRET))
    assert error(answer) == (401, AUTH_ERROR, "Unknown request method.")


def test_basic_with_an_empty_secret_is_anonymous(woo_shop: WooShop) -> None:
    assert error(httpx.get(woo_shop.url("/products"), auth=(KEY, ""))) == CANNOT_LIST
