"""``possync demo``: the main job on the built-in sandbox (being written)."""

from __future__ import annotations


def run_demo(seed: int, products: int) -> None:
    raise NotImplementedError
