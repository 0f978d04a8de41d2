"""The store's tables: bindings, cursors, outbox operations, runs and run events.

Remote ids are strings; each table carries the ``connection`` it belongs to so several shops can
share one database. Constraint names follow a fixed convention so migrations stay stable.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from possync.store.types import UtcDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

OPERATION_STATUSES = ("pending", "in_flight", "done", "parked")
RUN_STATUSES = ("running", "finished", "failed", "interrupted")


class Base(DeclarativeBase):
    """Declarative base of every store table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class Binding(Base):
    """One synced thing: its natural key, its id on each side, and fingerprints of the last writes."""

    __tablename__ = "bindings"
    __table_args__ = (
        UniqueConstraint("connection", "entity", "woo_id"),
        UniqueConstraint("connection", "entity", "pos_id"),
        UniqueConstraint("connection", "entity", "natural_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    connection: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(50))
    natural_key: Mapped[str | None] = mapped_column(String(255))
    woo_id: Mapped[str | None] = mapped_column(String(64))
    pos_id: Mapped[str | None] = mapped_column(String(64))
    woo_fingerprint: Mapped[str | None] = mapped_column(String(64))
    pos_fingerprint: Mapped[str | None] = mapped_column(String(64))
    synced_at: Mapped[datetime | None]


class CursorRow(Base):
    """The stored bookmark of one incremental stream."""

    __tablename__ = "cursors"
    __table_args__ = (UniqueConstraint("connection", "stream"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    connection: Mapped[str] = mapped_column(String(100))
    stream: Mapped[str] = mapped_column(String(100))
    value: Mapped[str | None] = mapped_column(String(64))
    signpost: Mapped[str | None] = mapped_column(String(64))
    boundary_ids: Mapped[list[Any]] = mapped_column(default=list)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class OperationRow(Base):
    """One remote write, stored before it is sent and kept until it is done, parked or dropped."""

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint(_in("status", OPERATION_STATUSES), name="status"),
        Index(None, "connection", "status", "next_try_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    connection: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(String(255))
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    payload: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_try_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Run(Base):
    """One sync run: the operations asked for, when it ran, how it ended and what it counted."""

    __tablename__ = "runs"
    __table_args__ = (
        CheckConstraint(_in("status", RUN_STATUSES), name="status"),
        Index(None, "connection", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    connection: Mapped[str] = mapped_column(String(100))
    operations: Mapped[list[Any]] = mapped_column(default=list)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="running")
    counters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    events: Mapped[list[RunEvent]] = relationship(
        back_populates="run", cascade="all, delete-orphan", passive_deletes=True
    )


class RunEvent(Base):
    """What happened to one record during a run, with the reason when it was not synced."""

    __tablename__ = "run_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    entity: Mapped[str] = mapped_column(String(50))
    natural_key: Mapped[str | None] = mapped_column(String(255))
    woo_id: Mapped[str | None] = mapped_column(String(64))
    pos_id: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    run: Mapped[Run] = relationship(back_populates="events")
