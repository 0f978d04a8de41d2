"""No Sitoo secret reaches a log line, whatever happens to the requests."""

from __future__ import annotations

import base64
import logging

import pytest
from sitoo_client_helpers import ClientFactory

from possync.errors import FatalError, RetryableError
from possync.sitoo.models import Order, OrderItem
from possync_sandbox.faults import FaultPlan
from possync_sandbox.sitoo import SitooEmulator

PASSWORD = "sandbox-secret"
WRONG = "not-the-sandbox-password"


def secrets() -> list[str]:
    tokens = [base64.b64encode(f"90001-1:{p}".encode()).decode() for p in (PASSWORD, WRONG)]
    return [PASSWORD, WRONG, *tokens]


def rendered(record: logging.LogRecord) -> str:
    """Everything a handler could write: the message and every attribute, extras included."""
    return f"{record.getMessage()} {record.__dict__!r}"


async def test_no_secret_in_any_log_line(
    emulator: SitooEmulator, make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    emulator.faults.configure(FaultPlan(script=["rate_limit", "error", "drop", "ok", "ok", "lost_response"]))
    item = OrderItem(productname="Mug", quantity=1, moneyrowprice="125.00", vatvalue=25)
    async with make_client(max_attempts=2) as client:
        with pytest.raises(RetryableError):
            await client.warehouses.read_all()  # 429, then 503: given up
    async with make_client(max_attempts=5) as client:
        await client.warehouses.read_all()  # dropped, then answered
        await client.orders.create_once(Order(externalid="woo-log", ordertypeid=10, orderitems=[item]))
    async with make_client(password=WRONG) as client:
        with pytest.raises(FatalError):
            await client.warehouses.read_all()
    assert emulator.faults.served["lost_response"] == 1
    emulator.faults.configure(FaultPlan(script=["drop"] * 3))
    async with make_client(max_attempts=3) as client:
        with pytest.raises(RetryableError):
            await client.warehouses.get(1)
    assert len(caplog.records) > 5
    leaks = [rendered(r) for r in caplog.records if any(secret in rendered(r) for secret in secrets())]
    assert leaks == []
