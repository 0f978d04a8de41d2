"""Conformance of ``/orders/<id>/notes``: WooCommerce's own notes and notes added over REST."""

from __future__ import annotations

from typing import Any

import pytest
from woo_orders_support import Shop


@pytest.fixture
def order(shop: Shop) -> dict[str, Any]:
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    created: dict[str, Any] = shop.post("/orders", {"line_items": [{"product_id": mug}]}).json()
    return created


def test_status_change_and_stock_notes_are_written_by_the_system(shop: Shop, order: dict[str, Any]) -> None:
    shop.put(f"/orders/{order['id']}", {"status": "processing"})
    notes = shop.get(f"/orders/{order['id']}/notes").json()
    assert [(n["author"], n["note"]) for n in notes] == [
        ("system", "Order status changed from Pending payment to Processing."),
        ("system", "Stock levels reduced: Mug (MUG-1) 10&rarr;9"),
    ]


def test_note_added_over_rest(shop: Shop, order: dict[str, Any]) -> None:
    path = f"/orders/{order['id']}/notes"
    response = shop.post(path, {"note": "Picked up by Anna", "customer_note": True, "added_by_user": True})
    note = response.json()
    assert response.status_code == 201
    assert (note["note"], note["customer_note"], note["author"]) == ("Picked up by Anna", True, "admin")
    assert response.headers["Location"].endswith(f"{path}/{note['id']}")
    assert shop.get(f"{path}/{note['id']}").json()["id"] == note["id"]
    assert [n["id"] for n in shop.get(path, type="customer").json()] == [note["id"]]


def test_note_without_text_is_a_missing_parameter(shop: Shop, order: dict[str, Any]) -> None:
    response = shop.post(f"/orders/{order['id']}/notes", {"customer_note": True})
    assert (response.status_code, response.json()["code"]) == (400, "rest_missing_callback_param")


def test_note_delete_needs_force(shop: Shop, order: dict[str, Any]) -> None:
    path = f"/orders/{order['id']}/notes"
    note = shop.post(path, {"note": "x"}).json()
    refused = shop.delete(f"{path}/{note['id']}")
    assert (refused.status_code, refused.json()["code"]) == (501, "woocommerce_rest_trash_not_supported")
    assert shop.delete(f"{path}/{note['id']}", force="true").status_code == 200
    assert shop.get(f"{path}/{note['id']}").status_code == 404


def test_notes_of_an_unknown_order_are_404(shop: Shop) -> None:
    response = shop.get("/orders/999/notes")
    assert (response.status_code, response.json()["code"]) == (404, "woocommerce_rest_invalid_order_id")
