"""Taking a product, order or coupon out of the trash the way wp-admin's Restore link does.

WooCommerce's REST API has no untrash: a PUT with a status on a trashed product or order is an
ordinary save (``wp_update_post`` fires ``*.updated``), and on 9.4.2 a coupon's status is not
writable at all. Only ``wp_untrash_post`` (``untrashed_post``) and, for HPOS orders,
``$order->untrash()`` (``woocommerce_untrash_order``) fire the ``*.restored`` topics, so this module
alone emits them. WooCommerce filters ``wp_untrash_post_status`` so each record gets back the
status it had before the trash; the control API offers this as ``POST /__sandbox__/untrash/...``.
"""

from __future__ import annotations

from collections.abc import Callable

from possync_sandbox.woocommerce import order_status
from possync_sandbox.woocommerce.orders import set_status
from possync_sandbox.woocommerce.store import Record, Store


class NotInTrashError(ValueError):
    """The record exists but is not in the trash (``wp_untrash_post`` returns false)."""


def untrash(store: Store, resource: str, record_id: int) -> Record:
    """Restore a trashed record of ``resource`` (``products``, ``orders``, ``coupons``).

    Raises ``KeyError`` for an unknown resource or id and ``NotInTrashError`` when it is not trashed.
    """
    restore = _RESTORERS[resource]
    record = store.tables[resource][record_id]
    if record.get("status") != "trash":
        raise NotInTrashError(f"{resource} {record_id} is not in the trash")
    restore(store, record)
    return record


def _product(store: Store, product: Record) -> None:
    product["status"] = product.pop("trashed_status", None) or "draft"
    store.touch(product)
    store.emit("product.restored", product["id"])


def _order(store: Store, order: Record) -> None:
    """``untrash_order``: the pre-trash status (``pending`` if no longer registered), then a save."""
    previous = order.pop("trashed_status", None)
    if previous not in order_status.registered(store.settings):
        previous = "pending"
    store.emit("order.restored", order["id"])
    set_status(store, order, str(previous))
    store.touch(order)
    store.emit("order.updated", order["id"])


def _coupon(store: Store, coupon: Record) -> None:
    coupon["status"] = coupon.pop("trashed_status", None) or "publish"
    store.touch(coupon)
    store.emit("coupon.restored", coupon["id"])


_RESTORERS: dict[str, Callable[[Store, Record], None]] = {
    "products": _product,
    "orders": _order,
    "coupons": _coupon,
}
RESOURCES = tuple(_RESTORERS)
