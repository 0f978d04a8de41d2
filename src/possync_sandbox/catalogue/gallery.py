"""The product pictures of the demo catalogue and the policy that keeps big catalogues lean.

``own`` gives every product (and every colour of a variable product) its own PNG; ``shared``
hands out pictures from a fixed pool of ``SHARED_POOL`` PNGs, so a 50 000-product catalogue still
has images without holding 100 000 of them; ``none`` gives no pictures at all. Some file names
carry spaces or non-ASCII letters, as merchants' uploads do.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from possync_sandbox.catalogue.model import Image
from possync_sandbox.catalogue.png import SIDE, swatch_png

ImageMode = Literal["own", "shared", "none"]
OWN_IMAGES_UP_TO = 1000
"""With ``images=None`` catalogues up to this many products get their own pictures."""
SHARED_POOL = 48
AWKWARD_FILENAME_EVERY = 5
"""Every fifth picture is named after its product (spaces, å ä ö) instead of its SKU."""

COLOUR_RGB: dict[str, tuple[int, int, int]] = {
    "Svart": (20, 20, 24),
    "Vit": (245, 245, 240),
    "Marinblå": (20, 40, 90),
    "Grå": (128, 128, 128),
    "Röd": (190, 30, 40),
    "Grön": (40, 120, 60),
    "Beige": (220, 200, 160),
    "Senapsgul": (215, 170, 40),
}


def image_mode(images: bool | None, products: int) -> ImageMode:
    """The policy for ``generate(images=...)``: True own, False none, None by catalogue size."""
    if images is None:
        return "own" if products <= OWN_IMAGES_UP_TO else "shared"
    return "own" if images else "none"


def label_colour(label: str) -> tuple[int, int, int]:
    """A stable colour for a colour name, or one derived from any other label."""
    if label in COLOUR_RGB:
        return COLOUR_RGB[label]
    digest = hashlib.blake2s(label.encode(), digest_size=3).digest()
    return digest[0], digest[1], digest[2]


class Gallery:
    """Makes and hands out the catalogue's pictures according to its ``ImageMode``."""

    def __init__(self, mode: ImageMode, seed: int) -> None:
        self.mode = mode
        self.seed = seed
        self.images: list[Image] = []
        if mode == "shared":
            for number in range(SHARED_POOL):
                self._make(f"demo-{number + 1:02d}", f"Demobild {number + 1}", (number * 53 % 256, 90, 140))

    def pictures(self, stem: str, alt: str, labels: tuple[str, ...]) -> tuple[str, ...]:
        """Keys of one picture per label for a product whose files are named after ``stem``."""
        if self.mode == "none":
            return ()
        if self.mode == "shared":
            return tuple(self._shared(f"{stem}/{label}") for label in labels)
        keys = []
        for position, label in enumerate(labels, start=1):
            keys.append(self._make(f"{stem}-{position}", f"{alt} {label}".strip(), label_colour(label)))
        return tuple(keys)

    def _shared(self, wanted: str) -> str:
        digest = hashlib.blake2s(wanted.encode(), digest_size=4).digest()
        return self.images[int.from_bytes(digest, "big") % SHARED_POOL].key

    def _make(self, stem: str, alt: str, colour: tuple[int, int, int]) -> str:
        number = len(self.images) + 1
        key = f"image-{number}"
        awkward_name = number % AWKWARD_FILENAME_EVERY == 0
        filename = f"{alt} {number}.png" if awkward_name else f"{stem.lower()}.png"
        content = swatch_png(self.seed % 2**24 * 2**24 + number, colour)
        self.images.append(Image(key, filename, content, alt=alt, width=SIDE, height=SIDE))
        return key
