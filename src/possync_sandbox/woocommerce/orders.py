"""Orders, order notes and refunds (``/orders``, ``/orders/<id>/notes``, ``/orders/<id>/refunds``).

Placeholder owned by the orders engineer: fill ``ROUTES`` with ``@route(ROUTES, ...)`` and
``batch_route(ROUTES, "/orders/batch", "orders", ...)``. Records live in ``store.orders``,
``store.refunds`` (ids from ``store.new_post_id()``) and ``store.notes``; order item ids come
from ``store.new_id("order_item")`` and note ids from ``store.new_id("comment")``. Stock moves
only through ``stock.change_stock(store, product_or_variation_id, delta)``; emit ``order.*``
topics with ``store.emit``.
"""

from __future__ import annotations

from possync_sandbox.woocommerce.context import Route

ROUTES: list[Route] = []
