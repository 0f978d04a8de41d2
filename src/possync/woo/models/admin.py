"""The shop's own configuration as WooCommerce shows it: webhooks, system status, settings.

``SystemStatus`` reads only what the client needs (``environment.version`` and friends) and
keeps the rest as unknown fields; a setting's ``value`` keeps whatever JSON type it has.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from possync.woo.models.base import GmtDate, Listy, Text, WooModel


class Webhook(WooModel):
    id: int
    name: Text = ""
    status: Text = "active"
    topic: Text = ""
    resource: Text = ""
    event: Text = ""
    hooks: Listy[Text] = Field(default_factory=list)
    delivery_url: Text = ""
    date_created_gmt: GmtDate = None
    date_modified_gmt: GmtDate = None


class Environment(WooModel):
    version: Text = ""
    wp_version: Text = ""
    home_url: Text = ""
    site_url: Text = ""


class StoreSettings(WooModel):
    currency: Text = ""
    number_of_decimals: int = 2


class SystemStatus(WooModel):
    environment: Environment = Field(default_factory=Environment)
    settings: StoreSettings = Field(default_factory=StoreSettings)

    def version_tuple(self) -> tuple[int, ...]:
        return tuple(int(p) for p in self.environment.version.split(".")[:3] if p.isdigit())


class Setting(WooModel):
    id: Text
    label: Text = ""
    type: Text = ""
    default: Any = None
    value: Any = None
    options: dict[str, Any] | None = None
    group_id: Text = ""
