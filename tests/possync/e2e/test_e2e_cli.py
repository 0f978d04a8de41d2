"""The ``possync`` commands against both emulators, configured by a TOML file.

``sync`` writes and records a run, ``plan`` writes nothing, ``status`` and ``outbox list`` show
the store, ``reset`` is refused in live mode, ``fix-sku`` previews before it changes anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from sqlalchemy import Engine
from typer.testing import CliRunner

from possync import cli
from possync.cli import app
from possync.sandbox import SandboxPair, sandbox_pair
from possync_sandbox.catalogue import generate

CATALOGUE = generate(2, 20, orders=0)
runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "console", Console(width=200))


@pytest.fixture
def pair_and_config(store_engine: Engine, tmp_path: Path) -> Iterator[tuple[SandboxPair, Path]]:
    url = store_engine.url.render_as_string(hide_password=False)
    with sandbox_pair(CATALOGUE, "both", name="cli", https=False) as pair:
        config = tmp_path / "possync.toml"
        config.write_text(pair.config_toml(url))
        yield pair, config


def woo_writes(pair: SandboxPair) -> int:
    return sum(n for route, n in pair.woo.counter.by_route.items() if not route.startswith("GET"))


def test_plan_then_sync_then_status(pair_and_config: tuple[SandboxPair, Path]) -> None:
    pair, config = pair_and_config
    pair.woo.reset()
    planned = runner.invoke(app, ["plan", "fetch_unmatched_categories", "--config", str(config)])
    assert planned.exit_code == 0, planned.output
    assert "create category" in planned.output
    assert woo_writes(pair) == 0
    synced = runner.invoke(
        app, ["sync", "fetch-manufacturers", "fetch_unmatched_products", "-c", str(config)]
    )
    assert synced.exit_code == 0, synced.output
    assert woo_writes(pair) > 0
    status = runner.invoke(app, ["status", "--config", str(config)])
    assert status.exit_code == 0, status.output
    assert "product" in status.output
    assert "fetch_manufacturers" in status.output
    assert "finished" in status.output


def test_plan_of_products_counts_on_the_manufacturers_it_creates(
    pair_and_config: tuple[SandboxPair, Path],
) -> None:
    pair, config = pair_and_config
    pair.woo.reset()
    operations = ["fetch_manufacturers", "fetch_unmatched_products", "--config", str(config)]
    planned = runner.invoke(app, ["plan", *operations])
    assert planned.exit_code == 0, planned.output
    assert "waiting for a dependency" not in planned.output
    assert woo_writes(pair) == 0
    synced = runner.invoke(app, ["sync", *operations])
    assert synced.exit_code == 0, synced.output
    created = len(pair.woo.store.products)
    assert created > 0
    assert planned.output.count("create product ") == created


def test_match_binds_without_writing(pair_and_config: tuple[SandboxPair, Path]) -> None:
    pair, config = pair_and_config
    matched = runner.invoke(app, ["match", "products", "--config", str(config)])
    assert matched.exit_code == 0, matched.output
    assert woo_writes(pair) == 0
    assert "matched" in matched.output


def test_parked_writes_are_listed_and_can_be_dropped(pair_and_config: tuple[SandboxPair, Path]) -> None:
    pair, config = pair_and_config
    pair.sitoo.reset()
    sent = runner.invoke(app, ["sync", "send_unmatched_products", "--config", str(config)])
    assert sent.exit_code == 0, sent.output
    listed = runner.invoke(app, ["outbox", "list", "--limit", "500", "--config", str(config)])
    assert listed.exit_code == 0, listed.output
    assert "product>pos" in listed.output
    assert "done" in listed.output
    dropped = runner.invoke(app, ["outbox", "drop", "999999", "--config", str(config)])
    assert "no droppable operation" in dropped.output


def test_reset_is_refused_in_live_mode(pair_and_config: tuple[SandboxPair, Path]) -> None:
    _, config = pair_and_config
    config.write_text(config.read_text().replace("[sitoo]\n", '[sitoo]\nmode = "live"\n'))
    refused = runner.invoke(app, ["reset", "--mappings", "--config", str(config)])
    assert refused.exit_code == 1
    assert "only allowed in test mode" in refused.output


def test_reset_mappings_in_test_mode(pair_and_config: tuple[SandboxPair, Path]) -> None:
    _, config = pair_and_config
    runner.invoke(app, ["match", "all", "--config", str(config)])
    reset = runner.invoke(app, ["reset", "--mappings", "--timestamps", "--config", str(config)])
    assert reset.exit_code == 0, reset.output
    assert "removed" in reset.output
    assert "removed 0 bindings" not in reset.output


def test_fix_sku_previews_then_fixes(pair_and_config: tuple[SandboxPair, Path]) -> None:
    pair, config = pair_and_config
    empty = [p["id"] for p in pair.woo.state()["products"] if not p["sku"]]
    assert empty, "the demo shop has a product without SKU"
    preview = runner.invoke(app, ["fix-sku", "--prefix", "W-", "--config", str(config)])
    assert preview.exit_code == 0, preview.output
    assert "nothing changed" in preview.output
    assert woo_writes(pair) == 0
    fixed = runner.invoke(app, ["fix-sku", "--prefix", "W-", "--yes", "--config", str(config)])
    assert fixed.exit_code == 0, fixed.output
    skus = [p["sku"] for p in pair.woo.state()["products"]]
    assert all(sku and " " not in sku and "#" not in sku for sku in skus)
    by_id = {p["id"]: p["sku"] for p in pair.woo.state()["products"]}
    assert [by_id[pid] for pid in empty] == [f"W-{pid}" for pid in empty], "prefix + the product's id"


def test_fix_image_names_only_previews(pair_and_config: tuple[SandboxPair, Path]) -> None:
    pair, config = pair_and_config
    preview = runner.invoke(app, ["fix-image-names", "--config", str(config)])
    assert preview.exit_code == 0, preview.output
    assert "Fix image names" in preview.output
    assert woo_writes(pair) == 0
