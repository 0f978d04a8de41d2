"""Webhooks: CRUD under ``/webhooks`` and the delivery of store events, owned by the orders engineer.

Contract with the emulator: ``ROUTES`` holds the REST routes, and ``attach(emulator)`` is
called exactly once from ``WooEmulator.__init__`` (after the routes and the store exist). Use it
to ``emulator.store.subscribe(callback)`` — ``callback(topic, resource_id)`` receives every
``product.*``, ``order.*`` and ``coupon.*`` event — and to append async hooks to
``emulator.on_startup`` / ``emulator.on_shutdown`` (run by the app's lifespan) for a background
delivery loop. Payloads are built with ``emulator.view(version)`` and the resource serialisers
(``products.serialise(view, record)`` also renders variations in product shape).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from possync_sandbox.woocommerce.context import Route

if TYPE_CHECKING:
    from possync_sandbox.woocommerce.emulator import WooEmulator

ROUTES: list[Route] = []


def attach(emulator: WooEmulator) -> None:
    """Hook the webhook machinery into ``emulator`` (nothing yet)."""
