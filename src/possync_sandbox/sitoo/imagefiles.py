"""What an uploaded file is: its MIME type and, for PNG, GIF and JPEG images, its size in pixels.

Read from the file's first bytes, falling back to the name's extension; non-images get no
``width``/``height``.
"""

from __future__ import annotations

import mimetypes
import struct

_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _png(content: bytes) -> tuple[int, int] | None:
    if content[:8] == b"\x89PNG\r\n\x1a\n" and len(content) >= 24:
        width, height = struct.unpack(">II", content[16:24])
        return int(width), int(height)
    return None


def _gif(content: bytes) -> tuple[int, int] | None:
    if content[:6] in (b"GIF87a", b"GIF89a") and len(content) >= 10:
        width, height = struct.unpack("<HH", content[6:10])
        return int(width), int(height)
    return None


def _jpeg(content: bytes) -> tuple[int, int] | None:
    if content[:2] != b"\xff\xd8":
        return None
    at = 2
    while at + 9 < len(content):
        if content[at] != 0xFF:
            return None
        marker, length = content[at + 1], struct.unpack(">H", content[at + 2 : at + 4])[0]
        if marker in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", content[at + 5 : at + 9])
            return int(width), int(height)
        at += 2 + length
    return None


_SNIFFERS = (("image/png", _png), ("image/gif", _gif), ("image/jpeg", _jpeg))


def describe(name: str, content: bytes) -> dict[str, object]:
    """``mimetype`` and, for a recognised image, ``width`` and ``height``."""
    for mimetype, sniff in _SNIFFERS:
        size = sniff(content)
        if size is not None:
            return {"mimetype": mimetype, "width": size[0], "height": size[1]}
    guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return {"mimetype": guessed}
