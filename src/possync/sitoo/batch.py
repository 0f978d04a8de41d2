"""Sitoo array bodies: chunking, and one result per element sent.

A Sitoo batch endpoint answers an array with ``[{"statuscode": 200, "return": 28}, ...]`` in
request order (a failed element carries ``errortext``), and a single element possibly with the
bare result. ``item_results`` turns either shape into one ``ItemResult`` per element, so a bad
element is parked on its own while the others are bound.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from possync.errors import PayloadError, RemoteError, RequestInfo
from possync.http.classify import error_for

OK_STATUSES = range(200, 300)


@dataclass(frozen=True)
class ItemResult:
    """What happened to one element of an array body.

    ``value`` is Sitoo's ``return``: the new id of a create, ``True`` for an update, set or delete,
    the ``warehouseitemid`` for a stock set. ``existed`` marks a create that was not sent because
    the record was already there (found by its natural key after a lost answer).
    """

    index: int
    sent: dict[str, Any]
    status: int
    value: Any = None
    error: RemoteError | None = None
    existed: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and self.status in OK_STATUSES

    @property
    def id(self) -> int | None:
        """The id Sitoo returned, when it returned one."""
        value = self.value
        return value if isinstance(value, int) and not isinstance(value, bool) else None


def chunks(items: Sequence[dict[str, Any]], size: int) -> Iterator[tuple[int, Sequence[dict[str, Any]]]]:
    """``(offset, chunk)`` pairs of at most ``size`` elements, in order."""
    for start in range(0, len(items), size):
        yield start, items[start : start + size]


def _element(offset: int, sent: dict[str, Any], answer: Any, request: RequestInfo) -> ItemResult:
    if not isinstance(answer, dict) or "statuscode" not in answer:
        return ItemResult(offset, sent, 200, answer)
    status = int(answer["statuscode"])
    if status in OK_STATUSES:
        return ItemResult(offset, sent, status, answer.get("return"))
    message = str(answer.get("errortext") or f"element {offset} refused")
    error = error_for(status, request, code=str(status), message=message, data=sent)
    return ItemResult(offset, sent, status, error=error)


def item_results(
    offset: int, sent: Sequence[dict[str, Any]], answer: Any, request: RequestInfo
) -> list[ItemResult]:
    """One result per element of ``sent``, from an envelope, a bare scalar or a bare ``true``."""
    if isinstance(answer, list):
        if len(answer) != len(sent):
            reason = f"{len(answer)} results for {len(sent)} elements sent"
            raise PayloadError(f"Sitoo batch answer to {request}", reason)
        return [
            _element(offset + i, body, element, request)
            for i, (body, element) in enumerate(zip(sent, answer, strict=True))
        ]
    if len(sent) == 1 or answer is True:
        return [ItemResult(offset + i, body, 200, answer) for i, body in enumerate(sent)]
    raise PayloadError(f"Sitoo batch answer to {request}", f"a bare {answer!r} for {len(sent)} elements")


def refused(offset: int, sent: Sequence[dict[str, Any]], error: RemoteError) -> list[ItemResult]:
    """Every element of a chunk that failed as a whole carries that error (status 0: no answer)."""
    status = error.status or 0
    return [ItemResult(offset + i, body, status, error=error) for i, body in enumerate(sent)]
