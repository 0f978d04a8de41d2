"""Orders and what hangs off them as WooCommerce shows them: lines, notes, refunds, and coupons.

Money is ``Decimal`` (read from strings; a line item's ``price`` comes as a JSON number, refund
totals as negative strings). Meta values keep their JSON type (``_reduced_stock`` is a string).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from possync.woo.models.base import (
    GmtDate,
    ImageRef,
    Listy,
    LocalDate,
    MetaData,
    Money,
    Name,
    OptionalInt,
    Text,
    WooModel,
)


class Address(WooModel):
    first_name: Text = ""
    last_name: Text = ""
    company: Text = ""
    address_1: Text = ""
    address_2: Text = ""
    city: Text = ""
    state: Text = ""
    postcode: Text = ""
    country: Text = ""
    email: Text = ""
    phone: Text = ""


class LineTax(WooModel):
    id: int
    total: Money = None
    subtotal: Money = None


class LineItem(WooModel):
    id: int
    name: Name = ""
    product_id: int = 0
    variation_id: int = 0
    quantity: int = 0
    tax_class: Text = ""
    subtotal: Money = None
    subtotal_tax: Money = None
    total: Money = None
    total_tax: Money = None
    taxes: Listy[LineTax] = Field(default_factory=list)
    meta_data: Listy[MetaData] = Field(default_factory=list)
    sku: Text | None = None
    price: Money = None
    image: ImageRef | None = None
    parent_name: Text | None = None

    def meta(self, key: str) -> Any:
        return next((m.value for m in self.meta_data if m.key == key), None)


class ShippingLine(WooModel):
    id: int
    method_title: Text = ""
    method_id: Text = ""
    instance_id: Text = ""
    total: Money = None
    total_tax: Money = None
    meta_data: Listy[MetaData] = Field(default_factory=list)


class FeeLine(WooModel):
    id: int
    name: Text = ""
    tax_class: Text = ""
    tax_status: Text = "taxable"
    total: Money = None
    total_tax: Money = None


class CouponLine(WooModel):
    id: int
    code: Text = ""
    discount: Money = None
    discount_tax: Money = None


class TaxLine(WooModel):
    id: int
    rate_code: Text = ""
    rate_id: int = 0
    label: Text = ""
    compound: bool = False
    tax_total: Money = None
    shipping_tax_total: Money = None


class RefundRef(WooModel):
    id: int
    reason: Text = ""
    total: Money = None


class Order(WooModel):
    id: int
    parent_id: int = 0
    number: Text = ""
    order_key: Text = ""
    created_via: Text = ""
    status: Text = "pending"
    currency: Text = ""
    date_created: LocalDate = None
    date_created_gmt: GmtDate = None
    date_modified: LocalDate = None
    date_modified_gmt: GmtDate = None
    date_paid_gmt: GmtDate = None
    date_completed_gmt: GmtDate = None
    discount_total: Money = None
    discount_tax: Money = None
    shipping_total: Money = None
    shipping_tax: Money = None
    cart_tax: Money = None
    total: Money = None
    total_tax: Money = None
    prices_include_tax: bool = False
    customer_id: int = 0
    customer_note: Text = ""
    billing: Address = Field(default_factory=Address)
    shipping: Address = Field(default_factory=Address)
    payment_method: Text = ""
    payment_method_title: Text = ""
    transaction_id: Text = ""
    meta_data: Listy[MetaData] = Field(default_factory=list)
    line_items: Listy[LineItem] = Field(default_factory=list)
    tax_lines: Listy[TaxLine] = Field(default_factory=list)
    shipping_lines: Listy[ShippingLine] = Field(default_factory=list)
    fee_lines: Listy[FeeLine] = Field(default_factory=list)
    coupon_lines: Listy[CouponLine] = Field(default_factory=list)
    refunds: Listy[RefundRef] = Field(default_factory=list)

    def meta(self, key: str) -> Any:
        return next((m.value for m in self.meta_data if m.key == key), None)


class OrderNote(WooModel):
    id: int
    author: Text = ""
    date_created_gmt: GmtDate = None
    note: Text = ""
    customer_note: bool = False


class RefundLine(WooModel):
    id: int
    product_id: int = 0
    variation_id: int = 0
    quantity: int = 0
    total: Money = None
    refund_total: Money = None


class Refund(WooModel):
    id: int
    date_created_gmt: GmtDate = None
    amount: Money = None
    reason: Text = ""
    refunded_by: int = 0
    refunded_payment: bool = False
    meta_data: Listy[MetaData] = Field(default_factory=list)
    line_items: Listy[RefundLine] = Field(default_factory=list)


class Coupon(WooModel):
    id: int
    code: Text
    amount: Money = None
    discount_type: Text = "fixed_cart"
    description: Text = ""
    date_created_gmt: GmtDate = None
    date_modified_gmt: GmtDate = None
    date_expires: LocalDate = None
    date_expires_gmt: GmtDate = None
    usage_count: int = 0
    usage_limit: OptionalInt = None
    usage_limit_per_user: OptionalInt = None
    individual_use: bool = False
    product_ids: Listy[int] = Field(default_factory=list)
    excluded_product_ids: Listy[int] = Field(default_factory=list)
    free_shipping: bool = False
    minimum_amount: Money = None
    maximum_amount: Money = None
    email_restrictions: Listy[Text] = Field(default_factory=list)
    meta_data: Listy[MetaData] = Field(default_factory=list)
