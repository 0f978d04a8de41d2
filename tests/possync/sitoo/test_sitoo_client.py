"""The Sitoo client's stock and order resources against the emulator over loopback HTTP."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sitoo_client_helpers import ClientFactory

from possync.errors import ConfigurationError, SkippableError
from possync.sitoo.models import (
    Order,
    OrderDelivery,
    OrderDeliveryItem,
    OrderItem,
    WarehouseBatch,
    WarehouseBatchItem,
    WarehouseItem,
    WarehouseItemLog,
    WarehouseTransaction,
)
from possync.sitoo.stock_models import BATCH_CLOSED, TRANSACTION_STOCKTAKING
from possync_sandbox.sitoo import SitooEmulator

FIFO, VIRTUAL = 1, 2


def move_in(
    sku: str, quantity: str, warehouseid: int = FIFO, externalid: str | None = None
) -> WarehouseTransaction:
    line = WarehouseItemLog(sku=sku, decimalquantity=Decimal(quantity), moneypricein=Decimal("3.45"))
    return WarehouseTransaction(
        warehouseid=warehouseid, transactiontype=10, externalid=externalid, items=[line]
    )


def web_order(externalid: str, price: str = "125.00") -> Order:
    item = OrderItem(productname="Mug", sku="MUG-1", quantity=1, moneyrowprice=Decimal(price), vatvalue=25)
    return Order(externalid=externalid, ordertypeid=10, orderitems=[item])


def requests_to(emulator: SitooEmulator, method: str, tail: str) -> int:
    routes = emulator.counter.snapshot()["by_route"]
    return sum(n for route, n in routes.items() if route.startswith(method + " ") and route.endswith(tail))


async def test_transactions_are_chunked_in_order_with_one_result_per_element(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    async with make_client(batch_size=2) as client:
        results = await client.warehouse_transactions.add([move_in(f"SKU-{n}", "1") for n in range(5)])
    assert requests_to(emulator, "POST", "/warehousetransactions.json") == 3
    assert [r.index for r in results] == [0, 1, 2, 3, 4]
    assert all(r.ok for r in results)
    assert [r.id for r in results] == [1, 2, 3, 4, 5]  # stock movements are sent in order


async def test_a_refused_element_does_not_spoil_the_others(make_client: ClientFactory) -> None:
    batch = [move_in("A", "1"), move_in("B", "1", warehouseid=VIRTUAL), move_in("C", "1")]
    async with make_client() as client:
        results = await client.warehouse_transactions.add(batch)
    assert [r.ok for r in results] == [True, False, True]
    error = results[1].error
    assert isinstance(error, SkippableError)
    assert error.status == 400
    assert error.message


async def test_transactions_are_read_by_id_cursor_in_pages_of_num(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    async with make_client(page_size=2) as client:
        added = await client.warehouse_transactions.add([move_in(f"SKU-{n}", "2") for n in range(5)])
        emulator.counter.reset()
        after = added[1].id or 0
        pages = [
            [t.warehousetransactionid for t in page]
            async for page in client.warehouse_transactions.since(after)
        ]
        last = pages[-1][-1] or 0
        rest = [page async for page in client.warehouse_transactions.since(last)]
    ids = [r.id for r in added]
    assert pages == [ids[2:4], ids[4:]]
    assert rest == []
    assert requests_to(emulator, "GET", "/warehousetransactions.json") == 3


async def test_orders_are_paged_with_the_configured_num_and_followed_by_id(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    async with make_client(page_size=2) as client:
        created = [(await client.orders.create_once(web_order(f"woo-{n}")))[0] for n in range(5)]
        emulator.counter.reset()
        listed = await client.orders.read_all()
        reads = requests_to(emulator, "GET", "/orders.json")
        since = [[o.orderid for o in page] async for page in client.orders.since(created[2])]
    assert [o.orderid for o in listed] == created
    assert reads == 3
    assert since == [created[3:]]
    assert all(o.orderitems and o.orderitems[0].productname == "Mug" for o in listed)


async def test_money_and_quantities_round_trip_exactly(make_client: ClientFactory) -> None:
    async with make_client() as client:
        results = await client.warehouses.set_stock(
            VIRTUAL,
            [WarehouseItem(sku="EXACT-1", decimaltotal=Decimal("12.345"), moneytotal=Decimal("1234.56"))],
        )
        assert results[0].ok
        (item,) = [i async for page in client.warehouses.stock(VIRTUAL, skus=["EXACT-1"]) for i in page]
        orderid, _ = await client.orders.create_once(web_order("woo-exact", "1234.56"))
        read = await client.orders.get(orderid)
    assert item.decimaltotal == Decimal("12.345")
    assert item.moneytotal == Decimal("1234.56")
    assert read.moneytotal_gross_all == Decimal("1234.56")
    assert read.orderitems is not None
    assert read.orderitems[0].moneyrowprice == Decimal("1234.56")


async def test_orders_without_externalid_are_refused_before_any_request(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    async with make_client() as client:
        with pytest.raises(ValueError, match="externalid"):
            await client.orders.create_once(Order(ordertypeid=10))
        with pytest.raises(ValueError, match="externalid"):
            await client.orders.create(Order(ordertypeid=10, externalid="has spaces"))
    assert emulator.counter.snapshot()["total"] == 0


async def test_stocktaking_batch_commits_on_close(make_client: ClientFactory) -> None:
    async with make_client() as client:
        await client.warehouse_transactions.add([move_in("COUNT-1", "10")])
        batches = client.warehouses.batches(FIFO)
        batchid = await batches.create(
            WarehouseBatch(transactiontype=TRANSACTION_STOCKTAKING, comment="count")
        )
        lines = [WarehouseBatchItem(sku="COUNT-1", decimalquantity=Decimal("9"))]
        assert all(r.ok for r in await client.warehouses.set_batch_items(FIFO, batchid, lines))
        committed = await client.warehouses.commit_batch(FIFO, batchid)
        (item,) = [i async for page in client.warehouses.stock(FIFO, skus=["COUNT-1"]) for i in page]
    assert committed.warehousebatchstate == BATCH_CLOSED
    assert committed.warehousetransactionid is not None
    assert item.decimaltotal == Decimal("9.000")


async def test_an_order_delivery_moves_stock(make_client: ClientFactory) -> None:
    async with make_client() as client:
        await client.warehouse_transactions.add([move_in("MUG-1", "4")])
        orderid, _ = await client.orders.create_once(web_order("woo-ship"))
        delivery = OrderDelivery(
            warehouseid=FIFO, orderdeliveryitems=[OrderDeliveryItem(orderitemid=0, quantity=1)]
        )
        deliveryid = await client.orders.deliver(orderid, delivery)
        deliveries = await client.orders.deliveries(orderid).read_all()
        (item,) = [i async for page in client.warehouses.stock(FIFO, skus=["MUG-1"]) for i in page]
    assert [d.orderdeliveryid for d in deliveries] == [deliveryid]
    assert item.decimaltotal == Decimal("3.000")


async def test_a_server_serving_fewer_than_num_loses_nothing(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    async with make_client(page_size=5) as client:
        added = [
            r.id
            for r in await client.warehouse_transactions.add([move_in(f"CAP-{n}", "1") for n in range(12)])
        ]
        emulator.update_settings({"num_cap": 3})
        listed = [t.warehousetransactionid for t in await client.warehouse_transactions.read_all()]
        followed = [
            t.warehousetransactionid async for page in client.warehouse_transactions.since(0) for t in page
        ]
    assert listed == added
    assert followed == added


async def test_check_connection_finds_the_configured_site(make_client: ClientFactory) -> None:
    async with make_client() as client:
        site = await client.check_connection()
    async with make_client(site_id=7) as client:
        with pytest.raises(ConfigurationError, match="no site \\(eshopid\\) 7; it has: 1"):
            await client.check_connection()
    assert site.eshopid == 1
