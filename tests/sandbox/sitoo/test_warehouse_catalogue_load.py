"""The demo catalogue's stock half: warehouse levels, vouchers from coupons, past POS orders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from possync_sandbox.catalogue import generate
from possync_sandbox.server import running
from possync_sandbox.sitoo import SitooEmulator

from .conftest import AUTH, SITE_ROOT
from .stock_support import FIFO_ID, VIRTUAL_ID, move_in, ok

SEED, PRODUCTS = 3, 40


def _all(client: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = ok(client.get(path, params={"num": 10_000, **params}))["items"]
    return found


def test_catalogue_stock_vouchers_and_pos_history(
    api: httpx.Client, account_api: httpx.Client, control: httpx.Client
) -> None:
    catalogue = generate(SEED, PRODUCTS)
    ok(control.post("/catalogue", json={"seed": SEED, "products": PRODUCTS}))
    loaded = {product["sku"] for product in _all(api, "/products.json", includeinactive="true", fields="sku")}
    expected = {
        sku: stock
        for product in catalogue.products
        for sku, stock in [(product.sku, product.stock), *((v.sku, v.stock) for v in product.variations)]
        if sku in loaded and stock is not None
    }
    fifo = {
        item["sku"]: item["decimaltotal"] for item in _all(api, f"/warehouses/{FIFO_ID}/warehouseitems.json")
    }
    virtual = {
        item["sku"]: item["decimaltotal"]
        for item in _all(api, f"/warehouses/{VIRTUAL_ID}/warehouseitems.json")
    }
    assert {sku: f"{stock}.000" for sku, stock in expected.items()} == virtual
    assert all(fifo[sku] == f"{stock}.000" for sku, stock in expected.items())

    vouchers = _all(api, "/vouchers.json", fields="voucherpassword,vouchertype")
    assert sorted(v["voucherpassword"] for v in vouchers) == sorted(c.code for c in catalogue.coupons)

    orders = _all(account_api, "/orders.json")
    pos = [
        order
        for order in catalogue.orders
        if order.channel == "pos" and all(line.sku in loaded for line in order.lines)
    ]
    assert len(orders) == len(pos) > 0
    assert all(order["registerid"] and order["paymentstateid"] == 20 for order in orders)
    store_to_door = [order for order in pos if not all(line.delivered for line in order.lines)]
    undelivered = [order for order in orders if _has_undelivered(api, order)]
    assert len(undelivered) == len(store_to_door) > 0
    sales = _all(api, "/warehousetransactions.json", transactiontype=30)
    assert len(sales) == len(pos)


def _has_undelivered(api: httpx.Client, order: dict[str, Any]) -> bool:
    delivered: dict[int, int] = {}
    for delivery in _all(api, f"/orders/{order['orderid']}/orderdeliveries.json"):
        for line in delivery["orderdeliveryitems"]:
            delivered[line["orderitemid"]] = delivered.get(line["orderitemid"], 0) + line["quantity"]
    return any(delivered.get(item["orderitemid"], 0) < item["quantity"] for item in order["orderitems"])


def test_stock_and_orders_survive_save_and_load(fresh: SitooEmulator, tmp_path: Path) -> None:
    fresh.load_catalogue(generate(SEED, PRODUCTS))
    target = tmp_path / "sitoo.json"
    fresh.save(target)
    restored = SitooEmulator.load(target)
    assert restored.store.dump() == fresh.store.dump()
    with (
        running(restored.app) as server,
        httpx.Client(base_url=server.base_url + SITE_ROOT, auth=AUTH) as api,
    ):
        move_in(api, "AFTER-LOAD", "2")
        transactions = ok(api.get("/warehousetransactions.json", params={"num": 1}))
        assert transactions["items"][0]["items"][0]["sku"] == "AFTER-LOAD"
        assert transactions["totalcount"] == len(fresh.site().tables["warehousetransactions"]) + 1
