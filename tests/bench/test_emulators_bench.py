"""Smoke test of the emulator benchmark: every scenario's request succeeds against a small shop."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from possync_sandbox.catalogue import generate
from possync_sandbox.server import running
from possync_sandbox.sitoo import SitooEmulator, SitooSettings
from possync_sandbox.woocommerce import WooEmulator

BENCH = Path(__file__).resolve().parents[2] / "bench" / "emulators.py"
PRODUCTS = 120


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_emulators", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kind", ["woo", "sitoo"])
def test_every_scenario_carries_products(kind: str) -> None:
    bench = _bench()
    emulator = SitooEmulator(SitooSettings(rate_limit_requests=0)) if kind == "sitoo" else WooEmulator()
    emulator.load_catalogue(generate(seed=1, products=PRODUCTS, orders=0))
    with (
        running(emulator.app) as server,
        httpx.Client(base_url=server.base_url, auth=bench._auth(kind)) as client,
    ):
        for _, make in bench.SCENARIOS[kind]:
            step = make(client, PRODUCTS)
            assert step(1) > 0
    table = bench.report([bench.Result(kind, "scenario", 2, 200, 0.5)], PRODUCTS)
    assert table.row_count == 1
