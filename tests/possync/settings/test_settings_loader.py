"""Settings come from a TOML file and POSSYNC_* variables (the environment wins), with every seed
option under its seed name, and errors that name the option and where its value came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from possync.settings import (
    ApiVersion,
    FetchProducts,
    Mode,
    Operation,
    Settings,
    SettingsError,
    StockMaster,
    load_settings,
)

TOML = """
connection = "main-shop"

[woocommerce]
url = "https://shop.example.com"
consumer_key = "ck_0123"
consumer_secret = "cs_4567"
api_version = "v3"

[sitoo]
api_id = "90001-1"
api_password = "sandbox-secret"
base_url = "https://api.mysitoo.com"
mode = "live"
site = 2
warehouse = 5
stock_master = "woocommerce"

[sitoo.misc]
fetch_products = "active_webshop"
prices_including_vat = false

[sitoo.full_sync]
operations = ["match_all", "fetch_manufacturers", "fetch_unmatched_products"]
ignore_errors = true
"""


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "possync.toml"
    path.write_text(TOML, encoding="utf-8")
    return path


def test_settings_from_toml(config: Path) -> None:
    settings = load_settings(config, environ={})
    sitoo = settings.sitoo
    assert sitoo is not None
    assert settings.connection == "main-shop"
    assert settings.woocommerce.api_version is ApiVersion.V3
    assert (sitoo.account_id, sitoo.mode, sitoo.site, sitoo.warehouse) == (90001, Mode.LIVE, 2, 5)
    assert sitoo.stock_master is StockMaster.WOOCOMMERCE
    assert sitoo.misc.fetch_products is FetchProducts.ACTIVE_WEBSHOP
    assert sitoo.misc.prices_including_vat is False
    assert sitoo.full_sync.operations[-1] is Operation.FETCH_UNMATCHED_PRODUCTS
    assert sitoo.full_sync.ignore_errors is True


def test_defaults_follow_the_seed(config: Path) -> None:
    sitoo = load_settings(config, environ={}).sitoo
    assert sitoo is not None
    assert sitoo.full_sync.exclude_external_products is True
    assert sitoo.full_sync.check_rate_limit_before_full_sync is True
    assert sitoo.triggers.send_changes_on_synced_products_and_categories is False
    assert sitoo.autosync_intervals()[0].total_seconds() == 180


def test_environment_wins_and_nests_with_double_underscore(config: Path) -> None:
    environ = {
        "POSSYNC_SITOO__MISC__FETCH_PRODUCTS": "inactive_pos",
        "POSSYNC_SITOO__TRIGGERS__SEND_CHANGES_ON_SYNCED_PRODUCTS_AND_CATEGORIES": "true",
        "POSSYNC_SITOO__FULL_SYNC__OPERATIONS": '["resync_matched_variations"]',
        "POSSYNC_DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:5432/test",
        "OTHER_VARIABLE": "ignored",
    }
    settings = load_settings(config, environ=environ)
    assert settings.sitoo is not None
    assert settings.sitoo.misc.fetch_products is FetchProducts.INACTIVE_POS
    assert settings.sitoo.triggers.send_changes_on_synced_products_and_categories is True
    assert settings.sitoo.full_sync.operations == [Operation.RESYNC_MATCHED_VARIATIONS]
    assert settings.sitoo.misc.prices_including_vat is False
    assert settings.database_url.startswith("postgresql+psycopg://")


def test_account_from_the_base_url_when_the_api_id_has_another_shape(config: Path) -> None:
    environ = {
        "POSSYNC_SITOO__API_ID": "integration",
        "POSSYNC_SITOO__BASE_URL": "https://h.example/v2/accounts/1500",
    }
    sitoo = load_settings(config, environ=environ).sitoo
    assert sitoo is not None
    assert (sitoo.api_id, sitoo.account_id) == ("integration", 1500)


def test_config_path_from_the_environment(config: Path) -> None:
    settings = load_settings(environ={"POSSYNC_CONFIG": str(config)})
    assert settings.connection == "main-shop"


def test_default_database_is_a_sqlite_file_beside_the_config(config: Path) -> None:
    settings = load_settings(config, environ={})
    assert settings.database_url == f"sqlite:///{config.resolve().parent / 'possync.db'}"


def test_secrets_are_hidden(config: Path) -> None:
    settings = load_settings(config, environ={})
    assert settings.sitoo is not None
    assert "sandbox-secret" not in repr(settings)
    assert "cs_4567" not in settings.model_dump_json()
    assert settings.sitoo.api_password.get_secret_value() == "sandbox-secret"


def test_errors_name_the_option_and_its_source(config: Path) -> None:
    environ = {"POSSYNC_SITOO__MISC__FETCH_PRODUCTS": "everything", "POSSYNC_SITOO__SITE": "0"}
    config.write_text(TOML.replace('api_id = "90001-1"', 'api_id = "sitoo"'), encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(config, environ=environ)
    message = str(caught.value)
    assert "3 problem(s)" in message
    assert "sitoo.api_id: a Sitoo API id is '<account>-<number>', e.g. 90001-1" in message
    assert f"/v2/accounts/<account>) (in {config})" in message
    assert "sitoo.misc.fetch_products: Input should be 'all'" in message
    assert "(from POSSYNC_SITOO__MISC__FETCH_PRODUCTS)" in message
    assert "sitoo.site: Input should be greater than or equal to 1 (from POSSYNC_SITOO__SITE)" in message


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("POSSYNC_SITOO__MISC__PRICES_INCLUDING_VAT", "maybe", "sitoo.misc.prices_including_vat"),
        ("POSSYNC_SITOO__FULL_SYNC__OPERATIONS", '["full_sync_everything"]', "sitoo.full_sync.operations.0"),
        ("POSSYNC_SITOO__MISC__PRICE_INCLUDING_VAT", "true", "sitoo.misc.price_including_vat: Extra inputs"),
        ("POSSYNC_WOOCOMMERCE__CONSUMER_KEY", "abc", "woocommerce.consumer_key: a WooCommerce consumer key"),
        ("POSSYNC_DATABASE_URL", "mysql://x", "database_url: the store runs on SQLite"),
    ],
)
def test_each_bad_option_is_named(config: Path, variable: str, value: str, expected: str) -> None:
    with pytest.raises(SettingsError, match="invalid possync settings") as caught:
        load_settings(config, environ={variable: value})
    assert expected in str(caught.value)


def test_missing_and_broken_files_are_reported(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="config file not found"):
        load_settings(tmp_path / "absent.toml", environ={})
    broken = tmp_path / "broken.toml"
    broken.write_text("[sitoo\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings(broken, environ={})


def test_exactly_one_pos_is_configured(config: Path) -> None:
    environ = {"POSSYNC_LOOMIS_PAY__CLIENT_NUMBER": "123", "POSSYNC_LOOMIS_PAY__CLIENT_TOKEN": "t" * 31}
    with pytest.raises(SettingsError, match="configure exactly one POS"):
        load_settings(config, environ=environ)


def test_loomis_pay_options(tmp_path: Path) -> None:
    settings = Settings.model_validate(
        {
            "woocommerce": {
                "url": "https://shop.example.com",
                "consumer_key": "ck_1",
                "consumer_secret": "cs_1",
            },
            "loomis_pay": {
                "client_number": "123",
                "client_token": "t" * 31,
                "synchronize_prices": False,
                "order_statuses": {"status_after_retrieved": "on-hold"},
            },
        }
    )
    assert settings.loomis_pay is not None
    assert settings.loomis_pay.synchronize_prices is False
    assert settings.loomis_pay.order_statuses.status_after_retrieved == "on-hold"
    with pytest.raises(ValueError, match="deduct_from_stock requires create_customer_order to be off"):
        Settings.model_validate(
            {
                "woocommerce": {
                    "url": "https://s.example",
                    "consumer_key": "ck_1",
                    "consumer_secret": "cs_1",
                },
                "loomis_pay": {"client_number": "1", "client_token": "t" * 31, "deduct_from_stock": True},
            }
        )


def test_every_option_has_a_description() -> None:
    from pydantic import BaseModel

    def undocumented(model: type[BaseModel], prefix: str) -> list[str]:
        missing = []
        for name, field in model.model_fields.items():
            if not field.description:
                missing.append(prefix + name)
            annotation = field.annotation
            for candidate in getattr(annotation, "__args__", (annotation,)):
                if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                    missing += undocumented(candidate, f"{prefix}{name}.")
        return missing

    assert undocumented(Settings, "") == []
