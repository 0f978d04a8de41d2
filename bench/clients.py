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
from dataclasses import dataclass
from functools import partial
from typing import Any

import httpx

from possync.sitoo import SitooClient, SitooConfig
from possync_sandbox.server import free_port, serve_forever

CONTROL = "/__sandbox__"


@dataclass(frozen=True)
class Remote:
    """One emulator and how the benchmark drives its client."""

    name: str
    kind: str
    seed: Callable[[str, int], Awaitable[list[int]]]
    read: Callable[[str, int], Awaitable[int]]
    write: Callable[[str, int, list[int]], Awaitable[int]]
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
    peak_mib: float


def _serve(kind: str, port: int) -> None:
    """Child process: one emulator, empty, on ``port``."""
    if kind == "sitoo":
        from possync_sandbox.sitoo import SitooEmulator, SitooSettings

        emulator: Any = SitooEmulator(SitooSettings(rate_limit_requests=0))
    else:
        from possync_sandbox.woocommerce import WooEmulator, WooSettings

        emulator = WooEmulator(WooSettings(https=False))
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
    response = httpx.request(method, f"{base_url}{CONTROL}/{path}", json=body, timeout=30)
    response.raise_for_status()
    return response.json() if response.content else None


async def measure(
    remote: Remote,
    phase: str,
    concurrency: int,
    run: Callable[[], Awaitable[int]],
    minimum: int,
    base_url: str,
) -> Measure:
    control(base_url, "POST", "counters/reset")
    tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    items = await run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    requests = int(control(base_url, "GET", "counters")["total"])
    return Measure(remote.name, phase, concurrency, items, requests, minimum, wall, cpu, peak / 2**20)


async def bench_remote(remote: Remote, products: int, latency_ms: float, levels: list[int]) -> list[Measure]:
    process, base_url = start_server(remote.kind)
    try:
        ids = await remote.seed(base_url, products)
        control(base_url, "PUT", "faults", {"latency_ms": latency_ms})
        results = []
        for concurrency in levels:
            read = partial(remote.read, base_url, concurrency)
            write = partial(remote.write, base_url, concurrency, ids)
            results += [
                await measure(remote, "read", concurrency, read, remote.min_read(products), base_url),
                await measure(remote, "write", concurrency, write, remote.min_write(products), base_url),
            ]
        return results
    finally:
        process.kill()
        process.join(5)


def report(measures: list[Measure]) -> None:
    header = f"{'remote':<12}{'phase':<7}{'conc':>5}{'items':>8}{'requests':>10}{'minimum':>9}"
    header += f"{'wall s':>9}{'cpu s':>8}{'peak MiB':>10}"
    print(header)
    print("-" * len(header))
    for m in measures:
        print(
            f"{m.remote:<12}{m.phase:<7}{m.concurrency:>5}{m.items:>8}{m.requests:>10}{m.minimum:>9}"
            f"{m.wall:>9.2f}{m.cpu:>8.2f}{m.peak_mib:>10.1f}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nbenchmark process peak RSS: {rss:.0f} MiB (client side only; emulators run in child processes)")


# --- Sitoo ------------------------------------------------------------------------------------
SITOO_PAGE = 1000
BATCH = 100


def sitoo_client(base_url: str, concurrency: int) -> SitooClient:
    config = SitooConfig(
        base_url=f"{base_url}/v2/accounts/90001",
        api_id="90001-1",
        password="sandbox-secret",
        concurrency=concurrency,
        page_size=SITOO_PAGE,
        batch_size=BATCH,
    )
    return SitooClient(config)


async def sitoo_seed(base_url: str, products: int) -> list[int]:
    bodies = [
        {"sku": f"BENCH-{n:05d}", "title": f"Bench product {n}", "moneyprice": "100.00"}
        for n in range(products)
    ]
    async with sitoo_client(base_url, 8) as client:
        results = await client.products.create_many(bodies)
    return [_ok(r.id, r.error) for r in results]


async def sitoo_read(base_url: str, concurrency: int) -> int:
    async with sitoo_client(base_url, concurrency) as client:
        return sum([len(page) async for page in client.products.pages()])


async def sitoo_write(base_url: str, concurrency: int, ids: list[int]) -> int:
    async with sitoo_client(base_url, concurrency) as client:
        results = await client.products.update_many([{"productid": i, "moneyprice": "119.00"} for i in ids])
    return len([_ok(r.value, r.error) for r in results])


SITOO = Remote(
    "sitoo",
    "sitoo",
    sitoo_seed,
    sitoo_read,
    sitoo_write,
    min_read=lambda n: max(1, math.ceil(n / SITOO_PAGE)),
    min_write=lambda n: math.ceil(n / BATCH),
)


def _ok(value: Any, error: Exception | None) -> Any:
    if error is not None:
        raise error
    return value


def remotes() -> dict[str, Remote]:
    return {"sitoo": SITOO}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--concurrency", default="1,4,8")
    parser.add_argument("--remote", choices=["sitoo", "woo", "both"], default="both")
    args = parser.parse_args()
    levels = [int(c) for c in args.concurrency.split(",")]
    chosen = remotes()
    names = list(chosen) if args.remote == "both" else [args.remote]
    started = time.perf_counter()
    measures: list[Measure] = []
    for name in names:
        measures += asyncio.run(bench_remote(chosen[name], args.products, args.latency_ms, levels))
    print(f"{args.products} products, {args.latency_ms:g} ms added latency per request\n")
    report(measures)
    print(f"total benchmark time: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
