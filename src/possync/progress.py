"""Progress bars for sync runs: one rich bar per flow with records read, written, rate and time.

``SyncProgress`` is the engine's ``progress`` callback; use it as a context manager around a run.
"""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

FLOW_NAMES = {
    "manufacturer>woo": "manufacturers → WooCommerce",
    "manufacturer>pos": "manufacturers → Sitoo",
    "category>woo": "categories → WooCommerce",
    "category>pos": "categories → Sitoo",
    "product>woo": "products → WooCommerce",
    "product>pos": "products → Sitoo",
    "variation>woo": "variations → WooCommerce",
    "variation>pos": "variations → Sitoo",
    "image>pos": "images → Sitoo",
}


class SyncProgress:
    """One bar per flow: records read so far, and how many were written."""

    def __init__(self, console: Console | None = None) -> None:
        self.bars = Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<30}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("written {task.fields[written]}"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self.tasks: dict[str, TaskID] = {}

    def __call__(self, flow: str, event: str, n: int) -> None:
        task = self.tasks.get(flow)
        if task is None:
            description = FLOW_NAMES.get(flow, flow)
            task = self.bars.add_task(description, total=None, written=0, rate="")
            self.tasks[flow] = task
        state = self.bars.tasks[self.tasks[flow]]
        if event == "read":
            self.bars.update(task, total=(state.total or 0) + n)
        elif event == "decided":
            self.bars.update(task, advance=n)
        else:
            written = int(state.fields.get("written", 0)) + n
            self.bars.update(task, written=written)
        speed = self.bars.tasks[self.tasks[flow]].speed
        self.bars.update(task, rate=f"{speed:.0f}/s" if speed else "")

    def __enter__(self) -> SyncProgress:
        self.bars.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for task in self.bars.tasks:
            self.bars.update(task.id, total=task.completed)
        self.bars.stop()
