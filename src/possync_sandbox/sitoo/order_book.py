"""The order book: orders with their items and server-computed totals, and their deliveries.

Orders are unique system-wide (account-level table), keyed by ``orderid``, with an optional
``externalid`` that must be unique and well-formed. An order never moves stock; a delivery
does, through a Sales (30) or Refund (40) transaction, unless stock is ignored [SPEC §8.12].
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from possync_sandbox.sitoo.errors import SitooError, bad_request
from possync_sandbox.sitoo.order_math import RowPrice, item_fields, order_totals, price_row
from possync_sandbox.sitoo.settings import SitooSettings
from possync_sandbox.sitoo.stock_ledger import warehouse
from possync_sandbox.sitoo.store import AccountState, Record, SiteState, SitooStore, TableSpec
from possync_sandbox.sitoo.tables import PRODUCTGROUPS, product_by_sku
from possync_sandbox.sitoo.wire import (
    Coercer,
    coerce_fields,
    integer,
    money,
    nullable,
    number,
    text,
    text_mapping,
    timestamp,
    to_decimal,
)

ORDERS = TableSpec("orders", "orderid", "Order")
DELIVERIES = TableSpec("orderdeliveries", "orderdeliveryid", "Order delivery")
EXTERNALID = re.compile(r"[A-Za-z0-9_-]{1,40}")
PICKUP_LOG_TYPES = {900: "order.readyforpickup", 910: "order.pickuprejected"}
_TEXT = [
    "email",
    "namefirst",
    "namelast",
    "personalid",
    "company",
    "phone",
    "comment",
    "commentinternal",
    "customerref",
    "checkoutref",
    "invoice_address",
    "invoice_address2",
    "invoice_zip",
    "invoice_city",
    "invoice_state",
    "invoice_countryid",
    "delivery_address",
    "delivery_address2",
    "delivery_zip",
    "delivery_city",
    "delivery_state",
    "delivery_countryid",
    "currencycode",
    "checkouttypename",
    "deliverytypename",
]
ORDER_FIELDS: dict[str, Coercer] = {
    **dict.fromkeys(_TEXT, text),
    "ordertypeid": integer,
    "orderstateid": integer,
    "paymentstateid": integer,
    "orderdate": timestamp,
    "warehouseid": nullable(integer),
    "datereserved": nullable(timestamp),
    "creditorderid": nullable(integer),
    "checkouttypeid": integer,
    "deliverytypeid": integer,
    "userid_staff": nullable(text),
    "additionaldata": text_mapping,
}
_ITEM_TEXT = "productname sku productattributes externalinput externalinputtitle unitlabel deliveryinfo"
ITEM_FIELDS: dict[str, Coercer] = {
    **dict.fromkeys(_ITEM_TEXT.split(), text),
    **dict.fromkeys(["vouchercode", "vouchername", "vouchercomment"], text),
    "orderitemtype": integer,
    "quantity": integer,
    "decimalunitquantity": nullable(text),
    "moneypriceorg": money,
    "vatvalue": number,
    "vouchervalue": number,
    "additionaldata": text_mapping,
}
PAYMENT_FIELDS: dict[str, Coercer] = {
    **dict.fromkeys(["name", "externalid", "reftype", "refid", "cardissuer"], text),
    "moneyamount": money,
    "reservedpaymentid": nullable(integer),
    "additionaldata": text_mapping,
}


def check_externalid(
    store: SitooStore, value: Any, orderid: int | None, settings: SitooSettings
) -> str | None:
    """``externalid`` is ``[A-Za-z0-9_-]{1,40}`` and unique in the whole system [SPEC]."""
    if value is None:
        return None
    if not isinstance(value, str) or not EXTERNALID.fullmatch(value):
        raise bad_request("Invalid externalid (allowed: A-Z a-z 0-9 _ -, 1 to 40 characters)")
    for account in store.accounts.values():
        for order in account.table(ORDERS).find(externalid=value):
            if order["orderid"] != orderid:
                raise SitooError(settings.duplicate_externalid_status, f"externalid {value} already exists")
    return value


def _vat_of(site: SiteState, product: Record | None) -> Decimal:
    """A product's VAT percent, from its product group."""
    group = site.table(PRODUCTGROUPS).get(product["vatid"]) if product else None
    return Decimal(str(group.get("value", 0))) if group else Decimal(0)


def build_item(site: SiteState, index: int, raw: Any, settings: SitooSettings) -> tuple[Record, RowPrice]:
    """One order item in wire form with its computed money."""
    if not isinstance(raw, dict) or raw.get("productname") in (None, "") or raw.get("quantity") is None:
        raise bad_request("Each order item needs productname and quantity")
    fields = coerce_fields(raw, ITEM_FIELDS)
    product = product_by_sku(site, fields["sku"]) if fields.get("sku") else None
    vat = Decimal(str(fields["vatvalue"])) if "vatvalue" in fields else _vat_of(site, product)
    rowprice = to_decimal(raw.get("moneyrowprice") or "0", "moneyrowprice")
    rowdiscount = to_decimal(raw.get("moneyrowdiscount") or "0", "moneyrowdiscount")
    row = price_row(rowprice, rowdiscount, fields["quantity"], vat, settings.money_rounding)
    additional = dict(fields.get("additionaldata", {}))
    if rowdiscount:
        additional["orderitem-moneyrowdiscount"] = money(rowdiscount)
    record: Record = {
        "orderitemid": index,
        "orderitemtype": 10,
        "productid": product["productid"] if product else 0,
        "sku": "",
        "productattributes": "",
        "unitlabel": "",
        "decimalunitquantity": None,
        "moneypriceorg": "0.00",
        "vatvalue": number(vat),
        "deliveryinfo": "",
        "vouchercode": "",
        "vouchername": "",
        "salestaxes": [],
        **fields,
        **item_fields(row, fields["quantity"]),
        "moneyrowprice": money(rowprice),
        "moneyrowdiscount": money(rowdiscount),
        "additionaldata": additional,
    }
    return record, row


def _payments(raw: Any) -> list[Record]:
    if not isinstance(raw, list):
        raise bad_request("payments must be an array")
    result = []
    for entry in raw:
        if not isinstance(entry, dict) or not entry.get("name") or entry.get("moneyamount") is None:
            raise bad_request("Each payment needs name and moneyamount")
        result.append({"additionaldata": {}, **coerce_fields(entry, PAYMENT_FIELDS)})
    return result


def set_items(site: SiteState, order: Record, raw: Any, settings: SitooSettings) -> None:
    """Replace the order's items and recompute its totals."""
    if not isinstance(raw, list):
        raise bad_request("orderitems must be an array")
    built = [build_item(site, index, entry, settings) for index, entry in enumerate(raw)]
    order["orderitems"] = [record for record, _ in built]
    order.update(order_totals([row for _, row in built]).wire())


def new_order(store: SitooStore, site: SiteState, body: dict[str, Any], settings: SitooSettings) -> Record:
    """Create an order from a client's body; it starts Open with no payment unless told otherwise."""
    if body.get("ordertypeid") is None:
        raise bad_request("Missing required field ordertypeid")
    externalid = check_externalid(store, body.get("externalid"), None, settings)
    now = store.now()
    order: Record = {
        "orderid": store.next_id("orderid"),
        "eshopid": site.eshopid,
        "externalid": externalid,
        "creditorderid": None,
        **dict.fromkeys(_TEXT, ""),
        "checkouttypeid": 0,
        "deliverytypeid": 0,
        "orderdate": now,
        "orderstateid": 0,
        "paymentstateid": 0,
        "userid_staff": None,
        "registerid": None,
        "warehouseid": None,
        "datereserved": None,
        "currencycode": settings.currency,
        "additionaldata": {},
        "payments": [],
        "reservedpayments": [],
        "orderlogitems": [{"datelog": now, "orderlogtypeid": 0, "strvalue": None, "fvalue": None}],
        **coerce_fields(body, ORDER_FIELDS),
    }
    _check_warehouse(site, order)
    set_items(site, order, body.get("orderitems", []), settings)
    order["payments"] = _payments(body.get("payments", []))
    return order


def _check_warehouse(site: SiteState, order: Record) -> None:
    if order.get("warehouseid") is not None:
        warehouse(site, order["warehouseid"])


def update_order(
    store: SitooStore, site: SiteState, order: Record, body: dict[str, Any], settings: SitooSettings
) -> list[str]:
    """Merge a partial update into ``order``; returns the event kinds it causes."""
    before = (order["orderstateid"], order["paymentstateid"])
    if "externalid" in body:
        order["externalid"] = check_externalid(store, body["externalid"], order["orderid"], settings)
    changes = coerce_fields(body, ORDER_FIELDS)
    order.update(changes)
    _check_warehouse(site, order)
    if "orderitems" in body:
        set_items(site, order, body["orderitems"], settings)
    if "payments" in body:
        order["payments"] = _payments(body["payments"])
    kinds = ["order.update"]
    if (order["orderstateid"], order["paymentstateid"]) != before:
        kinds.append("order.statechange")
    return kinds


def announce(store: SitooStore, order: Record, kinds: list[str]) -> None:
    for kind in kinds:
        store.emit(
            kind,
            {
                "eshopid": order["eshopid"],
                "orderid": order["orderid"],
                "externalid": order["externalid"],
                "orderstateid": order["orderstateid"],
                "paymentstateid": order["paymentstateid"],
            },
        )


def log(
    store: SitooStore, order: Record, log_type: int, strvalue: str | None = None, fvalue: Any = None
) -> None:
    """Append an order log item; 900/910 announce ready-for-pickup / pickup-rejected."""
    entry = {"datelog": store.now(), "orderlogtypeid": log_type, "strvalue": strvalue, "fvalue": fvalue}
    order["orderlogitems"].append(entry)
    if log_type in PICKUP_LOG_TYPES:
        announce(store, order, [PICKUP_LOG_TYPES[log_type]])


def deliveries_of(account: AccountState, orderid: int) -> list[Record]:
    return account.table(DELIVERIES).find(orderid=orderid)


def delivered(account: AccountState, orderid: int) -> dict[int, int]:
    """Quantity delivered per ``orderitemid``, ignoring cancelled deliveries [INF §8.12]."""
    totals: dict[int, int] = {}
    for delivery in deliveries_of(account, orderid):
        if delivery.get("datecancelled") is None:
            for line in delivery["orderdeliveryitems"]:
                totals[line["orderitemid"]] = totals.get(line["orderitemid"], 0) + line["quantity"]
    return totals


def undelivered(account: AccountState, order: Record) -> dict[int, int]:
    """What is still to be handed over, per ``orderitemid`` (absolute quantities)."""
    done = delivered(account, order["orderid"])
    left = {
        item["orderitemid"]: abs(item["quantity"]) - abs(done.get(item["orderitemid"], 0))
        for item in order["orderitems"]
    }
    return {index: quantity for index, quantity in left.items() if quantity > 0}


def reservations(account: AccountState, warehouseid: int, now: int) -> dict[str, Decimal]:
    """Stock held per SKU by open orders whose ``datereserved`` lies ahead [INF §8.8, OPEN §11.11]."""
    held: dict[str, Decimal] = {}
    for order in account.table(ORDERS):
        reserved_until = order.get("datereserved")
        if order.get("warehouseid") != warehouseid or order["orderstateid"] != 0 or not reserved_until:
            continue
        if reserved_until <= now:
            continue
        left = undelivered(account, order)
        for item in order["orderitems"]:
            if item.get("sku") and item["quantity"] > 0 and item["orderitemid"] in left:
                held[item["sku"]] = held.get(item["sku"], Decimal(0)) + left[item["orderitemid"]]
    return held
