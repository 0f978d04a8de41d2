"""Client benchmark: read 10 000 products from each emulator and write 10 000 updates to each.

Each emulator runs in its own process on loopback with 20 ms added to every API request (its
``FaultPlan(latency_ms=20)``), so the client's CPU time and memory are measured alone. For every
remote and concurrency (1, 4, 8) it prints the requests the emulator counted against the minimum
possible, wall time, CPU time and peak traced memory.

    .venv/bin/python bench/clients.py [--products 10000] [--latency-ms 20] [--concurrency 1,4,8]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import multiprocessing
import resource
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from functools import partial
from typing import Any

import httpx

from possync.sitoo import SitooClient, SitooConfig
from possync.woo import WooClient, WooConfig
from possync_sandbox.server import free_port, serve_forever
from possync_sandbox.woocommerce.settings import SANDBOX_KEY

CONTROL = "/__sandbox__"
SITOO_PAGE = 1000
WOO_PAGE = 100
BATCH = 100
TRACED_CONCURRENCY = 4


@dataclass(frozen=True)
class Remote:
    """One emulator and how the benchmark drives its client.

    ``open`` makes a connected client (connection checks happen before the counters are reset),
    ``read`` counts every product read, ``write`` sends one update per id and counts the successes.
    """

    name: str
    kind: str
    open: Callable[[str, int], AbstractAsyncContextManager[Any]]
    seed: Callable[[Any, int], Awaitable[list[int]]]
    read: Callable[[Any], Awaitable[int]]
    write: Callable[[Any, list[int]], Awaitable[int]]
    min_read: Callable[[int], int]
    min_write: Callable[[int], int]


@dataclass(frozen=True)
class Measure:
    remote: str
    phase: str
    concurrency: int
    items: int
    requests: int
    minimum: int
    wall: float
    cpu: float


def _serve(kind: str, port: int) -> None:
    """Child process: one empty emulator on ``port``, rate limiting off (the bench measures the client)."""
    if kind == "sitoo":
        from possync_sandbox.sitoo import SitooEmulator, SitooSettings

        emulator: Any = SitooEmulator(SitooSettings(rate_limit_requests=0))
    else:
        from possync_sandbox.woocommerce import WooEmulator, WooSettings

        emulator = WooEmulator(WooSettings())
    serve_forever(emulator.app, "127.0.0.1", port)


def start_server(kind: str) -> tuple[multiprocessing.process.BaseProcess, str]:
    port = free_port()
    process = multiprocessing.get_context("spawn").Process(target=_serve, args=(kind, port), daemon=True)
    process.start()
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base_url}{CONTROL}/counters", timeout=1).raise_for_status()
            return process, base_url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    msg = f"the {kind} emulator did not start"
    raise RuntimeError(msg)


def control(base_url: str, method: str, path: str, body: Any = None) -> Any:
    # Loading or dumping a large catalogue takes the emulator minutes; the bench waits for it.
    response = httpx.request(method, f"{base_url}{CONTROL}/{path}", json=body, timeout=900)
    response.raise_for_status()
    return response.json() if response.content else None


async def timed(base_url: str, run: Callable[[], Awaitable[int]]) -> tuple[int, int, float, float]:
    """Items, requests counted by the emulator, wall and CPU seconds of one run."""
    control(base_url, "POST", "counters/reset")
    wall, cpu = time.perf_counter(), time.process_time()
    items = await run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return items, int(control(base_url, "GET", "counters")["total"]), wall, cpu


async def traced_peak(run: Callable[[], Awaitable[int]]) -> float:
    """Peak memory traced while ``run`` runs, in MiB (a separate run: tracing slows everything)."""
    tracemalloc.start()
    try:
        await run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


async def bench_remote(
    remote: Remote, products: int, latency_ms: float, levels: list[int]
) -> tuple[list[Measure], dict[str, float]]:
    process, base_url = start_server(remote.kind)
    try:
        async with remote.open(base_url, 8) as client:
            ids = await remote.seed(client, products)
        control(base_url, "PUT", "faults", {"latency_ms": latency_ms})
        measures: list[Measure] = []
        peaks: dict[str, float] = {}
        for concurrency in levels:
            async with remote.open(base_url, concurrency) as client:
                for phase, run, minimum in (
                    ("read", partial(remote.read, client), remote.min_read(products)),
                    ("write", partial(remote.write, client, ids), remote.min_write(products)),
                ):
                    items, requests, wall, cpu = await timed(base_url, run)
                    measures.append(
                        Measure(remote.name, phase, concurrency, items, requests, minimum, wall, cpu)
                    )
                    if concurrency == TRACED_CONCURRENCY:
                        peaks[phase] = await traced_peak(run)
        return measures, peaks
    finally:
        process.kill()
        process.join(5)


def report(measures: list[Measure], peaks: dict[tuple[str, str], float]) -> None:
    header = f"{'remote':<8}{'phase':<7}{'conc':>5}{'items':>8}{'requests':>10}{'minimum':>9}"
    header += f"{'wall s':>9}{'cpu s':>8}{'peak MiB':>10}"
    print(header)
    print("-" * len(header))
    for m in measures:
        peak = peaks.get((m.remote, m.phase)) if m.concurrency == TRACED_CONCURRENCY else None
        shown = f"{peak:>10.1f}" if peak is not None else f"{'':>10}"
        print(
            f"{m.remote:<8}{m.phase:<7}{m.concurrency:>5}{m.items:>8}{m.requests:>10}{m.minimum:>9}"
            f"{m.wall:>9.2f}{m.cpu:>8.2f}{shown}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak MiB: tracemalloc peak of a separate run at concurrency {TRACED_CONCURRENCY}")
    print(f"benchmark process peak RSS: {rss:.0f} MiB (client only; the emulators run in child processes)")


def _ok(value: Any, error: Exception | None) -> Any:
    if error is not None:
        raise error
    return value


# --- Sitoo ------------------------------------------------------------------------------------


def sitoo_open(base_url: str, concurrency: int) -> SitooClient:
    config = SitooConfig(
        base_url=f"{base_url}/v2/accounts/90001",
        api_id="90001-1",
        password="sandbox-secret",
        concurrency=concurrency,
        page_size=SITOO_PAGE,
        batch_size=BATCH,
    )
    return SitooClient(config)


async def sitoo_seed(client: SitooClient, products: int) -> list[int]:
    bodies = [
        {"sku": f"BENCH-{n:05d}", "title": f"Bench product {n}", "moneyprice": "100.00"}
        for n in range(products)
    ]
    return [_ok(r.id, r.error) for r in await client.products.create_many(bodies)]


async def sitoo_read(client: SitooClient) -> int:
    return sum([len(page) async for page in client.products.pages()])


async def sitoo_write(client: SitooClient, ids: list[int]) -> int:
    results = await client.products.update_many([{"productid": i, "moneyprice": "119.00"} for i in ids])
    return len([_ok(r.value, r.error) for r in results])


SITOO = Remote(
    "sitoo",
    "sitoo",
    sitoo_open,
    sitoo_seed,
    sitoo_read,
    sitoo_write,
    min_read=lambda n: max(1, math.ceil(n / SITOO_PAGE)),
    min_write=lambda n: math.ceil(n / BATCH),
)


# --- WooCommerce ------------------------------------------------------------------------------


def woo_open(base_url: str, concurrency: int) -> WooClient:
    config = WooConfig(
        url=base_url,
        consumer_key=SANDBOX_KEY.consumer_key,
        consumer_secret=SANDBOX_KEY.consumer_secret,
        api_version="v3",
        auth="basic",
        concurrency=concurrency,
        per_page=WOO_PAGE,
        batch_limit=BATCH,
    )
    return WooClient(config)


async def woo_seed(client: WooClient, products: int) -> list[int]:
    bodies = [
        {"sku": f"BENCH-{n:05d}", "name": f"Bench product {n}", "regular_price": "100.00"}
        for n in range(products)
    ]
    results = await client.products.batch(create=bodies)
    return [_ok(r.value, r.error).id for r in results]


async def woo_read(client: WooClient) -> int:
    return sum([len(page) async for page in client.products.pages()])


async def woo_write(client: WooClient, ids: list[int]) -> int:
    results = await client.products.batch(update=[{"id": i, "regular_price": "119.00"} for i in ids])
    return len([_ok(r.value, r.error) for r in results])


WOO = Remote(
    "woo",
    "woo",
    woo_open,
    woo_seed,
    woo_read,
    woo_write,
    min_read=lambda n: max(1, math.ceil(n / WOO_PAGE)),
    min_write=lambda n: math.ceil(n / BATCH),
)
REMOTES = {"sitoo": SITOO, "woo": WOO}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--concurrency", default="1,4,8")
    parser.add_argument("--remote", choices=["sitoo", "woo", "both"], default="both")
    args = parser.parse_args()
    levels = [int(c) for c in args.concurrency.split(",")]
    names = list(REMOTES) if args.remote == "both" else [args.remote]
    started = time.perf_counter()
    measures: list[Measure] = []
    peaks: dict[tuple[str, str], float] = {}
    for name in names:
        found, remote_peaks = asyncio.run(bench_remote(REMOTES[name], args.products, args.latency_ms, levels))
        measures += found
        peaks.update({(name, phase): peak for phase, peak in remote_peaks.items()})
    print(f"{args.products} products per remote, {args.latency_ms:g} ms added latency per request\n")
    report(measures, peaks)
    print(f"total benchmark time: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
