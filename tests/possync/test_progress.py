"""The sync progress bars: a titled group per operation, one bar per flow with that pass's counts."""

from __future__ import annotations

import io

from rich.console import Console

from possync.progress import SyncProgress


def test_each_operation_gets_its_own_bar_per_flow() -> None:
    screen = io.StringIO()
    with SyncProgress(Console(file=screen, width=120)) as progress:
        progress("product>woo", "step:match_all", 0)
        progress("product>woo", "read", 54)
        progress("product>woo", "decided", 54)
        progress("product>woo", "step:fetch_unmatched_products", 0)
        progress("category>woo", "step:fetch_unmatched_products", 0)
        progress("product>woo", "read", 54)
        progress("product>woo", "decided", 54)
        progress("product>woo", "written", 54)
    bars = [
        [(t.description, t.total, t.completed, t.fields["written"]) for t in g.tasks] for g in progress.groups
    ]
    assert bars == [
        [],
        [("products → WooCommerce", 54, 54, 0)],
        [("products → WooCommerce", 54, 54, 54)],
    ]
    text = screen.getvalue()
    assert text.index("match_all") < text.index("fetch_unmatched_products")


def test_a_flow_run_outside_an_operation_has_one_group() -> None:
    with SyncProgress(Console(file=io.StringIO())) as progress:
        progress("category>pos", "read", 3)
        progress("category>pos", "decided", 3)
    assert [[task.description for task in group.tasks] for group in progress.groups] == [
        ["categories → Sitoo"]
    ]
