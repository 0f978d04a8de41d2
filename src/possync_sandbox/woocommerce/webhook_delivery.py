"""The webhook delivery worker: store events become signed POSTs sent from the event loop.

Like Action Scheduler, a (webhook, resource) pair is queued once while a delivery is pending,
and the payload is built when the delivery runs, so rapid changes coalesce into one POST with
the latest state. Answers 200–302 reset the failure count; any other outcome raises it, and
the failure after the count passed ``MAX_DELIVERY_FAILURES`` disables the webhook.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any

import httpx

from possync_sandbox.woocommerce import webhook_signing as signing
from possync_sandbox.woocommerce.store import Record, Store

MAX_DELIVERY_FAILURES = 5
"""``woocommerce_max_webhook_delivery_failures``: the 7th failure in a row disables a webhook."""
DELIVERY_TIMEOUT = 60.0
PING_TIMEOUT = 5.0

PayloadBuilder = Callable[[Record, int], dict[str, Any] | None]
"""(webhook, resource id) → the resource's REST representation, None if it is gone."""


class WebhookDispatcher:
    """Listens to ``store.emit`` and delivers to every active webhook of the topic."""

    def __init__(
        self,
        store: Store,
        home_url: Callable[[], str],
        on_change: Callable[[], None] = lambda: None,
        delay: float = 1.0,
    ) -> None:
        self.store = store
        self.home_url = home_url
        self.on_change = on_change
        """Called after a delivery changed a webhook (failure count, status), to persist it."""
        self.delay = delay
        """Seconds between the event and the delivery (the queue runner's lag)."""
        self.payloads: dict[str, PayloadBuilder] = {}
        self._pending: set[tuple[int, int]] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        store.subscribe(self.on_event)

    def source(self) -> str:
        return self.home_url().rstrip("/") + "/"

    def agent(self) -> str:
        return signing.user_agent(self.store.settings.wc_version, self.store.settings.wp_version)

    def on_event(self, topic: str, resource_id: int) -> None:
        """Queue a delivery per active webhook of ``topic``, unless one is already pending."""
        for webhook in list(self.store.webhooks.values()):
            if webhook.get("status") != "active" or webhook.get("topic") != topic:
                continue
            key = (int(webhook["id"]), resource_id)
            if key not in self._pending:
                self._pending.add(key)
                self._spawn(self._deliver_later(key, topic))

    def _spawn(self, job: Coroutine[Any, Any, Any]) -> None:
        try:
            task = asyncio.get_running_loop().create_task(job)
        except RuntimeError:
            job.close()
            return
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _deliver_later(self, key: tuple[int, int], topic: str) -> None:
        await asyncio.sleep(self.delay)
        self._pending.discard(key)
        webhook = self.store.webhooks.get(key[0])
        if webhook is not None and webhook.get("status") == "active" and webhook.get("topic") == topic:
            await self.deliver(webhook, key[1])

    def payload(self, webhook: Record, resource_id: int) -> dict[str, Any]:
        resource, _, event = webhook["topic"].partition(".")
        builder = self.payloads.get(resource)
        if event == "deleted" or builder is None:
            return {"id": resource_id}
        return builder(webhook, resource_id) or {"id": resource_id}

    async def deliver(self, webhook: Record, resource_id: int) -> Record:
        """POST the signed payload now, log it and count the outcome."""
        body = signing.json_body(self.payload(webhook, resource_id))
        delivery = signing.delivery_id(int(webhook["id"]))
        headers = signing.delivery_headers(
            webhook, body, source=self.source(), agent=self.agent(), delivery=delivery
        )
        status, answer, took = await _post(webhook["delivery_url"], body, headers, DELIVERY_TIMEOUT)
        record = self._log("delivery", webhook, resource_id, headers, body, status, answer, took)
        record["delivery_id"] = delivery
        self._count(webhook, status)
        return record

    async def ping(self, webhook: Record) -> Record:
        """The ping after a REST create; only an exact 200 is a success, and nothing is counted."""
        body, headers = signing.ping_request(int(webhook["id"]), self.agent())
        status, answer, took = await _post(webhook["delivery_url"], body, headers, PING_TIMEOUT)
        return self._log("ping", webhook, None, headers, body, status, answer, took)

    def ping_soon(self, webhook: Record) -> None:
        self._spawn(self.ping(webhook))

    def _count(self, webhook: Record, status: int) -> None:
        """Reset or raise the failure count; past ``MAX_DELIVERY_FAILURES`` the webhook is disabled."""
        before = (webhook.get("failure_count", 0), webhook.get("status"))
        failures = int(webhook.get("failure_count", 0))
        if signing.is_success(status):
            webhook["failure_count"] = 0
        elif failures > MAX_DELIVERY_FAILURES:
            webhook["status"] = "disabled"
        else:
            webhook["failure_count"] = failures + 1
        if (webhook["failure_count"], webhook["status"]) != before:
            self.store.touch(webhook)
            self.on_change()

    def _log(
        self,
        kind: str,
        webhook: Record,
        resource_id: int | None,
        headers: dict[str, str],
        body: bytes,
        status: int,
        answer: str,
        took: float,
    ) -> Record:
        record: Record = {
            "id": self.store.new_id("delivery"),
            "kind": kind,
            "webhook_id": webhook["id"],
            "topic": webhook["topic"],
            "resource_id": resource_id,
            "delivery_url": webhook["delivery_url"],
            "request_headers": headers,
            "request_body": body.decode(),
            "response_code": status,
            "response_body": answer[:1000],
            "success": status == 200 if kind == "ping" else signing.is_success(status),
            "duration": round(took, 4),
            "date_gmt": self.store.now(),
        }
        self.store.deliveries[record["id"]] = record
        return record

    async def stop(self) -> None:
        """Cancel whatever is still queued (the app is shutting down)."""
        for task in list(self._tasks):
            task.cancel()
        self._pending.clear()

    async def drain(self) -> None:
        """Wait until every queued delivery and ping has run (for the emulator's own tests)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)


async def _post(url: str, body: bytes, headers: dict[str, str], seconds: float) -> tuple[int, str, float]:
    """POST without following redirects; a transport failure reads as status 0."""
    started = time.monotonic()
    try:
        async with httpx.AsyncClient(timeout=seconds, follow_redirects=False) as client:
            response = await client.post(url, content=body, headers=headers)
    except httpx.HTTPError as error:
        return 0, f"{type(error).__name__}: {error}", time.monotonic() - started
    return response.status_code, response.text, time.monotonic() - started
