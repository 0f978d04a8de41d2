"""The named operations of the seed's "Complete Sync" menu for the catalogue, run alone or in a list.

Each operation is a short list of (flow, scope) steps; a list of operations runs in the order
given. ``CatalogueSync`` also offers the scheduler's incremental catalogue sync (Sitoo changes
down, and WooCommerce changes up when "send changes on synced products and categories" is on),
a dry run (``plan``) and the rate-limit check made before a full sync.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from possync.errors import PossyncError
from possync.settings import Operation
from possync.sync.engine import Dependencies, Engine, Scope
from possync.sync.flow import Flow
from possync.sync.reads import SharedReads
from possync.sync.report import FlowReport

MATCH = Scope(match_only=True)
UNMATCHED = Scope(matched=False)
MATCHED = Scope(unmatched=False)
EVERYTHING = Scope()
CHANGES = Scope(full=False)
Step = tuple[str, Scope]

STEPS: dict[Operation, tuple[Step, ...]] = {
    Operation.MATCH_ALL: (
        ("manufacturer>woo", MATCH),
        ("category>woo", MATCH),
        ("product>woo", MATCH),
        ("variation>woo", MATCH),
    ),
    Operation.MATCH_CATEGORIES: (("category>woo", MATCH),),
    Operation.MATCH_PRODUCTS: (("product>woo", MATCH), ("variation>woo", MATCH)),
    Operation.FETCH_MANUFACTURERS: (("manufacturer>woo", EVERYTHING),),
    Operation.FETCH_UNMATCHED_CATEGORIES: (("category>woo", UNMATCHED),),
    Operation.SEND_UNMATCHED_CATEGORIES: (("category>pos", UNMATCHED),),
    Operation.RESYNC_MATCHED_CATEGORIES: (("category>pos", MATCHED),),
    Operation.FETCH_UNMATCHED_PRODUCTS: (
        ("manufacturer>woo", EVERYTHING),
        ("category>woo", UNMATCHED),
        ("product>woo", EVERYTHING),
        ("variation>woo", EVERYTHING),
    ),
    Operation.SEND_UNMATCHED_PRODUCTS: (
        ("manufacturer>pos", EVERYTHING),
        ("category>pos", UNMATCHED),
        ("product>pos", EVERYTHING),
        ("variation>pos", EVERYTHING),
        ("image>pos", EVERYTHING),
    ),
    Operation.RESYNC_MATCHED_PARENT_PRODUCTS: (("product>pos", MATCHED),),
    Operation.RESYNC_MATCHED_VARIATIONS: (("variation>pos", MATCHED),),
    Operation.RESYNC_MATCHED_PRODUCT_IMAGES: (("image>pos", EVERYTHING),),
}
"""What each catalogue operation of the menu does, step by step."""

NOT_HERE = {
    Operation.MATCH_VOUCHERS: "vouchers are matched by the coupon sync",
    Operation.FETCH_STOCK: "stock belongs to the stock sync",
    Operation.SEND_STOCK: "stock belongs to the stock sync",
    Operation.FETCH_ALL_ORDERS: "orders belong to the order sync",
    Operation.FETCH_STORE2DOOR_ORDERS: "orders belong to the order sync",
    Operation.SEND_CAC_ORDERS: "orders belong to the order sync",
}
FULL_SYNC = (
    Operation.FETCH_MANUFACTURERS,
    Operation.MATCH_ALL,
    Operation.FETCH_UNMATCHED_PRODUCTS,
)
"""The full catalogue sync down from Sitoo."""
FULL_SYNC_UP = (Operation.SEND_UNMATCHED_PRODUCTS,)
"""The full catalogue sync up to Sitoo."""
REQUESTS_PER_PAGE = 100


class OperationError(PossyncError):
    """An operation cannot run (unknown here, or the rate limit cannot cover it)."""


@dataclass(frozen=True)
class StepReport:
    """One step of an operation and what it did."""

    operation: Operation
    report: FlowReport


def steps_of(operations: Sequence[Operation]) -> list[tuple[Operation, Step]]:
    """The steps of the operations, in the order given; refuses operations this sync does not run."""
    refused = [f"{op.value} ({NOT_HERE[op]})" for op in operations if op in NOT_HERE]
    if refused:
        raise OperationError("not a catalogue operation: " + "; ".join(refused))
    return [(op, step) for op in operations for step in STEPS[op]]


def estimate_requests(
    operations: Sequence[Operation], records: dict[str, int], *, variant_images: bool = True
) -> int:
    """Requests a list of operations needs on one side: pages read both ways and batches written,
    and, when products come down, each product's images read once (Sitoo lists them per product;
    with ``variant_images``, each variant's too)."""
    flows = [flow for _, (flow, _) in steps_of(operations)]
    total = sum(3 * (records.get(flow.split(">")[0], 0) // REQUESTS_PER_PAGE + 1) for flow in flows)
    total += records.get("product", 0) if "product>woo" in flows else 0
    return total + (records.get("variation", 0) if variant_images and "variation>woo" in flows else 0)


class CatalogueSync:
    """Runs catalogue operations with one engine and one set of flows."""

    def __init__(
        self,
        engine: Engine,
        flows: dict[str, Flow],
        remaining: Callable[[], int | None] = lambda: None,
        sizes: Callable[[], Awaitable[dict[str, int]]] | None = None,
    ) -> None:
        self.engine = engine
        self.flows = flows
        self.remaining = remaining
        """Requests the POS rate limit still allows, as its last answer said (``None``: unknown)."""
        self.sizes = sizes or _no_sizes
        """Records per entity on the remotes, read when a rate-limit check needs them."""

    async def run(self, operations: Sequence[Operation], *, dry_run: bool = False) -> list[StepReport]:
        """Run the operations in the order given (or, with ``dry_run``, plan them)."""
        reports = []
        with SharedReads.of(self.engine.facts).run():
            for operation, (name, scope) in steps_of(operations):
                if dry_run:
                    scope = Scope(scope.full, scope.unmatched, scope.matched, scope.match_only, dry_run=True)
                self.engine.progress(name, f"step:{operation.value}", 0)
                reports.append(StepReport(operation, await self.engine.run(self.flows[name], scope)))
        return reports

    async def plan(self, operations: Sequence[Operation]) -> list[StepReport]:
        """What the operations would create, update and leave alone, without writing anything."""
        return await self.run(operations, dry_run=True)

    async def incremental(self, *, send_changes: bool) -> list[FlowReport]:
        """The scheduler's catalogue sync: changes since the cursors, down, and up when asked.

        Only changed products and variations are read; manufacturers and categories (which Sitoo
        cannot list by change date) are synced when a changed record refers to one not synced yet.
        """
        names = ["product>woo", "variation>woo"]
        if send_changes:
            names += ["product>pos", "variation>pos"]
        reports: list[FlowReport] = []
        with SharedReads.of(self.engine.facts).run():
            for name in names:
                reports.append(await self.engine.run(self.flows[name], CHANGES, self._dependencies(reports)))
        return reports

    def _dependencies(self, reports: list[FlowReport]) -> Dependencies:
        """Syncs the entities a flow depends on (their reports join ``reports``)."""

        async def sync(flow: Flow) -> None:
            for entity in flow.depends_on:
                dependency = self.flows.get(f"{entity}>{flow.target}")
                if dependency is not None:
                    reports.append(await self.engine.run(dependency, CHANGES, sync))

        return sync


async def _no_sizes() -> dict[str, int]:
    return {}


def check_rate_limit(remaining: int | None, needed: int) -> None:
    """Refuse a full sync the remaining request budget cannot cover (``None``: budget unknown)."""
    if remaining is not None and remaining < needed:
        raise OperationError(
            f"the Sitoo rate limit leaves {remaining} requests and this full sync needs about {needed}: "
            "run it later, or switch off 'check remaining requests' to run it anyway"
        )
