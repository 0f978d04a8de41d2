"""How a variable product of the demo catalogue varies: 2-6 combinations of size and colour.

A shelf's axes say which scales apply; a product takes a run of neighbouring sizes, a few
colours, or (for four or six variations) two colours crossed with two or three sizes.
"""

from __future__ import annotations

import random

from possync_sandbox.catalogue.vocabulary import COLOUR_ATTRIBUTE, COLOURS, SIZE_ATTRIBUTE, SIZES

MIN_VARIATIONS = 2
MAX_VARIATIONS = 6


def _size_run(rng: random.Random, scale: tuple[str, ...], count: int) -> list[str]:
    start = rng.randint(0, len(scale) - count)
    return list(scale[start : start + count])


def variation_attributes(rng: random.Random, axes: tuple[str, ...]) -> list[dict[str, str]]:
    """The attribute values of each variation, e.g. ``[{"Färg": "Svart", "Storlek": "M"}, ...]``."""
    count = rng.randint(MIN_VARIATIONS, MAX_VARIATIONS)
    scale = next((SIZES[axis] for axis in axes if axis in SIZES), None)
    has_colour = "colour" in axes
    if scale is not None and has_colour and count in (4, 6) and rng.random() < 0.7:
        colours = rng.sample(COLOURS, 2)
        sizes = _size_run(rng, scale, count // 2)
        return [{COLOUR_ATTRIBUTE: colour, SIZE_ATTRIBUTE: size} for colour in colours for size in sizes]
    if scale is not None:
        return [{SIZE_ATTRIBUTE: size} for size in _size_run(rng, scale, count)]
    return [{COLOUR_ATTRIBUTE: colour} for colour in rng.sample(COLOURS, count)]
