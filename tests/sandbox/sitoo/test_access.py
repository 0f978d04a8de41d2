"""URLs and access: ``.json`` optional, Basic auth, account scoping, IP allow-list, error bodies."""

from __future__ import annotations

import httpx

from possync_sandbox.server import RunningServer
from possync_sandbox.sitoo import SitooEmulator

from .conftest import ACCOUNT_ROOT, AUTH


def test_paths_work_with_and_without_json_suffix(account_api: httpx.Client) -> None:
    with_suffix = account_api.get("/sites.json")
    without = account_api.get("/sites")
    assert with_suffix.status_code == without.status_code == 200
    assert with_suffix.json() == without.json()
    assert with_suffix.headers["content-type"] == "application/json"


def test_missing_credentials_get_401_with_sitoo_body(server: RunningServer) -> None:
    response = httpx.get(f"{server.base_url}{ACCOUNT_ROOT}/sites.json")
    assert response.status_code == 401
    assert response.json() == {"statuscode": 401, "errortext": "Unauthorized"}


def test_wrong_password_gets_401_with_sitoo_body_and_a_basic_challenge(server: RunningServer) -> None:
    response = httpx.get(f"{server.base_url}{ACCOUNT_ROOT}/sites.json", auth=("90001-1", "wrong"))
    assert response.status_code == 401
    assert response.content == b'{"statuscode":401,"errortext":"Unauthorized"}'
    assert response.json() == {"statuscode": 401, "errortext": "Unauthorized"}
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-length"] == str(len(response.content))
    assert response.headers["www-authenticate"] == 'Basic realm="Sitoo"'
    sent_by_the_server_itself = {"date", "server"}
    assert set(response.headers) - sent_by_the_server_itself == {
        "content-type",
        "content-length",
        "www-authenticate",
    }


def test_credentials_only_reach_their_own_account(server: RunningServer) -> None:
    response = httpx.get(
        f"{server.base_url}/v2/accounts/90002/sites.json", auth=("90001-1", "sandbox-secret")
    )
    assert response.status_code == 401


def test_a_further_api_user_reaches_only_its_own_account(fresh: SitooEmulator, server: RunningServer) -> None:
    fresh.update_settings({"more_api_users": {"90002-7": "other-secret"}})
    own = httpx.post(
        f"{server.base_url}/v2/accounts/90002/sites/1/products.json",
        json={"sku": "ONLY-IN-90002"},
        auth=("90002-7", "other-secret"),
    )
    assert own.status_code == 200
    main = httpx.get(f"{server.base_url}{ACCOUNT_ROOT}/sites/1/products.json", auth=AUTH)
    assert main.json()["totalcount"] == 0
    for account, auth in (("90001", ("90002-7", "other-secret")), ("90002", ("90002-7", "sandbox-secret"))):
        refused = httpx.get(f"{server.base_url}/v2/accounts/{account}/sites.json", auth=auth)
        assert refused.status_code == 401


def test_a_further_api_id_must_name_its_account(control: httpx.Client) -> None:
    refused = control.patch("/settings", json={"more_api_users": {"partner": "secret"}})
    assert refused.status_code == 400
    assert control.get("/settings").json()["more_api_users"] == {}


def test_address_outside_allow_list_is_refused(fresh: SitooEmulator, account_api: httpx.Client) -> None:
    fresh.update_settings({"ip_allowlist": ["10.0.0.0/8"]})
    refused = account_api.get("/sites.json")
    assert refused.status_code == 401
    assert refused.json() == {"statuscode": 401, "errortext": "IP address not allowed"}
    fresh.update_settings({"ip_allowlist": ["127.0.0.0/8"]})
    assert account_api.get("/sites.json").status_code == 200


def test_unknown_url_gets_404_with_sitoo_body(account_api: httpx.Client) -> None:
    response = account_api.get("/nothing-here.json")
    assert response.status_code == 404
    assert set(response.json()) == {"statuscode", "errortext"}


def test_unknown_site_gets_404(account_api: httpx.Client) -> None:
    response = account_api.get("/sites/7/products.json")
    assert response.status_code == 404
    assert response.json()["statuscode"] == 404


def test_unsupported_method_gets_405_with_sitoo_body(account_api: httpx.Client) -> None:
    response = account_api.delete("/sites.json")
    assert response.status_code == 405
    assert response.json() == {"statuscode": 405, "errortext": "Method Not Allowed"}


def test_sites_list_and_single_site(account_api: httpx.Client) -> None:
    listed = account_api.get("/sites.json").json()
    assert listed["totalcount"] == 1
    site = listed["items"][0]
    assert site["eshopid"] == 1
    assert site["siteid"].startswith("{")
    assert site["siteurl"] == f"{site['protocol']}://{site['server']}{site['abspath']}"
    assert account_api.get("/sites/1.json").json() == site
