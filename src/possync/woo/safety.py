"""Which WooCommerce writes are safe to repeat, and how to check one whose answer was lost.

WooCommerce has no idempotency keys: a create sent twice makes two records. Each write is
declared here once; a write that is not safe to repeat names the natural key to look up first
(SKU, coupon code) or ``None`` when nothing can tell (the engine parks it for a person).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WriteSafety:
    """One kind of write: may it be re-sent blindly, and if not, what to look up first."""

    write: str
    safe_to_repeat: bool
    lookup: str | None = None
    note: str = ""


_DECLARED = (
    WriteSafety("products.update", True, note="absolute values; not with inventory_delta"),
    WriteSafety("products.delete", True, note="force=true; a repeat answers 404"),
    WriteSafety("products.create", False, "sku", "look the SKU up (it finds variations too)"),
    WriteSafety("products.batch", False, "sku", "safe when it holds only updates and deletes"),
    WriteSafety("products.stock_delta", False, None, "inventory_delta is relative: never repeat"),
    WriteSafety("variations.update", True),
    WriteSafety("variations.delete", True),
    WriteSafety("variations.create", False, "sku"),
    WriteSafety("variations.batch", False, "sku", "safe when it holds only updates and deletes"),
    WriteSafety("categories.update", True),
    WriteSafety("categories.delete", True),
    WriteSafety("categories.create", False, "name+parent", "a repeat answers term_exists with resource_id"),
    WriteSafety("attributes.create", False, "slug"),
    WriteSafety("terms.create", False, "name", "a repeat answers term_exists with resource_id"),
    WriteSafety("coupons.update", True),
    WriteSafety("coupons.delete", True),
    WriteSafety(
        "coupons.create", False, "code", "a repeat answers woocommerce_rest_coupon_code_already_exists"
    ),
    WriteSafety(
        "orders.update", True, note="status, addresses and lines with ids; one adding lines is never repeated"
    ),
    WriteSafety("orders.delete", True),
    WriteSafety("orders.create", False, None, "no natural key in WooCommerce: park it for a person"),
    WriteSafety("order_notes.create", False, None, "a repeat adds the note twice"),
    WriteSafety("refunds.create", False, None, "a repeat refunds twice"),
    WriteSafety("webhooks.create", False, "delivery_url+topic"),
    WriteSafety("webhooks.update", True),
    WriteSafety("webhooks.delete", True),
    WriteSafety("settings.update", True),
)
WRITE_SAFETY: dict[str, WriteSafety] = {w.write: w for w in _DECLARED}


def safety_of(write: str) -> WriteSafety:
    """The declaration for ``resource.action``; unknown writes are never safe to repeat."""
    return WRITE_SAFETY.get(write, WriteSafety(write, False, note="undeclared"))


def is_safe_to_repeat(write: str) -> bool:
    return safety_of(write).safe_to_repeat
