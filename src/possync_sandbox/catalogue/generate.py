"""Seeded generator of the demo catalogue: one seed, one shop, the same every time.

``generate`` decides how many products of each kind the shop has (about 30 % variable, a few
grouped and external, one product per awkward kind once the shop has 28 or more), builds them
from one ``random.Random(seed)``, spreads the awkward ones through the list after the products
they collide with, and adds coupons and past orders. Pictures follow ``images``: True gives every
product its own PNG, False none, None (the default) own PNGs up to 1000 products and a shared
pool of 48 beyond, which keeps 50 000 products fast and small.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from possync_sandbox.catalogue.assortment import Assortment, Shelf
from possync_sandbox.catalogue.awkward import bend
from possync_sandbox.catalogue.gallery import Gallery, image_mode
from possync_sandbox.catalogue.model import AWKWARD_KINDS, Catalogue, Product
from possync_sandbox.catalogue.sales import OrderBook, build_coupons, sellable

VARIABLE_SHARE = 0.3
MAX_ORDERS = 5000


@dataclass(frozen=True)
class Plan:
    """How many products of each kind a catalogue of a given size holds."""

    simple: int
    variable: int
    grouped: int
    external: int
    awkward: int

    @classmethod
    def for_size(cls, products: int) -> Plan:
        awkward = min(len(AWKWARD_KINDS), products // 4)
        grouped = max(1, products // 30) if products >= 10 else 0
        external = max(1, products // 40) if products >= 10 else 0
        variable = round(products * VARIABLE_SHARE)
        simple = products - awkward - grouped - external - variable
        return cls(simple, variable, grouped, external, awkward)


def default_orders(products: int) -> int:
    """One past order per five products, at least 8 and at most ``MAX_ORDERS``."""
    return 0 if products <= 0 else max(8, min(products // 5, MAX_ORDERS))


def generate(
    seed: int = 1, products: int = 60, *, images: bool | None = None, orders: int | None = None
) -> Catalogue:
    """The demo catalogue of ``products`` products for ``seed`` (see the module docstring)."""
    rng = random.Random(seed)
    gallery = Gallery(image_mode(images, products), seed)
    assortment = Assortment(rng, gallery)
    plan = Plan.for_size(max(products, 0))
    keys = (f"product-{number}" for number in range(1, products + 1))
    regular = _regular(rng, assortment, plan, keys)
    simple = [product for product in regular if product.kind == "simple"]
    extras = [assortment.grouped(next(keys), _children(rng, simple)) for _ in range(plan.grouped)]
    extras += [assortment.external(next(keys)) for _ in range(plan.external)]
    shop = _with_awkward(rng, assortment, regular, plan.awkward, keys) + extras
    book = OrderBook(rng, sellable(shop))
    return Catalogue(
        seed=seed,
        categories=assortment.categories,
        manufacturers=assortment.manufacturers,
        images=gallery.images,
        products=shop,
        coupons=build_coupons(rng, products),
        orders=book.orders(default_orders(products) if orders is None else orders),
    )


def _regular(rng: random.Random, assortment: Assortment, plan: Plan, keys: Iterator[str]) -> list[Product]:
    kinds = ["simple"] * plan.simple + ["variable"] * plan.variable
    rng.shuffle(kinds)
    made = []
    for kind in kinds:
        key = next(keys)
        made.append(assortment.variable(key) if kind == "variable" else assortment.simple(key))
    return made


def _children(rng: random.Random, simple: list[Product]) -> list[Product]:
    return rng.sample(simple, min(len(simple), rng.randint(2, 4)))


def _with_awkward(
    rng: random.Random, assortment: Assortment, regular: list[Product], count: int, keys: Iterator[str]
) -> list[Product]:
    """``regular`` with the first ``count`` awkward kinds spread through it, each after its partner."""
    shop = list(regular)
    candidates = [product for product in regular if product.kind == "simple"]
    for index, kind in enumerate(AWKWARD_KINDS[:count]):
        partner = candidates[index * len(candidates) // max(count, 1)]
        fresh = assortment.simple(next(keys), _other_shelf(rng, assortment, partner))
        after = max((index + 1) * len(regular) // (count + 1), shop.index(partner) + 1)
        shop.insert(after + index, bend(kind, fresh, partner))
    return shop


def _other_shelf(rng: random.Random, assortment: Assortment, partner: Product) -> Shelf:
    """A shelf other than the partner's, in the partner's department when it has one."""
    others = [shelf for shelf in assortment.shelves if shelf.key not in partner.categories]
    department = assortment.shelf_of(partner).department
    siblings = [shelf for shelf in others if shelf.department == department]
    return rng.choice(siblings or others)
