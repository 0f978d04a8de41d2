"""Sitoo order records: orders with their items, payments and additional data, and deliveries.

An order possync creates always carries an ``externalid`` (the WooCommerce order number), which
is unique across Sitoo and is how a create whose answer was lost is found again. Totals are
computed by Sitoo and read-only; stock moves only through order deliveries.
"""

from __future__ import annotations

from pydantic import Field

from possync.sitoo.records import Number, SitooRecord, StringMap
from possync.sitoo.wire import Money, Quantity, Timestamp

ORDER_OPEN = 0
ORDER_CLOSED = 10
ORDER_CANCELLED = 20
ORDERTYPE_ORDER = 10
EXTERNALID_PATTERN = r"^[A-Za-z0-9_-]{1,40}$"

_ORDER_TOTALS = frozenset(
    {
        "moneytotal_net",
        "moneytotal_vat",
        "moneycheckout_net",
        "moneycheckout_vat",
        "moneytotal_gross_checkout",
        "moneydelivery_net",
        "moneydelivery_vat",
        "moneytotal_gross_delivery",
        "moneyfinal_net",
        "moneyfinal_vat",
        "moneyfinal_salestax",
        "moneytotal_gross_roundoff",
        "moneytotal_gross_all",
    }
)


class OrderItem(SitooRecord):
    """An order row; ``orderitemid`` is its 0-based position, used by deliveries."""

    KIND = "order item"
    KEYS = ("orderitemid", "sku")
    READ_ONLY = frozenset(
        {
            "orderitemid",
            "productid",
            "moneynetpriceperunit",
            "moneyitemtotal_net",
            "moneyitemtotal_vat",
            "moneyoriginalprice",
            "moneydiscountedprice",
            "moneydiscount",
            "decimalquantitytotal",
            "moneynetpriceperquantity",
        }
    )

    orderitemid: int | None = None
    orderitemtype: int | None = None
    productid: int | None = None
    productname: str | None = None
    sku: str | None = None
    productattributes: str | None = None
    externalinput: str | None = None
    externalinputtitle: str | None = None
    unitlabel: str | None = None
    quantity: int | None = None
    decimalunitquantity: Quantity = None
    moneyrowprice: Money = None
    """Gross row total before discount."""
    moneyrowdiscount: Money = None
    moneypriceorg: Money = None
    vatvalue: Number = None
    deliveryinfo: str | None = None
    vouchercode: str | None = None
    vouchername: str | None = None
    vouchercomment: str | None = None
    vouchervalue: Number = None
    moneynetpriceperunit: Money = None
    moneyitemtotal_net: Money = None
    moneyitemtotal_vat: Money = None
    moneyoriginalprice: Money = None
    moneydiscountedprice: Money = None
    moneydiscount: Money = None
    decimalquantitytotal: Quantity = None
    moneynetpriceperquantity: Money = None
    salestaxes: list[dict[str, object]] | None = None
    additionaldata: StringMap | None = None


class OrderPayment(SitooRecord):
    KIND = "order payment"
    KEYS = ("name", "externalid")

    name: str | None = None
    moneyamount: Money = None
    externalid: str | None = None
    reftype: str | None = None
    refid: str | None = None
    cardissuer: str | None = None
    reservedpaymentid: str | None = None
    additionaldata: StringMap | None = None


class OrderReservedPayment(SitooRecord):
    KIND = "order reserved payment"
    KEYS = ("id", "name")

    id: str | None = None
    name: str | None = None
    moneyreserved: Money = None
    externalid: str | None = None
    reftype: str | None = None
    refid: str | None = None
    cardissuer: str | None = None
    additionaldata: StringMap | None = None


class OrderLogItem(SitooRecord):
    KIND = "order log item"
    KEYS = ("orderid", "orderlogtypeid")
    READ_ONLY = frozenset({"datelog", "orderid"})

    datelog: Timestamp = None
    orderid: int | None = None
    orderlogtypeid: int | None = None
    strvalue: str | None = None
    fvalue: Number = None


class Order(SitooRecord):
    """A web or POS order. Totals are computed by Sitoo; there is no DELETE, only state 20."""

    KIND = "order"
    KEYS = ("orderid", "externalid")
    READ_ONLY = frozenset({"orderid", "eshopid", "registerid", "orderlogitems"}) | _ORDER_TOTALS

    orderid: int | None = None
    eshopid: int | None = None
    externalid: str | None = None
    """Unique across Sitoo, ``[A-Za-z0-9_-]{1,40}``; possync sets it on every order it creates."""
    ordertypeid: int | None = None
    orderstateid: int | None = None
    paymentstateid: int | None = None
    creditorderid: int | None = None
    orderdate: Timestamp = None
    datereserved: Timestamp = None
    email: str | None = None
    namefirst: str | None = None
    namelast: str | None = None
    personalid: str | None = None
    company: str | None = None
    phone: str | None = None
    invoice_address: str | None = None
    invoice_address2: str | None = None
    invoice_zip: str | None = None
    invoice_city: str | None = None
    invoice_state: str | None = None
    invoice_countryid: str | None = None
    delivery_address: str | None = None
    delivery_address2: str | None = None
    delivery_zip: str | None = None
    delivery_city: str | None = None
    delivery_state: str | None = None
    delivery_countryid: str | None = None
    comment: str | None = None
    commentinternal: str | None = None
    customerref: str | None = None
    checkoutref: str | None = None
    currencycode: str | None = None
    warehouseid: int | None = None
    registerid: str | None = None
    userid_staff: str | None = None
    checkouttypeid: int | None = None
    checkouttypename: str | None = None
    deliverytypeid: int | None = None
    deliverytypename: str | None = None
    moneytotal_net: Money = None
    moneytotal_vat: Money = None
    moneycheckout_net: Money = None
    moneycheckout_vat: Money = None
    moneytotal_gross_checkout: Money = None
    moneydelivery_net: Money = None
    moneydelivery_vat: Money = None
    moneytotal_gross_delivery: Money = None
    moneyfinal_net: Money = None
    moneyfinal_vat: Money = None
    moneyfinal_salestax: Money = None
    moneytotal_gross_roundoff: Money = None
    moneytotal_gross_all: Money = None
    additionaldata: StringMap | None = None
    orderitems: list[OrderItem] | None = None
    payments: list[OrderPayment] | None = None
    reservedpayments: list[OrderReservedPayment] | None = None
    orderlogitems: list[OrderLogItem] | None = None


class OrderDeliveryItem(SitooRecord):
    KIND = "order delivery item"
    KEYS = ("orderitemid",)
    READ_ONLY = frozenset({"orderdeliveryitemid", "orderdeliveryid"})

    orderdeliveryitemid: int | None = None
    orderdeliveryid: int | None = None
    orderitemid: int | None = None
    quantity: int | None = None


class OrderDelivery(SitooRecord):
    """A shipment of order rows; unless ``ignorestock`` it moves stock (type 30/40)."""

    KIND = "order delivery"
    KEYS = ("orderdeliveryid", "orderid")
    READ_ONLY = frozenset({"orderdeliveryid", "orderid", "datedelivery", "datecancelled", "pluginname"})

    orderdeliveryid: int | None = None
    orderid: int | None = None
    warehouseid: int | None = None
    orderdeliveryref: str | None = None
    datedelivery: Timestamp = None
    datecancelled: Timestamp = None
    pluginname: str | None = None
    orderdeliveryitems: list[OrderDeliveryItem] = Field(default_factory=list)
