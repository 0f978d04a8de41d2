"""Pydantic models of WooCommerce objects, tolerant of v2/v3 differences and known type drifts."""

from __future__ import annotations

from possync.woo.models.admin import Environment, Setting, SystemStatus, Webhook
from possync.woo.models.base import ImageRef, MetaData, Ref, WooModel, parse_record, record_name
from possync.woo.models.catalog import (
    Attribute,
    AttributeTerm,
    Category,
    CategoryNode,
    Product,
    ProductAttribute,
    StockStatus,
    Variation,
)
from possync.woo.models.sales import Coupon, LineItem, Order, OrderNote, Refund

__all__ = [
    "Attribute",
    "AttributeTerm",
    "Category",
    "CategoryNode",
    "Coupon",
    "Environment",
    "ImageRef",
    "LineItem",
    "MetaData",
    "Order",
    "OrderNote",
    "Product",
    "ProductAttribute",
    "Ref",
    "Refund",
    "Setting",
    "StockStatus",
    "SystemStatus",
    "Variation",
    "Webhook",
    "WooModel",
    "parse_record",
    "record_name",
]
