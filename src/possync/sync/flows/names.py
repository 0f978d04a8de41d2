"""Names both sides must agree on: SKUs (the seed's Fix SKU rule), image file names, plain text.

Sitoo accepts SKUs of ``0-9 a-z A-Z . _ - + /`` only and file names of ``a-z A-Z 0-9 _ - .``
only; these pure functions fold accents, turn spaces into dashes and drop what is left, and give
an empty SKU the merchant's prefix plus the record's id, exactly as the seed's tools state.
"""

from __future__ import annotations

import re
import unicodedata

SKU_ALLOWED = re.compile(r"^[0-9a-zA-Z._\-+/]+$")
SKU_REFUSED = re.compile(r"[^0-9a-zA-Z._\-+/]")
FILE_REFUSED = re.compile(r"[^a-zA-Z0-9_\-.]")
GTIN_ALLOWED = re.compile(r"^[0-9-]+$")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def fix_sku(sku: str, record_id: int | str, prefix: str) -> str:
    """The SKU Sitoo accepts: refused characters dropped (accents folded), prefix + id when empty."""
    cleaned = SKU_REFUSED.sub("", _ascii(sku.strip().replace(" ", "-")))
    return cleaned or SKU_REFUSED.sub("", _ascii(f"{prefix}{record_id}"))


def sku_problem(sku: str) -> str | None:
    """Why a SKU cannot go to Sitoo, in words a merchant can act on; ``None`` when it can."""
    if not sku:
        return "has no SKU: give it one, or run `possync fix-sku` (prefix + id)"
    if not SKU_ALLOWED.match(sku):
        allowed = "0-9 a-z A-Z . _ - + /"
        return f"SKU {sku!r} has characters Sitoo refuses (allowed: {allowed}): run `possync fix-sku`"
    return None


def fix_file_name(name: str) -> str:
    """The file name Sitoo accepts: accents folded, spaces to dashes, other refused characters dropped.

    The extension is kept apart so ``"Röd tröja.JPG"`` becomes ``"Rod-troja.JPG"``; a name left
    empty becomes ``"image"``.
    """
    stem, dot, extension = name.strip().rpartition(".")
    if not dot:
        stem, extension = extension, ""
    cleaned = FILE_REFUSED.sub("", _ascii(stem).replace(" ", "-")).strip(".") or "image"
    extension = FILE_REFUSED.sub("", _ascii(extension))
    return f"{cleaned}.{extension}" if extension else cleaned


def file_name_of(src: str, fallback: str = "image") -> str:
    """The fixed file name of an image URL: its last path part without query string."""
    base = src.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return fix_file_name(base or fallback)


def plain_text(value: str | None) -> str:
    """Text as the merchant typed it: WordPress stores ``&`` as ``&amp;``; outer blanks dropped."""
    return (value or "").replace("&amp;", "&").strip()


def barcode_to_woo(barcode: str | None) -> str:
    """A Sitoo barcode as the shop's GTIN field, which holds digits and dashes only (else left empty)."""
    text = (barcode or "").strip()
    return text if GTIN_ALLOWED.match(text) else ""
