"""The common life of a catalogue resource: create, read, list, update (merge), delete.

A ``Resource`` names its table, id sequence, writable fields with their coercers, defaults,
required fields and hooks (validation, computed view, list filters, delete cascade). It
builds the routes of a single-object or a batch endpoint pair from that description;
``object_routes`` builds the same pair for a resource whose writes are its own functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from possync_sandbox.sitoo.context import ApiRoute, Ctx, Handler, Method
from possync_sandbox.sitoo.errors import bad_request
from possync_sandbox.sitoo.listing import envelope, render_one
from possync_sandbox.sitoo.store import Record, Table, TableSpec
from possync_sandbox.sitoo.wire import Coercer, coerce_fields, integer
from possync_sandbox.sitoo.writing import ItemOp, single, single_or_batch

Validate = Callable[[Ctx, Record, Record | None], None]
"""Check (and complete) a record about to be stored; the old record on update, else None."""
View = Callable[[Ctx, Record], Record]
Filter = Callable[[Ctx, list[Record]], list[Record]]
Cascade = Callable[[Ctx, Record], None]


def _same(ctx: Ctx, record: Record) -> Record:
    return record


def _all(ctx: Ctx, records: list[Record]) -> list[Record]:
    return records


@dataclass(frozen=True)
class Resource:
    """One catalogue resource and how it is written and read."""

    table: TableSpec
    writable: Mapping[str, Coercer]
    defaults: Callable[[], Record]
    required: Sequence[str] = ()
    timestamps: bool = False
    validate: Validate | None = None
    view: View = _same
    filters: Filter = _all
    on_delete: Cascade | None = None
    default_fields: Sequence[str] | None = None
    sequence: str = field(default="")

    @property
    def key(self) -> str:
        return self.table.key

    def rows(self, ctx: Ctx) -> Table:
        return ctx.site.table(self.table)

    def create(self, ctx: Ctx, body: dict[str, Any]) -> int:
        record = {**self.defaults(), **coerce_fields(body, self.writable)}
        for name in self.required:
            if record.get(name) in (None, ""):
                raise bad_request(f"Missing required field {name}")
        if self.validate is not None:
            self.validate(ctx, record, None)
        record = {self.key: ctx.store.next_id(self.sequence or self.table.name), **record}
        if self.timestamps:
            record["datecreated"] = record["datemodified"] = ctx.now()
        self.rows(ctx).put(record)
        return int(record[self.key])

    def update(self, ctx: Ctx, key: int, body: dict[str, Any]) -> Record:
        old = self.rows(ctx).require(key)
        record = {**old, **coerce_fields(body, self.writable)}
        for name in self.required:
            if record.get(name) in (None, ""):
                raise bad_request(f"Missing required field {name}")
        if self.validate is not None:
            self.validate(ctx, record, old)
        if self.timestamps:
            record["datemodified"] = ctx.now()
        return self.rows(ctx).put(record)

    def delete(self, ctx: Ctx, key: int) -> None:
        record = self.rows(ctx).require(key)
        if self.on_delete is not None:
            self.on_delete(ctx, record)
        self.rows(ctx).discard(key)

    # --- handlers -------------------------------------------------------------------------
    def list_handler(self, ctx: Ctx) -> Any:
        records = self.filters(ctx, self.rows(ctx).values())
        return envelope(ctx, records, default_fields=self.default_fields, view=lambda r: self.view(ctx, r))

    def get_handler(self, ctx: Ctx) -> Any:
        return render_one(ctx, self.view(ctx, self.rows(ctx).require(ctx.path_int(self.key))))

    def create_handler(self, ctx: Ctx) -> Any:
        return self.create(ctx, ctx.object_body())

    def put_handler(self, ctx: Ctx) -> Any:
        self.update(ctx, ctx.path_int(self.key), ctx.object_body())
        return True

    def delete_handler(self, ctx: Ctx) -> Any:
        self.delete(ctx, ctx.path_int(self.key))
        return True

    def keyed(self, item: dict[str, Any]) -> int:
        if item.get(self.key) in (None, ""):
            raise bad_request(f"Missing required field {self.key}")
        return integer(item[self.key], self.key)

    def batch_update(self, ctx: Ctx, item: dict[str, Any]) -> Any:
        self.update(ctx, self.keyed(item), item)
        return True

    def batch_delete(self, ctx: Ctx, item: dict[str, Any]) -> Any:
        self.delete(ctx, self.keyed(item))
        return True

    def routes(self, path: str, *, batch: bool = False) -> list[ApiRoute]:
        """``<path>`` (list, create) and ``<path>/{key}`` (get, update, delete)."""
        collection: dict[Method, Handler] = {"GET": self.list_handler, "POST": self.create_handler}
        if batch:
            collection["POST"] = lambda ctx: single_or_batch(ctx, self.create)
            collection["PUT"] = lambda ctx: single_or_batch(ctx, self.batch_update)
            collection["DELETE"] = lambda ctx: single_or_batch(ctx, self.batch_delete)
        one: dict[Method, Handler] = {
            "GET": self.get_handler,
            "PUT": self.put_handler,
            "DELETE": self.delete_handler,
        }
        return [ApiRoute(path, collection), ApiRoute(f"{path}/{{{self.key}:int}}", one)]


def object_routes(
    path: str,
    table: TableSpec,
    *,
    create: ItemOp,
    update: ItemOp,
    delete: Handler,
    default_fields: Sequence[str] | None = None,
) -> list[ApiRoute]:
    """``<path>`` (list, create) and ``<path>/{key}`` (get, update, delete) of ``table``'s records.

    Creates and updates take a single object; ``delete`` handles the whole request.
    """
    collection: dict[Method, Handler] = {
        "GET": lambda ctx: envelope(ctx, ctx.site.table(table), default_fields=default_fields),
        "POST": lambda ctx: single(ctx, create),
    }
    one: dict[Method, Handler] = {
        "GET": lambda ctx: render_one(ctx, ctx.site.table(table).require(ctx.path_int(table.key))),
        "PUT": lambda ctx: single(ctx, update),
        "DELETE": delete,
    }
    return [ApiRoute(path, collection), ApiRoute(f"{path}/{{{table.key}:int}}", one)]
