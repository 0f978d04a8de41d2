"""The control API: reset, state, counters, faults (with Sitoo-shaped bodies), settings, clock."""

from __future__ import annotations

import httpx

from possync_sandbox.sitoo import SitooEmulator


def test_counters_count_api_requests_by_route_and_reset(
    control: httpx.Client, account_api: httpx.Client
) -> None:
    account_api.get("/sites.json")
    account_api.get("/sites/1.json")
    counted = control.get("/counters").json()
    assert counted["total"] == 2
    assert counted["by_route"]["GET /v2/accounts/{id}/sites.json"] == 1
    assert control.post("/counters/reset").json()["total"] == 0
    assert control.get("/counters").json()["total"] == 0


def test_control_routes_need_no_credentials_and_meet_no_faults(control: httpx.Client) -> None:
    control.put("/faults", json={"error_rate": 1.0})
    assert control.get("/state").status_code == 200


def test_injected_server_errors_have_sitoo_body(control: httpx.Client, account_api: httpx.Client) -> None:
    control.put("/faults", json={"script": ["error", "rate_limit", "ok"]})
    error = account_api.get("/sites.json")
    limited = account_api.get("/sites.json")
    assert error.status_code == 503
    assert error.json() == {"statuscode": 503, "errortext": "Service Unavailable"}
    assert limited.status_code == 429
    assert limited.json()["errortext"] == "Too Many Requests"
    assert "retry-after" in limited.headers
    assert account_api.get("/sites.json").status_code == 200
    assert control.get("/faults").json()["served"] == {"error": 1, "rate_limit": 1, "ok": 1}


def test_invalid_fault_plan_is_refused(control: httpx.Client) -> None:
    response = control.put("/faults", json={"error_rate": 3})
    assert response.status_code == 400


def test_settings_read_and_patch(fresh: SitooEmulator, control: httpx.Client) -> None:
    assert control.get("/settings").json()["num_default"] == 10
    patched = control.patch("/settings", json={"num_cap": 50})
    assert patched.json()["num_cap"] == 50
    assert fresh.settings.num_cap == 50
    assert control.patch("/settings", json={"no_such_switch": 1}).status_code == 400


def test_clock_can_be_frozen_and_advanced(control: httpx.Client) -> None:
    frozen = control.put("/clock", json={"frozen": 1_800_000_000}).json()
    assert frozen == {"now": 1_800_000_000, "frozen": True}
    assert control.put("/clock", json={"advance": 60}).json()["now"] == 1_800_000_060


def test_reset_forgets_everything_but_the_seed(fresh: SitooEmulator, control: httpx.Client) -> None:
    fresh.add_site(2)
    assert len(control.get("/state").json()["accounts"][0]["sites"]) == 2
    assert control.post("/reset").json() == {"ok": True}
    assert [site["eshopid"] for site in control.get("/state").json()["accounts"][0]["sites"]] == [1]
