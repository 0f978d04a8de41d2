"""Full-sync benchmark: the catalogue down from Sitoo into an empty WooCommerce, then reruns.

Both emulators run in their own processes on loopback with ``--latency-ms`` added to every API
request. Sitoo holds the demo catalogue (about 30 % variable products with 2-6 variations); the
phases are the full sync down, a full rerun with no change (reads, must not write), an
incremental sync after one change, one with no change, and one after 1 % of the products changed.
Each phase prints the requests each emulator counted against the lower bound and their ratio,
wall time, CPU time and the peak resident memory of the sync process during the phase (the
emulators, and the reads of their state that set up a phase, run in processes of their own).
The lower bound counts pages of 100 on WooCommerce and 1000 on Sitoo and batches of 100;
WooCommerce takes one variation batch per parent, Sitoo one image-list read per product read
(variants included, as the ``variant_images`` option is on by default). ``--full-only`` runs the
first phase alone, to compare memory across catalogue sizes.

    .venv/bin/python bench/full_sync.py [--products 10000] [--latency-ms 20] [--full-only]
        [--profile FILE]

``--profile FILE`` writes a cProfile of the full sync down's own process to FILE (read it with
``python -m pstats FILE``); profiling slows the sync, so its wall and CPU figures are not comparable.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import cProfile
import math
import multiprocessing
import resource
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clients import CONTROL, control, start_server
from possync.sandbox import sandbox_connection
from possync.store import open_store
from possync.sync.operations import FULL_SYNC, CatalogueSync
from possync.sync.runner import Connection, open_catalogue, run_logged

OVERLAP = 61.0
T = TypeVar("T")
PROFILE: dict[str, str] = {}
"""Where ``--profile`` writes the full sync down's profile, if asked."""


def counted(base_url: str) -> tuple[int, int]:
    """(all requests, write requests) the emulator answered since its counters were reset."""
    routes: dict[str, int] = control(base_url, "GET", "counters")["by_route"]
    return sum(routes.values()), sum(n for route, n in routes.items() if not route.startswith("GET"))


def lower_bounds(woo_url: str, sitoo_url: str, *, variant_images: bool = True) -> tuple[int, int]:
    """The fewest requests a full sync down can make: (WooCommerce, Sitoo)."""
    tables = control(sitoo_url, "GET", "state")["accounts"][0]["sites"][0]["tables"]
    rows = tables["products"]["rows"]
    parents = {r["variantparentid"] for r in rows if r.get("variantparentid") not in (None, r["productid"])}
    mains = len([r for r in rows if r.get("variantparentid") in (None, r["productid"])])
    categories = len(tables["categories"]["rows"])
    woo = math.ceil(mains / 100) + len(parents) + 3 * math.ceil(categories / 100) + 1
    # Sitoo lists a product's images only per product: one read for each product that is not a
    # variant, and for each variant too when its own images sync (``variant_images``, the default)
    listed = len(rows) if variant_images else mains
    sitoo = math.ceil(len(rows) / 1000) + 3 + listed
    return woo, sitoo


async def phase(
    name: str, woo_url: str, sitoo_url: str, bounds: tuple[int, int], run: Callable[[], Awaitable[Any]]
) -> None:
    for url in (woo_url, sitoo_url):
        control(url, "POST", "counters/reset")
    reset_peak_rss()
    start_rss = peak_rss_mib()
    wall, cpu = time.perf_counter(), time.process_time()
    await run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = peak_rss_mib()
    (woo, woo_writes), (sitoo, sitoo_writes) = counted(woo_url), counted(sitoo_url)
    woo_ratio, sitoo_ratio = _ratio(woo, bounds[0]), _ratio(sitoo, bounds[1])
    print(
        f"{name:<28} woo {woo:>6} req ({woo_writes:>5} writes, bound {bounds[0]:>5}, {woo_ratio})  "
        f"sitoo {sitoo:>5} req ({sitoo_writes:>4} writes, bound {bounds[1]:>5}, {sitoo_ratio})  "
        f"wall {wall:7.1f} s  cpu {cpu:7.1f} s  peak {peak:7.1f} MiB (from {start_rss:.1f})"
    )


def profiled(run: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[Any]]:
    """``run``, profiled into the ``--profile`` file when one is given."""
    if "file" not in PROFILE:
        return run

    async def with_profile() -> None:
        profile = cProfile.Profile()
        profile.enable()
        try:
            await run()
        finally:
            profile.disable()
            profile.dump_stats(PROFILE["file"])

    return with_profile


def reset_peak_rss() -> None:
    """Start a new peak of the process's resident memory (Linux: VmHWM restarts from now)."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def peak_rss_mib() -> float:
    """The process's peak resident memory since the last reset, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ratio(made: int, bound: int) -> str:
    return f"{made / bound:4.2f}x" if bound else "  -  "


def change_products(sitoo_url: str, count: int) -> None:
    """Rename ``count`` simple and main products in Sitoo, spread over the catalogue, from a child
    process: it reads the emulator's whole state, which would count in the sync's own memory."""
    in_child(_rename_products, sitoo_url, count)


def in_child(work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``work``'s result, computed in a child process so that its memory is not the sync's."""
    with concurrent.futures.ProcessPoolExecutor(1) as child:
        return child.submit(work, *args, **kwargs).result()


def _rename_products(sitoo_url: str, count: int) -> None:
    tables = control(sitoo_url, "GET", "state")["accounts"][0]["sites"][0]["tables"]
    rows = [r for r in tables["products"]["rows"] if r.get("variantparentid") in (None, r["productid"])]
    chosen = rows[:: max(1, len(rows) // count)][:count]
    body = [{"productid": r["productid"], "title": f"{r['title']} (new)"} for r in chosen]
    url = f"{sitoo_url}/v2/accounts/90001/sites/1/products.json"
    httpx.put(url, json=body, auth=("90001-1", "sandbox-secret"), timeout=60).raise_for_status()


async def main(products: int, latency_ms: float, full_only: bool) -> None:
    (woo_process, woo_url), (sitoo_process, sitoo_url) = start_server("woo"), start_server("sitoo")
    try:
        control(sitoo_url, "POST", "catalogue", {"seed": 1, "products": products, "orders": 0})
        loaded = time.monotonic()
        for url in (woo_url, sitoo_url):
            control(url, "PUT", "faults", {"latency_ms": latency_ms})
        connection = sandbox_connection(woo_url, sitoo_url, "bench")
        variant_images = connection.options.variant_images
        # the emulator's whole state is large: read it in a child so this process stays the sync's size
        bounds = in_child(lower_bounds, woo_url, sitoo_url, variant_images=variant_images)
        folder = Path(tempfile.mkdtemp(prefix="possync-bench-"))
        sessions = open_store(f"sqlite:///{folder / 'bench.db'}")
        print(f"{products} products, {latency_ms:.0f} ms per request; store {folder}")
        async with open_catalogue(connection, sessions) as sync:
            await run_phases(
                sync, sessions, connection, woo_url, sitoo_url, bounds, products, loaded, full_only
            )
    finally:
        woo_process.kill()
        sitoo_process.kill()


async def run_phases(
    sync: CatalogueSync,
    sessions: Any,
    connection: Connection,
    woo_url: str,
    sitoo_url: str,
    bounds: tuple[int, int],
    products: int,
    loaded: float,
    full_only: bool,
) -> None:
    async def full() -> None:
        await run_logged(sync, sessions, connection, FULL_SYNC)

    async def incremental() -> None:
        await sync.incremental(send_changes=False)

    # a full sync moves the incremental cursors to its start less the 30 s overlap: let the
    # catalogue's load fall out of that window first, as an import made a minute before would
    await asyncio.sleep(max(0.0, loaded + OVERLAP - time.monotonic()))
    await phase("full sync down", woo_url, sitoo_url, bounds, profiled(full))
    if full_only:
        return
    await phase("full rerun, no change", woo_url, sitoo_url, bounds, full)
    change_products(sitoo_url, 1)
    await phase("first incremental, 1 change", woo_url, sitoo_url, incremental_bounds(1), incremental)
    await phase("incremental, no change", woo_url, sitoo_url, incremental_bounds(0), incremental)
    one = max(1, products // 100)
    change_products(sitoo_url, one)
    await phase("incremental, 1 % changed", woo_url, sitoo_url, incremental_bounds(one), incremental)


def incremental_bounds(changed: int) -> tuple[int, int]:
    """The fewest requests an incremental sync of ``changed`` renamed products can make: one batch
    per 100 in the shop; in Sitoo, the page of changes (read even when empty) and each one's image
    list."""
    return math.ceil(changed / 100), max(1, math.ceil(changed / 1000)) + changed


if __name__ == "__main__":
    multiprocessing.freeze_support()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--full-only", action="store_true", help="only the full sync down (memory runs)")
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the full sync down to FILE")
    arguments = parser.parse_args()
    if arguments.profile:
        PROFILE["file"] = arguments.profile
    asyncio.run(main(arguments.products, arguments.latency_ms, arguments.full_only))
    _ = CONTROL
