"""Sitoo orders and order deliveries.

Orders are listed account-wide at ``/orders.json`` and followed by id cursor (``orderidfrom``,
ascending): ``orderdate`` is the time of sale, not of arrival, so it is no cursor. Every order
possync creates carries an ``externalid``; it is looked up before the POST and again after a lost
answer, so a retry never makes a second order.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

from possync.sitoo.api import SitooApi
from possync.sitoo.idempotency import create_once
from possync.sitoo.models import Order, OrderDelivery
from possync.sitoo.order_models import EXTERNALID_PATTERN
from possync.sitoo.resources import Body, Collection, all_fields, wire

ORDER_FIELDS = all_fields(Order)
_EXTERNALID = re.compile(EXTERNALID_PATTERN)


def check_externalid(externalid: Any) -> str:
    """The order's ``externalid``, or a ``ValueError`` saying why Sitoo would refuse it."""
    if not isinstance(externalid, str) or not _EXTERNALID.match(externalid):
        msg = f"an order created by possync needs an externalid of 1-40 [A-Za-z0-9_-], got {externalid!r}"
        raise ValueError(msg)
    return externalid


class Orders(Collection[Order]):
    """Orders: listed account-wide, created and updated under the site."""

    def __init__(self, api: SitooApi) -> None:
        super().__init__(api, Order, api.site_path("orders.json"), fields=ORDER_FIELDS)
        self.list_path = "orders.json"

    def pages(self, **params: Any) -> AsyncIterator[list[Order]]:
        """Orders of this site from the account-wide list, with Sitoo's filters (``orderstate=0,10``…).

        Oldest first unless ``sort`` says otherwise: new orders then land after the pages being
        read instead of shifting them (Sitoo's own default is newest first).
        """
        query = {"eshopid": self.api.config.site, "sort": "orderid", **params}
        return self.api.pages(Order, self.list_path, query, self.fields)

    def since(self, after_id: int, **params: Any) -> AsyncIterator[list[Order]]:
        """Orders with an id above ``after_id``, ascending, page by page."""
        return self.api.cursor_pages(
            Order,
            self.list_path,
            id_field="orderid",
            after_id=after_id,
            params={"eshopid": self.api.config.site, **params},
            fields=self.fields,
        )

    async def find_by_externalid(self, externalid: str) -> Order | None:
        """The order with this ``externalid`` (unique across Sitoo), if any."""
        async for order in self.iterate(externalid=externalid):
            if order.externalid == externalid:
                return order
        return None

    async def create(self, record: Body) -> int:
        """POST one order; refuses one without a valid ``externalid``. Prefer ``create_once``."""
        body = wire(record)
        check_externalid(body.get("externalid"))
        return await self.api.create(self.path, body)

    async def create_once(self, order: Body) -> tuple[int, bool]:
        """``(orderid, existed)``: looks ``externalid`` up first and after a lost answer."""
        body = wire(order)
        externalid = check_externalid(body.get("externalid"))

        async def find() -> int | None:
            found = await self.find_by_externalid(externalid)
            return found.orderid if found else None

        return await create_once(lambda: self.create(body), find)

    def deliveries(self, orderid: int) -> Collection[OrderDelivery]:
        """The order's deliveries; adding one moves stock unless ``ignorestock``."""
        path = self.item_path(orderid).replace(".json", "/orderdeliveries.json")
        return Collection(self.api, OrderDelivery, path)

    async def deliver(self, orderid: int, delivery: Body, *, ignorestock: bool = False) -> int:
        """Add a delivery; the new ``orderdeliveryid``. Not safe to repeat: re-read deliveries first."""
        params = {"ignorestock": True} if ignorestock else None
        return await self.api.create(self.deliveries(orderid).path, wire(delivery), params=params)
