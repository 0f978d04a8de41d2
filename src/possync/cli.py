"""The ``possync`` command line: every action a merchant or an operator starts by hand.

Configuration comes from ``--config`` or ``POSSYNC_CONFIG`` (plus ``POSSYNC_*`` variables) and
is read once. Sync commands show progress bars; tools preview their changes before making them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from possync import __version__
from possync.errors import PossyncError
from possync.settings import Mode, Operation, Settings, SettingsError, load_settings
from possync.store import Binding, CursorRow, open_store
from possync.sync import Binder, Outbox, RunLog, Status, reset_cursors

app = typer.Typer(help="Keep a WooCommerce shop and a POS back office in step.", no_args_is_help=True)
outbox_app = typer.Typer(help="Look at and act on stored writes: list, retry, drop.", no_args_is_help=True)
app.add_typer(outbox_app, name="outbox")
console = Console()
ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Config file (default: $POSSYNC_CONFIG).")
]
MATCHES = {
    "all": Operation.MATCH_ALL,
    "categories": Operation.MATCH_CATEGORIES,
    "products": Operation.MATCH_PRODUCTS,
}


def _settings(config: Path | None) -> Settings:
    try:
        return load_settings(config)
    except SettingsError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from None


def _store(settings: Settings) -> sessionmaker[Session]:
    return open_store(settings.database_url)


def _operations(names: Sequence[str]) -> list[Operation]:
    try:
        return [Operation(name.replace("-", "_")) for name in names]
    except ValueError:
        known = ", ".join(op.value for op in Operation)
        console.print(f"[red]unknown operation in {list(names)}; known: {known}[/]")
        raise typer.Exit(2) from None


@app.command()
def version() -> None:
    """Print the installed version."""
    typer.echo(__version__)


@app.command()
def demo(
    seed: int = typer.Option(1, help="Seed of the demo catalogue."),
    products: int = typer.Option(60, help="How many products the demo catalogue holds."),
) -> None:
    """Run possync on the built-in sandbox: no account, no server to install."""
    from possync.demo import run_demo

    run_demo(seed=seed, products=products)


@app.command()
def sync(
    operations: Annotated[list[str], typer.Argument(help="Operations, run in the order given.")],
    config: ConfigOption = None,
) -> None:
    """Run Complete Sync operations (e.g. fetch_manufacturers match_all fetch_unmatched_products)."""
    _run(_settings(config), _operations(operations), dry_run=False)


@app.command()
def plan(
    operations: Annotated[list[str], typer.Argument(help="Operations to preview.")],
    config: ConfigOption = None,
) -> None:
    """Show what the operations would create, update and leave alone, without writing anything."""
    _run(_settings(config), _operations(operations), dry_run=True)


@app.command()
def match(
    what: Annotated[str, typer.Argument(help="all, categories or products")] = "all",
    config: ConfigOption = None,
) -> None:
    """Match Sitoo records to WooCommerce ones by SKU, category path and name; nothing is written."""
    if what not in MATCHES:
        console.print(f"[red]match what? one of {', '.join(MATCHES)}[/]")
        raise typer.Exit(2)
    _run(_settings(config), [MATCHES[what]], dry_run=False)


def _run(settings: Settings, operations: list[Operation], *, dry_run: bool) -> None:
    from possync.cli_report import print_plan, print_reports
    from possync.progress import SyncProgress
    from possync.sync.runner import connection_from_settings, open_catalogue, run_logged

    connection = connection_from_settings(settings)
    sessions = _store(settings)

    async def go() -> None:
        with SyncProgress(console) as progress:
            async with open_catalogue(connection, sessions, progress=progress) as catalogue:
                if dry_run:
                    print_plan(console, await catalogue.plan(operations))
                    return
                print_reports(console, await run_logged(catalogue, sessions, connection, operations))

    try:
        asyncio.run(go())
    except PossyncError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from None


@app.command()
def status(config: ConfigOption = None) -> None:
    """Bindings per entity, cursors, the outbox and the last runs."""
    settings = _settings(config)
    with _store(settings)() as session:
        name = settings.connection
        bindings = Table("entity", "bindings", title="Bindings")
        counted = (
            select(Binding.entity, func.count()).where(Binding.connection == name).group_by(Binding.entity)
        )
        for entity, count in session.execute(counted):
            bindings.add_row(entity, str(count))
        cursors = Table("stream", "bookmark", title="Cursors")
        for row in session.scalars(select(CursorRow).where(CursorRow.connection == name)):
            cursors.add_row(row.stream, row.value or "(never read)")
        outbox = Table("status", "operations", title="Outbox")
        for state, count in Outbox(session, name).counts().items():
            outbox.add_row(state.value, str(count))
        runs = Table("run", "operations", "started", "status", title="Last runs")
        for run in RunLog(session, name).recent(5):
            runs.add_row(
                str(run.id), " ".join(run.operations), f"{run.started_at:%Y-%m-%d %H:%M}", run.status
            )
        for table in (bindings, cursors, outbox, runs):
            console.print(table)


@outbox_app.command("list")
def outbox_list(
    state: Annotated[str | None, typer.Option("--status", help="pending, in_flight, done or parked")] = None,
    limit: int = 50,
    config: ConfigOption = None,
) -> None:
    """The stored writes, oldest first, with their last error."""
    settings = _settings(config)
    with _store(settings)() as session:
        table = Table("id", "entity", "action", "key", "status", "tries", "last error")
        wanted = Status(state) if state else None
        for op in Outbox(session, settings.connection).list(wanted, limit):
            key = str(op.payload.get("key") or op.subject or "")
            table.add_row(
                str(op.id), op.entity, op.action, key, op.status, str(op.attempts), op.last_error or ""
            )
        console.print(table)


@outbox_app.command("retry")
def outbox_retry(operation_id: int, config: ConfigOption = None) -> None:
    """Put a parked write back in line; the next sync sends it (looking its key up first)."""
    settings = _settings(config)
    with _store(settings)() as session:
        done = Outbox(session, settings.connection).replay(operation_id)
        session.commit()
    console.print("queued again" if done else f"[red]no parked or pending operation {operation_id}[/]")


@outbox_app.command("drop")
def outbox_drop(operation_id: int, config: ConfigOption = None) -> None:
    """Forget a stored write that is not in flight."""
    settings = _settings(config)
    with _store(settings)() as session:
        done = Outbox(session, settings.connection).drop(operation_id)
        session.commit()
    console.print("dropped" if done else f"[red]no droppable operation {operation_id}[/]")


@app.command()
def reset(
    mappings: Annotated[bool, typer.Option("--mappings", help="Forget every binding (Clear All).")] = False,
    timestamps: Annotated[bool, typer.Option("--timestamps", help="Forget the sync bookmarks.")] = False,
    config: ConfigOption = None,
) -> None:
    """The seed's test-mode aux: forget mappings and/or timestamps. Refused in live mode."""
    settings = _settings(config)
    if settings.sitoo is None or settings.sitoo.mode is not Mode.TEST:
        console.print('[red]reset is only allowed in test mode (sitoo.mode = "test")[/]')
        raise typer.Exit(1)
    if not (mappings or timestamps):
        console.print("[red]say what to reset: --mappings and/or --timestamps[/]")
        raise typer.Exit(2)
    with _store(settings)() as session:
        removed = Binder(session, settings.connection).unbind_all() if mappings else 0
        cleared = reset_cursors(session, settings.connection) if timestamps else 0
        session.commit()
    console.print(f"removed {removed} bindings and {cleared} bookmarks")


@app.command("fix-sku")
def fix_sku(
    prefix: Annotated[str, typer.Option(help="Text put before the id of a product with no SKU.")] = "WOO-",
    yes: Annotated[bool, typer.Option("--yes", help="Make the changes after the preview.")] = False,
    config: ConfigOption = None,
) -> None:
    """Fix every SKU to Sitoo's rule [0-9a-zA-Z._-+/]; empty ones become prefix + id. Preview first."""
    from possync.tools import apply_sku_fixes, sku_fixes
    from possync.woo import WooClient, WooConfig

    settings = _settings(config)

    async def go() -> None:
        async with WooClient(WooConfig.from_settings(settings.woocommerce)) as woo:
            fixes = await sku_fixes(woo, prefix)
            table = Table("record", "id", "SKU now", "SKU after", title=f"Fix SKU: {len(fixes)} change(s)")
            for fix in fixes:
                table.add_row(fix.record, str(fix.record_id), fix.old or "(empty)", fix.new)
            console.print(table)
            if yes and fixes:
                console.print(f"changed {await apply_sku_fixes(woo, fixes)} SKU(s)")
            elif fixes:
                console.print("nothing changed: run again with --yes to make these changes")

    asyncio.run(go())


@app.command("fix-image-names")
def fix_image_names(config: ConfigOption = None) -> None:
    """Preview image file names Sitoo would refuse, and the names (letters, digits, _ - .) sent up.

    The shop's files keep their names: WooCommerce's REST API cannot rename a WordPress file.
    """
    from possync.tools import image_name_fixes
    from possync.woo import WooClient, WooConfig

    settings = _settings(config)

    async def go() -> None:
        async with WooClient(WooConfig.from_settings(settings.woocommerce)) as woo:
            fixes = await image_name_fixes(woo)
        table = Table("image of", "media id", "name now", "name for Sitoo", title="Fix image names")
        for fix in fixes:
            table.add_row(fix.record, str(fix.record_id), fix.old, fix.new)
        console.print(table)

    asyncio.run(go())


def main() -> None:
    app()
