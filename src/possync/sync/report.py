"""What a sync did, per entity: created, updated, unchanged, matched, skipped and parked records.

A ``FlowReport`` is filled by the engine as records are decided and written; a ``Change`` is one
planned or made write with the fields it changes (old → new), which is what ``possync plan`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OUTCOMES = ("created", "updated", "unchanged", "matched", "skipped", "parked")


@dataclass(frozen=True)
class Change:
    """One write: ``create`` or ``update`` of the record with ``key``, and its changed fields."""

    action: str
    key: str
    fields: dict[str, tuple[Any, Any]]


@dataclass
class FlowReport:
    """The outcome of one flow (one entity, one direction)."""

    entity: str
    target: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    parked: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """Records an option left out, with the option's reason (scope skips carry none)."""
    changes: list[Change] = field(default_factory=list)

    def count(self, outcome: str, n: int = 1) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + n

    def park(self, key: str, reason: str) -> None:
        self.count("parked")
        self.parked.append((key, reason))

    def skip(self, key: str, reason: str) -> None:
        self.count("skipped")
        self.skipped.append((key, reason))

    @property
    def writes(self) -> int:
        return self.counts["created"] + self.counts["updated"]


def diff(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The fields of ``new`` that differ from ``old`` (every field when there is no ``old``)."""
    before = old or {}
    return {name: (before.get(name), value) for name, value in new.items() if before.get(name) != value}
