"""Flow declarations: what one entity's sync in one direction reads, maps and writes.

A ``Flow`` names its entity, its source and target sides, a reader of source records, a pure
mapper from a source record to the target's view, a writer for the target and the entities it
depends on. The engine runs every flow through the same skeleton; a new entity adds a declaration.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from possync.errors import MappingError
from possync.sync.binder import Binder

Side = Literal["woo", "pos"]
View = dict[str, Any]


def other(side: Side) -> Side:
    """The side that is not ``side``."""
    return "pos" if side == "woo" else "woo"


@dataclass(frozen=True)
class Record:
    """One source record as the engine sees it: its id, natural key and view of the synced fields.

    ``problem`` is set when the record can never be synced as it is (no SKU, a SKU the target
    refuses); ``meta`` carries facts used by filters (active flags, product type) but not synced.
    """

    id: str
    key: str
    view: View
    modified: datetime | None = None
    problem: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    raw: Any = None
    """The source record itself (a typed model of its side), for the mapping functions."""


@dataclass(frozen=True)
class WriteItem:
    """One write handed to a writer: the target view, the natural key and, for updates, the target id."""

    key: str
    view: View
    target_id: str | None = None
    source_id: str = ""


@dataclass(frozen=True)
class Related:
    """A record a write made on the way (a shop media sideloaded with its product), bound with it."""

    entity: str
    natural_key: str | None = None
    woo_id: str | None = None
    pos_id: str | None = None
    woo_fingerprint: str | None = None
    pos_fingerprint: str | None = None


@dataclass(frozen=True)
class WriteResult:
    """What one write did: the target id, or an error that is retryable or final.

    ``written`` is the view as the target now holds it when the target filled part of it in (the
    media ids of images sent by URL); the binding's fingerprint is taken from it. ``related`` are
    the records the write made on the way, bound together with it.
    """

    target_id: str | None = None
    error: str | None = None
    retryable: bool = False
    written: View | None = None
    related: tuple[Related, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None and self.target_id is not None


class Writer(Protocol):
    """The target side of a flow: batch creates and updates, and look-ups by natural key."""

    async def create(self, items: Sequence[WriteItem]) -> list[WriteResult]: ...

    async def update(self, items: Sequence[WriteItem]) -> list[WriteResult]: ...

    async def find(self, keys: Sequence[str]) -> dict[str, str]: ...


Reader = Callable[[datetime | None], AsyncIterator[list[Record]]]
"""Pages of source records modified at or after the given moment (``None``: all of them)."""
Completer = Callable[[list[Record]], Awaitable[list[Record]]]
"""The records of a page the engine will decide, with what their reader left out read now."""


async def as_read(records: list[Record]) -> list[Record]:
    """The records as the reader gave them (nothing left to read)."""
    return records


class Refs:
    """References from one side's ids to the other side's, through the bindings.

    A mapper asks ``target(entity, source_id)``; an unbound reference raises ``MappingError`` so the
    record waits until its dependency is written.
    """

    def __init__(self, binder: Binder, source: Side, facts: Mapping[str, Any] | None = None) -> None:
        self.binder = binder
        self.source = source
        self.facts: Mapping[str, Any] = facts or {}
        self._cache: dict[tuple[str, str], str] = {}

    def target(self, entity: str, source_id: str | int) -> str:
        """The id on the target side of the ``entity`` whose source id is ``source_id``."""
        cached = self._cache.get((entity, str(source_id)))
        if cached is not None:
            return cached
        side = {"woo": "woo_id", "pos": "pos_id"}
        binding = self.binder.lookup(entity, **{side[self.source]: str(source_id)})
        target_id = None if binding is None else getattr(binding, side[other(self.source)])
        if target_id is None:
            raise MappingError(f"{entity} {source_id} is not synced yet (see its own reason)")
        self._cache[(entity, str(source_id))] = target_id
        return str(target_id)

    def by_key(self, entity: str, natural_key: str) -> str:
        """The target id of the ``entity`` bound under ``natural_key`` (a manufacturer's name)."""
        binding = self.binder.lookup(entity, natural_key=natural_key)
        target_id = None if binding is None else getattr(binding, f"{other(self.source)}_id")
        if target_id is None:
            raise MappingError(f"{entity} {natural_key!r} is not synced yet")
        return str(target_id)

    def source_key(self, entity: str, target_or_source_id: str, side: Side) -> str | None:
        """The natural key of the ``entity`` with id ``target_or_source_id`` on ``side``."""
        binding = self.binder.lookup(entity, **{f"{side}_id": str(target_or_source_id)})
        return None if binding is None else binding.natural_key


class PlanRefs(Refs):
    """References for a dry run: a record not written yet is not waited for.

    Its id is given as ``-<source id>`` (ids are numbers on both sides): a negative id in a plan
    is a record the same plan creates.
    """

    def target(self, entity: str, source_id: str | int) -> str:
        try:
            return super().target(entity, source_id)
        except MappingError:
            return f"-{source_id}"

    def by_key(self, entity: str, natural_key: str) -> str:
        try:
            return super().by_key(entity, natural_key)
        except MappingError:
            return "-1"

    def source_key(self, entity: str, target_or_source_id: str, side: Side) -> str | None:
        found = super().source_key(entity, target_or_source_id, side)
        return found if found is not None else f"({entity} {target_or_source_id}, created by this plan)"


Mapper = Callable[[Record, Refs], View]


@dataclass(frozen=True)
class Flow:
    """One entity synced from ``source`` to its other side."""

    entity: str
    source: Side
    read: Reader
    map: Mapper
    writer: Writer
    read_target: Reader
    depends_on: tuple[str, ...] = ()
    skip: Callable[[Record], str | None] = lambda record: None
    """Why the seed's fetch and exclude options leave a source record out (``None``: it is synced)."""
    create_only: tuple[str, ...] = ()
    """View keys the target gets only when the record is created (a Sitoo variant's title): never
    sent by an update nor compared, so the target keeps its own value. Payloads leave them out."""
    indexed: bool = True
    """Whether a full run reads the whole target to match by natural key (else ``find`` per page)."""
    complete: Completer = as_read
    """Reads what an incremental reader leaves out (variant families, parents), only for the records
    the cursor did not skip, so a re-read overlap window costs no extra requests."""

    @property
    def target(self) -> Side:
        return other(self.source)

    @property
    def name(self) -> str:
        return f"{self.entity}>{self.target}"

    def compared(self, view: View) -> View:
        """What an update of the target writes of ``view``, and so what fingerprints and plans compare."""
        return {key: value for key, value in view.items() if key not in self.create_only}
