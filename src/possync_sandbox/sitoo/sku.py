"""SKU rules: the allowed characters and uniqueness within a site.

The spec allows ``[A-Za-z0-9_+-/]`` [SPEC], read as letters, digits and ``_ + - /`` (the
pattern is a setting); a SKU is required and unique per site, variants included [SPEC].
A refused SKU gets a 400 (the duplicate's status is a setting, [OPEN]).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from possync_sandbox.sitoo.errors import SitooError, bad_request
from possync_sandbox.sitoo.settings import SitooSettings
from possync_sandbox.sitoo.store import SiteState
from possync_sandbox.sitoo.tables import product_by_sku


@lru_cache(maxsize=8)
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source)


def check_sku_text(settings: SitooSettings, sku: str) -> None:
    """400 unless ``sku`` is a well-formed SKU."""
    if not sku:
        raise bad_request("Missing required field sku")
    if not _pattern(settings.sku_pattern).fullmatch(sku):
        raise bad_request(f"Invalid sku {sku!r}: only A-Z, a-z, 0-9, _ + - / are allowed")
    if settings.sku_max_length is not None and len(sku) > settings.sku_max_length:
        raise bad_request(f"Invalid sku {sku!r}: longer than {settings.sku_max_length} characters")


def check_sku(settings: SitooSettings, site: SiteState, sku: str, ignore: Collection[int] = ()) -> None:
    """A well-formed SKU no other product of the site (outside ``ignore``) has."""
    check_sku_text(settings, sku)
    owner = product_by_sku(site, sku)
    if owner is not None and owner["productid"] not in ignore:
        raise SitooError(settings.duplicate_sku_status, f"Sku {sku!r} already exists")
