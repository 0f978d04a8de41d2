"""Sitoo stock records: warehouses, warehouse items (stock levels), transactions and batches.

Stock lives per warehouse per SKU. FIFO warehouses (``warehousetype`` 10) change only through
transactions and batches; Virtual ones (20) take ``decimaltotal`` directly. Quantities are
exact ``Decimal`` read from Sitoo's three-decimal strings.
"""

from __future__ import annotations

from pydantic import Field

from possync.sitoo.records import SitooRecord
from possync.sitoo.wire import Money, Quantity, Timestamp

WAREHOUSE_FIFO = 10
WAREHOUSE_VIRTUAL = 20
BATCH_OPEN = 10
BATCH_CLOSED = 20
TRANSACTION_STOCKTAKING = 50


class Warehouse(SitooRecord):
    KIND = "warehouse"
    KEYS = ("warehouseid", "name", "externalid")
    READ_ONLY = frozenset({"warehouseid"})

    warehouseid: int | None = None
    warehousetype: int | None = None
    usetype: int | None = None
    storeid: int | None = None
    sellable: bool | None = None
    currencycode: str | None = None
    name: str | None = None
    address: str | None = None
    address2: str | None = None
    zip: str | None = None
    city: str | None = None
    state: str | None = None
    countryid: str | None = None
    externalid: str | None = None

    @property
    def is_virtual(self) -> bool:
        return self.warehousetype == WAREHOUSE_VIRTUAL


class WarehouseItem(SitooRecord):
    """Stock of one SKU in one warehouse. ``decimaltotal``/``moneytotal`` are writable on Virtual only."""

    KIND = "warehouse item"
    KEYS = ("warehouseitemid", "sku")
    READ_ONLY = frozenset(
        {
            "warehouseitemid",
            "warehouseid",
            "decimalreserved",
            "decimalavailable",
            "datelastmodified",
            "datelaststocktaking",
        }
    )

    warehouseitemid: int | None = None
    warehouseid: int | None = None
    sku: str | None = None
    binlocation: str | None = None
    decimalthreshold: Quantity = None
    decimaltotal: Quantity = None
    moneytotal: Money = None
    decimalreserved: Quantity = None
    decimalavailable: Quantity = None
    datelastmodified: Timestamp = None
    datelaststocktaking: Timestamp = None


class WarehouseItemLog(SitooRecord):
    """One SKU line of a transaction: ``decimalquantity`` is the signed change."""

    KIND = "warehouse transaction item"
    KEYS = ("warehouseitemlogid", "sku")
    READ_ONLY = frozenset(
        {
            "warehouseitemlogid",
            "warehouseitemid",
            "warehousetransactionid",
            "decimaltotal",
            "moneytotal",
            "moneyvalue",
        }
    )

    warehouseitemlogid: int | None = None
    warehouseitemid: int | None = None
    warehousetransactionid: int | None = None
    sku: str | None = None
    decimalquantity: Quantity = None
    moneypricein: Money = None
    decimaltotal: Quantity = None
    moneytotal: Money = None
    moneyvalue: Money = None


class WarehouseTransaction(SitooRecord):
    """A stock movement; its growing ``warehousetransactionid`` is the stock cursor."""

    KIND = "warehouse transaction"
    KEYS = ("warehousetransactionid", "externalid")
    READ_ONLY = frozenset({"warehousetransactionid", "datecreated", "orderdeliveryid"})

    warehousetransactionid: int | None = None
    warehouseid: int | None = None
    transactiontype: int | None = None
    datecreated: Timestamp = None
    description: str | None = None
    orderdeliveryid: int | None = None
    shipmentid: int | None = None
    externalid: str | None = None
    reasoncode: str | None = None
    items: list[WarehouseItemLog] = Field(default_factory=list)


class WarehouseBatch(SitooRecord):
    """A stock-taking or delivery session; setting state 20 (Closed) commits it."""

    KIND = "warehouse batch"
    KEYS = ("warehousebatchid", "externalid")
    READ_ONLY = frozenset({"warehousebatchid", "warehouseid", "warehousetransactionid", "datecreated"})

    warehousebatchid: int | None = None
    warehouseid: int | None = None
    warehousetransactionid: int | None = None
    transactiontype: int | None = None
    datecreated: Timestamp = None
    warehousebatchstate: int | None = None
    emailowner: str | None = None
    comment: str | None = None
    shipmentid: int | None = None
    externalid: str | None = None
    reasoncode: str | None = None


class WarehouseBatchItem(SitooRecord):
    KIND = "warehouse batch item"
    KEYS = ("warehousebatchitemid", "sku")
    READ_ONLY = frozenset({"warehousebatchitemid", "warehousebatchid", "warehouseitemid", "datemodified"})

    warehousebatchitemid: int | None = None
    warehousebatchid: int | None = None
    warehouseitemid: int | None = None
    datemodified: Timestamp = None
    sku: str | None = None
    decimalquantity: Quantity = None
    moneypricein: Money = None
    emailowner: str | None = None
    comment: str | None = None
