"""The Sitoo side of a connection: API credentials, mode, shop, warehouse and the plugin's options.

Credentials come from Sitoo's "Settings > Sitoo REST API" page; the option groups mirror the
headings of the plugin's settings page (see ``sitoo_options``).
"""

from __future__ import annotations

import re
from datetime import timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, SecretStr, ValidationInfo, field_validator

from possync.settings.limits import concurrent_requests, headroom_percent
from possync.settings.sitoo_options import (
    AutosyncOptions,
    FullSyncOptions,
    LogOptions,
    MiscOptions,
    TriggerOptions,
)

_API_ID = re.compile(r"^(\d+)-\d+$")
_ACCOUNT_PATH = re.compile(r"/v2/accounts/(\d+)")


class Mode(StrEnum):
    """Live or test: test mode runs every schedule each minute and allows the test-mode tools."""

    LIVE = "live"
    TEST = "test"


class StockMaster(StrEnum):
    """Which side's stock figures win."""

    SITOO = "sitoo"
    WOOCOMMERCE = "woocommerce"


class SitooSettings(BaseModel):
    """How to reach Sitoo and every option of the Sitoo plugin's settings page."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: HttpUrl = Field(description="Sitoo API base URL, e.g. https://api.mysitoo.com.")
    api_id: str = Field(description="API id from Sitoo's REST API settings, e.g. 90001-1.")
    api_password: SecretStr = Field(description="Password created for the API id.")
    mode: Mode = Field(Mode.TEST, description="Which mode and access credentials are used: live or test.")
    site: int = Field(1, ge=1, description="Sitoo API endpoint: the Sitoo shop (eshopid) synced to and from.")
    files_url: HttpUrl | None = Field(
        None,
        description="Where Sitoo serves the site's uploaded files (product images), e.g. "
        "https://files.example/1; unset: product images are not fetched down from Sitoo.",
    )
    warehouse: int | None = Field(
        None, ge=1, description="WooCommerce warehouse: the Sitoo warehouse id WooCommerce syncs stock with."
    )
    stock_master: StockMaster = Field(StockMaster.SITOO, description="Which side's stock figures win.")
    autosync_cron: bool = Field(
        False, description="Autosync cron: stock every 3 min, other tasks every 15 min (1 min in test mode)."
    )
    rate_limit_headroom_percent: int = headroom_percent("Sitoo account")
    max_concurrent_requests: int = concurrent_requests("Sitoo")
    autosync: AutosyncOptions = Field(default_factory=AutosyncOptions, description="Autosync options.")
    triggers: TriggerOptions = Field(default_factory=TriggerOptions, description="Triggers.")
    misc: MiscOptions = Field(default_factory=MiscOptions, description="Misc options.")
    full_sync: FullSyncOptions = Field(default_factory=FullSyncOptions, description="Full sync options.")
    logs: LogOptions = Field(default_factory=LogOptions, description="Logs.")

    @field_validator("api_id")
    @classmethod
    def _api_id_names_the_account(cls, value: str, info: ValidationInfo) -> str:
        base_url = str(info.data.get("base_url", ""))
        if _account(value.strip(), base_url) is None:
            raise ValueError(
                "a Sitoo API id is '<account>-<number>', e.g. 90001-1 "
                "(or give the base URL with /v2/accounts/<account>)"
            )
        return value.strip()

    @property
    def account_id(self) -> int:
        """The Sitoo account number: from the base URL's /v2/accounts/<id>, else the API id's prefix."""
        account = _account(self.api_id, str(self.base_url))
        if account is None:  # pragma: no cover - refused by validation
            raise ValueError("no Sitoo account id")
        return account

    def autosync_intervals(self) -> tuple[timedelta, timedelta]:
        """How often the stock sync and the other tasks run: (stock, other)."""
        if self.mode is Mode.TEST:
            return timedelta(minutes=1), timedelta(minutes=1)
        return timedelta(minutes=3), timedelta(minutes=15)


def _account(api_id: str, base_url: str) -> int | None:
    match = _ACCOUNT_PATH.search(base_url) or _API_ID.match(api_id)
    return int(match.group(1)) if match else None
