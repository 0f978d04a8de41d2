"""A run's shared reads: keys a target lacks are remembered for the run only, and claims on things
being sent end when the writes that made them are done."""

from __future__ import annotations

from possync.sync.reads import SharedReads


def test_keys_not_found_are_remembered_for_the_run_only() -> None:
    shared = SharedReads()
    with shared.run():
        shared.note_absent("variation>woo", ["SKU-1", "SKU-2"])
        assert shared.absent("variation>woo", ["SKU-1", "SKU-3", "SKU-2"]) == {"SKU-1", "SKU-2"}
        assert shared.absent("product>woo", ["SKU-1"]) == set()  # another target's look-ups
    with shared.run():
        assert shared.absent("variation>woo", ["SKU-1"]) == set()


def test_outside_a_run_nothing_is_remembered() -> None:
    shared = SharedReads()
    shared.note_absent("variation>woo", ["SKU-1"])
    assert shared.absent("variation>woo", ["SKU-1"]) == set()


def test_claims_end_when_released_and_other_lists_stay() -> None:
    shared = SharedReads()
    with shared.run():
        shared.claimed("media")["file.png@1"] = "101"
        shared.note_absent("product>woo", ["SKU-1"])
        shared.claimed("media").setdefault("file.png@1", "102")
        assert shared.claimed("media")["file.png@1"] == "101"
        shared.release_claims()
        assert shared.claimed("media").setdefault("file.png@1", "102") == "102"
        assert shared.absent("product>woo", ["SKU-1"]) == {"SKU-1"}
