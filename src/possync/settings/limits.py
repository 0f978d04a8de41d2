"""How hard possync may push one remote: the rate-limit headroom and the requests in flight.

The WooCommerce and Sitoo sections declare the same two options; these field factories keep their
bounds, defaults and wording in one place.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

DEFAULT_HEADROOM_PERCENT = 10
DEFAULT_CONCURRENT_REQUESTS = 4


def headroom_percent(shared_by: str) -> Any:
    """``rate_limit_headroom_percent``: the share of the rate limit left to other apps."""
    return Field(
        DEFAULT_HEADROOM_PERCENT,
        ge=0,
        le=90,
        description=f"Share of the API rate limit, in percent (0-90), possync leaves unused for other apps "
        f"using the same {shared_by}.",
    )


def concurrent_requests(remote: str) -> Any:
    """``max_concurrent_requests``: the bound on requests in flight at once."""
    return Field(
        DEFAULT_CONCURRENT_REQUESTS,
        ge=1,
        le=32,
        description=f"Requests possync keeps in flight at once to {remote} (1-32); more is faster until the "
        "server slows down.",
    )
