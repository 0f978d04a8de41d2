"""The configuration of one emulated WooCommerce shop: its version, options and API keys.

``WooSettings`` enters the emulator once and is shared by every module; the control API
changes it in place (``validate_assignment``). The sandbox keys are deterministic constants
so tests, the demo and the CLI can authenticate without reading anything.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Permission = Literal["read", "write", "read_write"]


class ApiKey(BaseModel):
    """A WooCommerce REST API key pair, bound to a WordPress user."""

    model_config = ConfigDict(frozen=True)

    consumer_key: str
    consumer_secret: str
    permissions: Permission = "read_write"
    user_id: int = 1
    description: str = "sandbox"

    def can_read(self) -> bool:
        return self.permissions in ("read", "read_write")

    def can_write(self) -> bool:
        return self.permissions in ("write", "read_write")


SANDBOX_KEY = ApiKey(
    consumer_key="ck_" + "5a1d" * 10,
    consumer_secret="cs_" + "7e3b" * 10,
    permissions="read_write",
    description="sandbox read_write",
)
SANDBOX_READ_KEY = ApiKey(
    consumer_key="ck_" + "0e4d" * 10,
    consumer_secret="cs_" + "91c2" * 10,
    permissions="read",
    description="sandbox read",
)
SANDBOX_WRITE_KEY = ApiKey(
    consumer_key="ck_" + "a7f0" * 10,
    consumer_secret="cs_" + "c4e8" * 10,
    permissions="write",
    description="sandbox write",
)


def _default_keys() -> list[ApiKey]:
    return [SANDBOX_KEY, SANDBOX_READ_KEY, SANDBOX_WRITE_KEY]


class WooSettings(BaseModel):
    """Everything that makes one shop differ from another; all fields have defaults."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    https: bool = True
    """The shop's ``is_ssl()``: Basic and query-string keys only work when true."""
    wc_version: str = "9.4.2"
    wp_version: str = "6.7.7"
    timezone: str = "Europe/Stockholm"
    currency: str = "SEK"
    prices_include_tax: bool = True
    calc_taxes: bool = True
    manage_stock: bool = True
    notify_no_stock_amount: int = 0
    batch_limit: int = Field(100, ge=1)
    batch_limits: dict[str, int] = Field(default_factory=dict)
    """Per rest base (``products``, ``variations``), as the ``woocommerce_rest_batch_items_limit`` filter."""
    keys: list[ApiKey] = Field(default_factory=_default_keys)
    public_url: str | None = None
    """The site's home URL; when unset, the scheme and host the request came to."""
    data_file: str | None = None
    """JSON file the state is loaded from at start and saved to after each write."""
    site_title: str = "possync sandbox shop"
    order_statuses: dict[str, str] = Field(default_factory=dict)
    """Custom order statuses, slug (with or without ``wc-``) → label, as a plugin registers them."""
    webhook_delay: float = Field(1.0, ge=0)
    """Seconds WooCommerce's action queue waits before delivering a webhook."""

    def key(self, consumer_key: str) -> ApiKey | None:
        return next((key for key in self.keys if key.consumer_key == consumer_key), None)

    def limit_for(self, rest_base: str) -> int:
        return self.batch_limits.get(rest_base, self.batch_limit)

    def version_tuple(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.wc_version.split(".") if part.isdigit())

    def has_modified_filters(self) -> bool:
        """``modified_after``/``modified_before``/``dates_are_gmt`` shipped with WooCommerce 5.8."""
        return self.version_tuple() >= (5, 8)
