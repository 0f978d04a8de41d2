"""How WooCommerce writes values on the wire: date pairs, money strings, WordPress slugs.

Records keep every date as a GMT string ``YYYY-MM-DDTHH:MM:SS``; the wire shows it twice,
in the site's local time and as ``_gmt``, both without offset, ``null`` when unset.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from possync_sandbox.woocommerce.errors import invalid_param

WP_DATE = "%Y-%m-%dT%H:%M:%S"


def gmt_string(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(WP_DATE)


def parse_gmt(value: str) -> datetime:
    return datetime.strptime(value, WP_DATE).replace(tzinfo=UTC)


@lru_cache(maxsize=65536)
def local_string(gmt: str | None, timezone: str) -> str | None:
    if gmt is None:
        return None
    return parse_gmt(gmt).astimezone(ZoneInfo(timezone)).strftime(WP_DATE)


def date_pair(record: dict[str, Any], field: str, timezone: str) -> dict[str, str | None]:
    """``{field: local, field_gmt: gmt}`` from the record's ``<field>_gmt`` value."""
    gmt = record.get(f"{field}_gmt")
    return {field: local_string(gmt, timezone), f"{field}_gmt": gmt}


def parse_input_date(value: Any, timezone: str, *, is_gmt: bool, param: str = "date") -> str:
    """An ISO-8601 input date as a GMT string; without offset it is local (or GMT when ``is_gmt``)."""
    if not isinstance(value, str):
        raise invalid_param(param, "Invalid date.", "rest_invalid_date")
    text = value.strip().replace(" ", "T")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise invalid_param(param, "Invalid date.", "rest_invalid_date") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC if is_gmt else ZoneInfo(timezone))
    return gmt_string(moment)


def shift(gmt: str, seconds: int) -> str:
    return gmt_string(parse_gmt(gmt) + timedelta(seconds=seconds))


def decimal(value: Any) -> Decimal:
    """A money or quantity value as a Decimal; empty or unparsable reads as 0."""
    try:
        return Decimal(str(value)) if value not in (None, "") else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def as_int(value: Any, default: int = 0) -> int:
    """PHP's ``(int)``/``absint`` leniency: a number or numeric string, else ``default``."""
    try:
        return int(decimal(value)) if value not in (None, "") else default
    except (ValueError, OverflowError):
        return default


def money(value: Any, dp: int = 2) -> str:
    """Money as WooCommerce writes computed amounts: a string with ``dp`` decimals."""
    return f"{decimal(value).quantize(Decimal(1).scaleb(-dp)):f}"


def price_string(value: Any) -> str:
    """A price as stored from input (``wc_format_decimal`` without rounding): ``"19.90"`` stays."""
    if value in (None, ""):
        return ""
    text = str(value).strip().replace(",", ".")
    try:
        Decimal(text)
    except InvalidOperation:
        return ""
    return text


_BLOCK = re.compile(
    r"^\s*<(p|div|ul|ol|li|h[1-6]|table|blockquote|pre|figure|section|hr|dl|form)\b", re.IGNORECASE
)


def autop(text: str) -> str:
    """WordPress ``wpautop`` for plain text: paragraphs in ``<p>``, single newlines as ``<br />``.

    Product descriptions read in the ``view`` context come back this way, so ``"Soft"`` written is
    ``"<p>Soft</p>\n"`` read; block-level HTML is left as it is.
    """
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return ""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    shaped = [
        block if _BLOCK.match(block) else f"<p>{block.replace(chr(10), '<br />' + chr(10))}</p>"
        for block in blocks
    ]
    return "\n".join(shaped) + "\n"


_TAG = re.compile(r"<[^>]*>")
_LONE_AMPERSAND = re.compile(r"&(?!#?\w+;)")


def term_name(text: str) -> str:
    """A term name as WordPress stores it (``sanitize_text_field`` then ``_wp_specialchars``).

    Tags are stripped, whitespace collapsed, and ``&``, ``<``, ``>`` become entities, so a category
    written as ``"Skor & stövlar"`` reads back as ``"Skor &amp; stövlar"``.
    """
    clean = " ".join(_TAG.sub("", text).split())
    return _LONE_AMPERSAND.sub("&amp;", clean).replace("<", "&lt;").replace(">", "&gt;")


_TAG_LIKE = re.compile(r"<[a-zA-Z/!][^>]*>")


def kses(text: str) -> str:
    """``wp_kses`` on product text: a stray ``&``, ``<`` or ``>`` becomes an entity, tags stay.

    So a product named ``"Salt & Pepper"`` reads back as ``"Salt &amp; Pepper"``.
    """
    parts, position = [], 0
    for tag in _TAG_LIKE.finditer(text):
        parts += [_escape_loose(text[position : tag.start()]), tag.group(0)]
        position = tag.end()
    return "".join([*parts, _escape_loose(text[position:])])


def _escape_loose(text: str) -> str:
    return _LONE_AMPERSAND.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def wc_clean(text: str) -> str:
    """``wc_clean`` / ``sanitize_text_field`` (SKUs): tags and %-octets removed, whitespace collapsed."""
    clean = " ".join(_TAG.sub("", text).split())
    without_octets = re.sub(r"%[a-fA-F0-9]{2}", "", clean)
    return " ".join(without_octets.split()) if without_octets != clean else clean


def slugify(text: str) -> str:
    """WordPress ``sanitize_title``: lower-case ASCII, dashes, accents removed."""
    text = re.sub(r"&.+?;", "", text)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_\s-]", "", folded.lower())
    return re.sub(r"[\s-]+", "-", slug).strip("-")


def unique_slug(base: str, taken: set[str]) -> str:
    """``base``, else ``base-2``, ``base-3`` ... as WordPress numbers clashing slugs."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
