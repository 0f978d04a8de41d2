"""Sites: an account's webshops, addressed in URLs by their ``eshopid`` (normally 1).

``GET /sites.json`` and ``GET /sites/{eshopid}.json`` sit at account level. Each site carries
the deprecated GUID ``siteid`` too; ``add_site`` creates the empty site every reset starts from.
"""

from __future__ import annotations

import uuid

from possync_sandbox.sitoo.context import ApiRoute, Ctx, Plugin
from possync_sandbox.sitoo.listing import envelope, render_one
from possync_sandbox.sitoo.store import Record, SiteState, SitooStore


def site_record(accountid: int, eshopid: int) -> Record:
    guid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"sitoo-sandbox/{accountid}/{eshopid}")).upper()
    server = f"shop{eshopid}.sandbox.mysitoo.com"
    return {
        "siteid": "{" + guid + "}",
        "protocol": "https",
        "server": server,
        "abspath": "/",
        "siteurl": f"https://{server}/",
        "eshopid": eshopid,
    }


def add_site(store: SitooStore, accountid: int, eshopid: int) -> SiteState:
    account = store.add_account(accountid)
    site = account.sites[eshopid] = SiteState(eshopid, site_record(accountid, eshopid))
    return site


def list_sites(ctx: Ctx) -> object:
    return envelope(ctx, [site.info for _, site in sorted(ctx.account.sites.items())])


def get_site(ctx: Ctx) -> object:
    return render_one(ctx, ctx.account.site(ctx.path_int("siteid")).info)


PLUGIN = Plugin(
    routes=[
        ApiRoute("sites", {"GET": list_sites}, level="account"),
        ApiRoute("sites/{siteid:int}", {"GET": get_site}, level="account"),
    ]
)
