"""Conformance of ``/coupons``: codes, uniqueness, the ``code`` filter, batch, use on orders."""

from __future__ import annotations

import pytest
from woo_orders_support import Shop


def test_code_is_lower_cased_and_amount_a_money_string(shop: Shop) -> None:
    response = shop.post("/coupons", {"code": "Prb-Ten", "amount": "10", "discount_type": "percent"})
    coupon = response.json()
    assert response.status_code == 201
    assert (coupon["code"], coupon["amount"], coupon["usage_count"]) == ("prb-ten", "10.00", 0)
    assert coupon["date_expires"] is None
    assert response.headers["Location"].endswith(f"/coupons/{coupon['id']}")


@pytest.mark.parametrize("code", ["prb-ten", "PRB-TEN", " Prb-Ten "])
def test_code_is_unique_whatever_its_case(shop: Shop, code: str) -> None:
    shop.post("/coupons", {"code": "Prb-Ten", "amount": "10"})
    response = shop.post("/coupons", {"code": code, "amount": "5"})
    assert response.status_code == 400
    assert response.json() == {
        "code": "woocommerce_rest_coupon_code_already_exists",
        "message": "The coupon code already exists",
        "data": {"status": 400},
    }


def test_update_to_another_coupons_code_is_refused(shop: Shop) -> None:
    shop.post("/coupons", {"code": "first", "amount": "10"})
    second = shop.post("/coupons", {"code": "second", "amount": "10"}).json()
    response = shop.put(f"/coupons/{second['id']}", {"code": "FIRST"})
    assert response.json()["code"] == "woocommerce_rest_coupon_code_already_exists"


def test_empty_code_is_refused(shop: Shop) -> None:
    response = shop.post("/coupons", {"code": "  ", "amount": "10"})
    assert (response.status_code, response.json()["code"]) == (400, "woocommerce_rest_empty_coupon_code")


def test_missing_code_is_a_missing_parameter(shop: Shop) -> None:
    assert shop.post("/coupons", {"amount": "10"}).json()["code"] == "rest_missing_callback_param"


def test_number_amount_is_not_a_string(shop: Shop) -> None:
    response = shop.post("/coupons", {"code": "n", "amount": 10})
    assert response.json()["data"]["params"]["amount"] == "amount is not of type string."


def test_code_filter_is_exact(shop: Shop) -> None:
    wanted = shop.post("/coupons", {"code": "prb-ten", "amount": "10"}).json()
    shop.post("/coupons", {"code": "prb-ten-more", "amount": "10"})
    assert [c["id"] for c in shop.get("/coupons", code="PRB-TEN").json()] == [wanted["id"]]
    assert shop.get("/coupons", code="prb").json() == []


def test_trashed_coupon_frees_its_code_and_410s(shop: Shop) -> None:
    coupon = shop.post("/coupons", {"code": "gone", "amount": "10"}).json()
    assert shop.delete(f"/coupons/{coupon['id']}").status_code == 200
    assert shop.delete(f"/coupons/{coupon['id']}").status_code == 410
    assert shop.get("/coupons", code="gone").json() == []
    assert shop.post("/coupons", {"code": "gone", "amount": "5"}).status_code == 201
    assert shop.delete(f"/coupons/{coupon['id']}", force="true").status_code == 200
    assert shop.get(f"/coupons/{coupon['id']}").status_code == 404


def test_batch_reports_the_duplicate_per_item(shop: Shop) -> None:
    answer = shop.post(
        "/coupons/batch", {"create": [{"code": "a", "amount": "1"}, {"code": "A", "amount": "2"}]}
    )
    created, duplicate = answer.json()["create"]
    assert created["code"] == "a"
    assert duplicate["id"] == 0
    assert duplicate["error"]["code"] == "woocommerce_rest_coupon_code_already_exists"


def test_coupon_line_discounts_the_order_and_counts_usage(shop: Shop) -> None:
    coupon = shop.post("/coupons", {"code": "ten", "amount": "10", "discount_type": "percent"}).json()
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    body = {"line_items": [{"product_id": mug, "quantity": 2}], "coupon_lines": [{"code": "TEN"}]}
    order = shop.post("/orders", {**body, "status": "processing"}).json()
    assert (order["total"], order["discount_total"], order["discount_tax"]) == ("180.00", "16.00", "4.00")
    assert order["coupon_lines"][0]["code"] == "ten"
    assert order["coupon_lines"][0]["discount"] == "16.00"
    assert shop.get(f"/coupons/{coupon['id']}").json()["usage_count"] == 1


def test_unknown_coupon_on_an_order_is_refused(shop: Shop) -> None:
    response = shop.post("/orders", {"coupon_lines": [{"code": "nope"}]})
    assert (response.status_code, response.json()["code"]) == (400, "woocommerce_rest_invalid_coupon")


def test_fixed_cart_coupon_removed_by_empty_coupon_lines(shop: Shop) -> None:
    shop.post("/coupons", {"code": "fifty", "amount": "50"})
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    body = {"line_items": [{"product_id": mug, "quantity": 2}], "coupon_lines": [{"code": "fifty"}]}
    order = shop.post("/orders", body).json()
    assert order["total"] == "150.00"
    cleared = shop.put(f"/orders/{order['id']}", {"coupon_lines": []}).json()
    assert (cleared["total"], cleared["coupon_lines"]) == ("200.00", [])


def test_expired_coupon_is_refused_on_an_order(shop: Shop) -> None:
    shop.post("/coupons", {"code": "old", "amount": "5", "date_expires": "2020-01-01T00:00:00"})
    response = shop.post("/orders", {"coupon_lines": [{"code": "old"}]})
    assert response.json()["message"] == "This coupon has expired."


def test_used_up_coupon_is_refused_on_an_order(shop: Shop) -> None:
    shop.post("/coupons", {"code": "once", "amount": "5", "usage_limit": 1})
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    body = {"line_items": [{"product_id": mug}], "coupon_lines": [{"code": "once"}], "status": "completed"}
    assert shop.post("/orders", body).status_code == 201
    refused = shop.post("/orders", body)
    assert (refused.status_code, refused.json()["message"]) == (400, "Coupon usage limit has been reached.")


def test_line_added_later_is_not_discounted_until_coupons_are_sent_again(shop: Shop) -> None:
    shop.post("/coupons", {"code": "ten", "amount": "10", "discount_type": "percent"})
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    body = {"line_items": [{"product_id": mug, "quantity": 1}], "coupon_lines": [{"code": "ten"}]}
    order = shop.post("/orders", body).json()
    added = shop.put(f"/orders/{order['id']}", {"line_items": [{"product_id": mug, "quantity": 1}]}).json()
    assert added["total"] == "190.00"
    again = shop.put(f"/orders/{order['id']}", {"coupon_lines": [{"code": "ten"}]}).json()
    assert again["total"] == "180.00"
