"""``SpilledPages``: a list read from a remote, kept page by page in a temporary file, not in memory.

A full sync reads Sitoo's product list once per run and walks it several times (match, then
fetch; products, then variants). Holding every product in memory would make a sync's memory grow
with the catalogue; kept on disk, only the page being walked is in memory.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import AsyncIterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


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
