"""Property tests by schemathesis against the order, warehouse, price list and voucher endpoints.

Every operation possync uses there is fed a few dozen generated requests (fixed seed, so runs
repeat) against an emulator holding the demo catalogue, its stock and POS orders, plus an
open batch: no answer may be a server error, use an undocumented status or break the
(corrected) OpenAPI description.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from possync_sandbox.catalogue import generate
from possync_sandbox.server import RunningServer, running
from possync_sandbox.sitoo import SitooEmulator, SitooSettings

from .conftest import ACCOUNT_ROOT, AUTH, NOW
from .openapi_check import SpecValidator
from .schemathesis_support import check_documented_answers, operations
from .stock_support import FIFO_ID

STOCK_PATHS = (
    r"^/orders\.json$|^/sites/\{siteid\}/(orders|warehouses|warehousetransactions|pricelists|vouchers)"
    r"(\.json|/\{[a-z]+\}(\.json|/[a-z]+(\.json|/\{[a-z]+\}(\.json|/[a-z]+\.json))))$"
)
SITE_IDS = {
    "warehouseid": "warehouses",
    "warehousetransactionid": "warehousetransactions",
    "warehousebatchid": "warehousebatches",
    "pricelistid": "pricelists",
    "voucherid": "vouchers",
}


def _operations() -> list[Any]:
    return operations(STOCK_PATHS)


OPERATIONS = _operations()


@pytest.fixture(scope="module")
def loaded() -> Iterator[tuple[SitooEmulator, RunningServer]]:
    emulator = SitooEmulator(SitooSettings(frozen_time=NOW, rate_limit_requests=0))
    emulator.load_catalogue(generate(seed=3, products=30))
    with (
        running(emulator.app) as server,
        httpx.Client(base_url=server.base_url + ACCOUNT_ROOT, auth=AUTH) as api,
    ):
        api.post(f"/sites/1/warehouses/{FIFO_ID}/warehousebatches.json", json={"transactiontype": 50})
        api.post("/sites/1/vouchers.json", json={"vouchername": "Spring", "vouchertype": 210, "value_x": 10})
        yield emulator, server


def _known_ids(emulator: SitooEmulator) -> dict[str, list[int]]:
    site = emulator.site()
    known = {
        name: sorted(site.tables[table].rows) for name, table in SITE_IDS.items() if table in site.tables
    }
    known["orderid"] = sorted(emulator.store.account(emulator.settings.account_id).tables["orders"].rows)
    return known


def test_the_stock_operations_are_covered() -> None:
    labels = {operation.label for operation in OPERATIONS}
    assert "GET /orders.json" in labels
    assert "POST /sites/{siteid}/orders/{orderid}/orderdeliveries.json" in labels
    assert "POST /sites/{siteid}/warehousetransactions.json" in labels
    assert len(labels) >= 25


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_generated_requests_get_documented_answers(
    operation: Any, loaded: tuple[SitooEmulator, RunningServer], spec_validator: SpecValidator
) -> None:
    check_documented_answers(operation, loaded, spec_validator, _known_ids)
