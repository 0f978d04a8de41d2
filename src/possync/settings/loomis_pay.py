"""The Loomis Pay side of a connection: DUELL API credentials and the options of its WooCommerce page.

Field names follow the Loomis Pay "Integrations -> WooCommerce" screen (Synchronize prices,
Create Customer Order, Deduct from stock, the order status rules ...).
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, SecretStr, field_validator, model_validator


class OrderStatusRules(BaseModel):
    """Order statuses: which WooCommerce orders go to Loomis Pay and what status they get back."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    retrieve_orders_with_status: list[str] = Field(
        default_factory=lambda: ["processing"],
        description="Retrieve WooCommerce orders with these statuses and send them to Loomis Pay.",
    )
    status_after_retrieved: str | None = Field(
        None, description="WooCommerce status given to an order once it is synchronized to Loomis Pay."
    )
    status_when_completed: str = Field(
        "completed", description="WooCommerce status given when the order is completed in Loomis Pay."
    )
    loomis_pay_completed_status: str = Field(
        "Finished", description="The Loomis Pay status that means the order is completed."
    )


class LoomisPaySettings(BaseModel):
    """How to reach Loomis Pay (the DUELL API) and every option of its WooCommerce integration."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    client_number: str = Field(description="DUELL API client number (digits only).")
    client_token: SecretStr = Field(description="DUELL API client token (longer than 30 characters).")
    base_url: HttpUrl = Field(HttpUrl("https://api.kasseservice.no/v1/"), description="DUELL API base URL.")
    department: str | None = Field(None, description="Loomis Pay department, when the account has several.")
    from_date: date | None = Field(None, description="Orders from this date are synced from WooCommerce.")
    automatic_transfer: bool = Field(
        False, description="Synchronize continuously (overrides product attributes)."
    )
    synchronize_new_product_groups: bool = Field(
        False, description="Synchronize the product group of new products from Loomis Pay to WooCommerce."
    )
    synchronize_prices: bool = Field(
        True, description="Synchronize prices from Loomis Pay to the online store."
    )
    synchronize_new_products: bool = Field(
        True, description="Create new Loomis Pay products in WooCommerce (as drafts)."
    )
    synchronize_inventory: bool = Field(
        True, description="Synchronize inventory from Loomis Pay to WooCommerce."
    )
    synchronize_product_updates: bool = Field(
        True, description="Update product names in WooCommerce when they change in Loomis Pay."
    )
    synchronize_product_images: bool = Field(
        False, description="Send the Loomis Pay product image to WooCommerce when the product has none."
    )
    synchronize_orders: bool = Field(
        True, description="Create WooCommerce orders as customer orders in Loomis Pay."
    )
    sync_orders_from_order_number: int | None = Field(
        None, ge=1, description="First WooCommerce order number synced to Loomis Pay."
    )
    create_customer_order: bool = Field(
        True, description="Create customer orders in Loomis Pay (order handling done in Loomis Pay)."
    )
    price_list: str = Field(
        "normal", description="Where Loomis Pay prices go: 'normal', a price list name, or 'online_store'."
    )
    order_statuses: OrderStatusRules = Field(default_factory=OrderStatusRules, description="Order statuses.")
    create_products: bool = Field(
        False, description="Create products in Loomis Pay that an order refers to but Loomis Pay lacks."
    )
    deduct_from_stock: bool = Field(
        False, description="Deduct quantity from stock as soon as the order is created in WooCommerce."
    )
    allow_unlocking_customer_orders: bool = Field(
        False, description="Allow unlocking customer orders (removes the link with order statuses)."
    )
    bookkeeping: bool = Field(False, description="Include orders in Settlement and Z-report.")

    @field_validator("client_number")
    @classmethod
    def _numeric(cls, value: str) -> str:
        if not value.strip().isdigit():
            raise ValueError("the DUELL client number is digits only")
        return value.strip()

    @field_validator("client_token")
    @classmethod
    def _long_token(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value()) <= 30:
            raise ValueError("the DUELL client token is longer than 30 characters")
        return value

    @model_validator(mode="after")
    def _deduct_needs_no_customer_order(self) -> LoomisPaySettings:
        if self.deduct_from_stock and self.create_customer_order:
            raise ValueError("deduct_from_stock requires create_customer_order to be off")
        return self
