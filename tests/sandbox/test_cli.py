"""The ``possync-sandbox`` command: each emulator served on a loopback port, seeded, kept in a file."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from possync_sandbox.server import free_port
from possync_sandbox.woocommerce.settings import SANDBOX_KEY

COMMAND = str(Path(sys.executable).parent / "possync-sandbox")
WOO_AUTH = (SANDBOX_KEY.consumer_key, SANDBOX_KEY.consumer_secret)


@contextmanager
def serving(*args: str) -> Iterator[str]:
    """Run ``possync-sandbox ARGS --port N`` until the block ends; yields its base URL."""
    port = free_port("127.0.0.1")
    process = subprocess.Popen([COMMAND, *args, "--port", str(port)], stdout=subprocess.PIPE, text=True)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, "the sandbox command exited"
            try:
                httpx.get(f"{base}/__sandbox__/counters", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the sandbox did not start listening"
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_woo_command_serves_the_seeded_shop_and_keeps_writes_in_its_file(tmp_path: Path) -> None:
    data = tmp_path / "shop.json"
    with serving("woo", "--seed", "1", "--products", "12", "--data", str(data)) as base:
        api = f"{base}/wp-json/wc/v3"
        listed = httpx.get(f"{api}/products", auth=WOO_AUTH, params={"per_page": 100})
        assert listed.status_code == 200, listed.text
        assert int(listed.headers["X-WP-Total"]) >= 10
        made = httpx.post(f"{api}/products", auth=WOO_AUTH, json={"name": "Kept", "sku": "KEPT-1"})
        assert made.status_code == 201, made.text
        before = int(listed.headers["X-WP-Total"])
    with serving("woo", "--data", str(data)) as base:
        again = httpx.get(f"{base}/wp-json/wc/v3/products", auth=WOO_AUTH, params={"sku": "KEPT-1"})
        assert [p["name"] for p in again.json()] == ["Kept"]
        total = httpx.get(f"{base}/wp-json/wc/v3/products", auth=WOO_AUTH)
        assert int(total.headers["X-WP-Total"]) == before + 1


def test_sitoo_command_serves_the_seeded_account() -> None:
    with serving("sitoo", "--seed", "1", "--products", "12") as base:
        answer = httpx.get(
            f"{base}/v2/accounts/90001/sites/1/products.json", auth=("90001-1", "sandbox-secret")
        )
        assert answer.status_code == 200, answer.text
        assert answer.json()["totalcount"] >= 6
        refused = httpx.get(f"{base}/v2/accounts/90001/sites/1/products.json", auth=("90001-1", "wrong"))
        assert refused.status_code == 401
