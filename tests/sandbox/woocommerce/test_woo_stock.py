"""``stock.change_stock``, the entry point orders and refunds use to move stock (spec §6.2, §8.3)."""

from __future__ import annotations

from woo_support import WooShop

from possync_sandbox.woocommerce.stock import change_stock


def test_change_on_a_managed_product_moves_quantity_status_and_date(woo_shop: WooShop) -> None:
    product = woo_shop.product(name="Cap", manage_stock=True, stock_quantity=2)
    events: list[tuple[str, int]] = []

    def record(topic: str, resource: int) -> None:
        events.append((topic, resource))

    woo_shop.emulator.store.subscribe(record)
    woo_shop.emulator.store.clock.advance(5)
    change = change_stock(woo_shop.emulator.store, product["id"], -2)
    woo_shop.emulator.store.unsubscribe(record)
    assert change is not None
    assert (change.name, change.before, change.after) == ("Cap", 2, 0)
    shown = woo_shop.client.get(f"/products/{product['id']}").json()
    assert (shown["stock_quantity"], shown["stock_status"]) == (0, "outofstock")
    assert shown["date_modified_gmt"] > product["date_modified_gmt"]
    assert ("product.updated", product["id"]) in events


def test_unmanaged_stock_is_left_alone(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    assert change_stock(woo_shop.emulator.store, product["id"], -1) is None
    assert woo_shop.client.get(f"/products/{product['id']}").json()["stock_quantity"] is None


def test_store_option_off_changes_nothing(woo_shop: WooShop) -> None:
    product = woo_shop.product(manage_stock=True, stock_quantity=4)
    woo_shop.emulator.settings.manage_stock = False
    assert change_stock(woo_shop.emulator.store, product["id"], -1) is None
    assert woo_shop.emulator.store.products[product["id"]]["stock_quantity"] == 4


def test_variation_without_own_stock_moves_the_parent(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable", manage_stock=True, stock_quantity=7)
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json={}).json()
    change = change_stock(woo_shop.emulator.store, variation["id"], -3)
    assert change is not None
    assert change.record_id == parent["id"]
    assert (
        woo_shop.client.get(f"/products/{parent['id']}/variations/{variation['id']}").json()["stock_quantity"]
        == 4
    )


def test_variation_with_own_stock_and_the_parent_status(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    body = {"manage_stock": True, "stock_quantity": 0}
    variation = woo_shop.client.post(f"/products/{parent['id']}/variations", json=body).json()
    assert woo_shop.client.get(f"/products/{parent['id']}").json()["stock_status"] == "outofstock"
    change_stock(woo_shop.emulator.store, variation["id"], 3)
    assert woo_shop.client.get(f"/products/{parent['id']}").json()["stock_status"] == "instock"


def test_going_below_zero_with_backorders_is_onbackorder(woo_shop: WooShop) -> None:
    product = woo_shop.product(manage_stock=True, stock_quantity=1, backorders="notify")
    change_stock(woo_shop.emulator.store, product["id"], -2)
    shown = woo_shop.client.get(f"/products/{product['id']}").json()
    assert (shown["stock_quantity"], shown["stock_status"], shown["backordered"]) == (-1, "onbackorder", True)
