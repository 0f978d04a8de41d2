"""``SharedReads``: whole-list reads made once per run and shared by the run's steps.

A full sync runs several steps over the same source (match, then fetch; products, then their
variants); inside ``run()`` each named list is read once and handed to every step, and a write to
that list forgets it so no step sees a stale copy. Outside a run every read goes to the remote.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any, TypeVar, cast

from possync.sync.memory import release_free_memory
from possync.sync.spill import SpilledMap

T = TypeVar("T")
FACT = "shared_reads"


class SharedReads:
    """The lists read during the current run, by name."""

    def __init__(self) -> None:
        self._lists: dict[str, Any] | None = None

    @classmethod
    def of(cls, facts: dict[str, Any]) -> SharedReads:
        """The shared reads of one connection (kept among its facts)."""
        found: SharedReads = facts.setdefault(FACT, cls())
        return found

    @contextmanager
    def run(self) -> Iterator[None]:
        """Share reads until the block ends (a nested run joins the outer one)."""
        if self._lists is not None:
            yield
            return
        self._lists = {}
        try:
            yield
        finally:
            # the run's lists (spilled files, pages) go now: give the memory they held back
            self._lists = None
            release_free_memory()

    async def get(self, name: str, read: Callable[[], Awaitable[T]]) -> T:
        """The list ``name``: read now, or as already read in this run."""
        if self._lists is None:
            return await read()
        if name not in self._lists:
            self._lists[name] = await read()
        return cast(T, self._lists[name])

    async def item(self, group: str, key: str, read: Callable[[], Awaitable[T]]) -> T:
        """One record's entry of the list ``group`` (a product's images): read now, or as already read
        in this run. Entries are kept on disk, one list a record would grow with the catalogue."""
        if self._lists is None:
            return await read()
        entries: SpilledMap[T] = self._spilled(f"items:{group}")
        found = entries.get_many([key])
        if key in found:
            return found[key]
        value = entries[key] = await read()
        return value

    def forget_item(self, group: str, key: str) -> None:
        """One record's entry of ``group`` changed: the next step reads it again."""
        if self._lists is not None and f"items:{group}" in self._lists:
            self._lists[f"items:{group}"].pop(key, None)

    def absent(self, name: str, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` were looked up on the target ``name`` during this run and not found."""
        if self._lists is None:
            return set()
        return set(self._spilled(f"absent:{name}").get_many(keys))

    def note_absent(self, name: str, keys: Iterable[str]) -> None:
        """``keys`` were looked up on ``name`` and not found. Kept on disk for the run: a sync into an
        empty shop finds none of its records."""
        if self._lists is not None:
            self._spilled(f"absent:{name}").update_many((key, True) for key in keys)

    def claimed(self, name: str) -> MutableMapping[str, str]:
        """Who took on each thing named ``name`` during this run (empty and forgotten outside a run);
        kept on disk, as a run may claim something for every record."""
        if self._lists is None:
            return {}
        found: SpilledMap[str] = self._spilled(f"claimed:{name}")
        return found

    def release_claims(self) -> None:
        """The writes that made this run's claims are done (sent, or parked): whatever they did not
        bind can be taken on again, so records waiting behind a write that failed do not wait forever."""
        if self._lists is not None:
            for name in [name for name in self._lists if name.startswith("claimed:")]:
                del self._lists[name]

    def _spilled(self, name: str) -> Any:
        """The run's map ``name``, kept in a temporary file (made on first use)."""
        assert self._lists is not None
        if name not in self._lists:
            self._lists[name] = SpilledMap()
        return self._lists[name]

    def forget(self, name: str) -> None:
        """The list ``name`` changed: the next step reads it again."""
        if self._lists is not None:
            self._lists.pop(name, None)
