"""The store: tables keyed and listed in key order, the unique-field index, sequences, the clock."""

from __future__ import annotations

from possync_sandbox.sitoo.store import Clock, SitooStore, Table, TableSpec

PRODUCTS = TableSpec("products", "productid")


def test_rows_are_listed_in_key_order() -> None:
    table = Table(PRODUCTS)
    for productid in (3, 1, 2):
        table.put({"productid": productid, "sku": f"S{productid}"})
    assert [row["productid"] for row in table.values()] == [1, 2, 3]


def test_lookup_follows_put_and_delete() -> None:
    table = Table(PRODUCTS)
    table.put({"productid": 1, "sku": "A"})
    assert table.lookup("sku", "A") == {"productid": 1, "sku": "A"}
    table.put({"productid": 1, "sku": "B"})
    assert table.lookup("sku", "A") is None
    assert table.lookup("sku", "B") is not None
    table.delete(1)
    assert table.lookup("sku", "B") is None


def test_lookup_notices_a_record_changed_behind_its_back() -> None:
    table = Table(PRODUCTS)
    record = table.put({"productid": 1, "sku": "A"})
    table.put({"productid": 2, "sku": "C"})
    assert table.lookup("sku", "A") is record
    record["sku"] = "C2"
    assert table.lookup("sku", "A") is None


def test_sequences_are_system_wide_and_skip_reserved_ids() -> None:
    store = SitooStore()
    store.reserve_id("productgroups", 2)
    assert store.next_id("productgroups") == 3
    assert [store.next_id("products"), store.next_id("products")] == [1, 2]


def test_frozen_clock_moves_only_when_told() -> None:
    clock = Clock(frozen=100)
    assert clock.now() == 100
    clock.advance(2.5)
    assert clock.time() == 102.5
    clock.unfreeze()
    assert clock.now() > 1_700_000_000


def test_dump_and_restore_keep_tables_and_sequences() -> None:
    store = SitooStore()
    account = store.add_account(1)
    store.next_id("products")
    account.table(PRODUCTS).put({"productid": 1, "sku": "A"})
    copy = SitooStore()
    copy.restore(store.dump())
    assert copy.account(1).table(PRODUCTS).lookup("sku", "A") == {"productid": 1, "sku": "A"}
    assert copy.next_id("products") == 2
