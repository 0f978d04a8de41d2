"""Emulator benchmark: the sandbox WooCommerce's and Sitoo's own throughput over real HTTP.

Each emulator runs in its own child process on loopback (no faults, Sitoo's rate limit off),
loaded with the demo catalogue before it starts serving; one keep-alive httpx client then sends
requests one after another for a fixed time per scenario, while the other emulator is idle. The
figures are the emulator's cost per request, so later benchmarks of possync can tell the
emulator's share from their own:

- WooCommerce: list pages of 100 products, batch updates of 100 products;
- Sitoo: list of 1000 products (``num=1000``), array update of 100 products, and 1000 warehouse
  transactions in one request.

    .venv/bin/python bench/emulators.py [--products 3000] [--seconds 4] [--only woo|sitoo]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from possync_sandbox.catalogue import generate
from possync_sandbox.server import free_port, serve_forever

CONTROL = "/__sandbox__"
WOO_API = "/wp-json/wc/v3"
SITOO_SITE = "/v2/accounts/90001/sites/1"
FIFO_WAREHOUSE = 10

Step = Callable[[int], int]
"""Sends the ``n``-th request of a scenario; answers how many products it carried."""


@dataclass(frozen=True)
class Result:
    emulator: str
    scenario: str
    requests: int
    products: int
    seconds: float


def _serve(kind: str, port: int, products: int) -> None:
    """Child process: one emulator loaded with the demo catalogue (no past orders), on ``port``."""
    catalogue = generate(seed=1, products=products, orders=0)
    if kind == "sitoo":
        from possync_sandbox.sitoo import SitooEmulator, SitooSettings

        sitoo = SitooEmulator(SitooSettings(rate_limit_requests=0))
        sitoo.load_catalogue(catalogue)
        serve_forever(sitoo.app, "127.0.0.1", port)
    else:
        from possync_sandbox.woocommerce import WooEmulator

        woo = WooEmulator()
        woo.load_catalogue(catalogue)
        serve_forever(woo.app, "127.0.0.1", port)


@contextmanager
def emulators(kinds: list[str], products: int) -> Iterator[dict[str, httpx.Client]]:
    """Clients of emulators, each in its own process and loaded with ``products`` products.

    The loads run side by side before the servers start (they dominate the run time); the
    measurements do not overlap. Past orders are left out: no scenario reads them.
    """
    with ExitStack() as stack:
        running = {kind: stack.enter_context(_emulator(kind, products)) for kind in kinds}
        for client, process in running.values():
            _wait_until_up(client, process)
        yield {kind: client for kind, (client, _) in running.items()}


@contextmanager
def _emulator(kind: str, products: int) -> Iterator[tuple[httpx.Client, BaseProcess]]:
    port = free_port()
    process = multiprocessing.get_context("spawn").Process(
        target=_serve, args=(kind, port, products), daemon=True
    )
    process.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", auth=_auth(kind), timeout=60) as client:
            yield client, process
    finally:
        process.terminate()
        process.join(10)


def _auth(kind: str) -> tuple[str, str]:
    if kind == "sitoo":
        from possync_sandbox.sitoo.settings import DEFAULT_API_ID, DEFAULT_PASSWORD

        return DEFAULT_API_ID, DEFAULT_PASSWORD
    from possync_sandbox.woocommerce import SANDBOX_KEY

    return SANDBOX_KEY.consumer_key, SANDBOX_KEY.consumer_secret


def _wait_until_up(client: httpx.Client, process: BaseProcess, seconds: float = 300.0) -> None:
    """Until the child answers; its catalogue load comes first and can take a while."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            client.get(f"{CONTROL}/counters")
            return
        except httpx.TransportError:
            if not process.is_alive():
                raise RuntimeError(f"the emulator process ended with code {process.exitcode}") from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _check(response: httpx.Response) -> Any:
    if response.status_code != 200:
        raise RuntimeError(
            f"{response.request.method} {response.request.url.path}: {response.status_code} "
            f"{response.text[:300]}"
        )
    return response.json()


def _chunks(values: list[Any], size: int) -> list[list[Any]]:
    return [values[start : start + size] for start in range(0, len(values), size)] or [[]]


# --- WooCommerce ---------------------------------------------------------------------------------
def woo_list(client: httpx.Client, products: int) -> Step:
    pages = max(1, -(-products // 100))

    def step(n: int) -> int:
        return len(_check(client.get(f"{WOO_API}/products", params={"per_page": 100, "page": n % pages + 1})))

    return step


def _woo_simple_ids(client: httpx.Client, products: int) -> list[int]:
    ids: list[int] = []
    for page in range(1, -(-products // 100) + 1):
        listed = _check(
            client.get(f"{WOO_API}/products", params={"per_page": 100, "page": page, "type": "simple"})
        )
        ids += [product["id"] for product in listed]
    return ids


def woo_batch(client: httpx.Client, products: int) -> Step:
    batches = _chunks(_woo_simple_ids(client, products), 100)

    def step(n: int) -> int:
        price = f"{100 + n % 50}.00"
        body = {
            "update": [{"id": product_id, "regular_price": price} for product_id in batches[n % len(batches)]]
        }
        return len(_check(client.post(f"{WOO_API}/products/batch", json=body))["update"])

    return step


# --- Sitoo ----------------------------------------------------------------------------------------
def _sitoo_products(client: httpx.Client, start: int, num: int = 1000) -> list[dict[str, Any]]:
    params: dict[str, str | int] = {
        "start": start,
        "num": num,
        "includeinactive": "true",
        "fields": "productid,sku",
    }
    items: list[dict[str, Any]] = _check(client.get(f"{SITOO_SITE}/products.json", params=params))["items"]
    return items


def sitoo_list(client: httpx.Client, products: int) -> Step:
    total = _check(client.get(f"{SITOO_SITE}/products.json", params={"num": 1, "includeinactive": "true"}))
    pages = max(1, -(-int(total["totalcount"]) // 1000))

    def step(n: int) -> int:
        params: dict[str, str | int] = {"num": 1000, "start": n % pages * 1000, "includeinactive": "true"}
        return len(_check(client.get(f"{SITOO_SITE}/products.json", params=params))["items"])

    return step


def _sitoo_all(client: httpx.Client) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    while page := _sitoo_products(client, len(found)):
        found += page
    return found


def sitoo_update(client: httpx.Client, products: int) -> Step:
    batches = _chunks([item["productid"] for item in _sitoo_all(client)], 100)

    def step(n: int) -> int:
        body = [{"productid": pid, "moneyprice": f"{100 + n % 50}.00"} for pid in batches[n % len(batches)]]
        answers = _check(client.put(f"{SITOO_SITE}/products.json", json=body))
        return sum(1 for answer in answers if answer.get("statuscode") == 200)

    return step


def sitoo_transactions(client: httpx.Client, products: int) -> Step:
    skus = [item["sku"] for item in _sitoo_all(client)]
    warehouses = _check(client.get(f"{SITOO_SITE}/warehouses.json", params={"num": 100}))["items"]
    warehouse = next(w["warehouseid"] for w in warehouses if w.get("warehousetype") == FIFO_WAREHOUSE)

    def step(n: int) -> int:
        body = [
            {
                "warehouseid": warehouse,
                "transactiontype": 10,
                "description": "Bench move in",
                "items": [
                    {
                        "sku": skus[(n * 1000 + i) % len(skus)],
                        "decimalquantity": "1.000",
                        "moneypricein": "10.00",
                    }
                ],
            }
            for i in range(1000)
        ]
        answers = _check(client.post(f"{SITOO_SITE}/warehousetransactions.json", json=body))
        return sum(1 for answer in answers if answer.get("statuscode") == 200)

    return step


SCENARIOS: dict[str, list[tuple[str, Callable[[httpx.Client, int], Step]]]] = {
    "woo": [("list 100 products", woo_list), ("batch update 100 products", woo_batch)],
    "sitoo": [
        ("list 1000 products", sitoo_list),
        ("array update 100 products", sitoo_update),
        ("1000 transactions in one request", sitoo_transactions),
    ],
}


def measure(step: Step, seconds: float, at_least: int = 3) -> tuple[int, int, float]:
    """Requests sent, products carried and time taken, after one warm-up request."""
    step(0)
    requests = products = 0
    started = time.perf_counter()
    while requests < at_least or time.perf_counter() - started < seconds:
        requests += 1
        products += step(requests)
    return requests, products, time.perf_counter() - started


def run(kinds: list[str], products: int, seconds: float) -> list[Result]:
    results = []
    started = time.perf_counter()
    with emulators(kinds, products) as clients:
        _progress(started, f"started and loaded {', '.join(kinds)}")
        for kind, client in clients.items():
            for scenario, make in SCENARIOS[kind]:
                requests, carried, elapsed = measure(make(client, products), seconds)
                results.append(Result(kind, scenario, requests, carried, elapsed))
                _progress(started, f"{kind}: {scenario}")
    return results


def _progress(started: float, done: str) -> None:
    print(f"[{time.perf_counter() - started:5.1f} s] {done}", file=sys.stderr, flush=True)


def report(results: list[Result], products: int) -> Table:
    table = Table(
        title=f"Emulator throughput, sequential keep-alive requests, catalogue of {products} products"
    )
    for column in ("emulator", "scenario", "requests", "req/s", "products/s", "ms/request"):
        table.add_column(column, justify="left" if column in ("emulator", "scenario") else "right")
    for result in results:
        table.add_row(
            result.emulator,
            result.scenario,
            str(result.requests),
            f"{result.requests / result.seconds:.1f}",
            f"{result.products / result.seconds:,.0f}",
            f"{1000 * result.seconds / result.requests:.1f}",
        )
    return table


def main(argv: list[str] | None = None) -> list[Result]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--products", type=int, default=3000, help="catalogue size (default 3000)")
    parser.add_argument("--seconds", type=float, default=4.0, help="time per scenario (default 4)")
    parser.add_argument("--only", choices=sorted(SCENARIOS), help="bench one emulator only")
    args = parser.parse_args(argv)
    kinds = [args.only] if args.only else list(SCENARIOS)
    results = run(kinds, args.products, args.seconds)
    Console(width=110).print(report(results, args.products))
    return results


if __name__ == "__main__":
    main()
