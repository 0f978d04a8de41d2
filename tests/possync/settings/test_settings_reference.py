"""The options reference lists every option under its seed name and matches docs/configuration.md."""

from __future__ import annotations

from pathlib import Path

from possync.settings.reference import markdown, options

DOCS = Path(__file__).resolve().parents[3] / "docs" / "configuration.md"


def test_docs_are_generated_from_the_model() -> None:
    assert DOCS.read_text(encoding="utf-8") == markdown(), "run: python -m possync.settings.reference"


def test_seed_options_are_listed_with_their_variables() -> None:
    by_name = {option.name: option for option in options()}
    for name in (
        "sitoo.misc.prices_including_vat",
        "sitoo.misc.fetch_products",
        "sitoo.full_sync.exclude_external_products",
        "sitoo.full_sync.ignore_errors",
        "sitoo.full_sync.check_rate_limit_before_full_sync",
        "sitoo.triggers.send_changes_on_synced_products_and_categories",
        "sitoo.stock_master",
        "sitoo.warehouse",
        "loomis_pay.deduct_from_stock",
        "loomis_pay.order_statuses.status_when_completed",
    ):
        assert by_name[name].description
    fetch = by_name["sitoo.misc.fetch_products"]
    assert fetch.env == "POSSYNC_SITOO__MISC__FETCH_PRODUCTS"
    assert fetch.kind.count("`") == 14
    assert by_name["woocommerce.consumer_secret"].kind == "secret"
    assert by_name["sitoo.warehouse"].kind == "integer (optional)"
    assert by_name["sitoo.api_id"].default == "required"
