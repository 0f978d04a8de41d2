"""Product groups: the VAT rates products belong to (``vatid``, ``value`` in percent).

Every site has the default group ``vatid`` 2, which cannot be deleted; a product created
without ``vatid`` joins it. Deleting a group still in use is refused or moves its products to
the default group, by setting [OPEN].
"""

from __future__ import annotations

from possync_sandbox.sitoo.context import Ctx, Plugin
from possync_sandbox.sitoo.crud import Resource
from possync_sandbox.sitoo.errors import bad_request
from possync_sandbox.sitoo.store import Record, SiteState, SitooStore
from possync_sandbox.sitoo.tables import PRODUCTGROUPS, PRODUCTS
from possync_sandbox.sitoo.wire import integer, number, text

PRODUCT = 10
SERVICE = 20
GIFT_CARD = 30
DEFAULT_VATID = 2


def _defaults() -> Record:
    return {"value": 0, "productgrouptype": PRODUCT, "productgroupname": "", "comment": ""}


def _before_delete(ctx: Ctx, record: Record) -> None:
    default = ctx.settings.default_vatid
    if record["vatid"] == default:
        raise bad_request("The default product group cannot be deleted")
    users = [row for row in ctx.site.table(PRODUCTS).rows.values() if row["vatid"] == record["vatid"]]
    if users and ctx.settings.productgroup_delete_in_use == "refuse":
        raise bad_request(f"Product group {record['vatid']} is used by {len(users)} products")
    for row in users:
        row["vatid"] = default
        row["datemodified"] = ctx.now()


RESOURCE = Resource(
    table=PRODUCTGROUPS,
    writable={"productgroupname": text, "value": number, "productgrouptype": integer, "comment": text},
    defaults=_defaults,
    required=("productgroupname",),
    on_delete=_before_delete,
)


def seed_site(store: SitooStore, site: SiteState) -> None:
    """The default group every Sitoo system has."""
    group = {
        "vatid": DEFAULT_VATID,
        "value": 25,
        "productgrouptype": PRODUCT,
        "productgroupname": "Common Goods",
        "comment": "Default",
    }
    site.table(PRODUCTGROUPS).put(group)
    store.reserve_id(PRODUCTGROUPS.name, DEFAULT_VATID)


def group_of(site: SiteState, vatid: int) -> Record | None:
    return site.table(PRODUCTGROUPS).get(vatid)


PLUGIN = Plugin(routes=RESOURCE.routes("productgroups"), seed_site=seed_site)
