"""The stock ledger of a site: warehouses, their items (stock per SKU) and warehouse transactions.

Every stock change in a FIFO warehouse goes through ``post_transaction``: one transaction
record with per-SKU log lines, the items moved at weighted-average cost, and a
``warehousetransaction.add`` event. Virtual warehouses hold stock levels written directly
and take no transactions [SPEC §8.7].
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from possync_sandbox.sitoo.errors import bad_request
from possync_sandbox.sitoo.stock import StockLevel, TransactionType, apply_line
from possync_sandbox.sitoo.store import Record, SiteState, SitooStore, TableSpec
from possync_sandbox.sitoo.wire import money_text, quantity_text, to_decimal

VIRTUAL = 20
FIFO = 10
WAREHOUSES = TableSpec("warehouses", "warehouseid", "Warehouse")
TRANSACTIONS = TableSpec("warehousetransactions", "warehousetransactionid", "Warehouse transaction")


def items_spec(warehouseid: int) -> TableSpec:
    """Warehouse items live in one table per warehouse, keyed by SKU."""
    return TableSpec(f"warehouseitems/{warehouseid}", "sku", "Warehouse item")


def warehouse(site: SiteState, warehouseid: int) -> Record:
    return site.table(WAREHOUSES).require(warehouseid)


def is_virtual(record: Record) -> bool:
    return bool(record.get("warehousetype") == VIRTUAL)


def find_item(site: SiteState, warehouseid: int, sku: str) -> Record | None:
    return site.table(items_spec(warehouseid)).get(sku)


def item(store: SitooStore, site: SiteState, warehouseid: int, sku: str) -> Record:
    """The warehouse item for ``sku``, created empty the first time the SKU shows up."""
    table = site.table(items_spec(warehouseid))
    found = table.get(sku)
    if found is not None:
        return found
    return table.put(
        {
            "warehouseitemid": store.next_id("warehouseitemid"),
            "warehouseid": warehouseid,
            "sku": sku,
            "binlocation": "",
            "decimalthreshold": "0.000",
            "decimaltotal": "0.000",
            "moneytotal": "0.00",
            "datelastmodified": store.now(),
            "datelaststocktaking": None,
            "decimalreserved": "0.000",
            "decimalavailable": "0.000",
        }
    )


def level(record: Record | None) -> StockLevel:
    if record is None:
        return StockLevel()
    return StockLevel(Decimal(record["decimaltotal"]), Decimal(record["moneytotal"]))


def set_level(record: Record, after: StockLevel, now: int) -> None:
    record["decimaltotal"] = quantity_text(after.total)
    record["moneytotal"] = money_text(after.value)
    record["decimalavailable"] = quantity_text(after.total - Decimal(record["decimalreserved"]))
    record["datelastmodified"] = now


@dataclass(frozen=True)
class Line:
    """One requested stock change: a SKU, its signed quantity, and a purchase price for inbound moves."""

    sku: str
    quantity: Decimal
    pricein: Decimal | None = None


def parse_lines(raw: Any) -> list[Line]:
    """Transaction ``items`` as sent by a client."""
    if not isinstance(raw, list) or not raw:
        raise bad_request("Missing required field items")
    lines = []
    for entry in raw:
        if not isinstance(entry, dict) or not entry.get("sku") or entry.get("decimalquantity") is None:
            raise bad_request("Each item needs sku and decimalquantity")
        price = entry.get("moneypricein")
        pricein = to_decimal(price, "moneypricein") if price not in (None, "") else None
        lines.append(
            Line(str(entry["sku"]), to_decimal(entry["decimalquantity"], "decimalquantity"), pricein)
        )
    return lines


def post_transaction(
    store: SitooStore,
    site: SiteState,
    warehouseid: int,
    transactiontype: int,
    lines: list[Line],
    **extra: Any,
) -> Record:
    """Apply ``lines`` to a FIFO warehouse as one transaction and announce it."""
    now = store.now()
    transactionid = store.next_id("warehousetransactionid")
    logs = [_apply(store, site, warehouseid, transactiontype, transactionid, line, now) for line in lines]
    record: Record = {
        "warehousetransactionid": transactionid,
        "warehouseid": warehouseid,
        "datecreated": now,
        "transactiontype": transactiontype,
        "description": extra.get("description") or "",
        "orderdeliveryid": extra.get("orderdeliveryid"),
        "shipmentid": extra.get("shipmentid"),
        "externalid": extra.get("externalid"),
        "reasoncode": extra.get("reasoncode"),
        "items": logs,
    }
    site.table(TRANSACTIONS).put(record)
    store.emit(
        "warehousetransaction.add",
        {"eshopid": site.eshopid, "warehouseid": warehouseid, "warehousetransactionid": transactionid},
    )
    return record


def _apply(
    store: SitooStore,
    site: SiteState,
    warehouseid: int,
    transactiontype: int,
    transactionid: int,
    line: Line,
    now: int,
) -> Record:
    record = item(store, site, warehouseid, line.sku)
    result = apply_line(level(record), line.quantity, line.pricein)
    set_level(record, result.after, now)
    if transactiontype == TransactionType.STOCKTAKING:
        record["datelaststocktaking"] = now
    return {
        "warehouseitemlogid": store.next_id("warehouseitemlogid"),
        "warehouseitemid": record["warehouseitemid"],
        "warehousetransactionid": transactionid,
        "decimalquantity": quantity_text(result.quantity),
        "decimaltotal": record["decimaltotal"],
        "moneypricein": money_text(result.pricein),
        "moneytotal": record["moneytotal"],
        "moneyvalue": money_text(result.moneyvalue),
        "sku": line.sku,
    }


def move_virtual(store: SitooStore, site: SiteState, warehouseid: int, lines: list[Line]) -> None:
    """A Virtual warehouse has no transactions: its levels just change [INF]."""
    now = store.now()
    for line in lines:
        record = item(store, site, warehouseid, line.sku)
        set_level(record, apply_line(level(record), line.quantity, line.pricein).after, now)


def move_stock(
    store: SitooStore,
    site: SiteState,
    warehouseid: int,
    transactiontype: int,
    lines: list[Line],
    **extra: Any,
) -> Record | None:
    """Move stock the way the warehouse's type allows: a transaction (FIFO) or a level change (Virtual)."""
    if is_virtual(warehouse(site, warehouseid)):
        move_virtual(store, site, warehouseid, lines)
        return None
    return post_transaction(store, site, warehouseid, transactiontype, lines, **extra)
