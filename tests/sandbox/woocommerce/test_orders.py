"""Conformance of ``/orders``: totals and taxes, stock, statuses, set_paid, lines, lists, batch."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from woo_orders_support import Shop, start_shop

from possync_sandbox.woocommerce import WooEmulator, WooSettings


def _order(shop: Shop, product_id: int, quantity: int = 2, **extra: Any) -> dict[str, Any]:
    response = shop.post(
        "/orders", {"line_items": [{"product_id": product_id, "quantity": quantity}], **extra}
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def _status(shop: Shop, order_id: int, status: str) -> dict[str, Any]:
    response = shop.put(f"/orders/{order_id}", {"status": status})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_totals_are_recalculated_with_tax_included_prices(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = _order(shop, mug, total="1.00")
    line = order["line_items"][0]
    assert (order["total"], order["total_tax"], order["cart_tax"]) == ("200.00", "40.00", "40.00")
    assert (line["subtotal"], line["total"], line["total_tax"]) == ("160.00", "160.00", "40.00")
    assert line["price"] == 80
    assert order["tax_lines"][0]["tax_total"] == "40.00"
    assert order["tax_lines"][0]["id"] > 0


def test_new_order_defaults(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    response = shop.post("/orders", {"line_items": [{"product_id": mug}]})
    order = response.json()
    assert response.headers["Location"].endswith(f"/wp-json/wc/v3/orders/{order['id']}")
    assert order["status"] == "pending"
    assert order["created_via"] == "rest-api"
    assert order["prices_include_tax"] is True
    assert order["number"] == str(order["id"])
    assert order["date_paid"] is None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", order["date_created_gmt"])
    assert order["date_created"] != order["date_created_gmt"]


def test_money_is_strings_and_line_price_a_number(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "99.90")
    order = _order(shop, mug, quantity=3)
    line = order["line_items"][0]
    assert isinstance(line["price"], float)
    assert all(isinstance(order[k], str) for k in ("total", "total_tax", "shipping_total", "discount_total"))
    assert isinstance(line["quantity"], int)
    assert order["total"] == "299.70"


def test_prices_excluding_tax_add_tax_on_top() -> None:
    with start_shop(WooSettings(prices_include_tax=False)) as shop:
        mug = shop.add_product("Mug", "MUG-1", "100.00")
        order = _order(shop, mug, quantity=1)
        assert (order["total"], order["total_tax"], order["prices_include_tax"]) == ("125.00", "25.00", False)


def test_line_item_found_by_sku_case_insensitively(shop: Shop) -> None:
    shop.add_product("Mug", "MUG-1", "100.00")
    response = shop.post("/orders", {"line_items": [{"sku": "mug-1", "quantity": 1}]})
    assert response.status_code == 201
    assert response.json()["line_items"][0]["sku"] == "MUG-1"


def test_line_item_without_product_reference_is_refused(shop: Shop) -> None:
    response = shop.post("/orders", {"line_items": [{"quantity": 1}]})
    assert response.status_code == 400
    assert response.json()["code"] == "woocommerce_rest_required_product_reference"
    assert shop.get("/orders").json() == []


def test_unknown_customer_is_refused(shop: Shop) -> None:
    response = shop.post("/orders", {"customer_id": 999})
    assert response.status_code == 400
    assert response.json()["code"] == "woocommerce_rest_invalid_customer_id"


def test_unknown_status_is_refused(shop: Shop) -> None:
    response = shop.post("/orders", {"status": "bogus"})
    assert response.status_code == 400
    assert response.json()["code"] == "rest_invalid_param"


def test_stock_reduced_once_and_restored_across_status_changes(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    order_id = _order(shop, mug)["id"]
    _order(shop, mug)
    seen = [shop.stock(mug)]
    for status in ("processing", "processing", "completed", "on-hold", "cancelled", "pending", "processing"):
        _status(shop, order_id, status)
        seen.append(shop.stock(mug))
    assert seen == [10, 8, 8, 8, 8, 10, 10, 8]


def test_reduced_line_carries_reduced_stock_meta_as_a_string(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    order = _status(shop, _order(shop, mug)["id"], "processing")
    meta = order["line_items"][0]["meta_data"]
    assert [(m["key"], m["value"], m["display_value"]) for m in meta] == [("_reduced_stock", "2", "2")]


def test_refunded_and_failed_do_not_restore_stock(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    order_id = _order(shop, mug, status="completed")["id"]
    _status(shop, order_id, "refunded")
    _status(shop, order_id, "failed")
    assert shop.stock(mug) == 8


def test_set_paid_marks_processing_paid_and_reduces_stock(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    order = _order(shop, mug, quantity=1, set_paid=True, transaction_id="tx-1")
    assert order["status"] == "processing"
    assert order["date_paid"] is not None
    assert order["transaction_id"] == "tx-1"
    assert shop.stock(mug) == 9
    completed = _status(shop, order["id"], "completed")
    assert completed["date_completed"] is not None
    assert shop.stock(mug) == 9


def test_created_completed_reduces_stock_at_once(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    order = _order(shop, mug, quantity=3, status="completed")
    assert shop.stock(mug) == 7
    assert order["date_paid"] is not None
    assert order["date_completed"] is not None


def test_local_pickup_shipping_line_is_kept_as_sent(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    pickup = {"method_id": "local_pickup", "method_title": "Pickup", "total": "0.00"}
    order = _order(shop, mug, shipping_lines=[pickup])
    again = _status(shop, order["id"], "completed")
    line = again["shipping_lines"][0]
    assert (line["method_id"], line["method_title"], line["total"]) == ("local_pickup", "Pickup", "0.00")
    assert again["total"] == "200.00"


def test_shipping_is_taxed_and_added_to_the_total(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = _order(shop, mug, quantity=1, shipping_lines=[{"method_id": "flat_rate", "total": "40.00"}])
    assert (order["shipping_total"], order["shipping_tax"], order["total"]) == ("40.00", "10.00", "150.00")


def test_shipping_line_without_method_id_is_refused(shop: Shop) -> None:
    response = shop.post("/orders", {"shipping_lines": [{"method_title": "Post", "total": "10"}]})
    assert response.status_code == 400
    assert response.json()["code"] == "woocommerce_rest_invalid_shipping_item"


def test_fee_lines_are_taxed_and_need_a_name(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = _order(shop, mug, quantity=1, fee_lines=[{"name": "Gift wrap", "total": "20.00"}])
    assert (order["fee_lines"][0]["total_tax"], order["total"]) == ("5.00", "125.00")
    refused = shop.post("/orders", {"fee_lines": [{"total": "20.00"}]})
    assert refused.json()["code"] == "woocommerce_rest_invalid_fee_item"


def test_quantity_alone_keeps_line_totals(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = _order(shop, mug, quantity=1)
    item = order["line_items"][0]["id"]
    updated = shop.put(f"/orders/{order['id']}", {"line_items": [{"id": item, "quantity": 3}]}).json()
    assert (updated["line_items"][0]["quantity"], updated["line_items"][0]["total"]) == (3, "80.00")


def test_quantity_edit_on_a_processing_order_moves_stock(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    order = _order(shop, mug, quantity=1, status="processing")
    item = order["line_items"][0]["id"]
    updated = shop.put(f"/orders/{order['id']}", {"line_items": [{"id": item, "quantity": 3}]}).json()
    assert shop.stock(mug) == 7
    assert updated["line_items"][0]["meta_data"][0]["value"] == "3"


@pytest.mark.parametrize(("version", "stock"), [("9.4.2", 9), ("11.0.1", 7)])
def test_added_line_on_a_processing_order_depends_on_the_version(version: str, stock: int) -> None:
    with start_shop(WooSettings(wc_version=version)) as shop:
        mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
        order = _order(shop, mug, quantity=1, status="processing")
        shop.put(f"/orders/{order['id']}", {"line_items": [{"product_id": mug, "quantity": 2}]})
        assert shop.stock(mug) == stock


def test_line_removed_by_quantity_zero_gives_its_stock_back(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    cup = shop.add_product("Cup", "CUP-1", "50.00", stock=5)
    body = {"line_items": [{"product_id": mug, "quantity": 2}, {"product_id": cup, "quantity": 1}]}
    order = shop.post("/orders", {**body, "status": "processing"}).json()
    item = order["line_items"][0]["id"]
    updated = shop.put(f"/orders/{order['id']}", {"line_items": [{"id": item, "quantity": 0}]}).json()
    assert [line["sku"] for line in updated["line_items"]] == ["CUP-1"]
    assert (shop.stock(mug), shop.stock(cup)) == (10, 4)
    assert updated["total"] == "50.00"


def test_unknown_line_item_id_is_refused(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = _order(shop, mug)
    response = shop.put(f"/orders/{order['id']}", {"line_items": [{"id": 9999, "quantity": 1}]})
    assert response.json()["code"] == "woocommerce_rest_invalid_item_id"


def test_custom_status_registered_in_settings() -> None:
    with start_shop(WooSettings(order_statuses={"wc-ready-pickup": "Ready for pickup"})) as shop:
        mug = shop.add_product("Mug", "MUG-1", "100.00")
        order = _status(shop, _order(shop, mug)["id"], "ready-pickup")
        assert order["status"] == "ready-pickup"
        listed = shop.get("/orders", status="ready-pickup").json()
        assert [o["id"] for o in listed] == [order["id"]]
        refused = shop.get("/orders", status="bogus").json()
        assert refused["data"]["params"]["status"].endswith("checkout-draft, and ready-pickup.")


def test_status_filter_takes_a_comma_list_and_any(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    done = _order(shop, mug, status="completed")["id"]
    gone = _order(shop, mug, status="cancelled")["id"]
    waiting = _order(shop, mug)["id"]
    trashed = _order(shop, mug)["id"]
    shop.delete(f"/orders/{trashed}")
    both = shop.get("/orders", status="cancelled,completed").json()
    assert sorted(o["id"] for o in both) == sorted([done, gone])
    assert sorted(o["id"] for o in shop.get("/orders").json()) == sorted([done, gone, waiting])
    assert [o["id"] for o in shop.get("/orders", status="trash").json()] == [trashed]


def test_unknown_status_filter_names_the_registered_statuses(shop: Shop) -> None:
    response = shop.get("/orders", status="pending,bogus")
    body = response.json()
    assert response.status_code == 400
    assert body["data"]["params"]["status"] == (
        "status[1] is not one of any, trash, auto-draft, pending, processing, on-hold, completed, "
        "cancelled, refunded, failed, and checkout-draft."
    )


def test_list_filters_customer_product_and_search(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    cup = shop.add_product("Cup", "CUP-1", "50.00")
    anna = _order(shop, mug, customer_id=1, billing={"first_name": "Anna", "email": "anna@example.com"})
    other = _order(shop, cup, billing={"first_name": "Bo"})
    assert [o["id"] for o in shop.get("/orders", customer=1).json()] == [anna["id"]]
    assert [o["id"] for o in shop.get("/orders", product=cup).json()] == [other["id"]]
    assert [o["id"] for o in shop.get("/orders", search="anna@example").json()] == [anna["id"]]


def test_after_and_modified_after_are_exclusive(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = _order(shop, mug)
    gmt = order["date_modified_gmt"]
    assert shop.get("/orders", modified_after=gmt, dates_are_gmt="true").json() == []
    assert shop.get("/orders", after=order["date_created"]).json() == []
    found = shop.get("/orders", before="2999-01-01T00:00:00").json()
    assert [o["id"] for o in found] == [order["id"]]


def test_list_pages_with_totals(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    ids = [_order(shop, mug)["id"] for _ in range(3)]
    response = shop.get("/orders", per_page=2, page=2)
    assert response.headers["X-WP-Total"] == "3"
    assert response.headers["X-WP-TotalPages"] == "2"
    assert [o["id"] for o in response.json()] == [min(ids)]


def test_unknown_order_is_404_to_read_and_400_to_update(shop: Shop) -> None:
    assert shop.get("/orders/999").status_code == 404
    assert shop.get("/orders/999").json()["code"] == "woocommerce_rest_shop_order_invalid_id"
    assert shop.put("/orders/999", {"status": "completed"}).status_code == 400


def test_delete_trashes_then_410_then_force_removes(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order_id = _order(shop, mug)["id"]
    assert shop.delete(f"/orders/{order_id}").json()["status"] == "pending"
    assert shop.get(f"/orders/{order_id}").json()["status"] == "trash"
    again = shop.delete(f"/orders/{order_id}")
    assert (again.status_code, again.json()["code"]) == (410, "woocommerce_rest_already_trashed")
    assert shop.delete(f"/orders/{order_id}", force="true").status_code == 200
    assert shop.get(f"/orders/{order_id}").status_code == 404


def test_batch_creates_updates_and_deletes_with_item_errors(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    first = _order(shop, mug)["id"]
    body = {
        "create": [{"line_items": [{"product_id": mug, "quantity": 1}]}, {"line_items": [{"quantity": 1}]}],
        "update": [{"id": first, "status": "processing"}, {"id": 9999, "status": "completed"}],
        "delete": [9998],
    }
    answer = shop.post("/orders/batch", body).json()
    assert answer["create"][0]["total"] == "100.00"
    assert answer["create"][1]["id"] == 0
    assert answer["create"][1]["error"]["code"] == "woocommerce_rest_required_product_reference"
    assert answer["update"][0]["status"] == "processing"
    assert answer["update"][1]["error"]["data"]["status"] == 400
    assert answer["delete"][0]["error"]["data"]["status"] == 404
    assert shop.stock(mug) == 8


def test_batch_coerces_an_unknown_status_to_pending(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    answer = shop.post(
        "/orders/batch", {"create": [{"status": "bogus", "line_items": [{"product_id": mug}]}]}
    )
    assert answer.json()["create"][0]["status"] == "pending"


def test_v2_status_filter_is_a_single_string(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    _order(shop, mug, status="completed")
    response = shop.client.get(shop.api("/orders", "v2"), params={"status": "completed"})
    assert len(response.json()) == 1
    assert "payment_url" not in response.json()[0]


def test_line_sku_turns_null_when_the_product_is_gone(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = _order(shop, mug)
    shop.delete(f"/products/{mug}", force="true")
    assert shop.get(f"/orders/{order['id']}").json()["line_items"][0]["sku"] is None


def test_variation_line_names_its_parent_and_attributes(shop: Shop) -> None:
    size = {"name": "Size", "options": ["S", "M"], "variation": True, "visible": True}
    parent = shop.woo.product(name="Hoodie", type="variable", attributes=[size])
    variation = {"sku": "HOOD-S", "regular_price": "500.00", "attributes": [{"name": "Size", "option": "S"}]}
    created = shop.post(
        f"/products/{parent['id']}/variations", {**variation, "manage_stock": True, "stock_quantity": 4}
    )
    assert created.status_code == 201, created.text
    order = shop.post(
        "/orders", {"line_items": [{"sku": "HOOD-S", "quantity": 1}], "status": "processing"}
    ).json()
    line = order["line_items"][0]
    assert (line["product_id"], line["variation_id"]) == (parent["id"], created.json()["id"])
    assert (line["name"], line["parent_name"], line["total"]) == ("Hoodie - S", "Hoodie", "400.00")
    assert {"key": "size", "value": "S", "display_key": "Size", "display_value": "S"}.items() <= next(
        m for m in line["meta_data"] if m["key"] == "size"
    ).items()
    assert (
        shop.get(f"/products/{parent['id']}/variations/{created.json()['id']}").json()["stock_quantity"] == 3
    )


def test_batch_items_skip_the_schema_and_read_junk_numbers_as_zero(shop: Shop) -> None:
    answer = shop.post("/orders/batch", {"create": [{"customer_id": "abc", "parent_id": "x"}]})
    assert answer.status_code == 200
    assert (answer.json()["create"][0]["customer_id"], answer.json()["create"][0]["parent_id"]) == (0, 0)
    single = shop.post("/orders", {"customer_id": "abc"})
    assert single.json()["data"]["params"]["customer_id"] == "customer_id is not of type integer."


def test_batch_above_the_limit_is_413_and_writes_nothing(shop: Shop) -> None:
    answer = shop.post("/orders/batch", {"create": [{}] * 60, "delete": list(range(1, 42))})
    assert (answer.status_code, answer.json()["code"]) == (413, "woocommerce_rest_request_entity_too_large")
    assert shop.get("/orders").json() == []


def test_dp_sets_the_decimals_of_the_answer(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "99.90")
    order = _order(shop, mug, quantity=1)
    assert shop.get(f"/orders/{order['id']}", dp=3).json()["line_items"][0]["total"] == "79.920"


def test_orders_survive_save_and_load(shop: Shop, tmp_path: Path) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00", stock=10)
    order = _order(shop, mug, status="processing")
    shop.emulator.save(tmp_path / "shop.json")
    restored = WooEmulator.load(tmp_path / "shop.json")
    again = restored.store.orders[order["id"]]
    assert (again["status"], again["total"], again["order_stock_reduced"]) == ("processing", "200.00", True)
    assert len([n for n in restored.store.notes.values() if n["order_id"] == order["id"]]) == 2


def test_failed_update_leaves_the_order_as_it_was(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    order = _order(shop, mug)
    body = {"billing": {"first_name": "Changed"}, "line_items": [{"id": 9999, "quantity": 1}]}
    assert shop.put(f"/orders/{order['id']}", body).status_code == 400
    assert shop.get(f"/orders/{order['id']}").json()["billing"]["first_name"] == ""


def test_link_header_rebuilds_the_status_list_as_an_array(shop: Shop) -> None:
    mug = shop.add_product("Mug", "MUG-1", "100.00")
    for _ in range(2):
        _order(shop, mug, status="completed")
    response = shop.get("/orders", status="cancelled,completed", per_page=1)
    assert "status%5B0%5D=cancelled&status%5B1%5D=completed" in response.headers["Link"]
    assert response.headers["Link"].endswith('page=2>; rel="next"')
