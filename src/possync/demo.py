"""``possync demo``: the whole catalogue job on the built-in sandbox, with no account anywhere.

Two shops: the first has its catalogue in Sitoo and an empty WooCommerce, and gets the full sync
down; the second has its catalogue in WooCommerce and an empty Sitoo, and gets the full sync up.
Each ends with a summary a merchant can read: what was created, updated, left alone or parked
(with the reason), the requests each side answered and the time it took.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from possync.progress import SyncProgress
from possync.sandbox import SandboxPair, sandbox_pair
from possync.settings import Operation
from possync.store import open_store
from possync.sync.operations import FULL_SYNC, FULL_SYNC_UP, StepReport
from possync.sync.report import OUTCOMES, FlowReport
from possync.sync.runner import open_catalogue, run_logged
from possync_sandbox.catalogue import generate

PLURAL = {"manufacturer": "manufacturers", "category": "categories", "product": "products"}
PLURAL |= {"variation": "variations", "image": "images"}
PARKED_SHOWN = 12


def run_demo(seed: int, products: int, console: Console | None = None) -> None:
    """Run both demo shops and print their summaries."""
    console = console or Console()
    folder = Path(tempfile.mkdtemp(prefix="possync-demo-"))
    catalogue = generate(seed, products, orders=0)
    console.rule(f"[bold]possync demo[/] — {products} products (seed {seed})")
    shops = (
        ("Shop 1: Sitoo → empty WooCommerce (full sync down)", "pos", FULL_SYNC),
        ("Shop 2: WooCommerce → empty Sitoo (full sync up)", "woo", FULL_SYNC_UP),
    )
    for n, (title, loaded, operations) in enumerate(shops, start=1):
        console.print(f"\n[bold]{title}[/]")
        with sandbox_pair(catalogue, loaded, name=f"demo-shop-{n}") as pair:  # type: ignore[arg-type]
            store = folder / f"shop-{n}.db"
            started = time.monotonic()
            reports = asyncio.run(_sync(pair, f"sqlite:///{store}", operations, console))
            elapsed = time.monotonic() - started
            _summary(console, reports, pair.requests(), elapsed)
    _next_steps(console, folder)


async def _sync(
    pair: SandboxPair, url: str, operations: Sequence[Operation], console: Console
) -> list[StepReport]:
    sessions = open_store(url)
    with SyncProgress(console) as progress:
        async with open_catalogue(pair.connection, sessions, progress=progress) as sync:
            return await run_logged(sync, sessions, pair.connection, operations)


def merge(reports: Sequence[StepReport]) -> dict[tuple[str, str], FlowReport]:
    """One report per entity and direction, adding up the steps that touched it."""
    merged: dict[tuple[str, str], FlowReport] = {}
    for step in reports:
        report = step.report
        total = merged.setdefault((report.entity, report.target), FlowReport(report.entity, report.target))
        for outcome, n in report.counts.items():
            if outcome not in ("skipped", "parked"):
                total.count(outcome, n)
        for key, reason in report.parked:
            if (key, reason) not in total.parked:
                total.park(key, reason)
    return merged


def _summary(
    console: Console, reports: Sequence[StepReport], requests: tuple[int, int], elapsed: float
) -> None:
    table = Table(title="What happened", show_lines=False)
    table.add_column("")
    for outcome in OUTCOMES:
        if outcome != "skipped":
            table.add_column(outcome, justify="right")
    merged = merge(reports)
    for (entity, target), report in merged.items():
        where = "WooCommerce" if target == "woo" else "Sitoo"
        counts = [str(report.counts.get(o, 0)) for o in OUTCOMES if o != "skipped"]
        table.add_row(f"{PLURAL.get(entity, entity)} in {where}", *counts)
    console.print(table)
    parked = [(entity, key, reason) for (entity, _), r in merged.items() for key, reason in r.parked]
    if parked:
        console.print("[bold yellow]Parked (not synced; what to do):[/]")
        for entity, key, reason in parked[:PARKED_SHOWN]:
            console.print(f"  • {entity} [bold]{key}[/]: {reason}")
        if len(parked) > PARKED_SHOWN:
            console.print(f"  … and {len(parked) - PARKED_SHOWN} more: see `possync status` and the run log")
    woo, pos = requests
    console.print(f"Requests answered: WooCommerce {woo}, Sitoo {pos}; time {elapsed:.1f} s")


def _next_steps(console: Console, folder: Path) -> None:
    console.rule("Where to look next")
    console.print(
        f"• The sync state of both shops (bindings, cursors, outbox, runs) is in {folder}\n"
        "• On your own shop: write a config file (see docs/configuration.md), then\n"
        "    possync plan --config possync.toml fetch_manufacturers match_all fetch_unmatched_products\n"
        "    possync sync --config possync.toml fetch_manufacturers match_all fetch_unmatched_products\n"
        "    possync status --config possync.toml   and   possync outbox list --config possync.toml\n"
        "• Parked records stay in the outbox and the run log until you fix them and run again."
    )
