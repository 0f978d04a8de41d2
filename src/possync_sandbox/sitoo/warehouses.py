"""Warehouses, their items (stock per SKU) and warehouse transactions, as Sitoo's API shows them.

Virtual warehouses (type 20) take stock levels written straight through ``PUT warehouseitems``
and refuse transactions; FIFO warehouses (type 10) change only through transactions and
batches [SPEC §8.7–8.10]. Transactions read by id cursor (``warehousetransactionidfrom`` ≥,
``...to`` <) and sort by id, newest first unless asked otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from possync_sandbox.sitoo import batches
from possync_sandbox.sitoo.catalogue_stock import load_catalogue_stock
from possync_sandbox.sitoo.context import ApiRoute, Ctx, Plugin
from possync_sandbox.sitoo.crud import object_routes
from possync_sandbox.sitoo.errors import bad_request, not_found
from possync_sandbox.sitoo.filters import in_range
from possync_sandbox.sitoo.listing import envelope, render_one
from possync_sandbox.sitoo.order_book import reservations
from possync_sandbox.sitoo.stock import NOT_POSTABLE, StockLevel
from possync_sandbox.sitoo.stock_ledger import (
    FIFO,
    TRANSACTIONS,
    VIRTUAL,
    WAREHOUSES,
    is_virtual,
    item,
    items_spec,
    level,
    parse_lines,
    post_transaction,
    set_level,
    warehouse,
)
from possync_sandbox.sitoo.store import Record, SiteState, SitooStore
from possync_sandbox.sitoo.wire import (
    Coercer,
    boolean,
    coerce_fields,
    integer,
    money,
    nullable,
    quantity,
    quantity_text,
    text,
)
from possync_sandbox.sitoo.writing import single_or_batch

_ADDRESS = ["name", "address", "address2", "zip", "city", "state", "countryid", "currencycode"]
WAREHOUSE_FIELDS: dict[str, Coercer] = {
    **dict.fromkeys(_ADDRESS, text),
    "warehousetype": integer,
    "usetype": integer,
    "storeid": nullable(integer),
    "sellable": boolean,
    "externalid": nullable(text),
}
ITEM_FIELDS: dict[str, Coercer] = {"binlocation": text, "decimalthreshold": quantity}
STOCK_FIELDS: dict[str, Coercer] = {"decimaltotal": quantity, "moneytotal": money}
TRANSACTION_DEFAULT_FIELDS = [
    "warehousetransactionid",
    "warehouseid",
    "datecreated",
    "transactiontype",
    "description",
    "orderdeliveryid",
    "shipmentid",
    "externalid",
    "reasoncode",
    "items",
]
TRANSACTION_SORT = ("warehousetransactionid",)


# --- warehouses ----------------------------------------------------------------------------
def add_warehouse(store: SitooStore, site: SiteState, fields: dict[str, Any]) -> Record:
    record: Record = {
        "warehouseid": store.next_id("warehouseid"),
        "warehousetype": FIFO,
        "usetype": 10,
        "storeid": None,
        "sellable": True,
        **dict.fromkeys(_ADDRESS, ""),
        "externalid": None,
        **fields,
    }
    if record["warehousetype"] not in (FIFO, VIRTUAL):
        raise bad_request("warehousetype must be 10 (FIFO) or 20 (Virtual)")
    return site.table(WAREHOUSES).put(record)


def create_warehouse(ctx: Ctx, body: dict[str, Any]) -> int:
    for name in ("usetype", "currencycode", "name"):
        if body.get(name) in (None, ""):
            raise bad_request(f"Missing required field {name}")
    fields = {"warehousetype": ctx.settings.warehousetype_default, **coerce_fields(body, WAREHOUSE_FIELDS)}
    record: Record = add_warehouse(ctx.store, ctx.site, fields)
    return int(record["warehouseid"])


def update_warehouse(ctx: Ctx, body: dict[str, Any]) -> bool:
    record = warehouse(ctx.site, ctx.path_int("warehouseid"))
    fields = coerce_fields(body, WAREHOUSE_FIELDS)
    changed = fields.get("warehousetype", record["warehousetype"]) != record["warehousetype"]
    if changed and not ctx.settings.warehousetype_changeable:
        raise bad_request("warehousetype cannot be changed")
    if fields.get("warehousetype", FIFO) not in (FIFO, VIRTUAL):
        raise bad_request("warehousetype must be 10 (FIFO) or 20 (Virtual)")
    record.update(fields)
    return True


def delete_warehouse(ctx: Ctx) -> bool:
    warehouseid = ctx.path_int("warehouseid")
    ctx.site.table(WAREHOUSES).delete(warehouseid)
    ctx.site.tables.pop(items_spec(warehouseid).name, None)
    return True


# --- warehouse items -------------------------------------------------------------------------
def with_reservations(rows: Iterable[Record], reserved: dict[str, Decimal]) -> list[Record]:
    """Items with ``decimalreserved`` from open reservations and ``available = total − reserved``."""
    shown = []
    for row in rows:
        held = reserved.get(row["sku"], Decimal(0))
        row["decimalreserved"] = quantity_text(held)
        row["decimalavailable"] = quantity_text(Decimal(row["decimaltotal"]) - held)
        shown.append(row)
    return shown


def list_items(ctx: Ctx) -> dict[str, Any]:
    warehouseid = ctx.path_int("warehouseid")
    warehouse(ctx.site, warehouseid)
    skus = set(ctx.query_values("sku"))
    rows = [
        row
        for row in ctx.site.table(items_spec(warehouseid))
        if (not skus or row["sku"] in skus)
        and in_range(ctx, row["datelastmodified"], "datelastmodifiedfrom", "datelastmodifiedto")
    ]
    rows.sort(key=lambda row: row["warehouseitemid"])
    held = (
        reservations(ctx.account, warehouseid, ctx.now())
        if ctx.settings.reserve_stock_for_open_orders
        else {}
    )
    return envelope(ctx, with_reservations(rows, held))


def set_item(ctx: Ctx, body: dict[str, Any]) -> int:
    """Upsert by SKU; stock levels are writable on Virtual warehouses only [SPEC]."""
    warehouseid = ctx.path_int("warehouseid")
    virtual = is_virtual(warehouse(ctx.site, warehouseid))
    sku = body.get("sku")
    if not sku or not isinstance(sku, str):
        raise bad_request("Missing required field sku")
    stock = coerce_fields(body, STOCK_FIELDS)
    if stock and not virtual:
        raise bad_request("decimaltotal and moneytotal can only be set on Virtual warehouses")
    record = item(ctx.store, ctx.site, warehouseid, sku)
    record.update(coerce_fields(body, ITEM_FIELDS))
    if stock:
        before = level(record)
        total = Decimal(stock.get("decimaltotal", before.total))
        set_level(record, StockLevel(total, Decimal(stock.get("moneytotal", before.value))), ctx.now())
    return int(record["warehouseitemid"])


# --- warehouse transactions --------------------------------------------------------------------
def add_transaction(ctx: Ctx, body: dict[str, Any]) -> int:
    for name in ("warehouseid", "transactiontype"):
        if body.get(name) is None:
            raise bad_request(f"Missing required field {name}")
    warehouseid = integer(body["warehouseid"], "warehouseid")
    transactiontype = integer(body["transactiontype"], "transactiontype")
    if is_virtual(warehouse(ctx.site, warehouseid)):
        raise bad_request("Transactions cannot be added to Virtual warehouses")
    if transactiontype in NOT_POSTABLE:
        raise bad_request(f"Transactions of type {transactiontype} cannot be added")
    lines = parse_lines(body.get("items"))
    extra = {name: body.get(name) for name in ("description", "externalid", "reasoncode", "shipmentid")}
    record = post_transaction(ctx.store, ctx.site, warehouseid, transactiontype, lines, **extra)
    return int(record["warehousetransactionid"])


def list_transactions(ctx: Ctx, warehouseid: int | None = None) -> dict[str, Any]:
    warehouseid = warehouseid if warehouseid is not None else ctx.query_int("warehouseid")
    ids = set(ctx.query_ints("warehousetransactionid"))
    types = set(ctx.query_ints("transactiontype"))
    low = ctx.query_int("warehousetransactionidfrom")
    high = ctx.query_int("warehousetransactionidto")
    rows = [
        row
        for row in ctx.site.table(TRANSACTIONS)
        if (warehouseid is None or row["warehouseid"] == warehouseid)
        and (not ids or row["warehousetransactionid"] in ids)
        and (not types or row["transactiontype"] in types)
        and (low is None or row["warehousetransactionid"] >= low)
        and (high is None or row["warehousetransactionid"] < high)
        and in_range(ctx, row["datecreated"], "datecreatedfrom", "datecreatedto")
    ]
    return envelope(
        ctx,
        rows,
        default_fields=TRANSACTION_DEFAULT_FIELDS,
        sort_keys=TRANSACTION_SORT,
        default_sort="-warehousetransactionid",
    )


def warehouse_transactions(ctx: Ctx) -> dict[str, Any]:
    warehouseid = ctx.path_int("warehouseid")
    warehouse(ctx.site, warehouseid)
    return list_transactions(ctx, warehouseid)


def one_transaction(ctx: Ctx) -> Record:
    warehouseid = ctx.path_int("warehouseid")
    record = ctx.site.table(TRANSACTIONS).require(ctx.path_int("warehousetransactionid"))
    if record["warehouseid"] != warehouseid:
        raise not_found("Warehouse transaction", record["warehousetransactionid"])
    return render_one(ctx, record)


# --- plugin ----------------------------------------------------------------------------------
def seed_site(store: SitooStore, site: SiteState) -> None:
    """Every site starts with a FIFO store warehouse and a Virtual webshop warehouse [§10]."""
    add_warehouse(store, site, {"name": "Store", "usetype": 10, "currencycode": "SEK", "storeid": 1})
    add_warehouse(
        store, site, {"name": "Webshop", "warehousetype": VIRTUAL, "usetype": 20, "currencycode": "SEK"}
    )


WAREHOUSE = "warehouses/{warehouseid:int}"
PLUGIN = Plugin(
    routes=[
        *object_routes(
            "warehouses",
            WAREHOUSES,
            create=create_warehouse,
            update=update_warehouse,
            delete=delete_warehouse,
        ),
        ApiRoute(
            f"{WAREHOUSE}/warehouseitems",
            {"GET": list_items, "PUT": lambda ctx: single_or_batch(ctx, set_item)},
        ),
        ApiRoute(f"{WAREHOUSE}/warehousetransactions", {"GET": warehouse_transactions}),
        ApiRoute(
            f"{WAREHOUSE}/warehousetransactions/{{warehousetransactionid:int}}", {"GET": one_transaction}
        ),
        ApiRoute(
            "warehousetransactions",
            {
                "GET": list_transactions,
                "POST": lambda ctx: single_or_batch(
                    ctx, add_transaction, ctx.settings.max_transactions_per_request
                ),
            },
        ),
        *batches.ROUTES,
    ],
    seed_site=seed_site,
    load_catalogue=load_catalogue_stock,
)
