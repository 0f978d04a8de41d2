"""Sitoo catalogue records: sites, product groups, categories, manufacturers, products, variants, images.

Field names are Sitoo's own. Every field is optional because Sitoo returns only the fields asked
for; money and quantities are exact ``Decimal``; dates are aware UTC ``datetime``. Stock, order,
price-list and voucher records live in their own modules and are re-exported here, so
``possync.sitoo.models`` names every record.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from possync.sitoo.campaign_models import (
    PriceList,
    PriceListItem,
    VolumePriceLevel,
    Voucher,
    VoucherDiscountOption,
    VoucherProductOption,
)
from possync.sitoo.order_models import (
    Order,
    OrderDelivery,
    OrderDeliveryItem,
    OrderItem,
    OrderLogItem,
    OrderPayment,
    OrderReservedPayment,
)
from possync.sitoo.records import Number, SitooRecord, UnusableRecordError
from possync.sitoo.stock_models import (
    Warehouse,
    WarehouseBatch,
    WarehouseBatchItem,
    WarehouseItem,
    WarehouseItemLog,
    WarehouseTransaction,
)
from possync.sitoo.wire import Money, Timestamp

__all__ = [
    "Category",
    "Manufacturer",
    "Order",
    "OrderDelivery",
    "OrderDeliveryItem",
    "OrderItem",
    "OrderLogItem",
    "OrderPayment",
    "OrderReservedPayment",
    "PriceList",
    "PriceListItem",
    "Product",
    "ProductGroup",
    "ProductVariant",
    "ProductVariantGroup",
    "ProductVariants",
    "Resource",
    "Site",
    "SitooRecord",
    "UnusableRecordError",
    "VariantAttribute",
    "VolumePriceLevel",
    "Voucher",
    "VoucherDiscountOption",
    "VoucherProductOption",
    "Warehouse",
    "WarehouseBatch",
    "WarehouseBatchItem",
    "WarehouseItem",
    "WarehouseItemLog",
    "WarehouseTransaction",
]


class Site(SitooRecord):
    KIND = "site"
    KEYS = ("eshopid",)
    READ_ONLY = frozenset({"siteid", "eshopid"})

    eshopid: int | None = None
    siteid: str | None = None
    """Deprecated GUID; the API wants ``eshopid`` in URLs."""
    protocol: str | None = None
    server: str | None = None
    abspath: str | None = None
    siteurl: str | None = None


class ProductGroup(SitooRecord):
    """A VAT group. ``vatid`` 2 is the default group every product falls into."""

    KIND = "product group"
    KEYS = ("vatid", "productgroupname")
    READ_ONLY = frozenset({"vatid"})

    vatid: int | None = None
    productgroupname: str | None = None
    value: Number = None
    productgrouptype: int | None = None
    comment: str | None = None


class Category(SitooRecord):
    KIND = "category"
    KEYS = ("categoryid", "title")
    READ_ONLY = frozenset({"categoryid", "datecreated", "datemodified"})

    categoryid: int | None = None
    title: str | None = None
    categoryparentid: int | None = None
    """``None`` for a top-level category."""
    visible: bool | None = None
    sortorder: int | None = None
    custom1: str | None = None
    custom2: str | None = None
    friendly: str | None = None
    seo_title: str | None = None
    seo_keywords: str | None = None
    seo_description: str | None = None
    datecreated: Timestamp = None
    datemodified: Timestamp = None


class Manufacturer(SitooRecord):
    """A brand; products point at it through ``manufacturerid`` = ``externalcompanyid``."""

    KIND = "manufacturer"
    KEYS = ("externalcompanyid", "name")
    READ_ONLY = frozenset({"externalcompanyid"})

    externalcompanyid: int | None = None
    name: str | None = None
    description: str | None = None
    address: str | None = None
    zip: str | None = None
    city: str | None = None
    state: str | None = None
    countryid: str | None = None
    phone: str | None = None
    email: str | None = None
    url1: str | None = None
    url2: str | None = None


class VariantAttribute(SitooRecord):
    KIND = "variant attribute"

    name: str | None = None
    value: str | None = None


class Product(SitooRecord):
    """A product, a main variant (``variantparentid`` = own id) or a variant of one."""

    KIND = "product"
    KEYS = ("productid", "sku")
    READ_ONLY = frozenset(
        {
            "productid",
            "moneyfinalprice",
            "vatvalue",
            "productgrouptype",
            "variantparentid",
            "variant",
            "pricelisthasvolume",
            "datecreated",
            "datemodified",
        }
    )

    productid: int | None = None
    sku: str | None = None
    title: str | None = None
    descriptionshort: str | None = None
    description: str | None = None
    descriptionhtml: str | None = None
    moneyprice: Money = None
    moneypriceorg: Money = None
    moneypricein: Money = None
    moneyfinalprice: Money = None
    moneyofferprice: Money = None
    vatid: int | None = None
    vatvalue: Number = None
    productgrouptype: int | None = None
    active: bool | None = None
    """Webshop visibility; deprecated, missing from the spec's read schema, returned anyway."""
    activepos: bool | None = None
    defaultcategoryid: int | None = None
    categories: list[int] | None = None
    """Typed as strings in the spec, integers in its examples: both are read as integers."""
    manufacturerid: int | None = None
    manufacturerurl: str | None = None
    skumanufacturer: str | None = None
    unitlabel: str | None = None
    allowdecimals: bool | None = None
    stockcountenable: bool | None = None
    stockallowbackorder: bool | None = None
    barcode: str | None = None
    barcodealiases: list[str] | None = None
    similar: list[int] | None = None
    related: list[int] | None = None
    accessories: list[int] | None = None
    custom1: str | None = None
    custom2: str | None = None
    custom3: str | None = None
    custom4: str | None = None
    custom5: str | None = None
    customattributes: dict[str, Any] | list[Any] | None = None
    variantparentid: int | None = None
    variant: list[VariantAttribute] | None = None
    friendly: str | None = None
    seo_title: str | None = None
    seo_keywords: str | None = None
    seo_description: str | None = None
    deliveryinfo: str | None = None
    deliverystatus: str | None = None
    pricelisthasvolume: bool | None = None
    datecreated: Timestamp = None
    datemodified: Timestamp = None

    @property
    def is_main_variant(self) -> bool:
        return self.productid is not None and self.variantparentid == self.productid

    @property
    def is_variant(self) -> bool:
        return self.variantparentid is not None and self.variantparentid != self.productid


class ProductVariantGroup(SitooRecord):
    KIND = "variant group"
    KEYS = ("name",)

    name: str | None = None
    options: list[str] = Field(default_factory=list)


class ProductVariant(SitooRecord):
    """One member of a variant family; ``productid`` 0 on a write creates it."""

    KIND = "product variant"
    KEYS = ("productid", "sku")

    productid: int | None = None
    sku: str | None = None
    title: str | None = None
    active: bool | None = None
    activepos: bool | None = None
    moneyprice: Money = None
    moneypriceorg: Money = None
    moneypricein: Money = None
    moneyofferprice: Money = None
    deliverystatus: str | None = None
    barcode: str | None = None
    barcodealiases: list[str] | None = None
    friendly: str | None = None
    attributes: list[str] = Field(default_factory=list)


class ProductVariants(SitooRecord):
    """The body of ``productvariants.json``: a PUT replaces the whole family."""

    KIND = "product variants"

    groups: list[ProductVariantGroup] = Field(default_factory=list)
    variants: list[ProductVariant] = Field(default_factory=list)


class Resource(SitooRecord):
    """An uploaded file linked to a product (an image); its position is its ``imageid``."""

    KIND = "image"
    KEYS = ("resourceid",)
    READ_ONLY = frozenset({"mimetype", "width", "height", "filesize", "datecreated"})

    resourceid: str | None = None
    filedata: str | None = None
    """Base64 bytes, only on upload."""
    mimetype: str | None = None
    width: int | None = None
    height: int | None = None
    filesize: int | None = None
    datecreated: Timestamp = None
