"""Shop URL normalisation and OAuth 1.0a signing (RFC 5849 with WooCommerce's rules)."""

from __future__ import annotations

import base64
import hashlib
import hmac

import httpx
import pytest

from possync.errors import ConfigurationError
from possync.settings import WooCommerceSettings
from possync.woo import OAuth1Auth, WooClient, WooConfig, normalise_site_url, sign, signature_base_string
from possync.woo.auth import base_string_uri, percent_encode


@pytest.mark.parametrize(
    ("pasted", "root", "version"),
    [
        ("https://shop.example", "https://shop.example", None),
        ("https://shop.example/", "https://shop.example", None),
        ("https://Shop.Example/wp-json", "https://shop.example", None),
        ("https://shop.example/wp-json/", "https://shop.example", None),
        ("https://shop.example/wp-json/wc/v2/", "https://shop.example", "v2"),
        ("https://example.com/butik/", "https://example.com/butik", None),
        ("https://example.com/butik/wp-json/wc/v3/products", "https://example.com/butik", "v3"),
        ("https://example.com/butik/wp-admin/", "https://example.com/butik", None),
        ("http://127.0.0.1:8089/index.php?rest_route=/wc/v3/products", "http://127.0.0.1:8089", "v3"),
    ],
)
def test_site_url_forms(pasted: str, root: str, version: str | None) -> None:
    site = normalise_site_url(pasted)
    assert site.root == root
    assert site.version == version
    assert site.api_base("v3") == f"{root}/wp-json/wc/v3/"


def test_rest_route_url_is_flagged_and_bad_schemes_refused() -> None:
    assert normalise_site_url("https://s.example/?rest_route=/").plain_permalinks
    with pytest.raises(ConfigurationError, match="http:// or https://"):
        normalise_site_url("shop.example")


def test_auth_mode_follows_the_scheme() -> None:
    keys = {"consumer_key": "ck_x", "consumer_secret": "cs_y"}
    assert WooConfig(url="https://s.example", **keys).auth_mode() == "basic"
    assert WooConfig(url="http://s.example", **keys).auth_mode() == "oauth"
    assert WooConfig(url="https://s.example", auth="query", **keys).auth_mode() == "query"


async def test_headroom_and_requests_in_flight_reach_the_client_from_the_settings() -> None:
    keys = {"url": "https://s.example", "consumer_key": "ck_x", "consumer_secret": "cs_y"}
    default = WooConfig.from_settings(WooCommerceSettings.model_validate(keys))
    assert (default.headroom, default.concurrency) == (0.1, 4)
    settings = {**keys, "rate_limit_headroom_percent": 30, "max_concurrent_requests": 2}
    client = WooClient(WooConfig.from_settings(WooCommerceSettings.model_validate(settings)))
    try:
        assert client.api.budget.headroom == 0.3
        assert client.api.concurrency == 2
    finally:
        await client.aclose()  # not ``async with``: that would connect to the shop


def test_percent_encoding_is_rfc3986() -> None:
    assert percent_encode("a b+c~d*e/f[0]") == "a%20b%2Bc~d%2Ae%2Ff%5B0%5D"
    assert percent_encode("åäö") == "%C3%A5%C3%A4%C3%B6"


def test_base_string_sorts_raw_keys_and_encodes_twice() -> None:
    params = [("search", "red shirt, large"), ("oauth_nonce", "n"), ("include[0]", "22"), ("a", "1")]
    base = signature_base_string("get", "http://s.example/wp-json/wc/v3/products", params)
    assert base == (
        "GET&http%3A%2F%2Fs.example%2Fwp-json%2Fwc%2Fv3%2Fproducts&"
        "a%3D1%26include%255B0%255D%3D22%26oauth_nonce%3Dn%26search%3Dred%2520shirt%252C%2520large"
    )


def test_signature_is_hmac_of_the_base_string_keyed_by_secret_and_ampersand() -> None:
    expected = base64.b64encode(hmac.new(b"cs_s&", b"BASE", hashlib.sha256).digest()).decode()
    assert sign("BASE", "cs_s") == expected
    sha1 = base64.b64encode(hmac.new(b"cs_s&", b"BASE", hashlib.sha1).digest()).decode()
    assert sign("BASE", "cs_s", "HMAC-SHA1") == sha1


def test_base_string_uri_drops_default_port_and_query() -> None:
    assert base_string_uri(httpx.URL("HTTPS://S.example:443/wp-json/x?a=1")) == "https://s.example/wp-json/x"
    assert base_string_uri(httpx.URL("http://127.0.0.1:8089/wp-json/x")) == "http://127.0.0.1:8089/wp-json/x"


def test_oauth_auth_signs_query_params_and_can_use_the_header() -> None:
    request = httpx.Request("GET", "http://s.example/wp-json/wc/v3/products?per_page=100&search=a b")
    auth = OAuth1Auth("ck_k", "cs_s", wall=lambda: 1_700_000_000, nonce=lambda: "abc")
    signed = next(auth.auth_flow(request))
    params = dict(signed.url.params)
    base = signature_base_string(
        "GET",
        "http://s.example/wp-json/wc/v3/products",
        [(k, v) for k, v in params.items() if k != "oauth_signature"],
    )
    assert params["oauth_signature"] == sign(base, "cs_s")
    assert params["oauth_timestamp"] == "1700000000"
    header_auth = OAuth1Auth("ck_k", "cs_s", placement="header", wall=lambda: 1, nonce=lambda: "n")
    in_header = next(header_auth.auth_flow(httpx.Request("POST", "http://s.example/p", json={"a": 1})))
    assert in_header.headers["Authorization"].startswith('OAuth oauth_consumer_key="ck_k"')
    assert "oauth_signature" not in str(in_header.url)
