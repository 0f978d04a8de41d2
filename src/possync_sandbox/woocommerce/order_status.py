"""Order statuses and what entering one does: dates, stock, coupon usage and the status note.

The registered statuses are WooCommerce's core list plus the shop's custom ones (registered
like the ``wc_order_statuses`` filter, stored with ``wc-`` and shown without it). A transition
sets ``date_paid``/``date_completed``, runs the stock hooks once, counts coupon usage and adds
"Order status changed from X to Y." to the notes; ``payment_complete`` is ``set_paid``.
"""

from __future__ import annotations

from possync_sandbox.woocommerce import order_stock
from possync_sandbox.woocommerce.order_notes import add_note
from possync_sandbox.woocommerce.settings import WooSettings
from possync_sandbox.woocommerce.stock import change_stock
from possync_sandbox.woocommerce.store import Record, Store

CORE_STATUSES: dict[str, str] = {
    "pending": "Pending payment",
    "processing": "Processing",
    "on-hold": "On hold",
    "completed": "Completed",
    "cancelled": "Cancelled",
    "refunded": "Refunded",
    "failed": "Failed",
    "checkout-draft": "Draft",
}
PAYABLE = frozenset({"pending", "on-hold", "failed", "cancelled"})
USAGE_ON = frozenset({"processing", "completed", "on-hold"})


def custom_statuses(settings: WooSettings) -> dict[str, str]:
    """The shop's custom statuses, slug without ``wc-`` → label (``order_statuses`` setting)."""
    return {slug.removeprefix("wc-"): label for slug, label in settings.order_statuses.items()}


def registered(settings: WooSettings) -> dict[str, str]:
    """``wc_get_order_statuses``: core statuses then custom ones, without the ``wc-`` prefix."""
    return {**CORE_STATUSES, **custom_statuses(settings)}


def write_enum(settings: WooSettings) -> list[str]:
    """The ``status`` values an order create or update accepts."""
    return ["auto-draft", *registered(settings)]


def filter_enum(settings: WooSettings) -> list[str]:
    """The ``status`` values the order list accepts."""
    return ["any", "trash", *write_enum(settings)]


def stock_changer(store: Store) -> order_stock.StockChanger:
    """Order lines move the stock of their variation, else their product, through ``change_stock``."""

    def change(item: Record, delta: int) -> order_stock.StockMove | None:
        target = int(item.get("variation_id") or item.get("product_id") or 0)
        moved = change_stock(store, target, delta) if target else None
        if moved is None:
            return None
        sku = item.get("sku")
        label = f"{item.get('name') or moved.name} ({sku})" if sku else f"{moved.name} (#{moved.record_id})"
        return order_stock.StockMove(label, moved.before, moved.after)

    return change


def meta_ids(store: Store) -> order_stock.MetaIds:
    return lambda: store.new_id("meta")


def transition(store: Store, order: Record, old: str, new: str) -> None:
    """Everything that follows ``order`` moving from ``old`` to ``new`` (already stored)."""
    if old == new:
        return
    now = store.now()
    if new in ("processing", "completed") and not order.get("date_paid_gmt"):
        order["date_paid_gmt"] = now
    if new == "completed":
        order["date_completed_gmt"] = now
    note = order_stock.after_status_change(order, old, new, stock_changer(store), meta_ids(store))
    if note:
        add_note(store, order, note)
    _coupon_usage(store, order, new)
    labels = registered(store.settings)
    add_note(store, order, f"Order status changed from {labels.get(old, old)} to {labels.get(new, new)}.")


def _coupon_usage(store: Store, order: Record, status: str) -> None:
    """Coupon ``usage_count`` goes up once when the order is paid or held, down when cancelled."""
    if status in USAGE_ON and not order.get("recorded_coupon_usage_counts"):
        step = 1
    elif status == "cancelled" and order.get("recorded_coupon_usage_counts"):
        step = -1
    else:
        return
    order["recorded_coupon_usage_counts"] = step > 0
    codes = {line.get("code", "").lower() for line in order.get("coupon_lines", [])}
    for coupon in store.coupons.values():
        if coupon.get("code") in codes and coupon.get("status") != "trash":
            coupon["usage_count"] = max(int(coupon.get("usage_count", 0)) + step, 0)
            email = order.get("billing", {}).get("email") or str(order.get("customer_id") or "")
            used = coupon.setdefault("used_by", [])
            if step > 0 and email:
                used.append(email)
            elif step < 0 and email in used:
                used.remove(email)


def needs_processing(store: Store, order: Record) -> bool:
    """False only when every line's product is both virtual and downloadable."""
    for line in order.get("line_items", []):
        product_id = line.get("variation_id") or line.get("product_id")
        product = store.variations.get(product_id) or store.products.get(product_id)
        if product is None or not (product.get("virtual") and product.get("downloadable")):
            return True
    return not order.get("line_items")


def payment_complete(store: Store, order: Record, transaction_id: str | None) -> None:
    """``WC_Order::payment_complete``: only from pending, on-hold, failed or cancelled."""
    old = order["status"]
    if old not in PAYABLE:
        return
    if transaction_id:
        order["transaction_id"] = transaction_id
    if not order.get("date_paid_gmt"):
        order["date_paid_gmt"] = store.now()
    order["status"] = "processing" if needs_processing(store, order) else "completed"
    transition(store, order, old, order["status"])
