"""Seeded generator of the demo catalogue (being written)."""

from __future__ import annotations

from possync_sandbox.catalogue.model import Catalogue


def generate(seed: int = 1, products: int = 60) -> Catalogue:
    raise NotImplementedError
