"""Sitoo configuration: base URL normalisation, account from the URL or API id, site."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from possync.settings import SitooSettings
from possync.sitoo import SitooClient, config_from_settings
from possync.sitoo.config import SitooConfig, account_from_api_id


def test_full_base_url_is_kept_and_gives_the_account() -> None:
    config = SitooConfig(base_url="https://api.mysitoo.com/v2/accounts/1500/", api_id="1500-1", password="p")
    assert config.api_root == "https://api.mysitoo.com/v2/accounts/1500"
    assert config.account_id == 1500
    assert config.site_root == "https://api.mysitoo.com/v2/accounts/1500/sites/1"


def test_host_only_takes_the_account_from_the_api_id() -> None:
    config = SitooConfig(
        base_url="https://api-sandbox.mysitoo.com/", api_id="10020-140", password="p", site_id=2
    )
    assert config.api_root == "https://api-sandbox.mysitoo.com/v2/accounts/10020"
    assert config.site_root.endswith("/accounts/10020/sites/2")


def test_site_suffix_in_the_url_gives_the_site() -> None:
    config = SitooConfig(base_url="http://127.0.0.1:8000/v2/accounts/90001/sites/3", api_id="x", password="p")
    assert config.site == 3
    assert config.api_root == "http://127.0.0.1:8000/v2/accounts/90001"


def test_no_account_anywhere_is_a_clear_error() -> None:
    with pytest.raises(ValidationError, match="no Sitoo account id"):
        SitooConfig(base_url="https://api.mysitoo.com", api_id="apiuser", password="p")


def test_conflicting_accounts_are_refused() -> None:
    with pytest.raises(ValidationError, match="does not match"):
        SitooConfig(
            base_url="https://api.mysitoo.com/v2/accounts/1500", api_id="1-1", password="p", account_id=7
        )


def test_password_is_not_shown() -> None:
    config = SitooConfig(base_url="https://h/v2/accounts/1", api_id="1-1", password="sandbox-secret")
    assert "sandbox-secret" not in repr(config)
    assert account_from_api_id("90001-1") == 90001
    assert account_from_api_id("nope") is None


def test_config_from_the_connection_settings() -> None:
    settings = SitooSettings(
        base_url="https://api.mysitoo.com", api_id="90001-1", api_password="sandbox-secret", site=2
    )
    config = config_from_settings(settings, page_size=500)
    assert config.site_root == "https://api.mysitoo.com/v2/accounts/90001/sites/2"
    assert config.password.get_secret_value() == "sandbox-secret"
    assert config.page_size == 500


async def test_headroom_and_requests_in_flight_reach_the_client_from_the_settings() -> None:
    credentials = {"base_url": "https://api.mysitoo.com", "api_id": "90001-1", "api_password": "pw-90001"}
    default = config_from_settings(SitooSettings.model_validate(credentials))
    assert (default.headroom, default.concurrency) == (0.1, 4)
    settings = {**credentials, "rate_limit_headroom_percent": 25, "max_concurrent_requests": 7}
    async with SitooClient(config_from_settings(SitooSettings.model_validate(settings))) as client:
        assert client.http.budget.headroom == 0.25
        assert client.http.concurrency == 7
