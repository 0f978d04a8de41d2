"""Which Sitoo writes are safe to repeat, and how a create whose answer was lost is resolved.

Sitoo has no idempotency keys. Most PUTs are partial updates or absolute sets and DELETEs are
final, so repeating them changes nothing; a POST creates a new record each time, and so do the
elements without an id in an order's or a family's PUT. ``WRITE_SAFETY`` declares this per
endpoint, for the transport (``safe_to_repeat``) and the engine's outbox; ``create_once`` looks
the natural key up before a create and again after a lost answer, so a retry never makes a second
record.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from possync.errors import RetryableError


class Repeat(StrEnum):
    SAFE = "safe"
    """Repeating it leaves Sitoo as one call would (PUT, DELETE, absolute stock sets)."""
    LOOK_UP_FIRST = "look up first"
    """A create: repeat only after looking the natural key up and not finding it."""
    NEVER = "never"
    """No natural key to check: a lost answer needs a person or a full re-read."""


@dataclass(frozen=True)
class WriteSafety:
    repeat: Repeat
    key: str = ""
    """The field that finds the record again after a lost answer."""
    note: str = ""


WRITE_SAFETY: dict[str, WriteSafety] = {
    "POST orders": WriteSafety(Repeat.LOOK_UP_FIRST, "externalid", "orders.find_by_externalid"),
    "POST products": WriteSafety(Repeat.LOOK_UP_FIRST, "sku", "products.find_by_skus"),
    "POST vouchers": WriteSafety(Repeat.LOOK_UP_FIRST, "voucherpassword", "vouchers.find_by_code"),
    "POST manufacturers": WriteSafety(Repeat.LOOK_UP_FIRST, "name", "re-read the list (no filter)"),
    "POST categories": WriteSafety(Repeat.LOOK_UP_FIRST, "title", "re-read the list; title + parent"),
    "POST productgroups": WriteSafety(Repeat.LOOK_UP_FIRST, "productgroupname", "re-read the list"),
    "POST pricelists": WriteSafety(Repeat.LOOK_UP_FIRST, "externalid", "re-read the list (at most 100)"),
    "POST warehouses": WriteSafety(Repeat.LOOK_UP_FIRST, "externalid", "re-read the list"),
    "POST warehousebatches": WriteSafety(Repeat.LOOK_UP_FIRST, "externalid", "list open batches of the type"),
    "POST warehousetransactions": WriteSafety(
        Repeat.LOOK_UP_FIRST, "externalid", "read transactions after the last seen id, match externalid"
    ),
    "POST orderdeliveries": WriteSafety(
        Repeat.LOOK_UP_FIRST, "orderdeliveryref", "re-read the order's deliveries; over-delivery is refused"
    ),
    "POST images": WriteSafety(Repeat.LOOK_UP_FIRST, "resourceid", "re-read the product's images"),
    "PUT products": WriteSafety(Repeat.SAFE, "productid", "partial update"),
    "PUT manufacturers": WriteSafety(Repeat.SAFE, "externalcompanyid", "partial update"),
    "PUT productvariants": WriteSafety(
        Repeat.NEVER, "sku", "replaces the family; elements with productid 0 create: re-read the family first"
    ),
    "PUT warehouseitems": WriteSafety(Repeat.SAFE, "sku", "absolute set (Virtual warehouses)"),
    "PUT warehousebatchitems": WriteSafety(Repeat.SAFE, "sku", "upsert by sku"),
    "PUT warehousebatches": WriteSafety(
        Repeat.SAFE, "warehousebatchid", "a second close is refused, not applied"
    ),
    "PUT pricelistitems": WriteSafety(Repeat.SAFE, "sku", "upsert by sku"),
    "PUT orders": WriteSafety(
        Repeat.NEVER, "orderid", "orderitems without orderitemid are added again: re-read the order first"
    ),
    "PUT other": WriteSafety(Repeat.SAFE, "id", "partial update of one record"),
    "DELETE any": WriteSafety(Repeat.SAFE, "id", "a repeat answers 404 for a record already gone"),
}


def safety_of(method: str, resource: str) -> WriteSafety:
    """The declaration for ``method`` on ``resource`` (e.g. ``"POST", "orders"``)."""
    method = method.upper()
    if method == "DELETE":
        return WRITE_SAFETY["DELETE any"]
    found = WRITE_SAFETY.get(f"{method} {resource}")
    if found is not None:
        return found
    return WRITE_SAFETY["PUT other"] if method == "PUT" else WriteSafety(Repeat.NEVER)


def resource_of(path: str) -> str:
    """The resource a path writes to, its last segment that is not an id: ``orders`` for
    ``sites/1/orders/5.json``, ``productvariants`` for ``sites/1/products/5/productvariants.json``.
    """
    segments = (s.removesuffix(".json") for s in reversed(path.split("?", 1)[0].split("/")))
    return next((s for s in segments if s and not s.isdigit()), "")


def safe_to_repeat(method: str, path: str) -> bool:
    """May a write to ``path`` be sent again after its answer was lost? ``WRITE_SAFETY`` decides."""
    return safety_of(method, resource_of(path)).repeat is Repeat.SAFE


async def create_once(
    create: Callable[[], Awaitable[int]],
    find: Callable[[], Awaitable[int | None]],
    *,
    attempts: int = 3,
) -> tuple[int, bool]:
    """``(id, existed)``: look the record up, create it if absent, and after a lost answer look again.

    A retryable failure of the create is only followed by another create once the look-up has
    shown the first one did not land; after ``attempts`` creates the last error propagates.
    """
    existing = await find()
    if existing is not None:
        return existing, True
    for attempt in range(1, attempts + 1):
        try:
            return await create(), False
        except RetryableError:
            landed = await find()
            if landed is not None:
                return landed, False
            if attempt == attempts:
                raise
    msg = "attempts must be at least 1"
    raise ValueError(msg)
