"""The WooCommerce side of a connection: where the shop is and the REST API keys to reach it.

The fields follow the plugin screens a merchant already knows (the Loomis Pay "Integrations ->
WooCommerce" page: store URL, API version, consumer key and consumer secret).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, SecretStr, field_validator

from possync.settings.limits import concurrent_requests, headroom_percent


class ApiVersion(StrEnum):
    """WooCommerce REST API version: v2 for WooCommerce 3.0-3.5, v3 above, auto asks the shop."""

    AUTO = "auto"
    V3 = "v3"
    V2 = "v2"


class WooCommerceSettings(BaseModel):
    """Where the WooCommerce shop is and the REST API keys created for possync."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: HttpUrl = Field(description="Full URL of the online store, e.g. https://shop.example.com.")
    consumer_key: SecretStr = Field(
        description="Consumer key created under WooCommerce > Settings > REST API."
    )
    consumer_secret: SecretStr = Field(description="Consumer secret belonging to the consumer key.")
    api_version: ApiVersion = Field(
        ApiVersion.AUTO, description="REST API version: auto (ask the shop), v3 (WooCommerce 3.5+) or v2."
    )
    rate_limit_headroom_percent: int = headroom_percent("shop")
    max_concurrent_requests: int = concurrent_requests("the shop")

    @field_validator("consumer_key")
    @classmethod
    def _key_shape(cls, value: SecretStr) -> SecretStr:
        if not value.get_secret_value().startswith("ck_"):
            raise ValueError("a WooCommerce consumer key starts with 'ck_'")
        return value

    @field_validator("consumer_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr) -> SecretStr:
        if not value.get_secret_value().startswith("cs_"):
            raise ValueError("a WooCommerce consumer secret starts with 'cs_'")
        return value
