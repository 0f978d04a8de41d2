"""Tax classes and tax rates (``/taxes/classes``, ``/taxes``), read-only views of the shop's tax table.

The rates are the ones orders are taxed with (``order_totals.DEFAULT_TAX_RATES``, Swedish VAT
25 / 12 / 6 %), so a sync can map a product's ``tax_class`` to a VAT rate the way a merchant's
shop would; ``zero-rate`` has no rate row, as in a stock WooCommerce install.
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, View, route
from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.listing import page_reply
from possync_sandbox.woocommerce.order_totals import DEFAULT_TAX_RATES, TaxRate

ROUTES: list[Route] = []
CLASSES = {
    "standard": "Standard",
    "reduced-rate": "Reduced rate",
    "super-reduced-rate": "Super reduced rate",
    "zero-rate": "Zero rate",
}


def rate_json(view: View, rate: TaxRate) -> dict[str, Any]:
    return {
        "id": rate.id,
        "country": rate.country,
        "state": "",
        "postcode": "",
        "city": "",
        "postcodes": [],
        "cities": [],
        "rate": f"{rate.rate:.4f}",
        "name": rate.label,
        "priority": rate.priority,
        "compound": rate.compound,
        "shipping": rate.shipping,
        "order": rate.id - 1,
        "class": rate.tax_class or "standard",
        "_links": view.links(f"/taxes/{rate.id}", "/taxes"),
    }


@route(ROUTES, "GET", "/taxes/classes", "list")
async def list_classes(ctx: RequestContext) -> Reply:
    links = {"collection": [{"href": ctx.view.api_url("/taxes/classes")}]}
    return Reply([{"slug": slug, "name": name, "_links": links} for slug, name in CLASSES.items()])


@route(ROUTES, "GET", "/taxes", "list")
async def list_rates(ctx: RequestContext) -> Reply:
    wanted = ctx.query.get("class")
    rows = [
        {"id": r.id, "rate": r}
        for r in DEFAULT_TAX_RATES
        if not wanted or (r.tax_class or "standard") == wanted
    ]
    view = ctx.view
    return page_reply(ctx, rows, lambda row: rate_json(view, row["rate"]))


@route(ROUTES, "GET", "/taxes/<id>", "view")
async def read_rate(ctx: RequestContext) -> Reply:
    rate = next((r for r in DEFAULT_TAX_RATES if r.id == ctx.path_params["id"]), None)
    if rate is None:
        raise WooError("woocommerce_rest_invalid_id", "Invalid resource ID.", 404)
    return Reply(rate_json(ctx.view, rate))
