"""Order deliveries: handing order items over, which is what moves stock.

A delivery names a warehouse and quantities per ``orderitemid``. Unless stock is ignored
(query ``ignorestock=true`` or the order's ``delivery-ignore-stock``), the sold items leave
the warehouse in one Sales (30) transaction and returned items come back in one Refund (40)
transaction, both tied to the delivery [INF §8.12]. Partial deliveries add up per item.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from possync_sandbox.sitoo.errors import bad_request
from possync_sandbox.sitoo.order_book import DELIVERIES, undelivered
from possync_sandbox.sitoo.settings import SitooSettings
from possync_sandbox.sitoo.stock import TransactionType
from possync_sandbox.sitoo.stock_ledger import Line, find_item, level, move_stock, warehouse
from possync_sandbox.sitoo.store import AccountState, Record, SiteState, SitooStore
from possync_sandbox.sitoo.wire import integer, text


def ignores_stock(order: Record, ignorestock: bool) -> bool:
    return ignorestock or order.get("additionaldata", {}).get("delivery-ignore-stock") == "true"


def _requested(order: Record, raw: Any) -> list[tuple[int, int]]:
    if not isinstance(raw, list) or not raw:
        raise bad_request("Missing required field orderdeliveryitems")
    lines = []
    for entry in raw:
        if not isinstance(entry, dict) or entry.get("orderitemid") is None or entry.get("quantity") is None:
            raise bad_request("Each delivery item needs orderitemid and quantity")
        index, quantity = integer(entry["orderitemid"], "orderitemid"), integer(entry["quantity"], "quantity")
        if not 0 <= index < len(order["orderitems"]):
            raise bad_request(f"Order item {index} does not exist")
        if quantity == 0:
            raise bad_request("Delivered quantity must not be 0")
        lines.append((index, quantity))
    return lines


def _check_quantities(account: AccountState, order: Record, lines: list[tuple[int, int]]) -> None:
    """Delivering more than was ordered is refused [INF §8.12], unless the setting allows it."""
    left = undelivered(account, order)
    for index, quantity in lines:
        left[index] = left.get(index, 0) - abs(quantity)
        if left[index] < 0:
            raise bad_request(f"Order item {index} delivered more than ordered")


def _stock_lines(order: Record, lines: list[tuple[int, int]]) -> dict[int, list[Line]]:
    """Transaction lines by type: sold items go out (30), returned items come back (40)."""
    by_type: dict[int, list[Line]] = {}
    for index, quantity in lines:
        item = order["orderitems"][index]
        if not item.get("sku"):
            continue
        refund = item["quantity"] < 0
        kind = TransactionType.REFUND if refund else TransactionType.SALES
        moved = Decimal(abs(quantity))
        by_type.setdefault(kind, []).append(Line(item["sku"], moved if refund else -moved))
    return by_type


def _check_stock(site: SiteState, warehouseid: int, moves: dict[int, list[Line]]) -> None:
    """Refuse handing over more than the warehouse holds (only with ``delivery_requires_stock``)."""
    for line in moves.get(TransactionType.SALES, []):
        if level(find_item(site, warehouseid, line.sku)).total + line.quantity < 0:
            raise bad_request(f"Not enough stock of {line.sku} in warehouse {warehouseid}")


def add_delivery(
    store: SitooStore,
    account: AccountState,
    site: SiteState,
    order: Record,
    body: dict[str, Any],
    settings: SitooSettings,
    *,
    ignorestock: bool = False,
) -> Record:
    """Record a delivery of ``order`` and move its stock; announces ``orderdelivery.add``."""
    if body.get("warehouseid") is None:
        raise bad_request("Missing required field warehouseid")
    warehouseid = integer(body["warehouseid"], "warehouseid")
    warehouse(site, warehouseid)
    lines = _requested(order, body.get("orderdeliveryitems"))
    if not settings.over_delivery_allowed:
        _check_quantities(account, order, lines)
    moves = {} if ignores_stock(order, ignorestock) else _stock_lines(order, lines)
    if settings.delivery_requires_stock:
        _check_stock(site, warehouseid, moves)
    deliveryid = store.next_id("orderdeliveryid")
    record: Record = {
        "orderdeliveryid": deliveryid,
        "orderid": order["orderid"],
        "warehouseid": warehouseid,
        "orderdeliveryref": text(body.get("orderdeliveryref", ""), "orderdeliveryref"),
        "datedelivery": store.now(),
        "datecancelled": None,
        "pluginname": "",
        "orderdeliveryitems": [
            {
                "orderdeliveryitemid": store.next_id("orderdeliveryitemid"),
                "orderdeliveryid": deliveryid,
                "orderitemid": index,
                "quantity": quantity,
            }
            for index, quantity in lines
        ],
    }
    account.table(DELIVERIES).put(record)
    for kind, stock_lines in moves.items():
        move_stock(store, site, warehouseid, kind, stock_lines, orderdeliveryid=deliveryid)
    store.emit(
        "orderdelivery.add",
        {"eshopid": site.eshopid, "orderid": order["orderid"], "orderdeliveryid": deliveryid},
    )
    return record
