"""Article codes of the demo catalogue: EAN-13 barcodes with their check digit.

Barcodes use the Swedish GS1 prefix 73 followed by a running number, so every code in one
catalogue is distinct and valid; ``ean13_is_valid`` is the check a scanner would make.
"""

from __future__ import annotations

EAN_PREFIX = "73"


def ean13_check_digit(first12: str) -> str:
    """The check digit of the twelve digits ``first12`` (weights 1, 3, 1, 3, ... from the left)."""
    total = sum(int(digit) * (3 if position % 2 else 1) for position, digit in enumerate(first12))
    return str((10 - total % 10) % 10)


def ean13(number: int) -> str:
    """The ``number``-th barcode of the catalogue: prefix, ten digits, check digit."""
    first12 = f"{EAN_PREFIX}{number % 10**10:010d}"
    return first12 + ean13_check_digit(first12)


def ean13_is_valid(code: str) -> bool:
    """True when ``code`` is thirteen digits whose last one is the right check digit."""
    return len(code) == 13 and code.isdigit() and ean13_check_digit(code[:12]) == code[12]
