"""Orders over HTTP: create, totals arithmetic, externalid rules, updates, the account list, filters."""

from __future__ import annotations

from typing import Any

import httpx

from .conftest import NOW
from .stock_support import FIFO_ID, add_product, create_order, ok, order_body

SPEC_EXAMPLE = {
    "ordertypeid": 10,
    "namefirst": "John",
    "namelast": "Smith",
    "currencycode": "USD",
    "orderitems": [
        {
            "productname": "Sofa Cosy",
            "sku": "10038-2",
            "quantity": 1,
            "moneyrowprice": "125.00",
            "vatvalue": 25,
        },
        {
            "productname": "Sofa Cosy",
            "sku": "83428-0",
            "quantity": 2,
            "moneyrowprice": "250.00",
            "moneyrowdiscount": "50.00",
            "vatvalue": 25,
        },
        {
            "productname": "Sofa Stressless",
            "sku": "83537-0",
            "quantity": 1,
            "moneyrowprice": "106.00",
            "vatvalue": 6,
        },
    ],
}


def test_create_answers_the_id_and_computes_the_spec_example_totals(api: httpx.Client) -> None:
    orderid = ok(api.post("/orders.json", json=SPEC_EXAMPLE))
    order = ok(api.get(f"/orders/{orderid}.json"))
    assert (order["moneytotal_net"], order["moneytotal_vat"], order["moneytotal_gross_all"]) == (
        "360.00",
        "71.00",
        "431.00",
    )
    discounted = order["orderitems"][1]
    assert (
        discounted["orderitemid"],
        discounted["moneyoriginalprice"],
        discounted["moneydiscountedprice"],
    ) == (
        1,
        "100.00",
        "80.00",
    )
    assert (
        discounted["moneydiscount"],
        discounted["moneyitemtotal_net"],
        discounted["moneyitemtotal_vat"],
    ) == (
        "20.00",
        "160.00",
        "40.00",
    )
    assert discounted["additionaldata"] == {"orderitem-moneyrowdiscount": "50.00"}
    assert order["orderitems"][2]["moneyitemtotal_vat"] == "6.00"


def test_a_new_order_is_open_unpaid_and_dated_now(api: httpx.Client) -> None:
    order = ok(api.get(f"/orders/{create_order(api, ('A', 1, '125.00'))}.json"))
    assert (order["orderstateid"], order["paymentstateid"], order["orderdate"], order["eshopid"]) == (
        0,
        0,
        NOW,
        1,
    )
    assert (order["externalid"], order["registerid"], order["datereserved"]) == (None, None, None)


def test_item_vat_defaults_to_the_products_group(api: httpx.Client) -> None:
    productid = add_product(api, "VAT-1", "125.00")
    body = {
        "ordertypeid": 10,
        "orderitems": [{"productname": "x", "sku": "VAT-1", "quantity": 1, "moneyrowprice": 125}],
    }
    order = ok(api.get(f"/orders/{ok(api.post('/orders.json', json=body))}.json"))
    item = order["orderitems"][0]
    assert (item["productid"], item["vatvalue"], item["moneyitemtotal_net"]) == (productid, 25, "100.00")


def test_required_fields_are_checked(api: httpx.Client) -> None:
    assert api.post("/orders.json", json={"orderitems": []}).status_code == 400
    no_name = {"ordertypeid": 10, "orderitems": [{"quantity": 1}]}
    assert api.post("/orders.json", json=no_name).status_code == 400


def test_externalid_is_validated_and_unique(api: httpx.Client) -> None:
    create_order(api, ("A", 1, "10.00"), externalid="WOO-1001")
    duplicate = api.post("/orders.json", json=order_body(("A", 1, "10.00"), externalid="WOO-1001"))
    assert duplicate.status_code == 400
    assert duplicate.json()["statuscode"] == 400
    for bad in ("has space", "x" * 41, "", "ä"):
        assert api.post("/orders.json", json=order_body(externalid=bad)).status_code == 400


def test_update_merges_and_changes_states(api: httpx.Client) -> None:
    orderid = create_order(api, ("A", 1, "10.00"), email="a@example.com")
    assert ok(api.put(f"/orders/{orderid}.json", json={"paymentstateid": 20, "orderstateid": 10})) is True
    order = ok(api.get(f"/orders/{orderid}.json"))
    assert (order["paymentstateid"], order["orderstateid"], order["email"]) == (20, 10, "a@example.com")
    other = create_order(api, ("A", 1, "10.00"), externalid="TAKEN")
    assert api.put(f"/orders/{other}.json", json={"externalid": "TAKEN"}).status_code == 200
    assert api.put(f"/orders/{orderid}.json", json={"externalid": "TAKEN"}).status_code == 400


def test_orders_cannot_be_deleted(api: httpx.Client) -> None:
    orderid = create_order(api, ("A", 1, "10.00"))
    assert api.delete(f"/orders/{orderid}.json").status_code in (404, 405)
    assert ok(api.get(f"/orders/{orderid}.json"))["orderid"] == orderid


def test_additional_data_round_trips(api: httpx.Client) -> None:
    orderid = create_order(
        api, ("A", 1, "10.00"), additionaldata={"delivery-ignore-stock": "true", "woo": "7"}
    )
    assert ok(api.get(f"/orders/{orderid}.json"))["additionaldata"] == {
        "delivery-ignore-stock": "true",
        "woo": "7",
    }


def test_account_list_is_newest_first_with_default_fields(
    api: httpx.Client, account_api: httpx.Client
) -> None:
    ids = [create_order(api, ("A", 1, "10.00")) for _ in range(3)]
    listed = ok(account_api.get("/orders.json"))
    assert [order["orderid"] for order in listed["items"]] == ids[::-1]
    first = listed["items"][0]
    assert {"orderid", "orderstateid", "paymentstateid", "orderitems", "moneytotal_gross_all"} <= set(first)
    assert "orderlogitems" not in first
    ascending = ok(account_api.get("/orders.json", params={"sort": "orderid", "num": 2}))
    assert [order["orderid"] for order in ascending["items"]] == ids[:2]
    assert ascending["totalcount"] == 3


def test_account_list_filters(api: httpx.Client, account_api: httpx.Client, control: httpx.Client) -> None:
    first = create_order(api, ("A", 1, "10.00"), externalid="E1")
    control.put("/clock", json={"advance": 100})
    second = create_order(api, ("A", 1, "10.00"), orderstateid=10, paymentstateid=20, warehouseid=FIFO_ID)
    third = create_order(api, ("A", 1, "10.00"), ordertypeid=100, externalid="E3")

    def ids(**params: Any) -> list[int]:
        return sorted(
            order["orderid"] for order in ok(account_api.get("/orders.json", params=params))["items"]
        )

    assert ids(orderidfrom=second) == [second, third]
    assert ids(orderidto=second) == [first]
    assert ids(externalid="E1,E3") == [first, third]
    assert ids(orderstate=10) == [second]
    assert ids(paymentstate="0") == [first, third]
    assert ids(ordertype=100) == [third]
    assert ids(orderdatefrom=NOW + 100) == [second, third]
    assert ids(orderdateto=NOW + 100) == [first]
    assert ids(eshopid=1) == [first, second, third]
    assert ids(eshopid=2) == []
    assert ids(warehouseid=FIFO_ID) == [second]


def test_deprecated_site_list_still_answers(api: httpx.Client) -> None:
    orderid = create_order(api, ("A", 1, "10.00"))
    assert [order["orderid"] for order in ok(api.get("/orders.json"))["items"]] == [orderid]


def test_ready_for_pickup_is_the_only_kind_of_log_item_a_client_adds(api: httpx.Client) -> None:
    orderid = create_order(api, ("A", 1, "10.00"))
    assert ok(api.post(f"/orders/{orderid}/orderlogitems.json", json={"orderlogtypeid": 900})) is True
    assert api.post(f"/orders/{orderid}/orderlogitems.json", json={"orderlogtypeid": 10}).status_code == 400
    logged = ok(api.get(f"/orders/{orderid}/orderlogitems.json"))
    assert [entry["orderlogtypeid"] for entry in logged["items"]] == [0, 900]
    assert logged["items"][1]["orderid"] == orderid


def test_unknown_order_is_404(api: httpx.Client) -> None:
    assert api.get("/orders/999.json").status_code == 404


def test_receipt_and_credit_filters_override_orderid(api: httpx.Client, account_api: httpx.Client) -> None:
    sold = create_order(api, ("A", 1, "10.00"), additionaldata={"pos-receiptid": "10009"})
    credit = create_order(api, ("A", -1, "-10.00"), creditorderid=sold)

    def ids(**params: Any) -> list[int]:
        return [order["orderid"] for order in ok(account_api.get("/orders.json", params=params))["items"]]

    assert ids(receiptid="10009", orderid=credit) == [sold]
    assert ids(creditorderid=sold, orderid=sold) == [credit]
    assert ids(orderid=f"{sold},{credit}", sort="orderid") == [sold, credit]
