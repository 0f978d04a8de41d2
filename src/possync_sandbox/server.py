"""Run an emulator's ASGI app as a real HTTP server on loopback.

``serve_forever`` is what the ``possync-sandbox`` command runs; ``running`` starts a server
in a background thread for tests, benchmarks and the demo and yields its base URL.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn
from starlette.types import ASGIApp


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago on ``host``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def _config(app: ASGIApp, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http="h11",
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_keep_alive=30,
        limit_concurrency=None,
    )


def serve_forever(app: ASGIApp, host: str, port: int) -> None:
    """Serve ``app`` in the foreground until interrupted."""
    uvicorn.Server(_config(app, host, port)).run()


@dataclass
class RunningServer:
    """A server started by :func:`running`."""

    base_url: str
    host: str
    port: int


@contextmanager
def running(app: ASGIApp, host: str = "127.0.0.1", port: int = 0) -> Iterator[RunningServer]:
    """Serve ``app`` in a background thread; stop it when the block ends."""
    port = port or free_port(host)
    server = uvicorn.Server(_config(app, host, port))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            msg = f"sandbox server on {host}:{port} did not start"
            raise RuntimeError(msg)
        time.sleep(0.01)
    try:
        yield RunningServer(base_url=f"http://{host}:{port}", host=host, port=port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
