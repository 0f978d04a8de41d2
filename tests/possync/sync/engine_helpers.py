"""Helpers of the engine tests: run operations against a sandbox pair and compare the two sides."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from possync.sandbox import SandboxPair
from possync.settings import Operation
from possync.sitoo import SitooClient
from possync.sync.binder import Binder
from possync.sync.catalogue import CatalogueOptions, catalogue_flows, load_facts
from possync.sync.flow import Record, Refs
from possync.sync.operations import StepReport
from possync.sync.runner import open_catalogue, run_logged
from possync.woo import WooClient


async def run_ops(
    pair: SandboxPair, sessions: sessionmaker[Session], operations: Sequence[Operation]
) -> list[StepReport]:
    async with open_catalogue(pair.connection, sessions) as sync:
        return await run_logged(sync, sessions, pair.connection, operations)


async def _all(reader: Any) -> list[Record]:
    return [record async for page in reader(None) for record in page]


async def mismatches(pair: SandboxPair, sessions: sessionmaker[Session], source: str) -> list[str]:
    """Every bound record whose mapped source view differs from the target's view, field by field."""
    problems: list[str] = []
    async with WooClient(pair.connection.woo) as woo, SitooClient(pair.connection.sitoo) as sitoo:
        facts = await load_facts(sitoo, CatalogueOptions())
        flows = catalogue_flows(woo, sitoo, facts)
        with sessions() as session:
            binder = Binder(session, pair.connection.name)
            for entity in ("category", "product", "variation"):
                flow = flows[f"{entity}>{'woo' if source == 'pos' else 'pos'}"]
                targets = {r.id: r for r in await _all(flow.read_target)}
                for record in await flow.complete(await _all(flow.read)):
                    binding = binder.lookup(entity, **{f"{source}_id": record.id})
                    if binding is None:
                        continue
                    target = targets.get(str(getattr(binding, f"{flow.target}_id")))
                    if target is None:
                        problems.append(f"{entity} {record.key}: bound but missing on the target")
                        continue
                    mapped = flow.compared(flow.map(record, Refs(binder, flow.source, facts)))
                    for name, value in mapped.items():
                        if target.view.get(name) != value:
                            problems.append(
                                f"{entity} {record.key}.{name}: {value!r} != {target.view.get(name)!r}"
                            )
    return problems


def woo_skus(pair: SandboxPair) -> Counter[str]:
    state = pair.woo.state()
    return Counter(p["sku"] for p in [*state["products"], *state["variations"]] if p.get("sku"))


def pos_tables(pair: SandboxPair) -> dict[str, Any]:
    tables: dict[str, Any] = pair.sitoo.state()["accounts"][0]["sites"][0]["tables"]
    return tables


def pos_skus(pair: SandboxPair) -> Counter[str]:
    return Counter(p["sku"] for p in pos_tables(pair)["products"]["rows"] if p.get("sku"))


def writes(pair: SandboxPair) -> tuple[int, int]:
    """Write requests each emulator answered since its counters were reset: (WooCommerce, Sitoo)."""
    return _writes(pair.woo.counter.by_route), _writes(pair.sitoo.counter.by_route)


def _writes(counts: Any) -> int:
    return sum(n for route, n in counts.items() if not route.startswith("GET"))
