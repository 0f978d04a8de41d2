"""Crash and resume: ``possync sync`` killed with SIGKILL at random points, rerun each time.

Both ways: the full sync down into an empty shop, and the full sync up into an empty Sitoo.

The sync runs in a subprocess against the emulators served by this test; it is killed ten times
during one full sync, each time at a random moment: a random time after it starts (while it reads
or matches) or a random moment after one of its next few writes (mid-request, or while results are
recorded), restarted each time, then run to the end. The target (shop or Sitoo) must end exactly
as after an undisturbed run, field by field, once each, and the store must hold no unfinished write.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest
from sqlalchemy import Engine, text

from possync.sandbox import SandboxPair, sandbox_pair
from possync.settings import Operation
from possync.store import open_store
from possync.sync.operations import FULL_SYNC, FULL_SYNC_UP
from possync.sync.runner import open_catalogue, run_logged
from possync_sandbox.catalogue import generate
from possync_sandbox.faults import FaultPlan

CATALOGUE = generate(8, 100, orders=0)
CLI = "from possync.cli import main; main()"
KILLS = 10
COST_META = "_wc_cog_cost"


def shop_state(pair: SandboxPair) -> dict[str, Any]:
    """What a merchant sees in the shop, independent of ids."""
    state = pair.woo.state()
    categories = {c["id"]: c for c in state["categories"]}

    def path(cid: int) -> str:
        category = categories[cid]
        return (path(category["parent"]) + "/" if category["parent"] else "") + category["name"]

    products = sorted(
        (
            p["sku"],
            p["name"],
            p["type"],
            p["regular_price"],
            p["sale_price"],
            p["status"],
            p["description"],
            p["short_description"],
            p["tax_class"],
            p.get("global_unique_id", ""),
            p["manage_stock"],
            _meta(p),
            sorted(path(c) for c in p["categories"]),
            sorted((a["name"], tuple(a["options"])) for a in p["attributes"]),
        )
        for p in state["products"]
    )
    variations = sorted(
        (
            v["sku"],
            v["regular_price"],
            v["sale_price"],
            v["status"],
            v["description"],
            v.get("global_unique_id", ""),
            _meta(v),
            sorted((a["name"], a["option"]) for a in v["attributes"]),
        )
        for v in state["variations"]
    )
    return {
        "categories": sorted(path(cid) for cid in categories),
        "products": products,
        "variations": variations,
    }


def _meta(record: dict[str, Any]) -> list[tuple[str, str]]:
    """The purchase price, the custom field the catalogue sync writes."""
    return sorted((m["key"], str(m["value"])) for m in record.get("meta_data", []) if m["key"] == COST_META)


def pos_state(pair: SandboxPair) -> dict[str, Any]:
    """What the merchant sees in Sitoo, independent of ids."""
    tables = pair.sitoo.state()["accounts"][0]["sites"][0]["tables"]
    categories = {c["categoryid"]: c for c in tables["categories"]["rows"]}
    makers = {m["externalcompanyid"]: m["name"] for m in tables["manufacturers"]["rows"]}

    def path(cid: int) -> str:
        category = categories[cid]
        parent = category["categoryparentid"]
        return (path(parent) + "/" if parent else "") + category["title"]

    fields = ("sku", "title", "description", "descriptionshort", "moneyprice", "moneypriceorg")
    fields += ("moneypricein", "vatid", "active", "activepos", "barcode", "stockcountenable")
    products = sorted(
        (
            *(str(p.get(name)) for name in fields),
            makers.get(p.get("manufacturerid"), ""),
            sorted(path(c) for c in p.get("categories") or []),
            sorted((v["name"], v["value"]) for v in p.get("variant") or []),
            sorted(p.get("_images") or []),
        )
        for p in tables["products"]["rows"]
    )
    return {"categories": sorted(path(cid) for cid in categories), "products": products}


def writes_to(emulator: Any) -> int:
    return sum(n for route, n in emulator.counter.by_route.items() if not route.startswith("GET"))


@dataclass(frozen=True)
class Direction:
    """A full sync one way: where the catalogue starts, the operations, and the target's state."""

    loaded: Literal["pos", "woo"]
    operations: tuple[Operation, ...]
    state: Callable[[SandboxPair], dict[str, Any]]

    def target(self, pair: SandboxPair) -> Any:
        return pair.woo if self.loaded == "pos" else pair.sitoo

    def command(self, config: Path) -> list[str]:
        return [sys.executable, "-c", CLI, "sync", *(op.value for op in self.operations), "-c", str(config)]


DIRECTIONS = {
    "down": Direction("pos", FULL_SYNC, shop_state),
    "up": Direction("woo", FULL_SYNC_UP, pos_state),
}


def run_and_kill(config: Path, pair: SandboxPair, way: Direction, rng: random.Random) -> int:
    """Start a sync and SIGKILL it at a random moment; 1 if it was killed before it finished.

    Half the kills come a random time after the start (reading, matching, or writing), the other
    half a random moment after one of the sync's next few writes reached the target.
    """
    target = way.target(pair)
    before, writes = writes_to(target), rng.randint(1, 4)
    deadline = time.monotonic() + rng.uniform(0.3, 1.2) if rng.random() < 0.5 else None
    process = subprocess.Popen(way.command(config), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    while process.poll() is None:
        due = time.monotonic() >= deadline if deadline else writes_to(target) - before >= writes
        if due:
            time.sleep(rng.uniform(0, 0.03))  # land anywhere: mid-request, or while recording results
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return 1
        time.sleep(0.005)
    return 0


def unfinished_writes(engine: Engine) -> int:
    """Operations the store still holds as pending or in flight."""
    with engine.connect() as db:
        statement = text("select count(*) from outbox where status in ('pending', 'in_flight')")
        return int(db.execute(statement).scalar_one())


async def undisturbed(folder: Path, way: Direction) -> dict[str, Any]:
    sessions = open_store(f"sqlite:///{folder / 'undisturbed.db'}")
    with sandbox_pair(CATALOGUE, way.loaded, name="calm") as pair:
        async with open_catalogue(pair.connection, sessions) as sync:
            await run_logged(sync, sessions, pair.connection, way.operations)
        return way.state(pair)


@pytest.mark.parametrize("direction", sorted(DIRECTIONS))
async def test_killed_sync_resumes_to_the_state_of_an_undisturbed_run(
    store_engine: Engine, tmp_path: Path, direction: str
) -> None:
    way = DIRECTIONS[direction]
    expected = await undisturbed(tmp_path, way)
    url = store_engine.url.render_as_string(hide_password=False)
    rng = random.Random(11)
    with sandbox_pair(CATALOGUE, way.loaded, name="crash", https=False) as pair:
        way.target(pair).faults.configure(FaultPlan(latency_ms=25))  # each write takes a moment to land
        config = tmp_path / "possync.toml"
        config.write_text(pair.config_toml(url))
        kills = 0
        while kills < KILLS and run_and_kill(config, pair, way, rng):
            kills += 1
        final = subprocess.run(  # noqa: S603, ASYNC221 - the test waits for the sync on purpose
            way.command(config), capture_output=True, text=True, timeout=120, check=False
        )
        assert final.returncode == 0, final.stdout + final.stderr
        got = way.state(pair)
    assert kills == KILLS
    assert unfinished_writes(store_engine) == 0
    skus = [p[0] for p in got["products"] if p[0]]
    if "variations" in got:
        skus += [v[0] for v in got["variations"]]
    assert len(skus) == len(set(skus))
    assert got == expected
