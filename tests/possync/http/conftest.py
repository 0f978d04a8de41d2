"""Shared fixtures of the transport tests: a frozen clock and a sleeper that records and advances it."""

from __future__ import annotations

import pytest

from possync.http.testing import FrozenClock, RecordingSleeper


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def sleeper(clock: FrozenClock) -> RecordingSleeper:
    return RecordingSleeper(clock)
