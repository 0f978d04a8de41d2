"""The events (SPI) sender: Sitoo pushing what happened to a configured receiver URL.

Events queue in the order they happen and leave in POSTs of at most ``event_batch_size``
(10). A batch answered 429/503/504 (the [OPEN] switch ``event_retry_statuses``), or lost to a
timeout or a broken connection, is sent again after a pause and holds back every later event;
any other non-2xx answer (500 and 502 too, by default) drops it.
A batch the receiver took but whose answer was lost goes again, so duplicates happen
(at-least-once). Sitoo does not document SPI payloads; their shape is ours [INF].
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import httpx

Sleep = Callable[[float], Awaitable[None]]
Outcome = Literal["delivered", "retry", "dropped"]


class EventSettings(Protocol):
    """The settings the sender reads at each delivery."""

    @property
    def event_receiver_url(self) -> str | None: ...
    @property
    def event_batch_size(self) -> int: ...
    @property
    def event_retry_statuses(self) -> list[int]: ...
    @property
    def event_retry_delays(self) -> list[float]: ...
    @property
    def event_timeout_seconds(self) -> float: ...


class SettingsSource(Protocol):
    """Whatever holds the current settings (the emulator): read anew each time, so a PATCH counts."""

    @property
    def settings(self) -> EventSettings: ...


@dataclass(frozen=True)
class Delivery:
    """One POST of a batch of events and what came of it."""

    attempt: int
    eventids: list[int]
    status: int | None
    outcome: Outcome
    error: str | None = None

    def wire(self) -> dict[str, Any]:
        return {
            "attempt": self.attempt,
            "eventids": self.eventids,
            "status": self.status,
            "outcome": self.outcome,
            "error": self.error,
        }


@dataclass
class EventLog:
    """Everything emitted, what still waits, and every delivery attempt."""

    pending: deque[dict[str, Any]] = field(default_factory=deque)
    deliveries: list[Delivery] = field(default_factory=list)
    emitted: int = 0

    def wire(self) -> dict[str, Any]:
        return {
            "emitted": self.emitted,
            "pending": list(self.pending),
            "deliveries": [delivery.wire() for delivery in self.deliveries],
        }


class EventSender:
    """Queues events and delivers them from a task in the emulator's event loop."""

    def __init__(
        self,
        source: SettingsSource,
        clock: Callable[[], int] = lambda: int(time.time()),
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.source = source
        self.clock = clock
        self.sleep = sleep
        self.log = EventLog()
        self.loop: asyncio.AbstractEventLoop | None = None
        self._next_id = 1
        self._task: asyncio.Task[None] | None = None

    @property
    def settings(self) -> EventSettings:
        return self.source.settings

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Deliver from ``loop`` (the server's) even when an event is emitted from another thread."""
        self.loop = loop

    def reset(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self.log = EventLog()
        self._next_id = 1
        self._task = None

    def emit(self, eventtype: str, body: dict[str, Any]) -> None:
        """Queue one event; start delivering when a receiver is set and a loop is running."""
        if not self.settings.event_receiver_url:
            return
        event = {"eventid": self._next_id, "eventtype": eventtype, "datecreated": self.clock(), **body}
        self._next_id += 1
        self.log.emitted += 1
        self.log.pending.append(event)
        self._wake()

    def _wake(self) -> None:
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is not None and (self.loop is None or running is self.loop):
            self._start(running)
        elif self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._start, self.loop)

    def _start(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._task is None or self._task.done():
            self._task = loop.create_task(self._deliver_all())

    async def idle(self) -> None:
        """Wait until the queue is empty (or the sender stopped for lack of a receiver)."""
        self._wake()
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    async def _deliver_all(self) -> None:
        async with httpx.AsyncClient() as client:
            while self.log.pending and self.settings.event_receiver_url:
                batch = list(self.log.pending)[: self.settings.event_batch_size]
                if not await self._deliver(client, batch):
                    return
                for _ in batch:
                    self.log.pending.popleft()

    async def _deliver(self, client: httpx.AsyncClient, batch: list[dict[str, Any]]) -> bool:
        """Send ``batch`` until it is delivered or dropped (True); the same events go on each retry.

        False when the receiver was unset meanwhile: the batch stays pending.
        """
        attempt = 1
        while await self._post(client, batch, attempt) == "retry":
            await self.sleep(self._delay(attempt))
            attempt += 1
            if not self.settings.event_receiver_url:
                return False
        return True

    def _delay(self, attempt: int) -> float:
        delays = self.settings.event_retry_delays or [0.0]
        return delays[min(attempt, len(delays)) - 1]

    async def _post(self, client: httpx.AsyncClient, batch: list[dict[str, Any]], attempt: int) -> Outcome:
        url = self.settings.event_receiver_url or ""
        ids = [event["eventid"] for event in batch]
        try:
            response = await client.post(url, json=batch, timeout=self.settings.event_timeout_seconds)
        except httpx.HTTPError as exc:
            self.log.deliveries.append(Delivery(attempt, ids, None, "retry", type(exc).__name__))
            return "retry"
        outcome = self._classify(response.status_code)
        self.log.deliveries.append(Delivery(attempt, ids, response.status_code, outcome))
        return outcome

    def _classify(self, status: int) -> Outcome:
        if 200 <= status < 300:
            return "delivered"
        return "retry" if status in self.settings.event_retry_statuses else "dropped"
