"""How the CLI prints what a sync did or would do: per entity counts, parked and skipped reasons, and
planned changes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from possync.sync.operations import StepReport
from possync.sync.report import OUTCOMES

FIELDS_SHOWN = 6


def print_reports(console: Console, reports: Sequence[StepReport]) -> None:
    """One row per step: the operation, the entity, where it went and the counts."""
    table = Table("operation", "entity", "to", *OUTCOMES, title="Sync")
    for step in reports:
        report = step.report
        table.add_row(
            step.operation.value,
            report.entity,
            "WooCommerce" if report.target == "woo" else "Sitoo",
            *(str(report.counts.get(o, 0)) for o in OUTCOMES),
        )
    console.print(table)
    for step in reports:
        for key, reason in step.report.parked:
            console.print(f"[yellow]parked[/] {step.report.entity} [bold]{key}[/]: {reason}")
        for reason, n in Counter(reason for _, reason in step.report.skipped).items():
            console.print(f"[dim]skipped[/] {step.report.entity} ×{n}: {reason}")


def print_plan(console: Console, reports: Sequence[StepReport]) -> None:
    """The dry run: counts per step, then every planned create and update with old → new values."""
    print_reports(console, reports)
    for step in reports:
        for change in step.report.changes:
            console.print(f"[bold]{change.action}[/] {step.report.entity} {change.key}")
            for name, (old, new) in list(change.fields.items())[:FIELDS_SHOWN]:
                console.print(f"    {name}: {old!r} → {new!r}")
