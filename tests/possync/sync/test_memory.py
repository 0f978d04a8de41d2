"""``release_free_memory`` hands the C heap's free memory back where the C library can."""

from __future__ import annotations

import platform

from possync.sync.memory import release_free_memory


def test_free_memory_is_released_on_glibc_and_skipped_elsewhere() -> None:
    on_glibc = platform.libc_ver()[0] == "glibc"
    assert release_free_memory() is on_glibc
