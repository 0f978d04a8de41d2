"""The Sitoo client against the emulator's fault plans, over real HTTP on loopback."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest
from sitoo_client_helpers import ClientFactory, FakeTime, stored_rows

from possync.errors import RetryableError
from possync.sitoo.models import (
    Manufacturer,
    Order,
    OrderItem,
    Product,
    WarehouseItemLog,
    WarehouseTransaction,
)
from possync_sandbox.faults import FaultPlan
from possync_sandbox.sitoo import SitooEmulator

ORDERS_POST = r"/sites/1/orders\.json$"
ORDER_PUT = r"/sites/1/orders/\d+\.json$"
MANUFACTURER_PUT = r"/sites/1/manufacturers/\d+\.json$"


def product(sku: str) -> Product:
    return Product.model_validate({"sku": sku, "title": f"Title {sku}", "moneyprice": "100.00"})


async def another_app_spends_the_budget(base_url: str, requests: int) -> None:
    """Another app on the same Sitoo account (not possync) uses up the rate budget."""
    async with httpx.AsyncClient(auth=("90001-1", "sandbox-secret")) as other:
        for _ in range(requests):
            await other.get(f"{base_url}/v2/accounts/90001/sites.json")


def order(externalid: str) -> Order:
    return Order(
        externalid=externalid,
        ordertypeid=10,
        orderitems=[
            OrderItem(productname="Mug", sku="MUG-1", quantity=1, moneyrowprice="125.00", vatvalue=25)
        ],
    )


async def test_429_storm_waits_retry_after_then_succeeds(
    emulator: SitooEmulator, make_client: ClientFactory, fake_time: FakeTime, answered: Callable[[str], float]
) -> None:
    emulator.faults.configure(FaultPlan(script=["rate_limit"] * 3, retry_after=7))
    async with make_client(max_attempts=5) as client:
        warehouses = await client.warehouses.read_all()
    assert [w.warehouseid for w in warehouses] == [1, 2]
    assert answered("429") == 3
    assert emulator.counter.snapshot()["total"] == 4
    assert sum(fake_time.sleeps) >= 3 * 7
    assert all(wait <= 7 for wait in fake_time.sleeps)


async def test_client_keeps_within_the_emulator_rate_budget(
    emulator: SitooEmulator, make_client: ClientFactory, fake_time: FakeTime, answered: Callable[[str], float]
) -> None:
    emulator.update_settings({"rate_limit_requests": 5, "rate_limit_window_seconds": 10})
    async with make_client() as client:
        for _ in range(20):
            assert (await client.warehouses.get(1)).name
    assert answered("200") == 20
    assert answered("429") == 0
    assert sum(fake_time.sleeps) > 0


async def test_reads_and_writes_past_the_emulator_rate_limit_meet_one_429_at_most(
    emulator: SitooEmulator,
    base_url: str,
    make_client: ClientFactory,
    fake_time: FakeTime,
    answered: Callable[[str], float],
) -> None:
    async with make_client() as client:
        created = await client.products.create_many([product(f"RL-{n}") for n in range(12)])
    emulator.update_settings({"rate_limit_requests": 10, "rate_limit_window_seconds": 10})
    await another_app_spends_the_budget(base_url, 10)
    emulator.counter.reset()
    async with make_client(page_size=2, batch_size=2) as client:
        read = await client.products.read_all()
        renames = [{"productid": r.id, "title": f"Renamed {r.id}"} for r in created]
        written = await client.products.update_many(renames)
    assert len(read) == 12
    assert all(result.error is None for result in written)
    assert answered("429") == 1  # the first request, before any answer told the budget
    assert emulator.counter.snapshot()["total"] == 6 + 6 + 1  # pages of 2, batches of 2, one retry
    assert sum(fake_time.sleeps) >= 10  # it waited for the window instead of being refused again
    assert {row["title"] for row in stored_rows(emulator, "products")} == {f"Renamed {r.id}" for r in created}


async def test_two_clients_of_one_account_share_its_budget(
    emulator: SitooEmulator, make_client: ClientFactory, answered: Callable[[str], float]
) -> None:
    emulator.update_settings({"rate_limit_requests": 5, "rate_limit_window_seconds": 10})
    async with make_client() as first, make_client(site_id=1) as second:
        assert first.http.budget is second.http.budget

        reads = [client.warehouses.get(1) for client in (first, second) for _ in range(8)]
        assert all(warehouse.name for warehouse in await asyncio.gather(*reads))
    assert answered("200") == 16
    assert answered("429") == 0
    assert emulator.counter.snapshot()["total"] == 16


async def test_5xx_burst_is_retried_then_succeeds(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    emulator.faults.configure(FaultPlan(script=["error", "error"], error_status=503))
    async with make_client() as client:
        assert len(await client.warehouses.read_all()) == 2
    assert emulator.counter.snapshot()["total"] == 3


@pytest.mark.parametrize("fault", ["error", "drop"])
async def test_faults_past_the_cap_surface_as_retryable_naming_the_request(
    emulator: SitooEmulator, make_client: ClientFactory, fault: str
) -> None:
    emulator.faults.configure(FaultPlan(script=[fault] * 10, error_status=502))
    async with make_client(max_attempts=3) as client:
        with pytest.raises(RetryableError) as caught:
            await client.warehouses.get(2)
    assert "GET" in str(caught.value)
    assert "/sites/1/warehouses/2.json" in str(caught.value)
    assert emulator.counter.snapshot()["total"] == 3


async def test_dropped_connections_are_retried_for_reads(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    emulator.faults.configure(FaultPlan(script=["drop", "drop"]))
    async with make_client() as client:
        assert (await client.warehouses.get(2)).is_virtual
    assert emulator.counter.snapshot()["total"] == 3


async def test_lost_order_create_then_retry_leaves_exactly_one_order(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    emulator.faults.configure(FaultPlan(script=["lost_response"], path_pattern=ORDERS_POST))
    async with make_client() as client:
        orderid, existed = await client.orders.create_once(order("woo-1001"))
        again, existed_again = await client.orders.create_once(order("woo-1001"))
        found = await client.orders.find_by_externalid("woo-1001")
    assert emulator.faults.served["lost_response"] == 1
    assert (orderid, existed) == (again, False)
    assert existed_again is True
    assert found is not None
    assert found.orderid == orderid
    assert [o["orderid"] for o in stored_rows(emulator, "orders") if o.get("externalid") == "woo-1001"] == [
        orderid
    ]


async def test_lost_transaction_add_is_found_by_externalid(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    emulator.faults.configure(
        FaultPlan(script=["lost_response"], path_pattern=r"/warehousetransactions\.json$")
    )
    line = WarehouseItemLog(sku="MUG-1", decimalquantity=Decimal(5), moneypricein=Decimal("3.45"))
    move = WarehouseTransaction(warehouseid=1, transactiontype=10, externalid="woo-stock-1", items=[line])
    async with make_client() as client:
        (result,) = await client.warehouse_transactions.add([move])
        found = await client.warehouse_transactions.find_by_externalids(["woo-stock-1"])
    assert isinstance(result.error, RetryableError)
    assert result.error.maybe_applied
    assert list(found) == ["woo-stock-1"]
    assert found["woo-stock-1"].items[0].decimalquantity == Decimal("5.000")


async def test_a_lost_order_update_is_not_sent_again(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    cup = OrderItem(productname="Cup", sku="CUP-1", quantity=2, moneyrowprice="50.00", vatvalue=25)
    async with make_client() as client:
        orderid = await client.orders.create(order("woo-1002"))
        emulator.faults.configure(FaultPlan(script=["lost_response"], path_pattern=ORDER_PUT))
        emulator.counter.reset()
        with pytest.raises(RetryableError) as caught:
            await client.orders.update(orderid, Order(orderitems=[*order("woo-1002").orderitems, cup]))
    assert caught.value.maybe_applied  # the engine re-reads the order instead of adding the items again
    assert emulator.counter.snapshot()["total"] == 1
    (stored,) = [o for o in stored_rows(emulator, "orders") if o["orderid"] == orderid]
    assert [item["productname"] for item in stored["orderitems"]] == ["Mug", "Cup"]


async def test_a_lost_answer_to_a_write_declared_safe_is_sent_again(
    emulator: SitooEmulator, make_client: ClientFactory
) -> None:
    async with make_client() as client:
        manufacturerid = await client.manufacturers.create(Manufacturer(name="Acme"))
        emulator.faults.configure(FaultPlan(script=["lost_response"], path_pattern=MANUFACTURER_PUT))
        emulator.counter.reset()
        await client.manufacturers.update(manufacturerid, Manufacturer(name="Acme AB"))
        renamed = await client.manufacturers.get(manufacturerid)
    assert emulator.faults.served["lost_response"] == 1
    assert emulator.counter.snapshot()["total"] == 2 + 1
    assert renamed.name == "Acme AB"
