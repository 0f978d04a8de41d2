"""The Sitoo emulator's configuration: credentials, limits and every [INF]/[OPEN] switch.

Each behaviour the spec leaves open (tagged [INF] or [OPEN]) is one named field here with the
default the spec suggests, so it can be flipped in one place once a real Sitoo has been
observed. Settings enter the emulator once and can be patched at run time via the control API.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

DEFAULT_ACCOUNT_ID = 90001
DEFAULT_API_ID = "90001-1"
DEFAULT_PASSWORD = "sandbox-secret"  # noqa: S105 - the sandbox's published password
DEFAULT_ESHOPID = 1


class SitooSettings(BaseModel):
    """Everything the emulator can be told; all fields have defaults."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    # --- identity and access -------------------------------------------------------------
    account_id: int = DEFAULT_ACCOUNT_ID
    api_id: str = DEFAULT_API_ID
    api_password: str = DEFAULT_PASSWORD
    eshopid: int = DEFAULT_ESHOPID
    currency: str = "SEK"
    more_api_users: dict[str, str] = Field(default_factory=dict)
    """Further API users ``{api_id: password}``, each reaching only the account its id starts with
    (``90002-1`` → 90002, spec §1); the emulator opens that account with one site ``eshopid``.
    Its data and rate budget are its own; events and the shop floor serve the main account."""
    ip_allowlist: list[str] = Field(default_factory=list)
    """Addresses or CIDR networks allowed to call ``/v2``; empty allows every address."""
    ip_refused_status: int = 401
    """[OPEN] The status for a request from an address not allowed (spec §2 suggests 401)."""

    # --- persistence and clock -----------------------------------------------------------
    data_file: str | None = None
    """JSON file loaded at start and written after each write; None keeps state in memory."""
    frozen_time: int | None = None
    """Unix seconds the clock stands still at (tests); None follows the wall clock."""

    # --- reading ---------------------------------------------------------------------------
    num_default: int = 10
    num_cap: int | None = None
    """[OPEN] No maximum ``num`` is documented; None means no cap, a number clamps ``num``."""
    unknown_fields: Literal["ignore", "reject"] = "ignore"
    """[OPEN] An unknown name in ``fields=`` is ignored (spec §4.2) or answered with 400."""
    datelastmodified_inclusive: bool = False
    """[OPEN] Products ``datelastmodified``: changed strictly after (False) or at-or-after."""
    date_range_from_inclusive: bool = True
    """[OPEN] ``...from`` date filters (warehouse items, orders, transactions) include the bound."""
    date_range_to_inclusive: bool = False
    """[OPEN] ``...to`` date filters include the bound (the docs say 'before': exclusive)."""
    inactive_rule: Literal["both_off", "pos_off", "web_off"] = "both_off"
    """[OPEN] Which products ``includeinactive=false`` hides: off in POS and webshop (default)."""

    # --- writing ---------------------------------------------------------------------------
    envelope_for_single_item_array: bool = True
    """[OPEN] A one-element array body is answered with an envelope (True) or a bare value."""
    batch_http_status_on_item_failure: int = 200
    """[INF] HTTP status of a batch where some elements failed (each element has its own)."""
    max_transactions_per_request: int = 1000
    max_pricelists: int = 100
    accept_numeric_money: bool = True
    """[INF]/[OPEN] Money sent as a JSON number is accepted (True) or refused with 400."""
    money_rounding: Literal["half_up", "half_even"] = "half_up"
    """[OPEN] Rounding of computed money amounts."""
    duplicate_sku_status: int = 400
    """[OPEN] Status of a create or update whose SKU already exists in the site."""
    sku_pattern: str = r"[A-Za-z0-9_+\-/]+"
    """[SPEC] Allowed SKU characters ``[A-Za-z0-9_+-/]`` read as the list ``_ + - /``."""
    sku_max_length: int | None = None
    """[OPEN] No SKU length limit is documented (the Backoffice UI suggests 10)."""
    default_vatid: int = 2
    """[DOC] A product without ``vatid`` joins product group 2, which cannot be deleted."""
    category_unknown_parent_status: int = 400
    """[OPEN] A category whose parent does not exist (or would make a cycle) is refused."""
    productgroup_delete_in_use: Literal["refuse", "move_to_default"] = "refuse"
    """[OPEN] Deleting a product group still used by products: 400, or move them to group 2."""
    variants_keep_unlisted_main: bool = True
    """[OPEN] PUT productvariants without the main product keeps it as the family's owner."""
    product_delete_main: Literal["family", "refuse"] = "family"
    """[OPEN] Deleting a main variant deletes its whole family, or is refused with 400."""
    title_max_length: int | None = None
    """[OPEN] No title length limit is documented; a number refuses longer titles with 400."""
    custom_attributes_unknown: Literal["accept", "reject"] = "accept"
    """[OPEN] A product value for a custom attribute the site has not defined."""
    image_index_base: int = 0
    """[OPEN] Product image ``imageid`` counts positions from 0 (or 1)."""
    image_unknown_resource_status: int = 404
    """[INF] Linking an image by ``resourceid`` alone when no such file was uploaded."""

    # --- stock, orders, vouchers, price lists (sitoo-stock's switches) ---------------------
    warehousetype_default: int = 10
    """[OPEN] ``warehousetype`` of a warehouse created without one: 10 = FIFO."""
    virtual_warehouse_batches: bool = False
    """[OPEN] Whether Virtual warehouses accept warehouse batches (spec: answer 400)."""
    single_open_batch_per_type: bool = False
    """[OPEN] Strict mode: a second open batch of the same type in a warehouse gets 400."""
    stocktaking_zeroes_missing: bool = False
    """[OPEN] Whether closing a stock-taking batch zeroes SKUs it does not list."""
    over_delivery_allowed: bool = False
    """[OPEN] Delivered quantity above the ordered quantity is refused (400) unless True."""
    duplicate_externalid_status: int = 400
    """[INF] Status of an order whose ``externalid`` is already taken."""
    warehousetype_changeable: bool = False
    """[OPEN] Whether a PUT may change a warehouse's ``warehousetype`` (refused with 400 by default)."""
    reserve_stock_for_open_orders: bool = True
    """[INF] Open orders whose ``datereserved`` lies ahead hold their undelivered quantities (reserved)."""
    delivery_requires_stock: bool = False
    """[OPEN] Whether a delivery is refused (400) when the warehouse holds less than it hands over."""

    # --- rate limiting ---------------------------------------------------------------------
    rate_limit_requests: int = 1200
    """[OPEN] Requests allowed per window per account (token bucket); 0 switches limiting off."""
    rate_limit_window_seconds: float = 60.0
    rate_limit_headers: bool = True
    """[OPEN] Whether responses carry the limit headers."""
    rate_limit_header_limit: str = "X-Rate-Limit-Limit"
    rate_limit_header_remaining: str = "X-Rate-Limit-Remaining"
    rate_limit_header_reset: str = "X-Rate-Limit-Reset"
    rate_limit_reset_epoch: bool = False
    """[OPEN] The reset header holds seconds to wait (False) or the epoch second (True)."""

    # --- events (SPI) ----------------------------------------------------------------------
    event_receiver_url: str | None = None
    event_batch_size: int = 10
    event_retry_statuses: list[int] = Field(default_factory=lambda: [429, 503, 504])
    """[OPEN] Answers after which a batch is sent again, blocking later events (spec §11.13: SPI
    is undocumented); any other non-2xx answer, 500 and 502 included, drops the batch."""
    event_retry_delays: list[float] = Field(default_factory=lambda: [1.0, 2.0, 5.0, 10.0, 30.0])
    event_timeout_seconds: float = 10.0

    @field_validator("more_api_users")
    @classmethod
    def _api_ids_name_their_account(cls, users: dict[str, str]) -> dict[str, str]:
        for api_id in users:
            if not re.fullmatch(r"\d+-\d+", api_id):
                msg = f"API id {api_id!r} is not <accountid>-<n>"
                raise ValueError(msg)
        return users

    def api_users(self) -> dict[str, tuple[int, str]]:
        """Every API user: its account and password, the main one first."""
        users = {self.api_id: (self.account_id, self.api_password)}
        for api_id, password in self.more_api_users.items():
            users.setdefault(api_id, (account_of_api_id(api_id), password))
        return users


def account_of_api_id(api_id: str) -> int:
    """The account an API id belongs to: its part before the dash (``10020-140`` → 10020)."""
    return int(api_id.partition("-")[0])
