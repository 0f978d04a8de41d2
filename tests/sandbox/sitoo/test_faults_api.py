"""The fault plan against the Sitoo API: each fault as a client meets it, and what it did to the data.

A 429 or a timeout never reaches the handler (nothing is written); a dropped connection neither;
a lost response does the write in full and then cuts the connection, so the client sees a
transport error for a write that happened.
"""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from .stock_support import FIFO_ID, move_in, ok, stock_of

TRANSPORT_ERRORS = (httpx.RemoteProtocolError, httpx.ReadError)


def plan(control: httpx.Client, **faults: Any) -> None:
    ok(control.put("/faults", json=faults))


def skus(api: httpx.Client) -> list[str]:
    listed = ok(api.get("/products.json", params={"includeinactive": "true", "fields": "sku"}))
    return [product["sku"] for product in listed["items"]]


def served(control: httpx.Client) -> dict[str, int]:
    counts: dict[str, int] = ok(control.get("/faults"))["served"]
    return counts


def test_a_429_storm_refuses_writes_with_retry_after_and_sitoo_body(
    api: httpx.Client, control: httpx.Client
) -> None:
    plan(control, script=["rate_limit", "rate_limit"], retry_after=7)
    refused = [api.post("/products.json", json={"sku": "R-1"}) for _ in range(2)]
    for response in refused:
        assert response.status_code == 429
        assert response.headers["retry-after"] == "7"
        assert response.headers["content-type"] == "application/json"
        assert response.json() == {"statuscode": 429, "errortext": "Too Many Requests"}
    assert skus(api) == []
    assert api.post("/products.json", json={"sku": "R-1"}).status_code == 200
    assert skus(api) == ["R-1"]
    assert served(control) == {"rate_limit": 2, "ok": 3}


def test_a_timeout_outlasts_the_client_and_writes_nothing(api: httpx.Client, control: httpx.Client) -> None:
    plan(control, script=["timeout"], timeout_seconds=0.4)
    with pytest.raises(httpx.ReadTimeout):
        api.post("/products.json", json={"sku": "T-1"}, timeout=0.1)
    time.sleep(0.5)
    assert skus(api) == []
    assert served(control) == {"timeout": 1, "ok": 1}


def test_a_client_that_waits_out_the_timeout_gets_a_504(api: httpx.Client, control: httpx.Client) -> None:
    plan(control, script=["timeout"], timeout_seconds=0.3)
    response = api.get("/products.json", timeout=5)
    assert response.status_code == 504
    assert response.json() == {"statuscode": 504, "errortext": "Gateway Timeout"}
    assert response.elapsed.total_seconds() >= 0.3


def test_latency_beyond_the_client_timeout_is_a_read_timeout(
    api: httpx.Client, control: httpx.Client
) -> None:
    plan(control, latency_ms=300)
    with pytest.raises(httpx.ReadTimeout):
        api.get("/productgroups.json", timeout=0.1)
    patient = api.get("/productgroups.json", timeout=5)
    assert patient.status_code == 200
    assert patient.elapsed.total_seconds() >= 0.3


def test_a_dropped_connection_is_a_transport_error_and_writes_nothing(
    api: httpx.Client, control: httpx.Client
) -> None:
    plan(control, script=["drop"])
    with pytest.raises(TRANSPORT_ERRORS):
        api.post("/products.json", json={"sku": "D-1"})
    assert skus(api) == []
    assert served(control) == {"drop": 1, "ok": 1}


def test_a_lost_response_keeps_the_write_the_client_never_heard_of(
    api: httpx.Client, control: httpx.Client
) -> None:
    plan(control, script=["lost_response"])
    with pytest.raises(TRANSPORT_ERRORS):
        api.post("/products.json", json={"sku": "L-1", "title": "Lost"})
    assert skus(api) == ["L-1"]
    blind_retry = api.post("/products.json", json={"sku": "L-1", "title": "Lost"})
    assert blind_retry.status_code == 400
    assert skus(api) == ["L-1"]


def test_a_lost_response_to_a_stock_move_has_moved_the_stock(
    api: httpx.Client, control: httpx.Client
) -> None:
    move_in(api, "CUP", "2")
    plan(control, script=["lost_response"], path_pattern="warehousetransactions")
    with pytest.raises(TRANSPORT_ERRORS):
        move_in(api, "CUP", "5")
    assert stock_of(api, "CUP", FIFO_ID)["decimaltotal"] == "7.000"
    assert served(control) == {"lost_response": 1, "ok": 1}
