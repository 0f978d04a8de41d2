"""Warehouse batches: stock-taking and delivery in/out sessions that commit as one transaction.

A batch is created Open (10); its items are set (upsert by SKU) and deleted while stock stays
put; setting ``warehousebatchstate`` to Closed (20) commits it: one transaction of the batch's
``transactiontype`` is written from the items and the batch keeps its id [SPEC §8.10]. A
stock-taking batch holds counted totals and commits the differences; a closed batch is frozen.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from possync_sandbox.sitoo.context import ApiRoute, Ctx
from possync_sandbox.sitoo.errors import bad_request
from possync_sandbox.sitoo.listing import envelope, render_one
from possync_sandbox.sitoo.stock import BatchLine, BatchState, TransactionType, commit_lines
from possync_sandbox.sitoo.stock_ledger import (
    Line,
    is_virtual,
    item,
    items_spec,
    level,
    move_stock,
    warehouse,
)
from possync_sandbox.sitoo.store import Record, SiteState, SitooStore, Table, TableSpec
from possync_sandbox.sitoo.wire import Coercer, coerce_fields, integer, money, nullable, quantity, text
from possync_sandbox.sitoo.writing import single, single_or_batch

BATCHES = TableSpec("warehousebatches", "warehousebatchid", "Warehouse batch")
BATCH_FIELDS: dict[str, Coercer] = {
    "transactiontype": integer,
    "emailowner": text,
    "comment": text,
    "shipmentid": nullable(integer),
    "externalid": nullable(text),
    "reasoncode": nullable(text),
}
ITEM_FIELDS: dict[str, Coercer] = {
    "decimalquantity": quantity,
    "moneypricein": money,
    "emailowner": text,
    "comment": nullable(text),
}


def batch_items(site: SiteState, batchid: int) -> Table:
    return site.table(TableSpec(f"warehousebatchitems/{batchid}", "sku", "Warehouse batch item"))


def open_batch(ctx: Ctx) -> Record:
    """The batch of the URL, which must still be open to be changed."""
    batch = the_batch(ctx)
    if batch["warehousebatchstate"] != BatchState.OPEN:
        raise bad_request(f"Warehouse batch {batch['warehousebatchid']} is closed")
    return batch


def the_batch(ctx: Ctx) -> Record:
    warehouseid = ctx.path_int("warehouseid")
    warehouse(ctx.site, warehouseid)
    batch = ctx.site.table(BATCHES).require(ctx.path_int("warehousebatchid"))
    if batch["warehouseid"] != warehouseid:
        raise bad_request("Warehouse batch belongs to another warehouse")
    return batch


def list_batches(ctx: Ctx) -> dict[str, Any]:
    warehouseid = ctx.path_int("warehouseid")
    warehouse(ctx.site, warehouseid)
    states = ctx.query_ints("warehousebatchstate") or [BatchState.OPEN]
    types = ctx.query_ints("transactiontype")
    rows = [
        row
        for row in ctx.site.table(BATCHES).find(warehouseid=warehouseid)
        if row["warehousebatchstate"] in states and (not types or row["transactiontype"] in types)
    ]
    return envelope(ctx, rows)


def create_batch(ctx: Ctx, body: dict[str, Any]) -> int:
    warehouseid = ctx.path_int("warehouseid")
    if is_virtual(warehouse(ctx.site, warehouseid)) and not ctx.settings.virtual_warehouse_batches:
        raise bad_request("Warehouse batches cannot be added to a Virtual warehouse")
    fields = coerce_fields(body, BATCH_FIELDS)
    if "transactiontype" not in fields:
        raise bad_request("Missing required field transactiontype")
    table = ctx.site.table(BATCHES)
    if ctx.settings.single_open_batch_per_type and any(
        row["warehousebatchstate"] == BatchState.OPEN and row["transactiontype"] == fields["transactiontype"]
        for row in table.find(warehouseid=warehouseid)
    ):
        raise bad_request("An open warehouse batch of this type already exists")
    return int(table.put(new_batch(ctx.store, warehouseid, fields))["warehousebatchid"])


def new_batch(store: SitooStore, warehouseid: int, fields: dict[str, Any]) -> Record:
    """An open batch with its defaults, not yet stored."""
    return {
        "warehousebatchid": store.next_id("warehousebatchid"),
        "warehouseid": warehouseid,
        "warehousetransactionid": None,
        "transactiontype": fields["transactiontype"],
        "datecreated": store.now(),
        "warehousebatchstate": BatchState.OPEN.value,
        "emailowner": "",
        "comment": "",
        "shipmentid": None,
        "externalid": None,
        "reasoncode": None,
        **fields,
    }


def new_batch_item(store: SitooStore, site: SiteState, batch: Record, sku: str) -> Record:
    """An empty line for ``sku`` in ``batch``; the SKU gets its warehouse item now [INF §8.8]."""
    return {
        "warehousebatchitemid": store.next_id("warehousebatchitemid"),
        "warehousebatchid": batch["warehousebatchid"],
        "warehouseitemid": item(store, site, batch["warehouseid"], sku)["warehouseitemid"],
        "sku": sku,
        "decimalquantity": "0.000",
        "moneypricein": "0.00",
        "emailowner": "",
        "comment": None,
    }


def set_line(store: SitooStore, site: SiteState, batch: Record, sku: str, body: dict[str, Any]) -> Record:
    """Upsert the batch line for ``sku`` from ``body``'s writable fields."""
    table = batch_items(site, batch["warehousebatchid"])
    record = table.get(sku) or new_batch_item(store, site, batch, sku)
    record.update(coerce_fields(body, ITEM_FIELDS))
    record["datemodified"] = store.now()
    return table.put(record)


def update_batch(ctx: Ctx, body: dict[str, Any]) -> bool:
    batch = open_batch(ctx)
    state = body.get("warehousebatchstate")
    if state is not None and integer(state, "warehousebatchstate") not in (
        BatchState.OPEN,
        BatchState.CLOSED,
    ):
        raise bad_request("Invalid warehousebatchstate")
    batch.update(coerce_fields(body, BATCH_FIELDS))
    if state is not None and integer(state, "warehousebatchstate") == BatchState.CLOSED:
        close(ctx.store, ctx.site, batch, zero_missing=ctx.settings.stocktaking_zeroes_missing)
    return True


def close(store: SitooStore, site: SiteState, batch: Record, *, zero_missing: bool = False) -> Record | None:
    """Commit ``batch``: one transaction from its items; stock changes now and only now."""
    warehouseid = batch["warehouseid"]
    lines = [_batch_line(row) for row in batch_items(site, batch["warehousebatchid"])]
    stocktaking = batch["transactiontype"] == TransactionType.STOCKTAKING
    if stocktaking and zero_missing:
        counted = {line.sku for line in lines}
        lines += [
            BatchLine(row["sku"], Decimal(0))
            for row in site.table(items_spec(warehouseid))
            if row["sku"] not in counted
        ]
    committed = commit_lines(
        batch["transactiontype"], lines, lambda sku: level(site.table(items_spec(warehouseid)).get(sku))
    )
    transaction = move_stock(
        store,
        site,
        warehouseid,
        batch["transactiontype"],
        [Line(line.sku, line.quantity, line.pricein) for line in committed],
        description=batch["comment"],
        externalid=batch["externalid"],
        reasoncode=batch["reasoncode"],
        shipmentid=batch["shipmentid"],
    )
    if stocktaking:
        for line in lines:
            item(store, site, warehouseid, line.sku)["datelaststocktaking"] = store.now()
    batch["warehousebatchstate"] = BatchState.CLOSED.value
    batch["warehousetransactionid"] = transaction["warehousetransactionid"] if transaction else None
    return transaction


def _batch_line(row: Record) -> BatchLine:
    price = Decimal(row["moneypricein"]) if row.get("moneypricein") not in (None, "0.00") else None
    return BatchLine(row["sku"], Decimal(row["decimalquantity"]), price)


def set_item(ctx: Ctx, body: dict[str, Any]) -> bool:
    batch = open_batch(ctx)
    sku = body.get("sku")
    if not sku:
        raise bad_request("Missing required field sku")
    set_line(ctx.store, ctx.site, batch, str(sku), body)
    return True


def delete_item(ctx: Ctx, body: dict[str, Any]) -> bool:
    batch = open_batch(ctx)
    batch_items(ctx.site, batch["warehousebatchid"]).delete(body.get("sku"))
    return True


def list_items(ctx: Ctx) -> dict[str, Any]:
    batch = the_batch(ctx)
    rows = sorted(
        batch_items(ctx.site, batch["warehousebatchid"]), key=lambda row: row["warehousebatchitemid"]
    )
    return envelope(ctx, rows)


BATCH = "warehouses/{warehouseid:int}/warehousebatches/{warehousebatchid:int}"
ROUTES = [
    ApiRoute(
        "warehouses/{warehouseid:int}/warehousebatches",
        {"GET": list_batches, "POST": lambda ctx: single(ctx, create_batch)},
    ),
    ApiRoute(
        BATCH,
        {"GET": lambda ctx: render_one(ctx, the_batch(ctx)), "PUT": lambda ctx: single(ctx, update_batch)},
    ),
    ApiRoute(
        f"{BATCH}/warehousebatchitems",
        {
            "GET": list_items,
            "PUT": lambda ctx: single_or_batch(ctx, set_item),
            "DELETE": lambda ctx: single_or_batch(ctx, delete_item),
        },
    ),
]
