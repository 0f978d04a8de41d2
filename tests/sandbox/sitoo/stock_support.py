"""Helpers of the stock and order conformance tests: short ways to make products, stock and orders.

Everything goes through the emulator's HTTP API (or its control API), as a client would.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

FIFO_ID = 1
VIRTUAL_ID = 2


def ok(response: httpx.Response) -> Any:
    """The JSON of a 200 answer; fails the test with the body otherwise."""
    assert response.status_code == 200, response.text
    return response.json()


def add_product(api: httpx.Client, sku: str, price: str = "125.00", title: str | None = None) -> int:
    productid: int = ok(
        api.post("/products.json", json={"sku": sku, "title": title or sku, "moneyprice": price})
    )
    return productid


def move_in(
    api: httpx.Client, sku: str, quantity: str, price: str = "10.00", warehouseid: int = FIFO_ID
) -> int:
    body = {"warehouseid": warehouseid, "transactiontype": 10, "description": "Move In", "items": []}
    body["items"] = [{"sku": sku, "decimalquantity": quantity, "moneypricein": price}]
    answer = ok(api.post("/warehousetransactions.json", json=[body]))
    assert answer[0]["statuscode"] == 200, answer
    transactionid: int = answer[0]["return"]
    return transactionid


def stock_of(api: httpx.Client, sku: str, warehouseid: int = FIFO_ID) -> dict[str, Any]:
    items = ok(api.get(f"/warehouses/{warehouseid}/warehouseitems.json", params={"sku": sku}))["items"]
    assert len(items) == 1, items
    found: dict[str, Any] = items[0]
    return found


def order_body(*lines: tuple[str, int, str], **extra: Any) -> dict[str, Any]:
    """An API order: ``lines`` are (sku, quantity, gross row price) at 25 % VAT."""
    items = [
        {"productname": sku, "sku": sku, "quantity": quantity, "moneyrowprice": price, "vatvalue": 25}
        for sku, quantity, price in lines
    ]
    return {"ordertypeid": 10, "orderitems": items, **extra}


def create_order(api: httpx.Client, *lines: tuple[str, int, str], **extra: Any) -> int:
    orderid: int = ok(api.post("/orders.json", json=order_body(*lines, **extra)))
    return orderid


def deliver(
    api: httpx.Client, orderid: int, *lines: tuple[int, int], warehouseid: int = FIFO_ID, **params: Any
) -> int:
    body = {
        "warehouseid": warehouseid,
        "orderdeliveryitems": [{"orderitemid": i, "quantity": q} for i, q in lines],
    }
    deliveryid: int = ok(api.post(f"/orders/{orderid}/orderdeliveries.json", json=body, params=params))
    return deliveryid


def act(control: httpx.Client, action: str, **body: Any) -> dict[str, Any]:
    """A shop-floor action (``POST /__sandbox__/shopfloor/<action>``); answers the ids it made."""
    answer: dict[str, Any] = ok(control.post(f"/shopfloor/{action}", json=body))
    return answer


@dataclass
class Receiver:
    """An events receiver on loopback: records each POSTed batch, answers the next scripted status.

    With ``hold`` set, the first ``hold`` POSTs get no answer until ``released`` is set.
    """

    script: list[int] = field(default_factory=list)
    delays: list[float] = field(default_factory=list)
    batches: list[list[dict[str, Any]]] = field(default_factory=list)
    url: str = ""
    hold: int = 0
    released: threading.Event = field(default_factory=threading.Event)

    def app(self) -> Starlette:
        async def receive(request: Request) -> Response:
            self.batches.append(json.loads(await request.body()))
            if self.delays:
                await asyncio.sleep(self.delays.pop(0))
            if self.hold > 0:
                self.hold -= 1
                await asyncio.to_thread(self.released.wait, 10)
            return Response(status_code=self.script.pop(0) if self.script else 200)

        return Starlette(routes=[Route("/events", receive, methods=["POST"])])

    def events(self) -> list[dict[str, Any]]:
        return [event for batch in self.batches for event in batch]

    def kinds(self) -> list[str]:
        return [event["eventtype"] for event in self.events()]

    def wait_for(self, batches: int, timeout: float = 5.0) -> None:
        """Block until at least ``batches`` POSTs arrived; fails the test after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while len(self.batches) < batches:
            assert time.monotonic() < deadline, f"{len(self.batches)} of {batches} batches arrived"
            time.sleep(0.01)

    def ids(self) -> list[list[int]]:
        """The event ids of each POST, in the order the POSTs arrived."""
        return [[event["eventid"] for event in batch] for batch in self.batches]
