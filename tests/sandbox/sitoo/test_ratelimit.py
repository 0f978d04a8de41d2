"""Rate limiting: a request budget per window per account, the limit headers, 429 when empty."""

from __future__ import annotations

import httpx

from possync_sandbox.sitoo import SitooEmulator


def test_every_answer_carries_the_limit_headers(fresh: SitooEmulator, account_api: httpx.Client) -> None:
    fresh.update_settings({"rate_limit_requests": 50, "rate_limit_window_seconds": 10})
    first = account_api.get("/sites.json")
    second = account_api.get("/sites.json")
    assert first.headers["X-Rate-Limit-Limit"] == "50"
    assert first.headers["X-Rate-Limit-Remaining"] == "49"
    assert second.headers["X-Rate-Limit-Remaining"] == "48"
    assert int(second.headers["X-Rate-Limit-Reset"]) >= 1


def test_exhausted_budget_answers_429_until_time_passes(
    fresh: SitooEmulator, account_api: httpx.Client
) -> None:
    fresh.update_settings({"rate_limit_requests": 3, "rate_limit_window_seconds": 30})
    assert [account_api.get("/sites.json").status_code for _ in range(3)] == [200, 200, 200]
    refused = account_api.get("/sites.json")
    assert refused.status_code == 429
    assert refused.json() == {"statuscode": 429, "errortext": "Too Many Requests"}
    assert refused.headers["Retry-After"] == "10"
    assert refused.headers["X-Rate-Limit-Remaining"] == "0"
    fresh.store.clock.advance(10)
    assert account_api.get("/sites.json").status_code == 200


def test_header_names_and_reset_form_are_switches(fresh: SitooEmulator, account_api: httpx.Client) -> None:
    fresh.update_settings(
        {"rate_limit_header_remaining": "X-RateLimit-Remaining", "rate_limit_reset_epoch": True}
    )
    response = account_api.get("/sites.json")
    assert "X-RateLimit-Remaining" in response.headers
    assert "X-Rate-Limit-Remaining" not in response.headers
    assert int(response.headers["X-Rate-Limit-Reset"]) >= fresh.store.now()
    fresh.update_settings({"rate_limit_headers": False})
    assert "X-Rate-Limit-Limit" not in account_api.get("/sites.json").headers


def test_zero_budget_switches_limiting_off(fresh: SitooEmulator, account_api: httpx.Client) -> None:
    fresh.update_settings({"rate_limit_requests": 0})
    statuses = {account_api.get("/sites.json").status_code for _ in range(5)}
    assert statuses == {200}


def test_each_account_spends_its_own_budget(fresh: SitooEmulator, server_url: str) -> None:
    fresh.update_settings(
        {"rate_limit_requests": 2, "rate_limit_window_seconds": 60, "more_api_users": {"90002-1": "other"}}
    )
    first = httpx.Client(base_url=f"{server_url}/v2/accounts/90001", auth=("90001-1", "sandbox-secret"))
    second = httpx.Client(base_url=f"{server_url}/v2/accounts/90002", auth=("90002-1", "other"))
    with first, second:
        assert [first.get("/sites.json").status_code for _ in range(3)] == [200, 200, 429]
        answers = [second.get("/sites.json") for _ in range(3)]
        assert [answer.status_code for answer in answers] == [200, 200, 429]
        assert [answer.headers["X-Rate-Limit-Remaining"] for answer in answers] == ["1", "0", "0"]
        assert first.get("/sites.json").status_code == 429
        fresh.store.clock.advance(30)
        assert first.get("/sites.json").headers["X-Rate-Limit-Remaining"] == "0"
        assert second.get("/sites.json").headers["X-Rate-Limit-Remaining"] == "0"
