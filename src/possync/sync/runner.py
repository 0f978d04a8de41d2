"""Running catalogue operations for one connection: open both clients, load facts, log the run.

``open_catalogue`` is what the CLI, the demo, the tests and the benchmark share: it connects to
WooCommerce and Sitoo, reads what the mappers need, and yields a ``CatalogueSync``. ``run_logged``
wraps a list of operations in a ``RunLog`` run whose counters, parked and skipped records stay in the
store.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from possync.http import RetryPolicy
from possync.settings import Operation, Settings
from possync.sitoo import SitooClient, SitooConfig, config_from_settings
from possync.store.models import Binding, Run
from possync.sync.backoff import Backoff
from possync.sync.catalogue import CatalogueOptions, catalogue_flows, load_facts
from possync.sync.engine import FAST_BACKOFF, Engine, Progress, SyncStoppedError
from possync.sync.operations import CatalogueSync, StepReport, check_rate_limit, estimate_requests
from possync.sync.runs import Outcome, RunLog, RunStatus
from possync.sync.sizes import catalogue_sizes
from possync.woo import WooClient, WooConfig


@dataclass(frozen=True)
class Connection:
    """Everything needed to sync one shop with one Sitoo site."""

    name: str
    woo: WooConfig
    sitoo: SitooConfig
    options: CatalogueOptions = field(default_factory=CatalogueOptions)
    ignore_errors: bool = False
    check_rate_limit: bool = True
    send_changes: bool = False


def connection_from_settings(settings: Settings) -> Connection:
    """The connection a ``Settings`` file describes (Sitoo only for now)."""
    if settings.sitoo is None:
        raise ValueError("the catalogue sync needs a [sitoo] section")
    sitoo = settings.sitoo
    options = CatalogueOptions(
        fetch_products=sitoo.misc.fetch_products,
        exclude_external_products=sitoo.full_sync.exclude_external_products,
        prices_including_vat=sitoo.misc.prices_including_vat,
        variant_images=sitoo.misc.variant_images,
    )
    return Connection(
        name=settings.connection,
        woo=WooConfig.from_settings(settings.woocommerce),
        sitoo=config_from_settings(sitoo),
        options=options,
        ignore_errors=sitoo.full_sync.ignore_errors,
        check_rate_limit=sitoo.full_sync.check_rate_limit_before_full_sync,
        send_changes=sitoo.triggers.send_changes_on_synced_products_and_categories,
    )


@asynccontextmanager
async def open_catalogue(
    connection: Connection,
    sessions: sessionmaker[Session],
    *,
    progress: Progress | None = None,
    retry: RetryPolicy | None = None,
    backoff: Backoff = FAST_BACKOFF,
) -> AsyncIterator[CatalogueSync]:
    """Both clients connected, the facts loaded, and a ``CatalogueSync`` ready to run."""
    async with (
        WooClient(connection.woo, retry=retry) as woo,
        SitooClient(connection.sitoo, retry=retry) as sitoo,
    ):
        facts = await load_facts(sitoo, connection.options)
        flows = catalogue_flows(woo, sitoo, facts, connection.options)
        engine = Engine(
            sessions,
            connection.name,
            stop_on_error=not connection.ignore_errors,
            progress=progress,
            facts=facts,
        )
        yield CatalogueSync(
            engine, flows, lambda: sitoo.http.budget.remaining, lambda: catalogue_sizes(woo, sitoo)
        )


async def run_logged(
    sync: CatalogueSync,
    sessions: sessionmaker[Session],
    connection: Connection,
    operations: Sequence[Operation],
    *,
    records: dict[str, int] | None = None,
) -> list[StepReport]:
    """Run the operations in order inside a logged run (the rate limit checked first when asked)."""
    if connection.check_rate_limit:
        known = records if records is not None else bound_records(sessions, connection.name)
        remote = await sync.sizes()
        sizes = {entity: max(known.get(entity, 0), remote.get(entity, 0)) for entity in known.keys() | remote}
        needed = estimate_requests(operations, sizes, variant_images=connection.options.variant_images)
        check_rate_limit(sync.remaining(), needed)
    with sessions() as session:
        log = RunLog(session, connection.name)
        run = log.start([op.value for op in operations])
        session.commit()
        status, reports = RunStatus.FAILED, []
        try:
            reports = await _collect(sync, operations)
            status = RunStatus.FINISHED
            return reports
        except SyncStoppedError as exc:
            log.record(run, "sync", Outcome.FAILED, reason=str(exc))
            raise
        finally:
            _log_reports(log, run, reports)
            log.finish(run, status)
            session.commit()


def bound_records(sessions: sessionmaker[Session], connection: str) -> dict[str, int]:
    """How many records of each entity the store knows: the size a full sync's estimate starts from."""
    with sessions() as session:
        statement = (
            select(Binding.entity, func.count())
            .where(Binding.connection == connection)
            .group_by(Binding.entity)
        )
        return {str(row[0]): int(row[1]) for row in session.execute(statement)}


async def _collect(sync: CatalogueSync, operations: Sequence[Operation]) -> list[StepReport]:
    return await sync.run(operations)


def _log_reports(log: RunLog, run: Run, reports: Sequence[StepReport]) -> None:
    """Each parked or skipped record with its reason (counted as logged), then the other counts."""
    for step in reports:
        report = step.report
        reasoned: dict[str, list[tuple[str, str]]] = {
            Outcome.PARKED: report.parked,
            Outcome.SKIPPED: report.skipped,
        }
        for outcome, records in reasoned.items():
            for key, reason in records:
                log.record(run, report.entity, Outcome(outcome), natural_key=key, reason=reason)
        counters = dict(run.counters)
        entity = dict(counters.get(report.entity, {}))
        for outcome, n in report.counts.items():
            unlogged = n - len(reasoned.get(outcome, []))
            entity[outcome] = entity.get(outcome, 0) + unlogged
        counters[report.entity] = entity
        run.counters = counters
