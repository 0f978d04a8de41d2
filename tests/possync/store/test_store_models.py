"""Store constraints: one binding per side's id, natural key and connection; unique idempotency keys;
run events go with their run; timestamps come back as aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from possync.store import Binding, OperationRow, Run, RunEvent

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _binding(**fields: Any) -> Binding:
    values = {"connection": "shop", "entity": "product", **fields}
    return Binding(**values)


@pytest.mark.parametrize("column", ["woo_id", "pos_id", "natural_key"])
def test_binding_is_unique_per_side_id(store_session: Session, column: str) -> None:
    store_session.add(_binding(**{column: "7"}))
    store_session.commit()
    store_session.add(_binding(**{column: "7"}))
    with pytest.raises(IntegrityError):
        store_session.commit()


@pytest.mark.parametrize("other", [{"entity": "category"}, {"connection": "other-shop"}])
def test_same_id_is_allowed_for_another_entity_or_connection(
    store_session: Session, other: dict[str, str]
) -> None:
    store_session.add_all([_binding(woo_id="7"), _binding(woo_id="7", **other)])
    store_session.commit()
    assert store_session.scalar(select(func.count()).select_from(Binding)) == 2


def test_bindings_without_ids_do_not_collide(store_session: Session) -> None:
    store_session.add_all([_binding(woo_id="1"), _binding(woo_id="2")])
    store_session.commit()
    assert (
        store_session.scalar(select(func.count()).select_from(Binding).where(Binding.pos_id.is_(None))) == 2
    )


def _operation(key: str) -> OperationRow:
    return OperationRow(
        connection="shop", entity="product", action="create", target="pos",
        idempotency_key=key, payload={"sku": "A"}, next_try_at=NOW,
    )  # fmt: skip


def test_outbox_idempotency_key_is_unique(store_session: Session) -> None:
    store_session.add(_operation("k1"))
    store_session.commit()
    store_session.add(_operation("k1"))
    with pytest.raises(IntegrityError):
        store_session.commit()


def test_outbox_status_is_checked(store_session: Session) -> None:
    operation = _operation("k2")
    operation.status = "lost"
    store_session.add(operation)
    with pytest.raises(IntegrityError):
        store_session.commit()


def test_run_events_are_deleted_with_their_run(store_session: Session) -> None:
    run = Run(connection="shop", operations=["match_all"], counters={})
    run.events.append(RunEvent(entity="product", outcome="parked", reason="no SKU"))
    store_session.add(run)
    store_session.commit()
    store_session.delete(run)
    store_session.commit()
    assert store_session.scalar(select(func.count()).select_from(RunEvent)) == 0


def test_timestamps_come_back_as_aware_utc(store_session: Session) -> None:
    stockholm = timezone(timedelta(hours=1))
    store_session.add(_binding(woo_id="1", synced_at=NOW.astimezone(stockholm)))
    store_session.commit()
    store_session.expire_all()
    synced_at = store_session.scalars(select(Binding.synced_at)).one()
    assert synced_at == NOW
    assert synced_at is not None
    assert synced_at.tzinfo is UTC


def test_naive_timestamps_are_refused(store_session: Session) -> None:
    store_session.add(_binding(woo_id="1", synced_at=datetime(2026, 1, 1)))
    with pytest.raises(StatementError, match="naive datetime"):
        store_session.commit()
