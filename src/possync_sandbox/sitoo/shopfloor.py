"""The shop floor: control routes that act like staff at the POS, for tests and the demo.

``POST /__sandbox__/shopfloor/<action>`` with a JSON body, answered with the ids it created:
``sale`` (order + delivery → stock leaves), ``refund`` (credit order + delivery → stock comes
back), ``delivery-in`` and ``stocktaking`` (a batch opened, filled, closed), ``ready-for-pickup``
(a click-and-collect order gets log item 900) and ``store-to-door`` (a sale with lines left
undelivered). Lines name products by SKU; prices default to the product's price.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from possync_sandbox.control import CONTROL_ROOT
from possync_sandbox.sitoo.context import Plugin
from possync_sandbox.sitoo.control import emulator_of
from possync_sandbox.sitoo.errors import SitooError, bad_request
from possync_sandbox.sitoo.order_book import ORDERS, log
from possync_sandbox.sitoo.pos import POS_STATE, Till
from possync_sandbox.sitoo.routing import json_response
from possync_sandbox.sitoo.stock import TransactionType
from possync_sandbox.sitoo.tables import product_by_sku
from possync_sandbox.sitoo.wire import integer

Action = Callable[[Till, dict[str, Any]], dict[str, Any]]
READY_FOR_PICKUP = 900


def _lines(body: dict[str, Any], *, counts: bool = False) -> list[dict[str, Any]]:
    """The body's ``lines``: each a SKU and a quantity, non-zero unless they are stock counts."""
    lines = body.get("lines")
    if not isinstance(lines, list) or not lines:
        raise bad_request("Give lines: [{sku, quantity}]")
    for line in lines:
        if not isinstance(line, dict) or not line.get("sku") or line.get("quantity") is None:
            raise bad_request("Each line needs sku and quantity")
        if not counts and not integer(line["quantity"], "quantity"):
            raise bad_request("A sold quantity must not be 0")
    return lines


def order_items(till: Till, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Order items for ``lines``: the product's name and gross price unless the line gives a price."""
    items = []
    for line in lines:
        product = product_by_sku(till.site, str(line["sku"]))
        if product is None:
            raise SitooError(404, f"Product {line['sku']} not found")
        quantity = integer(line["quantity"], "quantity")
        price = Decimal(str(line.get("price", product["moneyprice"])))
        items.append(
            {
                "productname": product["title"] or product["sku"],
                "sku": product["sku"],
                "quantity": quantity,
                "moneyrowprice": f"{price * quantity:.2f}",
            }
        )
    return items


def sale_body(till: Till, body: dict[str, Any], items: list[dict[str, Any]], **state: Any) -> dict[str, Any]:
    """A register's order for ``items``, paid in full, from the asked (or the store's) warehouse."""
    gross = sum((Decimal(item["moneyrowprice"]) for item in items), Decimal(0))
    customer: dict[str, Any] = {
        key: body[key] for key in ("email", "namefirst", "namelast", "externalid") if key in body
    }
    payment = {"name": body.get("payment", "Card"), "moneyamount": f"{gross:.2f}"}
    warehouseid = till.store_warehouse(body.get("warehouseid"))
    return {
        **POS_STATE,
        "warehouseid": warehouseid,
        "orderitems": items,
        "payments": [payment],
        **customer,
        **state,
    }


def sale(till: Till, body: dict[str, Any]) -> dict[str, Any]:
    return till.ring_up(sale_body(till, body, order_items(till, _lines(body))))


def store_to_door(till: Till, body: dict[str, Any]) -> dict[str, Any]:
    """A sale whose lines with ``"delivered": false`` stay to be sent to the customer's door."""
    lines = _lines(body)
    order = sale_body(till, body, order_items(till, lines), orderstateid=0, deliverytypename="Store to door")
    handed = [
        (index, integer(line["quantity"])) for index, line in enumerate(lines) if line.get("delivered", True)
    ]
    return till.ring_up(order, handed)


def refund(till: Till, body: dict[str, Any]) -> dict[str, Any]:
    original = till.account.table(ORDERS).require(integer(body.get("orderid"), "orderid"))
    raw = body.get("lines")
    chosen = [(integer(line["orderitemid"]), integer(line["quantity"])) for line in raw] if raw else None
    return till.refund(original, chosen)


def delivery_in(till: Till, body: dict[str, Any]) -> dict[str, Any]:
    return _batch(till, body, TransactionType.MOVE_IN, "Delivery in")


def stocktaking(till: Till, body: dict[str, Any]) -> dict[str, Any]:
    return _batch(till, body, TransactionType.STOCKTAKING, "Stocktaking")


def _batch(till: Till, body: dict[str, Any], transactiontype: int, comment: str) -> dict[str, Any]:
    warehouseid = till.store_warehouse(body.get("warehouseid"))
    batch = till.batch(warehouseid, transactiontype, _lines(body, counts=True), body.get("comment", comment))
    return {
        "warehousebatchid": batch["warehousebatchid"],
        "warehousetransactionid": batch["warehousetransactionid"],
    }


def ready_for_pickup(till: Till, body: dict[str, Any]) -> dict[str, Any]:
    """Staff picked a click-and-collect order: log item 900. Without ``orderid``, one is placed first."""
    if body.get("orderid") is None:
        items = order_items(till, _lines(body))
        placed = sale_body(
            till, body, items, orderstateid=0, paymentstateid=15, deliverytypename="Click & Collect"
        )
        body = {"orderid": till.ring_up(placed, [])["orderid"]}
    order = till.account.table(ORDERS).require(integer(body["orderid"], "orderid"))
    log(till.store, order, READY_FOR_PICKUP)
    return {"orderid": order["orderid"]}


ACTIONS: dict[str, Action] = {
    "sale": sale,
    "refund": refund,
    "delivery-in": delivery_in,
    "stocktaking": stocktaking,
    "ready-for-pickup": ready_for_pickup,
    "store-to-door": store_to_door,
}


async def act(request: Request) -> Response:
    emulator = emulator_of(request)
    action = ACTIONS.get(request.path_params["action"])
    if action is None:
        return json_response(
            {"statuscode": 404, "errortext": f"No shop-floor action {request.path_params['action']}"}, 404
        )
    raw = await request.body()
    try:
        body = await request.json() if raw.strip() else {}
        if not isinstance(body, dict):
            raise bad_request("Body must be a JSON object")
        account = emulator.store.account(emulator.settings.account_id)
        till = Till(emulator.store, account, emulator.site(body.get("eshopid")), emulator.settings)
        result = action(till, body)
    except SitooError as error:
        return json_response(error.body(), error.status)
    except ValueError as error:
        return json_response({"statuscode": 400, "errortext": str(error)}, 400)
    emulator.after_write()
    return json_response(result)


CONTROL_ROUTES: list[BaseRoute] = [Route(f"{CONTROL_ROOT}/shopfloor/{{action}}", act, methods=["POST"])]
PLUGIN = Plugin(control_routes=CONTROL_ROUTES)
