"""Coupons (``/coupons``), owned by the orders engineer.

Placeholder: fill ``ROUTES``; records live in ``store.coupons`` with ids from
``store.new_post_id()``; emit ``coupon.created|updated|deleted|restored`` with ``store.emit``.
The catalogue loader will call a ``create_coupon(store, body)``-style function once it exists.
"""

from __future__ import annotations

from possync_sandbox.woocommerce.context import Route

ROUTES: list[Route] = []
