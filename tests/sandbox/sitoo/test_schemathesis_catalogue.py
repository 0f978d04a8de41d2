"""Property tests by schemathesis against the catalogue endpoints possync uses.

Every operation on products, product variants, images, categories, manufacturers and product
groups is fed a few dozen generated requests (fixed seed, so runs repeat) against an emulator
holding the demo catalogue: no answer may be a server error, use an undocumented status or
break the (corrected) OpenAPI description.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from possync_sandbox.catalogue import generate
from possync_sandbox.server import RunningServer, running
from possync_sandbox.sitoo import SitooEmulator, SitooSettings

from .conftest import ACCOUNT_ROOT, AUTH, NOW
from .openapi_check import SpecValidator, bundled_spec

CATALOGUE_PATHS = (
    r"^/sites/\{siteid\}/(products|categories|manufacturers|productgroups)"
    r"(\.json|/\{[a-z]+\}(\.json|/(images|productvariants)))"
)
EXAMPLES = 25
DOCUMENTED = {200, 400, 401, 404, 429, 500}
IDS = {"productid", "categoryid", "externalcompanyid", "vatid"}


def _operations() -> list[Any]:
    schema = schemathesis.openapi.from_dict(bundled_spec()).include(path_regex=CATALOGUE_PATHS)
    return [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]


OPERATIONS = _operations()


@pytest.fixture(scope="module")
def loaded() -> Iterator[tuple[SitooEmulator, RunningServer]]:
    emulator = SitooEmulator(SitooSettings(frozen_time=NOW, rate_limit_requests=0))
    emulator.load_catalogue(generate(seed=3, products=30))
    with running(emulator.app) as server:
        yield emulator, server


def _known_ids(emulator: SitooEmulator) -> dict[str, list[int]]:
    site = emulator.site()
    return {
        name: sorted(site.tables[table].rows)
        for name, table in (
            ("productid", "products"),
            ("categoryid", "categories"),
            ("externalcompanyid", "manufacturers"),
            ("vatid", "productgroups"),
        )
        if table in site.tables
    }


def _aim(case: Any, emulator: SitooEmulator, pick: int) -> None:
    """Site 1, valid credentials, and ids that mostly exist, so requests get past the 404s."""
    case.path_parameters["siteid"] = 1
    case.headers = {
        key: value for key, value in (case.headers or {}).items() if key.lower() != "authorization"
    }
    known = _known_ids(emulator)
    for name in IDS & set(case.path_parameters):
        ids = known.get(name) or [1]
        if pick % 5:
            case.path_parameters[name] = ids[pick % len(ids)]


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_generated_requests_get_documented_answers(
    operation: Any, loaded: tuple[SitooEmulator, RunningServer], spec_validator: SpecValidator
) -> None:
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
        _aim(case, emulator, pick)
        response = case.call(base_url=base_url, auth=AUTH, timeout=10)
        path = httpx.URL(response.request.url).path
        assert response.status_code < 500, f"{case.method} {path}: {response.status_code} {response.text}"
        assert response.status_code in DOCUMENTED, f"{case.method} {path}: {response.status_code}"
        body = response.json() if response.content else None
        narrowed = "fields" in (case.query or {})
        assert spec_validator.errors(case.method, path, response.status_code, body, narrowed) == []

    check()
