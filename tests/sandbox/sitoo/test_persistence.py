"""Persistence: ``save``/``load`` round-trips the state; ``data_file`` survives a restart."""

from __future__ import annotations

from pathlib import Path

import httpx

from possync_sandbox.server import running
from possync_sandbox.sitoo import SitooEmulator, SitooSettings
from possync_sandbox.sitoo.tables import PRODUCTS


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    emulator = SitooEmulator(SitooSettings(frozen_time=1_764_000_000))
    emulator.add_site(2)
    emulator.save(tmp_path / "sitoo.json")
    loaded = SitooEmulator.load(tmp_path / "sitoo.json")
    assert sorted(loaded.store.account(90001).sites) == [1, 2]
    assert loaded.store.dump() == emulator.store.dump()


def test_data_file_is_written_on_change_and_read_at_start(tmp_path: Path) -> None:
    data_file = tmp_path / "state.json"
    first = SitooEmulator(SitooSettings(data_file=str(data_file)))
    first.add_site(3)
    first.after_write()
    second = SitooEmulator(SitooSettings(data_file=str(data_file)))
    assert sorted(second.store.account(90001).sites) == [1, 3]


def test_api_writes_reach_the_data_file(tmp_path: Path) -> None:
    data_file = tmp_path / "live.json"
    emulator = SitooEmulator(SitooSettings(data_file=str(data_file)))
    with running(emulator.app) as server:
        created = httpx.post(
            f"{server.base_url}/v2/accounts/90001/sites/1/products.json",
            json={"sku": "KEEP-1", "title": "Kept"},
            auth=("90001-1", "sandbox-secret"),
        )
    assert created.status_code == 200
    restarted = SitooEmulator(SitooSettings(data_file=str(data_file)))
    assert restarted.site().table(PRODUCTS).lookup("sku", "KEEP-1") is not None
