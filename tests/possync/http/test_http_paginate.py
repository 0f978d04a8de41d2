"""The three paginators against small remotes served over loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from possync.http import (
    ApiClient,
    ClientSettings,
    link_relations,
    pages_by_id_cursor,
    pages_by_number,
    pages_by_offset,
)
from possync.http.testing import FrozenClock, RecordingSleeper
from possync_sandbox.server import running

ROWS = [{"id": n} for n in range(1, 251)]
SEEN: list[str] = []


def page_slice(request: Request) -> tuple[list[dict[str, int]], int, int]:
    SEEN.append(str(request.url.query))
    per_page, page = int(request.query_params["per_page"]), int(request.query_params["page"])
    pages = -(-len(ROWS) // per_page)
    return ROWS[(page - 1) * per_page : page * per_page], page, pages


async def wp(request: Request) -> Response:
    rows, _, pages = page_slice(request)
    return JSONResponse(rows, headers={"X-WP-Total": str(len(ROWS)), "X-WP-TotalPages": str(pages)})


async def link_only(request: Request) -> Response:
    rows, page, pages = page_slice(request)
    rel = (
        '<http://x/?page=9>; rel="next"' if page < pages else '<http://x/wp-json/>; rel="https://api.w.org/"'
    )
    return JSONResponse(rows, headers={"Link": rel})


async def sitoo(request: Request) -> Response:
    start, num = int(request.query_params["start"]), int(request.query_params["num"])
    return JSONResponse({"totalcount": len(ROWS), "items": ROWS[start : start + num]})


async def cursor(request: Request) -> Response:
    first, num = int(request.query_params["idfrom"]), int(request.query_params["num"])
    return JSONResponse({"items": [r for r in ROWS if r["id"] >= first][:num]})


@pytest.fixture
def client(clock: FrozenClock, sleeper: RecordingSleeper) -> Iterator[ApiClient]:
    routes = [Route("/wp", wp), Route("/link", link_only), Route("/sitoo", sitoo), Route("/cursor", cursor)]
    with running(Starlette(routes=routes)) as server:
        yield ApiClient(ClientSettings(name="t", base_url=server.base_url), clock=clock, sleep=sleeper)


async def collect(pages: object) -> list[dict[str, int]]:
    out: list[dict[str, int]] = []
    async for page in pages:  # type: ignore[attr-defined]
        out.extend(page)
    return out


async def test_page_numbers_from_total_pages_fetched_concurrently_in_order(client: ApiClient) -> None:
    SEEN.clear()
    assert await collect(pages_by_number(client, "wp", {"orderby": "id"}, per_page=100)) == ROWS
    assert len(SEEN) == 3
    assert all("orderby=id" in q and "per_page=100" in q for q in SEEN)
    await client.aclose()


async def test_page_numbers_following_link_next_only(client: ApiClient) -> None:
    SEEN.clear()
    assert await collect(pages_by_number(client, "link", per_page=40)) == ROWS
    assert len(SEEN) == 7
    await client.aclose()


async def test_start_num_with_totalcount(client: ApiClient) -> None:
    assert await collect(pages_by_offset(client, "sitoo", num=60)) == ROWS
    await client.aclose()


async def test_id_cursor_resumes_after_the_last_id(client: ApiClient) -> None:
    rows = await collect(
        pages_by_id_cursor(client, "cursor", id_field="id", from_param="idfrom", after_id=200, num=20)
    )
    assert rows == ROWS[200:]
    await client.aclose()


def test_link_relations_reads_every_rel() -> None:
    header = '<https://s/wp-json/wc/v3/p?page=1>; rel="prev", <https://s/wp-json/wc/v3/p?page=3>; rel="next"'
    assert link_relations(header) == {
        "prev": "https://s/wp-json/wc/v3/p?page=1",
        "next": "https://s/wp-json/wc/v3/p?page=3",
    }
    assert "next" not in link_relations('<https://s/wp-json/>; rel="https://api.w.org/"')
