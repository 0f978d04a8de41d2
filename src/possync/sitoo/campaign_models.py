"""Sitoo price and campaign records: price lists with their items, and vouchers.

Price list 1 is the default list behind every product's ``moneyprice``; a voucher's
``voucherpassword`` is the code a customer types, which is how a WooCommerce coupon finds its
voucher again. Money is exact ``Decimal``; dates are aware UTC ``datetime``.
"""

from __future__ import annotations

from possync.sitoo.records import SitooRecord
from possync.sitoo.wire import Money, Quantity, Timestamp


class VolumePriceLevel(SitooRecord):
    KIND = "volume price level"

    levelstart: Quantity = None
    moneyprice: Money = None


class PriceList(SitooRecord):
    """A price list; ``pricelistid`` 1 is the default list behind ``product.moneyprice``."""

    KIND = "price list"
    KEYS = ("pricelistid", "pricelistname")
    READ_ONLY = frozenset({"pricelistid"})

    pricelistid: int | None = None
    pricelistname: str | None = None
    pricelistdescription: str | None = None
    active: bool | None = None
    externalid: str | None = None
    currencycode: str | None = None
    tags: list[str] | None = None


class PriceListItem(SitooRecord):
    """A product's price in one list, keyed by ``sku`` or ``productid``."""

    KIND = "price list item"
    KEYS = ("productid", "sku")

    productid: int | None = None
    sku: str | None = None
    moneyprice: Money = None
    moneypricevolume: list[VolumePriceLevel] | None = None


class VoucherProductOption(SitooRecord):
    KIND = "voucher product option"

    num: int | None = None
    products: list[int | str] | None = None
    """Typed as strings here and as integers on the voucher: product ids or SKUs."""


class VoucherDiscountOption(SitooRecord):
    KIND = "voucher discount option"

    num: int | None = None
    products: list[int | str] | None = None
    moneyprice: Money = None
    moneydiscount: Money = None
    decimaldiscount: Quantity = None


class Voucher(SitooRecord):
    """A campaign; ``voucherpassword`` is the code a customer types at checkout."""

    KIND = "voucher"
    KEYS = ("voucherid", "voucherpassword", "vouchername")
    READ_ONLY = frozenset({"voucherid", "datecreated", "vouchergrouptype", "voucherstate"})

    voucherid: int | None = None
    vouchername: str | None = None
    vouchertype: int | None = None
    activepos: bool | None = None
    active: bool | None = None
    """In the examples, missing from the schema."""
    vouchercode: str | None = None
    voucherpassword: str | None = None
    vouchercomment: str | None = None
    voucherterms: str | None = None
    """In the examples, missing from the schema."""
    datecreated: Timestamp = None
    datestart: Timestamp = None
    dateend: Timestamp = None
    tags: list[str] | None = None
    pricelisttags: list[str] | None = None
    value_x: int | None = None
    value_y: int | None = None
    value_z: int | None = None
    money_m: Money = None
    money_n: Money = None
    vouchername1: str | None = None
    vouchercode1: str | None = None
    vouchername2: str | None = None
    vouchercode2: str | None = None
    maxuses: int | None = None
    priority: int | None = None
    vouchergrouptype: int | None = None
    voucherstate: int | None = None
    products: list[int | str] | None = None
    productoptions: list[VoucherProductOption] | None = None
    discountoptions: list[VoucherDiscountOption] | None = None
