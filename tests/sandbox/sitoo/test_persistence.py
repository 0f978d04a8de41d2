"""Persistence: ``save``/``load`` round-trips the state; ``data_file`` survives a restart."""

from __future__ import annotations

from pathlib import Path

from possync_sandbox.sitoo import SitooEmulator, SitooSettings


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
