"""The ordinary assortment of the demo shop: categories, brands and products of every kind.

``Assortment`` turns the vocabulary into records with running SKUs and barcodes: simple products,
variable ones with 2-6 variations on size and colour, grouped gift sets and external products.
All choices come from the one seeded ``random.Random`` it is given.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from possync_sandbox.catalogue.codes import ean13
from possync_sandbox.catalogue.gallery import Gallery
from possync_sandbox.catalogue.model import Category, Manufacturer, Product, Variation
from possync_sandbox.catalogue.pricing import purchase_price, sale_price, shelf_price
from possync_sandbox.catalogue.variations import variation_attributes
from possync_sandbox.catalogue.vocabulary import (
    ADJECTIVES,
    COLOUR_ATTRIBUTE,
    DEPARTMENTS,
    MODEL_NAMES,
    Department,
    Leaf,
)

STOCK_TURN, UNMANAGED_TURN, SOLD_OUT_TURN = 10, 3, 7
"""Of every ten simple products, the third does not manage stock and the seventh is sold out."""
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "&": "-", " ": "-"})


def slug(text: str) -> str:
    """A lower-case ASCII slug of a Swedish name (``Mössor & vantar`` -> ``mossor-vantar``)."""
    parts = text.lower().translate(_FOLD).split("-")
    return "-".join(part for part in parts if part)


@dataclass(frozen=True)
class Shelf:
    """A leaf category with its department: where a product goes and how it is priced."""

    key: str
    department: Department
    leaf: Leaf


def build_categories() -> tuple[list[Category], list[Shelf]]:
    """The three-level category tree and the shelves (leaves) products are put on."""
    categories: list[Category] = []
    shelves: list[Shelf] = []
    for department in DEPARTMENTS:
        categories.append(
            Category(department.slug, department.sv, None, f"<p>{department.en}</p>", department.en)
        )
        for section in department.sections:
            section_key = f"{department.slug}-{section.slug}"
            categories.append(Category(section_key, section.sv, department.slug, "", section.en))
            for leaf in section.leaves:
                leaf_key = f"{section_key}-{leaf.slug}"
                categories.append(Category(leaf_key, leaf.sv, section_key, "", leaf.en))
                shelves.append(Shelf(leaf_key, department, leaf))
    return categories, shelves


def build_manufacturers() -> list[Manufacturer]:
    names = dict.fromkeys(brand for department in DEPARTMENTS for brand in department.brands)
    return [Manufacturer(slug(name), name) for name in names]


class Assortment:
    """Makes products one at a time, keeping SKUs, barcodes and names unique."""

    def __init__(self, rng: random.Random, gallery: Gallery, first_number: int = 10001) -> None:
        self.rng = rng
        self.gallery = gallery
        self.categories, self.shelves = build_categories()
        self.manufacturers = build_manufacturers()
        self.variable_shelves = [shelf for shelf in self.shelves if shelf.leaf.axes]
        self._shelf_by_key = {shelf.key: shelf for shelf in self.shelves}
        self._number = first_number - 1
        self._barcodes = rng.randrange(10**6, 10**8)
        self._names: set[str] = set()
        self._simple_made = 0

    def next_sku(self, department: Department) -> str:
        self._number += 1
        return f"{department.code}-{self._number}"

    def _barcode(self, share: float = 0.9) -> str | None:
        if self.rng.random() >= share:
            return None
        self._barcodes += 1
        return ean13(self._barcodes)

    def _name(self, leaf: Leaf) -> str:
        noun = self.rng.choice(leaf.nouns)
        model = self.rng.choice(MODEL_NAMES)
        name = f"{noun} {model}"
        if name in self._names:
            name = f"{self.rng.choice(ADJECTIVES)} {noun.lower()} {model}"
        return self._unique(name)

    def _unique(self, name: str) -> str:
        """``name``, or ``name`` with a number when another product already has it."""
        unique = name
        while unique in self._names:
            unique = f"{name} {self.rng.randint(2, 999)}"
        self._names.add(unique)
        return unique

    def _base(self, key: str, shelf: Shelf) -> Product:
        department = shelf.department
        name = self._name(shelf.leaf)
        brand = self.rng.choice(department.brands)
        price = shelf_price(self.rng, shelf.leaf.prices)
        leaf = shelf.leaf
        return Product(
            key=key,
            sku=self.next_sku(department),
            name=name,
            description=f"<p>{name} – {leaf.sv.lower()} från {brand}.</p><p>{leaf.en}, {brand}.</p>",
            short_description=f"{self.rng.choice(ADJECTIVES)} {leaf.sv.lower()} från {brand}",
            categories=(shelf.key,),
            manufacturer=slug(brand) if self.rng.random() < 0.92 else None,
            vat_rate=department.vat,
            price=price,
            sale_price=sale_price(self.rng, price) if self.rng.random() < 0.2 else None,
        )

    def simple(self, key: str, shelf: Shelf | None = None) -> Product:
        shelf = shelf or self.rng.choice(self.shelves)
        base = self._base(key, shelf)
        self._simple_made += 1
        turn = self._simple_made % STOCK_TURN
        stock = None if turn == UNMANAGED_TURN else 0 if turn == SOLD_OUT_TURN else self.rng.randint(1, 120)
        return replace(
            base,
            purchase_price=purchase_price(self.rng, base.price, base.vat_rate),
            stock=stock,
            barcode=self._barcode(),
            images=self.gallery.pictures(base.sku, base.name, ("",) * self.rng.randint(1, 2)),
            active=self.rng.random() >= 0.04,
        )

    def variable(self, key: str) -> Product:
        base = self._base(key, self.rng.choice(self.variable_shelves))
        combos = variation_attributes(self.rng, self.shelf_of(base).leaf.axes)
        colours = tuple(dict.fromkeys(combo.get(COLOUR_ATTRIBUTE, "") for combo in combos))
        pictures = self.gallery.pictures(base.sku, base.name, colours)
        by_colour = dict(zip(colours, pictures, strict=False))
        variations = tuple(
            self._variation(
                base, f"{base.sku}-{position}", combo, by_colour.get(combo.get(COLOUR_ATTRIBUTE, ""))
            )
            for position, combo in enumerate(combos, start=1)
        )
        return replace(base, kind="variable", stock=None, images=pictures, variations=variations)

    def _variation(self, parent: Product, sku: str, combo: dict[str, str], image: str | None) -> Variation:
        return Variation(
            sku=sku,
            attributes=combo,
            price=parent.price,
            sale_price=parent.sale_price,
            stock=0 if self.rng.random() < 0.15 else self.rng.randint(1, 40),
            barcode=self._barcode(),
            image=image,
            active=self.rng.random() >= 0.05,
            purchase_price=purchase_price(self.rng, parent.price, parent.vat_rate),
        )

    def grouped(self, key: str, children: list[Product]) -> Product:
        shelf = self.shelf_of(children[0])
        name = self._unique(f"Presentset {self.rng.choice(MODEL_NAMES)} ({len(children)} delar)")
        return Product(
            key=key,
            sku=self.next_sku(shelf.department),
            name=name,
            kind="grouped",
            description=f"<p>{name}: " + ", ".join(child.name for child in children) + ".</p>",
            categories=(shelf.key,),
            vat_rate=shelf.department.vat,
            stock=None,
            grouped=tuple(child.key for child in children),
            images=self.gallery.pictures(f"{shelf.department.code}-set-{key}", name, ("",)),
        )

    def external(self, key: str) -> Product:
        base = self._base(key, self.rng.choice(self.shelves))
        return replace(
            base,
            kind="external",
            name=f"{base.name} (hos partner)",
            stock=None,
            external_url=f"https://partner.example.se/produkt/{base.sku.lower()}",
            images=self.gallery.pictures(base.sku, base.name, ("",)),
        )

    def shelf_of(self, product: Product) -> Shelf:
        return self._shelf_by_key[product.categories[0]]
