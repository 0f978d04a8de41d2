"""Progress bars for sync runs: a rich bar per operation and flow (read, written, rate, time).

``SyncProgress`` is the engine's ``progress`` callback; use it as a context manager around a run.
A ``step:<operation>`` event starts the next operation's group of bars under its name, so a flow
that several operations run (match, then fetch) shows one bar each instead of adding up counts.
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
    """One group of bars per operation, one bar per flow: records read so far, and how many written."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console
        self.bars = self._group()
        self.groups = [self.bars]
        """Every operation's group of bars, the running one last."""
        self.tasks: dict[str, TaskID] = {}
        self.operation = ""

    def _group(self) -> Progress:
        return Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<30}"),
            BarColumn(bar_width=20),
            MofNCompleteColumn(),
            TextColumn("written {task.fields[written]}"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )

    def __call__(self, flow: str, event: str, n: int) -> None:
        if event.startswith("step:"):
            self._next_operation(event.removeprefix("step:"))
            return
        task = self.tasks.get(flow)
        if task is None:
            task = self.bars.add_task(FLOW_NAMES.get(flow, flow), total=None, written=0, rate="")
            self.tasks[flow] = task
        state = self.bars.tasks[task]
        if event == "read":
            self.bars.update(task, total=(state.total or 0) + n)
        elif event == "decided":
            self.bars.update(task, advance=n)
        else:
            written = int(state.fields.get("written", 0)) + n
            self.bars.update(task, written=written)
        speed = self.bars.tasks[task].speed
        self.bars.update(task, rate=f"{speed:.0f}/s" if speed else "")

    def _next_operation(self, operation: str) -> None:
        """Leave the last operation's bars on screen and start a titled group for ``operation``."""
        if operation == self.operation:
            return
        self.operation = operation
        self._finish()
        self.bars = self._group()
        self.groups.append(self.bars)
        self.tasks = {}
        self.bars.console.print(f"  [bold]{operation}[/bold]")
        self.bars.start()

    def _finish(self) -> None:
        for task in self.bars.tasks:
            self.bars.update(task.id, total=task.completed)
        self.bars.stop()

    def __enter__(self) -> SyncProgress:
        self.bars.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._finish()
