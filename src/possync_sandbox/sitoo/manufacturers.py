"""Manufacturers (brands): keyed by ``externalcompanyid``, the id a product's ``manufacturerid`` holds.

Batch POST/PUT/DELETE take arrays and answer the per-item envelope; single GET/PUT/DELETE
exist too. Deleting a manufacturer clears it from its products [INF].
"""

from __future__ import annotations

from possync_sandbox.sitoo.context import Ctx, Plugin
from possync_sandbox.sitoo.crud import Resource
from possync_sandbox.sitoo.store import Record
from possync_sandbox.sitoo.tables import MANUFACTURERS, PRODUCTS
from possync_sandbox.sitoo.wire import text

TEXT_FIELDS = (
    "name",
    "description",
    "address",
    "zip",
    "city",
    "state",
    "countryid",
    "phone",
    "email",
    "url1",
    "url2",
)


def _defaults() -> Record:
    return dict.fromkeys(TEXT_FIELDS, "")


def _clear_from_products(ctx: Ctx, record: Record) -> None:
    for product in ctx.site.table(PRODUCTS).rows.values():
        if product["manufacturerid"] == record["externalcompanyid"]:
            product["manufacturerid"] = None
            product["datemodified"] = ctx.now()


RESOURCE = Resource(
    table=MANUFACTURERS,
    writable=dict.fromkeys(TEXT_FIELDS, text),
    defaults=_defaults,
    required=("name",),
    on_delete=_clear_from_products,
)

PLUGIN = Plugin(routes=RESOURCE.routes("manufacturers", batch=True))
