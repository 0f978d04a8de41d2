"""Tiny but valid PNG pictures for the demo catalogue, written with zlib and struct only.

Each picture is a small RGB swatch whose colour comes from the product and whose first pixel
row encodes the picture's number, so no two pictures of a catalogue share their bytes.
"""

from __future__ import annotations

import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SIDE = 16


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _scanlines(number: int, colour: tuple[int, int, int]) -> bytes:
    stamp = number.to_bytes(6, "big") + bytes(colour)
    first = b"\x00" + (stamp * (SIDE * 3 // len(stamp) + 1))[: SIDE * 3]
    red, green, blue = colour
    rows = [first]
    for y in range(1, SIDE):
        shade = bytes(((red + 4 * y) % 256, (green + 2 * y) % 256, (blue + 6 * y) % 256))
        rows.append(b"\x00" + shade * SIDE)
    return b"".join(rows)


def swatch_png(number: int, colour: tuple[int, int, int]) -> bytes:
    """A ``SIDE`` x ``SIDE`` RGB PNG of ``colour``, unique per ``number`` (0 to 2**48 - 1)."""
    header = struct.pack(">IIBBBBB", SIDE, SIDE, 8, 2, 0, 0, 0)
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(_scanlines(number, colour), 6))
        + _chunk(b"IEND", b"")
    )
