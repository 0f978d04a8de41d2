"""Date-range filters shared by the stock and order lists (``...from`` / ``...to`` query bounds).

Sitoo does not say whether the bounds are inclusive [OPEN §11.5]; the settings
``date_range_from_inclusive`` and ``date_range_to_inclusive`` decide, in this one place.
"""

from __future__ import annotations

from possync_sandbox.sitoo.context import Ctx


def in_range(ctx: Ctx, value: int | None, low_name: str, high_name: str) -> bool:
    """``value`` against the query's ``low_name``/``high_name`` bounds; no bounds lets all through."""
    low, high = ctx.query_int(low_name), ctx.query_int(high_name)
    if low is None and high is None:
        return True
    if value is None:
        return False
    settings = ctx.settings
    if low is not None and (value < low or (value == low and not settings.date_range_from_inclusive)):
        return False
    return not (
        high is not None and (value > high or (value == high and not settings.date_range_to_inclusive))
    )
