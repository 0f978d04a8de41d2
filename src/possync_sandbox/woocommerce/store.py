"""The emulated shop's in-memory state: WordPress posts, terms, sequences, a clock and events.

Products, variations, orders, refunds, coupons and media draw their ids from one shared
WordPress post-id sequence, as ``wp_posts`` does; categories, tags and attribute terms share
the term-id sequence. Resource modules announce changes with ``store.emit(topic, id)``
(``product.created``, ``product.updated``, ``product.deleted``, ``order.*``, ``coupon.*``; the
``*.restored`` topics come only from ``untrash.py``); the webhook module listens through
``store.subscribe``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from possync_sandbox.woocommerce.settings import WooSettings
from possync_sandbox.woocommerce.wire import gmt_string

Record = dict[str, Any]
Listener = Callable[[str, int], None]

COLLECTIONS = (
    "products",
    "variations",
    "categories",
    "tags",
    "attributes",
    "terms",
    "media",
    "coupons",
    "orders",
    "refunds",
    "notes",
    "webhooks",
    "deliveries",
)
"""Every id-keyed table; ``deliveries`` is a log of webhook deliveries keyed by sequence."""

POST_TABLES = ("products", "variations", "orders", "refunds", "coupons", "media")
FIRST_POST_ID = 10
"""A fresh WordPress + WooCommerce install already holds a few pages and posts."""
FIRST_TERM_ID = 15
UNCATEGORIZED_ID = FIRST_TERM_ID


class Clock:
    """The shop's clock: real time, optionally frozen or shifted by tests."""

    def __init__(self) -> None:
        self.offset = timedelta(0)
        self.frozen: datetime | None = None

    def now(self) -> datetime:
        return (self.frozen or datetime.now(UTC)) + self.offset

    def now_gmt(self) -> str:
        return gmt_string(self.now())

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)


class Store:
    """All records of one shop as plain JSON-ready dicts, keyed by id per table."""

    def __init__(self, settings: WooSettings) -> None:
        self.settings = settings
        self.clock = Clock()
        self._listeners: list[Listener] = []
        self.reset()

    def reset(self) -> None:
        self.tables: dict[str, dict[int, Record]] = {name: {} for name in COLLECTIONS}
        self.media_bytes: dict[int, bytes] = {}
        self.sequences: dict[str, int] = {"post": FIRST_POST_ID, "term": FIRST_TERM_ID}
        self.nonces: dict[str, dict[str, float]] = {}
        self.indexes: dict[str, Any] = {}
        """Caches modules keep to avoid full scans (never persisted); see ``sku.py``."""
        self.options: dict[str, Any] = {}
        """WordPress options set through ``/settings`` that no ``WooSettings`` field holds."""
        self.categories[self.new_id("term")] = self._uncategorized()

    def _uncategorized(self) -> Record:
        return {
            "id": UNCATEGORIZED_ID,
            "name": "Uncategorized",
            "slug": "uncategorized",
            "parent": 0,
            "description": "",
            "display": "default",
            "image": None,
            "menu_order": 0,
        }

    # Tables, named for readability.
    @property
    def products(self) -> dict[int, Record]:
        return self.tables["products"]

    @property
    def variations(self) -> dict[int, Record]:
        return self.tables["variations"]

    @property
    def categories(self) -> dict[int, Record]:
        return self.tables["categories"]

    @property
    def tags(self) -> dict[int, Record]:
        return self.tables["tags"]

    @property
    def attributes(self) -> dict[int, Record]:
        return self.tables["attributes"]

    @property
    def terms(self) -> dict[int, Record]:
        return self.tables["terms"]

    @property
    def media(self) -> dict[int, Record]:
        return self.tables["media"]

    @property
    def coupons(self) -> dict[int, Record]:
        return self.tables["coupons"]

    @property
    def orders(self) -> dict[int, Record]:
        return self.tables["orders"]

    @property
    def refunds(self) -> dict[int, Record]:
        return self.tables["refunds"]

    @property
    def notes(self) -> dict[int, Record]:
        return self.tables["notes"]

    @property
    def webhooks(self) -> dict[int, Record]:
        return self.tables["webhooks"]

    @property
    def deliveries(self) -> dict[int, Record]:
        return self.tables["deliveries"]

    def new_id(self, sequence: str) -> int:
        """Next id of a sequence: ``post`` (shared by every post type), ``term``, or any other name
        (``attribute``, ``order_item``, ``comment``, ``webhook``, ``delivery``, ``meta`` ...)."""
        value = self.sequences.get(sequence, 1)
        self.sequences[sequence] = value + 1
        return value

    def new_post_id(self) -> int:
        return self.new_id("post")

    def post(self, post_id: int) -> tuple[str, Record] | None:
        """The table and record of a post id, whatever its post type."""
        for table in POST_TABLES:
            record = self.tables[table].get(post_id)
            if record is not None:
                return table, record
        return None

    def now(self) -> str:
        return self.clock.now_gmt()

    # Caches over products and variations.
    def _signature(self) -> tuple[int, ...]:
        return (id(self.products), id(self.variations), self.sequences.get("post", 0))

    def cached(self, name: str, build: Callable[[], Any]) -> Any:
        """A derived index (SKUs, slugs, children ...), rebuilt when posts were added or tables replaced.

        A writer that keeps an index up to date itself calls ``keep_cached(name)`` right after its
        write so the next read does not rebuild.
        """
        entry = self.indexes.get(name)
        if entry is None or entry[0] != self._signature():
            entry = (self._signature(), build())
            self.indexes[name] = entry
        return entry[1]

    def keep_cached(self, name: str) -> None:
        """Mark an index current; only for a writer that read it (fresh) before its write and updated it."""
        entry = self.indexes.get(name)
        if entry is not None:
            self.indexes[name] = (self._signature(), entry[1])

    def variation_ids(self, parent_id: int) -> list[int]:
        """Ids of the variations of ``parent_id`` (any status), oldest first."""

        def build() -> dict[int, list[int]]:
            by_parent: dict[int, list[int]] = {}
            for variation in self.variations.values():
                by_parent.setdefault(variation.get("parent_id", 0), []).append(variation["id"])
            return by_parent

        index: dict[int, list[int]] = self.cached("children", build)
        ids = index.get(parent_id, [])
        return [i for i in ids if self.variations.get(i, {}).get("parent_id") == parent_id]

    def note_variation(self, variation: Record) -> None:
        """Keep the children index current after storing ``variation``; read the index before the write."""
        entry = self.indexes.get("children")
        if entry is not None:
            ids = entry[1].setdefault(variation["parent_id"], [])
            if variation["id"] not in ids:
                ids.append(variation["id"])
        self.keep_cached("children")

    def touch(self, record: Record) -> None:
        record["date_modified_gmt"] = self.now()

    # Events.
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, topic: str, resource_id: int) -> None:
        for listener in list(self._listeners):
            listener(topic, resource_id)

    # Persistence.
    def to_json(self) -> dict[str, Any]:
        return {
            "tables": {name: list(rows.values()) for name, rows in self.tables.items()},
            "media_bytes": {str(k): base64.b64encode(v).decode() for k, v in self.media_bytes.items()},
            "sequences": dict(self.sequences),
            "options": dict(self.options),
        }

    def load_json(self, data: dict[str, Any]) -> None:
        self.reset()
        for name in COLLECTIONS:
            self.tables[name] = {int(row["id"]): row for row in data.get("tables", {}).get(name, [])}
        self.media_bytes = {int(k): base64.b64decode(v) for k, v in data.get("media_bytes", {}).items()}
        self.sequences.update(data.get("sequences", {}))
        self.options.update(data.get("options", {}))
