"""The till: what staff do at the POS, as order and stock operations on the store.

A sale is a closed, paid order from a register that is handed over at once (a delivery, so
stock leaves in a Sales transaction); a store-to-door sale hands over only some lines; a
refund is a credit order with negative quantities whose delivery brings stock back; a delivery
in and a stock-taking are warehouse batches opened, filled and closed in one go.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from possync_sandbox.sitoo.batches import BATCHES, close, new_batch, set_line
from possync_sandbox.sitoo.errors import bad_request
from possync_sandbox.sitoo.order_book import ORDERS, announce, new_order
from possync_sandbox.sitoo.order_deliveries import add_delivery
from possync_sandbox.sitoo.settings import SitooSettings
from possync_sandbox.sitoo.stock_ledger import FIFO, WAREHOUSES
from possync_sandbox.sitoo.store import AccountState, Record, SiteState, SitooStore
from possync_sandbox.sitoo.wire import money_text

STAFF = "staff@sandbox.example"
POS_STATE = {"ordertypeid": 10, "orderstateid": 10, "paymentstateid": 20}


@dataclass
class Till:
    """One register in one site of an account, with the emulator's settings."""

    store: SitooStore
    account: AccountState
    site: SiteState
    settings: SitooSettings
    register: str = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "sitoo-sandbox/register/1")).upper() + "}"

    def store_warehouse(self, warehouseid: int | None = None) -> int:
        """The warehouse the shop sells from: the one asked for, else the site's first FIFO one."""
        if warehouseid is not None:
            return int(self.site.table(WAREHOUSES).require(warehouseid)["warehouseid"])
        fifo = [row for row in self.site.table(WAREHOUSES) if row["warehousetype"] == FIFO]
        if not fifo:
            raise bad_request("The site has no FIFO warehouse")
        return int(fifo[0]["warehouseid"])

    def ring_up(
        self, body: dict[str, Any], handed_over: list[tuple[int, int]] | None = None
    ) -> dict[str, Any]:
        """Register an order and hand over ``handed_over`` (index, quantity) — all of it by default."""
        order = new_order(self.store, self.site, body, self.settings)
        order["registerid"] = self.register
        self.account.table(ORDERS).put(order)
        announce(self.store, order, ["order.add"])
        lines = handed_over if handed_over is not None else _all_lines(order)
        result: dict[str, Any] = {"orderid": order["orderid"], "orderdeliveryid": None}
        if lines:
            delivery = add_delivery(
                self.store,
                self.account,
                self.site,
                order,
                {
                    "warehouseid": order["warehouseid"],
                    "orderdeliveryitems": [{"orderitemid": i, "quantity": q} for i, q in lines],
                },
                self.settings,
            )
            result["orderdeliveryid"] = delivery["orderdeliveryid"]
        return result

    def refund(self, original: Record, lines: list[tuple[int, int]] | None = None) -> dict[str, Any]:
        """A credit order for some (default: all) items of ``original``, handed back into stock."""
        chosen = (
            lines
            if lines is not None
            else [(row["orderitemid"], row["quantity"]) for row in original["orderitems"]]
        )
        items = [_refund_item(original["orderitems"][index], quantity) for index, quantity in chosen]
        body = {
            **POS_STATE,
            "creditorderid": original["orderid"],
            "warehouseid": original["warehouseid"] or self.store_warehouse(),
            "additionaldata": {
                "refundreasoncode-reasoncode": "RETURN",
                "refundreasoncode-comment": "Customer return",
            },
            "orderitems": items,
            "payments": [{"name": "Card", "moneyamount": _sum_rows(items)}],
        }
        return self.ring_up(body)

    def batch(self, warehouseid: int, transactiontype: int, lines: list[Record], comment: str) -> Record:
        """Open a batch, set its items and close it: one transaction (or level change) at the end."""
        fields = {"transactiontype": transactiontype, "comment": comment, "emailowner": STAFF}
        record = self.site.table(BATCHES).put(new_batch(self.store, warehouseid, fields))
        for line in lines:
            body = {"decimalquantity": line.get("quantity"), "moneypricein": line.get("moneypricein") or 0}
            set_line(self.store, self.site, record, str(line["sku"]), body)
        close(self.store, self.site, record, zero_missing=self.settings.stocktaking_zeroes_missing)
        return record


def _all_lines(order: Record) -> list[tuple[int, int]]:
    return [(row["orderitemid"], row["quantity"]) for row in order["orderitems"] if row["quantity"]]


def _refund_item(sold: Record, quantity: int) -> Record:
    back = -abs(quantity)
    unit = Decimal(sold["moneyrowprice"]) / sold["quantity"] if sold["quantity"] else Decimal(0)
    return {
        "productname": sold["productname"],
        "sku": sold["sku"],
        "quantity": back,
        "moneyrowprice": money_text(unit * back),
        "vatvalue": sold["vatvalue"],
    }


def _sum_rows(items: list[Record]) -> str:
    return money_text(sum((Decimal(row["moneyrowprice"]) for row in items), Decimal(0)))
