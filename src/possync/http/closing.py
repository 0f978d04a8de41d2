"""``AsyncClosing``: the async context manager of every client that owns a connection pool.

A subclass says how to close itself in ``aclose``; ``async with`` then hands back the client and
closes it on the way out, whatever happened inside.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self


class AsyncClosing:
    """``async with client:`` yields the client and awaits ``client.aclose()`` at the end."""

    async def aclose(self) -> None:
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
