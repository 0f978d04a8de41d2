"""Duplicates are impossible: lost answers after successful creates, 5xx and 429 at random.

For several seeds, a full sync down and a full sync up through faulty emulators leave exactly
one product or variation per SKU on each side, and every SKU of the source on the target.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from engine_helpers import mismatches, pos_skus, woo_skus
from sqlalchemy import Engine

from possync.http import RetryPolicy
from possync.sandbox import SandboxPair, sandbox_pair
from possync.settings import Operation
from possync.store import open_store, session_factory
from possync.sync.backoff import Backoff
from possync.sync.operations import FULL_SYNC, FULL_SYNC_UP
from possync.sync.runner import open_catalogue, run_logged
from possync_sandbox.catalogue import generate
from possync_sandbox.faults import FaultPlan

CATALOGUE = generate(5, 16, orders=0)
FAST = RetryPolicy(max_attempts=6, base_delay=0.005, max_delay=0.02)
QUICK = Backoff(base=timedelta(milliseconds=10), cap=timedelta(milliseconds=50), max_attempts=6)


def faulty(pair: SandboxPair, seed: int) -> None:
    plan = {"error_rate": 0.1, "rate_limit_rate": 0.05, "retry_after": 0, "lost_response_rate": 0.3}
    pair.woo.faults.configure(FaultPlan(seed=seed, **plan))
    pair.sitoo.faults.configure(FaultPlan(seed=seed + 100, **plan))


async def sync_through_faults(pair: SandboxPair, engine: Engine, operations: list[Operation]) -> int:
    """Run the operations through the faults; how many answers were lost after a write.

    Every kind of fault must have been served at least once, or the run proved nothing.
    """
    sessions = session_factory(engine)
    async with open_catalogue(pair.connection, sessions, retry=FAST, backoff=QUICK) as sync:
        for _ in range(2):  # a record parked after its last try is picked up by the next run
            await run_logged(sync, sessions, pair.connection, operations)
    served = pair.woo.faults.served + pair.sitoo.faults.served
    assert served["error"] > 0, served
    assert served["rate_limit"] > 0, served
    lost = served["lost_response"]
    pair.woo.faults.configure(FaultPlan())
    pair.sitoo.faults.configure(FaultPlan())
    return lost


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_full_sync_down_never_duplicates(store_engine: Engine, seed: int) -> None:
    with sandbox_pair(CATALOGUE, "pos") as pair:
        faulty(pair, seed)
        assert await sync_through_faults(pair, store_engine, list(FULL_SYNC)) > 0
        shop = woo_skus(pair)
        assert shop == pos_skus(pair)
        assert max(shop.values()) == 1
        assert await mismatches(pair, session_factory(store_engine), "pos") == []


async def undisturbed_up(folder: Path) -> Counter[str]:
    """The SKUs a sync up without faults leaves in Sitoo."""
    with sandbox_pair(CATALOGUE, "woo", name="calm") as pair:
        sessions = open_store(f"sqlite:///{folder / 'calm.db'}")
        async with open_catalogue(pair.connection, sessions) as sync:
            await run_logged(sync, sessions, pair.connection, list(FULL_SYNC_UP))
        return pos_skus(pair)


@pytest.mark.parametrize("seed", [4, 5])
async def test_full_sync_up_never_duplicates(store_engine: Engine, seed: int, tmp_path: Path) -> None:
    with sandbox_pair(CATALOGUE, "woo") as pair:
        faulty(pair, seed)
        assert await sync_through_faults(pair, store_engine, list(FULL_SYNC_UP)) > 0
        pos = pos_skus(pair)
        assert pos == await undisturbed_up(tmp_path), "every SKU an undisturbed sync sends is there, once"
        assert await mismatches(pair, session_factory(store_engine), "woo") == []
