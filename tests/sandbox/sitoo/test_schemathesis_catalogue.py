"""Property tests by schemathesis against the catalogue endpoints possync uses.

Every operation on products, product variants, images, categories, manufacturers and product
groups is fed a few dozen generated requests (fixed seed, so runs repeat) against an emulator
holding the demo catalogue: no answer may be a server error, use an undocumented status or
break the (corrected) OpenAPI description.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from possync_sandbox.catalogue import generate
from possync_sandbox.server import RunningServer, running
from possync_sandbox.sitoo import SitooEmulator, SitooSettings

from .conftest import NOW
from .openapi_check import SpecValidator
from .schemathesis_support import check_documented_answers, operations

CATALOGUE_PATHS = (
    r"^/sites/\{siteid\}/(products|categories|manufacturers|productgroups)"
    r"(\.json|/\{[a-z]+\}(\.json|/(images|productvariants)))"
)
IDS = {"productid", "categoryid", "externalcompanyid", "vatid"}
OPERATIONS = operations(CATALOGUE_PATHS)


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


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_generated_requests_get_documented_answers(
    operation: Any, loaded: tuple[SitooEmulator, RunningServer], spec_validator: SpecValidator
) -> None:
    check_documented_answers(operation, loaded, spec_validator, _known_ids, IDS)
