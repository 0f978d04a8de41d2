"""The emulator's state: accounts, their sites, one table of records per resource, id sequences.

Records are plain dicts already in wire form (see ``wire.py``); keys starting with ``_`` are
internal and never rendered. Ids come from system-wide sequences (Sitoo's ``productid`` and
``orderid`` are unique over all sites). The clock gives Unix seconds and can be frozen for tests.
The whole store dumps to JSON and back.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from possync_sandbox.sitoo.errors import SitooError, not_found

Record = dict[str, Any]
Listener = Callable[[str, Record], None]


class Clock:
    """Unix seconds; frozen at a given second for exact test payloads."""

    def __init__(self, frozen: float | None = None) -> None:
        self.frozen = frozen

    def time(self) -> float:
        return time.time() if self.frozen is None else self.frozen

    def now(self) -> int:
        return int(self.time())

    def freeze(self, at: float | None = None) -> None:
        self.frozen = self.time() if at is None else at

    def advance(self, seconds: float) -> None:
        self.freeze(self.time() + seconds)

    def unfreeze(self) -> None:
        self.frozen = None


@dataclass(frozen=True)
class TableSpec:
    """A resource's table: its name and the field holding each record's key."""

    name: str
    key: str
    what: str = "Item"


class Table:
    """Records of one resource in one site, by key, kept in ascending key order when listed.

    ``lookup(field, value)`` finds a record by another unique field (a product's ``sku``)
    through an index kept up to date by ``put`` and ``delete``: change such a field of a stored
    record only through ``put``.
    """

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.rows: dict[Any, Record] = {}
        self._indexes: dict[str, tuple[dict[Any, Any], dict[Any, Any]]] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.values())

    def get(self, key: Any) -> Record | None:
        return self.rows.get(key)

    def require(self, key: Any) -> Record:
        record = self.rows.get(key)
        if record is None:
            raise not_found(self.spec.what, key)
        return record

    def put(self, record: Record) -> Record:
        key = record[self.spec.key]
        self.rows[key] = record
        for name, (forward, reverse) in self._indexes.items():
            _unindex(forward, reverse, key)
            forward[record.get(name)] = key
            reverse[key] = record.get(name)
        return record

    def delete(self, key: Any) -> Record:
        record = self.require(key)
        self.discard(key)
        return record

    def discard(self, key: Any) -> None:
        """Remove the record with ``key`` if there is one."""
        self.rows.pop(key, None)
        for forward, reverse in self._indexes.values():
            _unindex(forward, reverse, key)

    def lookup(self, name: str, value: Any) -> Record | None:
        """The record whose unique field ``name`` holds ``value``."""
        if name not in self._indexes:
            self._indexes[name] = (
                {row.get(name): key for key, row in self.rows.items()},
                {key: row.get(name) for key, row in self.rows.items()},
            )
        key = self._indexes[name][0].get(value)
        record = None if key is None else self.rows.get(key)
        if record is not None and record.get(name) != value:  # changed behind put's back
            del self._indexes[name]
            return self.lookup(name, value)
        return record

    def values(self) -> list[Record]:
        try:
            keys = sorted(self.rows)
        except TypeError:  # mixed key types
            keys = sorted(self.rows, key=_sort_key)
        return [self.rows[key] for key in keys]

    def find(self, **match: Any) -> list[Record]:
        return [row for row in self.values() if all(row.get(k) == v for k, v in match.items())]


def _unindex(forward: dict[Any, Any], reverse: dict[Any, Any], key: Any) -> None:
    if key in reverse:
        value = reverse.pop(key)
        if forward.get(value) == key:
            del forward[value]


def _sort_key(key: Any) -> tuple[int, Any]:
    return (0, key) if isinstance(key, int) else (1, str(key))


class Tables:
    """A named set of tables (one per resource), created on first use."""

    def __init__(self) -> None:
        self.tables: dict[str, Table] = {}

    def table(self, spec: TableSpec) -> Table:
        table = self.tables.get(spec.name)
        if table is None:
            table = self.tables[spec.name] = Table(spec)
        return table

    def dump(self) -> dict[str, Any]:
        return {
            name: {"key": t.spec.key, "what": t.spec.what, "rows": t.values()}
            for name, t in self.tables.items()
        }

    def restore(self, data: dict[str, Any]) -> None:
        for name, dumped in data.items():
            table = self.table(TableSpec(name, dumped["key"], dumped.get("what", "Item")))
            for record in dumped["rows"]:
                table.put(record)


class SiteState(Tables):
    """One site (``eshopid``) of an account: its site record and its resource tables."""

    def __init__(self, eshopid: int, info: Record) -> None:
        super().__init__()
        self.eshopid = eshopid
        self.info = info


class AccountState(Tables):
    """One account: its sites, and the account-level tables (shipments, reason codes...)."""

    def __init__(self, accountid: int) -> None:
        super().__init__()
        self.accountid = accountid
        self.sites: dict[int, SiteState] = {}

    def site(self, eshopid: int) -> SiteState:
        site = self.sites.get(eshopid)
        if site is None:
            raise not_found("Site", eshopid)
        return site


class SitooStore:
    """All accounts, the id sequences, the clock, and listeners told about every change."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock or Clock()
        self.accounts: dict[int, AccountState] = {}
        self.sequences: dict[str, int] = {}
        self.listeners: list[Listener] = []

    def clear(self) -> None:
        self.accounts.clear()
        self.sequences.clear()

    def now(self) -> int:
        return self.clock.now()

    def next_id(self, sequence: str) -> int:
        self.sequences[sequence] = self.sequences.get(sequence, 0) + 1
        return self.sequences[sequence]

    def reserve_id(self, sequence: str, value: int) -> None:
        """Make sure the sequence never hands out ``value`` again (seeded fixed ids)."""
        self.sequences[sequence] = max(self.sequences.get(sequence, 0), value)

    def account(self, accountid: int) -> AccountState:
        account = self.accounts.get(accountid)
        if account is None:
            raise SitooError(401, "Unknown account")
        return account

    def add_account(self, accountid: int) -> AccountState:
        return self.accounts.setdefault(accountid, AccountState(accountid))

    def site(self, accountid: int, eshopid: int) -> SiteState:
        return self.account(accountid).site(eshopid)

    def subscribe(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def emit(self, kind: str, payload: Record) -> None:
        """Tell every listener (the events sender, for one) that ``kind`` happened."""
        for listener in list(self.listeners):
            listener(kind, payload)

    def dump(self) -> dict[str, Any]:
        return {
            "sequences": dict(self.sequences),
            "accounts": [
                {
                    "accountid": account.accountid,
                    "tables": account.dump(),
                    "sites": [
                        {"eshopid": site.eshopid, "info": site.info, "tables": site.dump()}
                        for site in account.sites.values()
                    ],
                }
                for account in self.accounts.values()
            ],
        }

    def restore(self, data: dict[str, Any]) -> None:
        self.clear()
        self.sequences.update(data.get("sequences", {}))
        for dumped in data.get("accounts", []):
            account = self.add_account(dumped["accountid"])
            account.restore(dumped.get("tables", {}))
            for site_data in dumped.get("sites", []):
                site = account.sites[site_data["eshopid"]] = SiteState(
                    site_data["eshopid"], site_data["info"]
                )
                site.restore(site_data.get("tables", {}))


def write_json(path: str | Path, data: Any) -> None:
    """Write ``data`` as JSON through a temporary file, so a crash never leaves half a file."""
    target = Path(path)
    temporary = target.with_suffix(target.suffix + ".tmp")
    temporary.write_text(json.dumps(data, separators=(",", ":")))
    temporary.replace(target)
