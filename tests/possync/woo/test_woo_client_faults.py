"""WooClient against the WooCommerce emulator through its fault plans, and secrets kept out of logs."""

from __future__ import annotations

import asyncio
import logging

import pytest
from woo_fixtures import CK, CS, shop

from possync.errors import RetryableError
from possync.http import basic_token
from possync.http.testing import FrozenClock, RecordingSleeper, WireLog
from possync_sandbox.faults import FaultPlan

PRODUCTS = r"/products"


async def test_429_storm_with_retry_after_waits_then_succeeds() -> None:
    sleeper = RecordingSleeper(FrozenClock())
    with shop() as s:
        async with s.client(sleeper, auth="basic") as woo:
            seeded = await _seed(woo, 6)
            s.emulator.faults.configure(
                FaultPlan(script=["rate_limit"] * 3, retry_after=3, path_pattern=PRODUCTS)
            )
            s.emulator.counter.reset()
            updated = await asyncio.gather(
                *(woo.products.update(p.id, {"name": f"P{n}"}) for n, p in enumerate(seeded))
            )
    assert [p.name for p in updated] == [f"P{n}" for n in range(6)]
    assert s.emulator.counter.snapshot()["total"] == 6 + 3  # no request spent while the budget was empty
    assert sleeper.calls.count(3.0) == 3  # every refused request waited the shop's Retry-After
    assert sorted(p["name"] for p in s.state()["products"]) == [f"P{n}" for n in range(6)]


async def _seed(woo: object, count: int) -> list:  # type: ignore[type-arg]
    from possync.woo import WooClient

    assert isinstance(woo, WooClient)
    results = await woo.products.batch(
        create=[{"name": f"seed {n}", "sku": f"SEED-{n}"} for n in range(count)]
    )
    return [r.value for r in results if r.value is not None]


async def test_5xx_bursts_and_drops_retried_up_to_the_cap_then_retryable_naming_the_request() -> None:
    sleeper = RecordingSleeper(FrozenClock())
    with shop() as s:
        async with s.client(sleeper, auth="basic") as woo:
            s.emulator.faults.configure(FaultPlan(script=["error", "drop", "error"], path_pattern=PRODUCTS))
            assert await woo.products.list_all() == []  # three failures, the fourth attempt succeeds
            s.emulator.faults.configure(FaultPlan(error_rate=1.0, error_burst=50, path_pattern=PRODUCTS))
            s.emulator.counter.reset()
            with pytest.raises(RetryableError) as caught:
                await woo.products.get(123)
            s.emulator.faults.configure(FaultPlan(drop_rate=1.0, path_pattern=PRODUCTS))
            with pytest.raises(RetryableError) as dropped:
                await woo.products.list_all(search="x")
    assert s.emulator.counter.snapshot()["total"] == 4 + 4
    assert f"GET {s.base_url}/wp-json/wc/v3/products/123" in str(caught.value)
    assert caught.value.status == 503
    assert "/wp-json/wc/v3/products" in str(dropped.value)
    assert "search=x" in str(dropped.value)
    assert len(sleeper.calls) == 3 + 3 + 3


async def test_lost_create_response_then_retry_leaves_exactly_one_record() -> None:
    with shop() as s:
        async with s.client(auth="basic") as woo:
            s.emulator.faults.configure(FaultPlan(script=["lost_response"], path_pattern=PRODUCTS))
            product = await woo.products.create_once(
                {"name": "Lost", "sku": "LOST-1", "regular_price": "10.00"}
            )
            s.emulator.faults.configure(FaultPlan(script=["lost_response"], path_pattern=PRODUCTS))
            batch = await woo.products.create_many_once(
                [{"name": "Lost batch", "sku": "LOST-2"}, {"name": "Lost batch", "sku": "LOST-3"}]
            )
            s.emulator.faults.configure(FaultPlan(script=["lost_response"], path_pattern="/coupons"))
            coupon = await woo.coupons.create_once({"code": "Lost-Ten", "amount": "10"})
            s.emulator.faults.configure(FaultPlan(script=["lost_response"], path_pattern=PRODUCTS))
            with pytest.raises(RetryableError) as blind:
                await woo.products.create({"name": "Blind", "sku": "BLIND-1"})
    assert product.sku == "LOST-1"
    assert [r.value.sku for r in batch if r.value] == ["LOST-2", "LOST-3"]
    assert s.skus() == ["BLIND-1", "LOST-1", "LOST-2", "LOST-3"]
    assert coupon.code == "lost-ten"
    assert [c["code"] for c in s.state()["coupons"]] == ["lost-ten"]
    assert blind.value.maybe_applied  # a plain create is never re-sent blindly


def _logged(records: list[logging.LogRecord]) -> str:
    return "\n".join(f"{r.getMessage()} {r.__dict__}" for r in records)


@pytest.mark.parametrize(
    ("https", "config"),
    [
        (True, {"auth": "basic"}),
        (True, {"auth": "query"}),
        (False, {"auth": "oauth", "oauth_in": "query", "oauth_method": "HMAC-SHA256"}),
        (False, {"auth": "oauth", "oauth_in": "header", "oauth_method": "HMAC-SHA256"}),
        (False, {"auth": "oauth", "oauth_in": "query", "oauth_method": "HMAC-SHA1"}),
        (False, {"auth": "oauth", "oauth_in": "header", "oauth_method": "HMAC-SHA1"}),
        (False, {"auth": "auto"}),
    ],
)
async def test_no_secret_in_any_log_line(
    https: bool, config: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sleeper = RecordingSleeper(FrozenClock())
    wire = WireLog()  # logs every request with its headers, as someone debugging would
    with shop(https=https) as s:
        woo = s.client(sleeper, per_page=2, **config)
        wire.attach(woo.api.http)
        async with woo:
            await woo.products.batch(create=[{"name": f"n{n}", "sku": f"S{n}"} for n in range(5)])
            s.emulator.faults.configure(
                FaultPlan(script=["error", "rate_limit", "drop"], path_pattern=PRODUCTS)
            )
            assert len(await woo.products.list_all(search="n")) == 5  # Link headers repeat query keys
            s.emulator.faults.configure(FaultPlan(error_rate=1.0, error_burst=99, path_pattern=PRODUCTS))
            with pytest.raises(RetryableError) as caught:
                await woo.products.get(1)
    logged = _logged(caplog.records) + str(caught.value)
    assert "wp-json/wc/v3/products" in logged
    assert "headers=" in logged
    assert wire.credentials - {CK}, "no credential was seen on the wire"
    secrets = {CK, CS, CK.removeprefix("ck_"), CS.removeprefix("cs_"), basic_token(CK, CS)}
    leaks = [secret for secret in secrets | wire.credentials if secret in logged]
    assert leaks == []


async def test_an_order_update_adding_lines_is_never_repeated_after_a_lost_answer() -> None:
    with shop() as s:
        async with s.client(auth="basic") as woo:
            made = await woo.products.create({"name": "Mug", "sku": "MUG-1", "regular_price": "9.00"})
            order = await woo.orders.create({"line_items": [{"product_id": made.id, "quantity": 1}]})
            s.emulator.faults.configure(FaultPlan(script=["lost_response"], path_pattern="/orders"))
            with pytest.raises(RetryableError) as lost:
                await woo.orders.update(order.id, {"line_items": [{"product_id": made.id, "quantity": 2}]})
            s.emulator.faults.configure(FaultPlan(script=["lost_response"], path_pattern="/orders"))
            status = await woo.orders.update(order.id, {"status": "on-hold"})
    assert lost.value.maybe_applied
    lines = [line["quantity"] for line in s.state()["orders"][0]["line_items"]]
    assert lines == [1, 2], "the added line is there once"
    assert status.status == "on-hold"
