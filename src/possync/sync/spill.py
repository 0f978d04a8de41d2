"""Run-long data kept in temporary files, not in memory, so a sync's memory does not grow with the catalogue.

``SpilledPages``: a list read from a remote, kept page by page. A full sync reads Sitoo's product
list once per run and walks it several times (match, then fetch; products, then variants); only
the page being walked is in memory. ``SpilledMap``: values by key, for the lookups a run makes
record by record (the target index, families, image lists).
"""

from __future__ import annotations

import json
import pickle
import sqlite3
import tempfile
from collections.abc import AsyncIterable, Iterable, Iterator, MutableMapping
from typing import Any, Generic, TypeVar

T = TypeVar("T")
V = TypeVar("V")
CACHE_KIB = 256
"""Pages of a ``SpilledMap`` SQLite may keep in memory; the rest is read back from its file."""
CACHED_STATEMENTS = 8
"""Prepared statements a ``SpilledMap`` keeps: its few fixed queries, each prepared once."""


class SpilledPages(Generic[T]):
    """Pages appended once, then read back in order as often as needed."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed with this object
        self._offsets: list[int] = []

    @classmethod
    async def of(cls, pages: AsyncIterable[list[T]]) -> SpilledPages[T]:
        """Every page of ``pages``, spilled as it arrives."""
        spilled = cls()
        async for page in pages:
            spilled.append(page)
        return spilled

    def append(self, page: list[T]) -> None:
        self._offsets.append(self._file.seek(0, 2))
        pickle.dump(page, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[list[T]]:
        for offset in self._offsets:
            self._file.seek(offset)
            page: list[T] = pickle.load(self._file)  # noqa: S301 - our own file, written above
            yield page

    def __len__(self) -> int:
        return len(self._offsets)

    def __del__(self) -> None:
        self._file.close()


class SpilledMap(MutableMapping[str, V]):
    """Values by key in a temporary SQLite file: a run's lookups that would otherwise grow with the
    catalogue (an index of the target, families, image lists) cost disk, not memory.

    SQLite keeps ``CACHE_KIB`` of pages cached; the file is deleted when the map is closed.
    """

    def __init__(self) -> None:
        # "" is SQLite's private temporary on-disk database, removed when the connection closes
        self._db = sqlite3.connect("", check_same_thread=False, cached_statements=CACHED_STATEMENTS)
        self._db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self._db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")

    def __getitem__(self, key: str) -> V:
        row = self._db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        value: V = _loads(row[0])
        return value

    def __setitem__(self, key: str, value: V) -> None:
        self.update_many([(key, value)])

    def __delitem__(self, key: str) -> None:
        if self._db.execute("DELETE FROM entries WHERE key = ?", (key,)).rowcount == 0:
            raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        found = self._db.execute("SELECT 1 FROM entries WHERE key = ?", (key,)).fetchone()
        return found is not None

    def __iter__(self) -> Iterator[str]:
        return (key for (key,) in self._db.execute("SELECT key FROM entries ORDER BY rowid").fetchall())

    def __len__(self) -> int:
        count: int = self._db.execute("SELECT count(*) FROM entries").fetchone()[0]
        return count

    def update_many(self, items: Iterable[tuple[str, V]]) -> None:
        """Store many entries in one statement; a new value keeps its key's place, as in a dict."""
        rows = ((key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in items)
        upsert = "INSERT INTO entries VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        self._db.executemany(upsert, rows)

    def get_many(self, keys: Iterable[str]) -> dict[str, V]:
        """The entries of ``keys`` that are present, in one query.

        The keys go in as one JSON array, so every call runs the same prepared statement: a list of
        placeholders would prepare (and cache) a statement for each number of keys.
        """
        query = "SELECT key, value FROM entries WHERE key IN (SELECT value FROM json_each(?))"
        rows = self._db.execute(query, (json.dumps(list(keys)),))
        return {key: _loads(value) for key, value in rows}

    def close(self) -> None:
        self._db.close()

    def __del__(self) -> None:
        self._db.close()


def _loads(blob: bytes) -> Any:
    return pickle.loads(blob)  # noqa: S301 - our own file, written above
