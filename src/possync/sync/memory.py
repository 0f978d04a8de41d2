"""Giving freed memory back to the system between pages of a long sync.

CPython returns its small-object arenas when they empty, but bigger blocks (answer bodies, lists
of a page's records, SQLite's page caches) come from the C allocator, and glibc keeps what is freed
in its heap for later. Over a sync of a large catalogue the kept memory grows with the number of
pages walked, not with what is in use. ``release_free_memory`` asks glibc to hand it back
(``malloc_trim``); on another C library it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from typing import Any


@cache
def _libc() -> Any:
    """glibc, if this process runs on it (``None`` elsewhere)."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def release_free_memory() -> bool:
    """Return the C heap's free memory to the system; whether the C library could."""
    libc = _libc()
    return bool(libc is not None and libc.malloc_trim(0) >= 0)
