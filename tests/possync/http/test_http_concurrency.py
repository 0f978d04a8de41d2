"""The bound on requests in flight, counted where it matters: at a loopback server."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from possync.http import ApiClient, ClientSettings
from possync.http.testing import FrozenClock, RecordingSleeper
from possync.sitoo import SitooConfig
from possync.woo import WooConfig
from possync_sandbox.server import running

HOLD_SECONDS = 0.05
GATHER_TIMEOUT = 2.0


class InFlight:
    """A remote that counts the requests it holds at once.

    Each request is held until ``expected`` are in flight (or a timeout passes), then a moment
    longer, so a client sending more than its bound would show it in ``peak``.
    """

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.now = 0
        self.peak = 0
        self.full: asyncio.Event | None = None
        self.app = Starlette(routes=[Route("/slow/{n:int}", self.slow)])

    async def slow(self, request: Request) -> Response:
        self.full = self.full or asyncio.Event()  # made on the server's own loop
        self.now += 1
        self.peak = max(self.peak, self.now)
        if self.now >= self.expected:
            self.full.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.full.wait(), GATHER_TIMEOUT)
        await asyncio.sleep(HOLD_SECONDS)
        self.now -= 1
        return JSONResponse({"n": request.path_params["n"]})


@pytest.fixture
def remote(request: pytest.FixtureRequest) -> Iterator[tuple[InFlight, str]]:
    server = InFlight(expected=request.param)
    with running(server.app) as running_server:
        yield server, running_server.base_url


async def _send_many(client: ApiClient, count: int) -> list[int]:
    answers = await asyncio.gather(*(client.get_json(f"slow/{n}") for n in range(count)))
    return [answer["n"] for answer in answers]


@pytest.mark.parametrize("remote", [4], indirect=True)
async def test_a_client_has_at_most_four_requests_in_flight_by_default(
    remote: tuple[InFlight, str], clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    server, base_url = remote
    settings = ClientSettings(name="t", base_url=base_url)
    async with ApiClient(settings, clock=clock, sleep=sleeper) as client:
        assert await _send_many(client, 16) == list(range(16))
    assert settings.concurrency == 4
    assert server.peak == 4


@pytest.mark.parametrize("remote", [2, 6], indirect=True)
async def test_the_configured_bound_is_the_most_in_flight(
    remote: tuple[InFlight, str], clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    server, base_url = remote
    settings = ClientSettings(name="t", base_url=base_url, concurrency=server.expected)
    async with ApiClient(settings, clock=clock, sleep=sleeper) as client:
        assert await _send_many(client, 4 * server.expected) == list(range(4 * server.expected))
    assert server.peak == server.expected


def test_each_remote_defaults_to_four_requests_in_flight() -> None:
    woo = WooConfig(url="https://shop.example", consumer_key="ck_x", consumer_secret="cs_y")
    sitoo = SitooConfig(base_url="https://api.sitoo.example/v2/accounts/1", api_id="1-1", password="p")
    assert woo.concurrency == sitoo.concurrency == 4
