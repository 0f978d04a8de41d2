"""What every mapping function is given besides its source record: a reference lookup and a context.

``Lookup`` resolves a reference (parent category, manufacturer, parent product) to the other
side's id through the bindings and raises ``MappingError`` when it is not bound yet, so the record
waits; the engine's ``Refs`` satisfies it. ``Context`` carries the seed's options and the facts
read from both remotes (VAT groups, tax classes) that a mapping needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, Protocol

from possync.errors import MappingError
from possync.settings.sitoo import SitooSettings
from possync.sitoo.models import ProductGroup

Side = Literal["woo", "pos"]
DEFAULT_VATID = 2
"""Sitoo's default product group: a product without ``vatid`` falls into it."""
DEFAULT_TAX_CLASSES: Mapping[str, Decimal] = {
    "": Decimal("25"),
    "reduced-rate": Decimal("12"),
    "super-reduced-rate": Decimal("6"),
    "zero-rate": Decimal("0"),
}
"""WooCommerce tax class slug (``""`` = standard) → VAT percent, Swedish rates by default."""


class UnmappableError(ValueError):
    """A record that can never be mapped as it is; the message tells the merchant what to change.

    A ``ValueError``, so the engine parks the record with this reason instead of retrying it.
    """


class Lookup(Protocol):
    """References from the source side's ids to the target side's, through the bindings."""

    def target(self, entity: str, source_id: str | int) -> str:
        """The target id of ``entity`` ``source_id``; ``MappingError`` when it is not bound yet."""
        ...

    def by_key(self, entity: str, natural_key: str) -> str:
        """The target id of the ``entity`` bound under ``natural_key``; ``MappingError`` when none."""
        ...

    def source_key(self, entity: str, target_or_source_id: str, side: Side) -> str | None:
        """The natural key of the ``entity`` with id ``target_or_source_id`` on ``side``."""
        ...


@dataclass(frozen=True)
class DictLookup:
    """A ``Lookup`` over plain dictionaries, for tests, previews and tools.

    ``ids[entity][source_id]`` is the target id, ``keys[entity][natural_key]`` the target id of a
    record bound by key, ``names[entity][id]`` the natural key of a record on either side.
    """

    ids: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    keys: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def target(self, entity: str, source_id: str | int) -> str:
        found = self.ids.get(entity, {}).get(str(source_id))
        if found is None:
            raise MappingError(f"{entity} {source_id} is not synced yet")
        return found

    def by_key(self, entity: str, natural_key: str) -> str:
        found = self.keys.get(entity, {}).get(natural_key)
        if found is None:
            raise MappingError(f"{entity} {natural_key!r} is not synced yet")
        return found

    def source_key(self, entity: str, target_or_source_id: str, side: Side) -> str | None:
        return self.names.get(entity, {}).get(str(target_or_source_id))


@dataclass(frozen=True)
class VatTable:
    """Sitoo's product groups as VAT rates: rate by ``vatid`` and ``vatid`` by rate."""

    rates: Mapping[int, Decimal]

    @classmethod
    def from_groups(cls, groups: Iterable[ProductGroup]) -> VatTable:
        rates = {
            g.vatid: Decimal(str(g.value)) for g in groups if g.vatid is not None and g.value is not None
        }
        return cls(rates)

    def rate(self, vatid: int | None) -> Decimal:
        """The VAT percent of product group ``vatid`` (Sitoo's default group when ``None``)."""
        group = DEFAULT_VATID if vatid is None else vatid
        if group not in self.rates:
            raise UnmappableError(f"Sitoo product group {group} is unknown: fetch the product groups again")
        return self.rates[group]

    def vatid(self, rate: Decimal) -> int:
        """The product group with VAT ``rate`` (the default group first, then the lowest id)."""
        matching = sorted(v for v, r in self.rates.items() if r == rate)
        if not matching:
            raise UnmappableError(
                f"Sitoo has no product group with VAT {rate.normalize():f} %: add one in Sitoo"
            )
        return DEFAULT_VATID if DEFAULT_VATID in matching else matching[0]


@dataclass(frozen=True)
class Context:
    """The options and remote facts the catalogue mappings read; built once per run."""

    vat: VatTable = field(default_factory=lambda: VatTable({DEFAULT_VATID: Decimal("25")}))
    prices_including_vat: bool = True
    """The seed's "Send product prices including VAT to Sitoo" (Misc)."""
    woo_prices_include_tax: bool = True
    """The shop's own ``woocommerce_prices_include_tax`` setting."""
    tax_classes: Mapping[str, Decimal] = field(default_factory=lambda: dict(DEFAULT_TAX_CLASSES))
    manufacturer_attribute: str = "Manufacturer"
    """The shop's global product attribute whose terms are Sitoo's manufacturers."""
    purchase_price_meta: str = "_wc_cog_cost"
    """The shop's meta key holding the purchase price (WooCommerce core has no such field)."""
    default_category_slug: str = "uncategorized"
    """The shop's default category, which WooCommerce adds by itself and Sitoo never gets."""
    variant_images: bool = True
    """Whether a variant's own image syncs both ways (a Sitoo setting: §8.6 leaves it open)."""

    @classmethod
    def from_settings(
        cls, sitoo: SitooSettings, groups: Iterable[ProductGroup], *, woo_prices_include_tax: bool = True
    ) -> Context:
        """The context of one connection: its options, Sitoo's product groups and the shop's tax setting."""
        return cls(
            vat=VatTable.from_groups(groups),
            prices_including_vat=sitoo.misc.prices_including_vat,
            woo_prices_include_tax=woo_prices_include_tax,
            variant_images=sitoo.misc.variant_images,
        )

    def tax_class(self, rate: Decimal) -> str:
        """The shop's tax class for VAT ``rate`` (the standard class first)."""
        matching = sorted(name for name, r in self.tax_classes.items() if r == rate)
        if not matching:
            raise UnmappableError(f"the shop has no tax class with VAT {rate.normalize():f} %: add one")
        return matching[0]

    def class_rate(self, tax_class: str, tax_status: str = "taxable") -> Decimal:
        """The VAT percent of a shop tax class; 0 for a product that is not taxable."""
        if tax_status == "none":
            return Decimal(0)
        if tax_class not in self.tax_classes:
            raise UnmappableError(f"tax class {tax_class!r} has no known VAT rate: map it in the settings")
        return self.tax_classes[tax_class]


DEFAULTS = Context()
"""The context of a run with every option at its default (the mappings' default argument)."""
