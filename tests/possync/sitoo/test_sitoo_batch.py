"""Per-element results of Sitoo array bodies, and the write-safety declaration."""

from __future__ import annotations

import pytest

from possync.errors import PayloadError, RequestInfo, RetryableError, SkippableError
from possync.sitoo.batch import chunks, item_results, refused
from possync.sitoo.idempotency import Repeat, create_once, resource_of, safe_to_repeat, safety_of

REQUEST = RequestInfo("POST", "http://sitoo.test/v2/accounts/1/sites/1/products.json", "sitoo")


def test_envelope_gives_one_result_per_element_in_order() -> None:
    sent = [{"sku": "A"}, {"sku": "A"}, {"sku": "C"}]
    answer = [
        {"statuscode": 200, "return": 28},
        {"statuscode": 400, "errortext": "SKU A already exists"},
        {"statuscode": 200, "return": 29},
    ]
    results = item_results(10, sent, answer, REQUEST)
    assert [r.index for r in results] == [10, 11, 12]
    assert [r.ok for r in results] == [True, False, True]
    assert [r.id for r in results] == [28, None, 29]
    error = results[1].error
    assert isinstance(error, SkippableError)
    assert error.message == "SKU A already exists"
    assert error.code == "400"
    assert "products.json" in str(error)


def test_bare_answers_are_accepted() -> None:
    (single,) = item_results(0, [{"sku": "A"}], 41, REQUEST)
    assert single.ok
    assert single.id == 41
    updates = item_results(0, [{"productid": 1}, {"productid": 2}], True, REQUEST)
    assert [r.value for r in updates] == [True, True]
    assert updates[0].id is None


def test_an_answer_that_does_not_match_what_was_sent_is_a_payload_error() -> None:
    with pytest.raises(PayloadError, match="1 results for 2 elements"):
        item_results(0, [{"sku": "A"}, {"sku": "B"}], [{"statuscode": 200, "return": 1}], REQUEST)
    with pytest.raises(PayloadError, match="a bare 7 for 2 elements"):
        item_results(0, [{"sku": "A"}, {"sku": "B"}], 7, REQUEST)


def test_a_chunk_failed_as_a_whole_marks_each_element() -> None:
    error = RetryableError("no answer", request=REQUEST, maybe_applied=True)
    results = refused(5, [{"sku": "A"}, {"sku": "B"}], error)
    assert [(r.index, r.status, r.error) for r in results] == [(5, 0, error), (6, 0, error)]


def test_chunks_keep_order_and_size() -> None:
    items = [{"n": n} for n in range(7)]
    assert [(offset, len(chunk)) for offset, chunk in chunks(items, 3)] == [(0, 3), (3, 3), (6, 1)]


def test_write_safety_declaration() -> None:
    assert safety_of("POST", "orders").repeat is Repeat.LOOK_UP_FIRST
    assert safety_of("POST", "orders").key == "externalid"
    assert safety_of("POST", "products").key == "sku"
    assert safety_of("PUT", "products").repeat is Repeat.SAFE
    assert safety_of("put", "categories").repeat is Repeat.SAFE
    assert safety_of("DELETE", "anything").repeat is Repeat.SAFE
    assert safety_of("PUT", "productvariants").repeat is Repeat.NEVER
    assert safety_of("PUT", "orders").repeat is Repeat.NEVER  # items without orderitemid are added again
    assert safety_of("POST", "reasoncodes").repeat is Repeat.NEVER


@pytest.mark.parametrize(
    ("method", "path", "safe"),
    [
        ("PUT", "sites/1/orders/5.json", False),
        ("PUT", "sites/1/products/5/productvariants.json", False),
        ("POST", "sites/1/orders.json", False),
        ("PUT", "sites/1/products/5.json", True),
        ("PUT", "sites/1/warehouses/2/warehouseitems.json", True),
        ("DELETE", "sites/1/orders/5.json?x=1", True),
    ],
)
def test_the_declaration_decides_what_the_transport_repeats(method: str, path: str, safe: bool) -> None:
    assert safe_to_repeat(method, path) is safe


def test_resource_of_a_path_is_its_last_segment_that_is_no_id() -> None:
    assert resource_of("sites/1/orders/5.json") == "orders"
    assert resource_of("sites/1/products/5/productvariants.json") == "productvariants"
    assert resource_of("sites.json") == "sites"


async def test_create_once_looks_up_before_creating_again() -> None:
    created: list[int] = []
    landed: list[int] = []

    async def create() -> int:
        created.append(1)
        landed.append(7)  # the write lands, the answer is lost
        raise RetryableError("no answer", request=REQUEST, maybe_applied=True)

    async def find() -> int | None:
        return landed[0] if landed else None

    assert await create_once(create, find) == (7, False)
    assert len(created) == 1


async def test_create_once_gives_up_after_the_attempts() -> None:
    calls: list[int] = []

    async def create() -> int:
        calls.append(1)
        raise RetryableError("no answer", request=REQUEST)

    async def find() -> int | None:
        return None

    with pytest.raises(RetryableError):
        await create_once(create, find, attempts=2)
    assert len(calls) == 2
