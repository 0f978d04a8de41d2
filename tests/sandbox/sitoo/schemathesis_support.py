"""The check both schemathesis property tests run against an operation of the Sitoo emulator.

Each test file picks its operations and seeds its emulator; this module feeds one operation a
few dozen generated requests (fixed seed, so runs repeat), aimed at ids that mostly exist, and
asserts that every answer is no server error, uses a documented status and fits the description.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import httpx
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from possync_sandbox.server import RunningServer
from possync_sandbox.sitoo import SitooEmulator

from .conftest import ACCOUNT_ROOT, AUTH
from .openapi_check import SpecValidator, bundled_spec

EXAMPLES = 25
DOCUMENTED = {200, 400, 401, 404, 429, 500}

KnownIds = Callable[[SitooEmulator], dict[str, list[int]]]


def operations(path_regex: str) -> list[Any]:
    """The operations of the bundled (corrected) description whose path matches ``path_regex``."""
    schema = schemathesis.openapi.from_dict(bundled_spec()).include(path_regex=path_regex)
    return [result.ok() for result in schema.get_all_operations()]


def _aim(case: Any, known: dict[str, list[int]], names: Collection[str], pick: int) -> None:
    """Site 1, valid credentials, and ids that mostly exist, so requests get past the 404s."""
    if "siteid" in case.path_parameters:
        case.path_parameters["siteid"] = 1
    case.headers = {
        key: value for key, value in (case.headers or {}).items() if key.lower() != "authorization"
    }
    for name in set(names) & set(case.path_parameters):
        ids = known.get(name) or [1]
        if pick % 5:
            case.path_parameters[name] = ids[pick % len(ids)]


def check_documented_answers(
    operation: Any,
    loaded: tuple[SitooEmulator, RunningServer],
    spec_validator: SpecValidator,
    known_ids: KnownIds,
    names: Collection[str] | None = None,
) -> None:
    """Generated requests to ``operation`` get documented answers that fit the description.

    The path ids in ``names`` (by default, every name ``known_ids`` returns) are aimed at the
    ids ``known_ids`` reads from the emulator, or at 1 where it knows none.
    """
    emulator, server = loaded
    base_url = server.base_url + ACCOUNT_ROOT

    @seed(20261125)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(), pick=st.integers(min_value=0, max_value=10_000))
    def check(case: Any, pick: int) -> None:
        known = known_ids(emulator)
        _aim(case, known, known if names is None else names, pick)
        response = case.call(base_url=base_url, auth=AUTH, timeout=10)
        path = httpx.URL(response.request.url).path
        assert response.status_code < 500, f"{case.method} {path}: {response.status_code} {response.text}"
        assert response.status_code in DOCUMENTED, f"{case.method} {path}: {response.status_code}"
        body = response.json() if response.content else None
        narrowed = "fields" in (case.query or {})
        assert spec_validator.errors(case.method, path, response.status_code, body, narrowed) == []

    check()
