"""Conformance of ``/orders/<id>/refunds``: amounts, refunded lines, restock, gateway errors."""

from __future__ import annotations

from typing import Any

import pytest
from woo_orders_support import Shop, start_shop

from possync_sandbox.woocommerce import WooSettings


@pytest.fixture
def sold(shop: Shop) -> tuple[int, dict[str, Any]]:
    """A mug with stock 10 and a completed order of two (200.00 incl. tax)."""
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    body = {"line_items": [{"product_id": mug, "quantity": 2}], "status": "completed"}
    return mug, shop.post("/orders", body).json()


def _line_refund(order: dict[str, Any], **extra: Any) -> dict[str, Any]:
    item = order["line_items"][0]["id"]
    line = {
        "id": item,
        "quantity": 1,
        "refund_total": "80.00",
        "refund_tax": [{"id": 1, "refund_total": "20.00"}],
    }
    return {"amount": "100.00", "api_refund": False, "line_items": [line], **extra}


def test_line_refund_is_created_with_negative_lines_and_restocks(
    shop: Shop, sold: tuple[int, dict[str, Any]]
) -> None:
    mug, order = sold
    response = shop.post(f"/orders/{order['id']}/refunds", _line_refund(order, reason="Broken"))
    refund = response.json()
    assert response.status_code == 201
    assert refund["amount"] == "100.00"
    assert refund["reason"] == "Broken"
    assert refund["line_items"][0]["quantity"] == -1
    assert refund["line_items"][0]["total"] == "-80.00"
    assert shop.stock(mug) == 9


def test_order_lists_its_refunds_with_negative_totals(shop: Shop, sold: tuple[int, dict[str, Any]]) -> None:
    _, order = sold
    refund = shop.post(f"/orders/{order['id']}/refunds", _line_refund(order)).json()
    again = shop.get(f"/orders/{order['id']}").json()
    assert again["refunds"] == [{"id": refund["id"], "reason": "", "total": "-100.00"}]
    assert again["status"] == "completed"
    listed = shop.get(f"/orders/{order['id']}/refunds")
    assert [r["id"] for r in listed.json()] == [refund["id"]]
    assert listed.headers["X-WP-Total"] == "1"


def test_api_restock_false_leaves_stock_alone(shop: Shop, sold: tuple[int, dict[str, Any]]) -> None:
    mug, order = sold
    response = shop.post(f"/orders/{order['id']}/refunds", _line_refund(order, api_restock=False))
    assert response.status_code == 201
    assert shop.stock(mug) == 8


def test_default_api_refund_fails_without_a_gateway(shop: Shop, sold: tuple[int, dict[str, Any]]) -> None:
    _, order = sold
    response = shop.post(f"/orders/{order['id']}/refunds", {"amount": "10.00"})
    assert response.status_code == 500
    assert response.json() == {
        "code": "woocommerce_rest_cannot_create_order_refund",
        "message": "The payment gateway for this order does not exist.",
        "data": 500,
    }
    assert shop.get(f"/orders/{order['id']}/refunds").json() == []


def test_amount_above_what_is_left_is_refused(shop: Shop, sold: tuple[int, dict[str, Any]]) -> None:
    _, order = sold
    response = shop.post(f"/orders/{order['id']}/refunds", {"amount": "200.01", "api_refund": False})
    assert (response.status_code, response.json()["message"]) == (500, "Invalid refund amount.")


def test_negative_amount_is_refused(shop: Shop, sold: tuple[int, dict[str, Any]]) -> None:
    _, order = sold
    response = shop.post(f"/orders/{order['id']}/refunds", {"amount": "-1", "api_refund": False})
    assert (response.status_code, response.json()["code"]) == (400, "woocommerce_rest_invalid_order_refund")


def test_full_refund_marks_the_order_refunded_without_restoring_twice(
    shop: Shop, sold: tuple[int, dict[str, Any]]
) -> None:
    mug, order = sold
    response = shop.post(f"/orders/{order['id']}/refunds", {"amount": "200.00", "api_refund": False})
    assert response.status_code == 201
    assert shop.get(f"/orders/{order['id']}").json()["status"] == "refunded"
    assert shop.stock(mug) == 8


def test_refund_of_unknown_order_is_404(shop: Shop) -> None:
    response = shop.post("/orders/999/refunds", {"amount": "1", "api_refund": False})
    assert (response.status_code, response.json()["code"]) == (404, "woocommerce_rest_invalid_order_id")


def test_refund_delete_needs_force(shop: Shop, sold: tuple[int, dict[str, Any]]) -> None:
    _, order = sold
    refund = shop.post(f"/orders/{order['id']}/refunds", {"amount": "5", "api_refund": False}).json()
    path = f"/orders/{order['id']}/refunds/{refund['id']}"
    assert shop.delete(path).status_code == 501
    assert shop.delete(path, force="true").status_code == 200
    assert shop.get(path).status_code == 404


def test_refund_summaries_carry_total_tax_from_11() -> None:
    with start_shop(WooSettings(wc_version="11.0.1")) as shop:
        mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
        order = shop.post("/orders", {"line_items": [{"product_id": mug, "quantity": 2}]}).json()
        shop.post(f"/orders/{order['id']}/refunds", _line_refund(order))
        summary = shop.get(f"/orders/{order['id']}").json()["refunds"][0]
        assert (summary["total"], summary["total_tax"]) == ("-100.00", "-20.00")


def test_v2_refund_ignores_line_items(shop: Shop, sold: tuple[int, dict[str, Any]]) -> None:
    mug, order = sold
    path = shop.api(f"/orders/{order['id']}/refunds", "v2")
    refund = shop.client.post(path, json=_line_refund(order)).json()
    assert refund["line_items"] == []
    assert shop.stock(mug) == 8
