"""Loads the neutral demo ``Catalogue`` into the WooCommerce emulator, as a merchant's shop holds it.

Categories become a product_cat tree, manufacturers the terms of a global "Manufacturer"
attribute (``pa_manufacturer``), variation attributes (Size, Colour) global attributes with
terms, images media attachments, and products go through the same code as ``POST /products``
and ``POST /products/<id>/variations`` (so the shop's own rules apply: a duplicate SKU is
refused and reported as skipped). Coupons use the coupons module, past orders the orders
create handler, both owned by the orders engineer.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Coroutine
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from possync_sandbox.catalogue.model import Catalogue, Order, Product, Variation
from possync_sandbox.woocommerce import coupons, orders
from possync_sandbox.woocommerce.attributes import create_attribute
from possync_sandbox.woocommerce.context import RequestContext
from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.media import add_media
from possync_sandbox.woocommerce.product_attributes import ensure_term
from possync_sandbox.woocommerce.products import save_product
from possync_sandbox.woocommerce.store import Record
from possync_sandbox.woocommerce.variations import save_variation
from possync_sandbox.woocommerce.wire import parse_input_date, slugify, term_name, unique_slug

if TYPE_CHECKING:
    from possync_sandbox.woocommerce.emulator import WooEmulator

T = TypeVar("T")
log = logging.getLogger(__name__)
TAX_CLASSES = {
    Decimal("25"): "",
    Decimal("12"): "reduced-rate",
    Decimal("6"): "super-reduced-rate",
    Decimal("0"): "zero-rate",
}


def run_sync(awaitable: Awaitable[T]) -> T:
    """Drive a handler coroutine that never really suspends (no image download) to its result."""
    coroutine: Coroutine[Any, Any, T] = awaitable  # type: ignore[assignment]
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    coroutine.close()
    msg = "a catalogue write tried to wait for I/O"
    raise RuntimeError(msg)


class CatalogueLoader:
    """One load: the key → id maps and the counts reported at the end."""

    def __init__(self, emulator: WooEmulator, catalogue: Catalogue) -> None:
        self.emulator, self.catalogue, self.store = emulator, catalogue, emulator.store
        self.categories: dict[str, int] = {}
        self.images: dict[str, int] = {}
        self.products: dict[str, int] = {}
        self.attributes: dict[str, int] = {}
        self.skipped: list[str] = []
        self.vat_rates = {v.sku: p.vat_rate for p in catalogue.products for v in p.variations}
        self.vat_rates |= {p.sku: p.vat_rate for p in catalogue.products}

    def context(self, body: dict[str, Any], **path_params: Any) -> RequestContext:
        key = next((k for k in self.store.settings.keys if k.permissions == "read_write"), None)
        view = self.emulator.view("v3")
        return RequestContext(self.emulator, view, "POST", "/products", path_params, {}, body, key)

    def run(self) -> dict[str, int]:
        settings = self.store.settings
        settings.currency, settings.prices_include_tax = (
            self.catalogue.currency,
            self.catalogue.prices_include_tax,
        )
        self._categories()
        self._attributes()
        for image in self.catalogue.images:
            self.images[image.key] = add_media(self.store, image.content, image.filename, image.alt)["id"]
        ordered = sorted(self.catalogue.products, key=lambda p: p.kind == "grouped")
        for age, product in enumerate(reversed(ordered)):
            self._product(product, minutes_ago=age * 7)
        loaded_coupons = sum(self._coupon(c) for c in self.catalogue.coupons)
        loaded_orders = sum(self._order(o) for o in self.catalogue.orders)
        return {
            "categories": len(self.categories),
            "attributes": len(self.store.attributes),
            "terms": len(self.store.terms),
            "media": len(self.store.media),
            "products": len(self.store.products),
            "variations": len(self.store.variations),
            "coupons": loaded_coupons,
            "orders": loaded_orders,
            "skipped": len(self.skipped),
        }

    def _categories(self) -> None:
        pending = list(self.catalogue.categories)
        while pending:
            ready = [c for c in pending if c.parent is None or c.parent in self.categories]
            if not ready:
                self.skipped.extend(c.key for c in pending)
                return
            for category in ready:
                pending.remove(category)
                self.categories[category.key] = self._category(
                    category.name, category.description, category.parent
                )

    def _category(self, name: str, description: str, parent_key: str | None) -> int:
        store, parent = self.store, self.categories.get(parent_key or "", 0)
        taken = {c["slug"] for c in store.categories.values()}
        slug = slugify(name) or "category"
        if slug in taken and parent:
            slug = f"{slug}-{store.categories[parent]['slug']}"
        term_id = store.new_id("term")
        store.categories[term_id] = {
            "id": term_id,
            "name": term_name(name),
            "slug": unique_slug(slug, taken),
            "parent": parent,
            "description": description,
            "display": "default",
            "image": None,
            "menu_order": 0,
            "attribute_id": 0,
        }
        return term_id

    def _attributes(self) -> None:
        manufacturer = create_attribute(self.store, "Manufacturer", "manufacturer")
        self.attributes["Manufacturer"] = manufacturer["id"]
        for brand in self.catalogue.manufacturers:
            ensure_term(self.store, manufacturer["id"], brand.name)
        for product in self.catalogue.products:
            for name, options in product.attribute_options().items():
                if name not in self.attributes:
                    self.attributes[name] = create_attribute(self.store, name)["id"]
                for option in options:
                    ensure_term(self.store, self.attributes[name], option)

    def _product_body(self, product: Product, minutes_ago: int) -> dict[str, Any]:
        body: dict[str, Any] = {
            "name": product.name,
            "type": product.kind,
            "sku": product.sku,
            "status": "publish" if product.active else "draft",
            "description": product.description,
            "short_description": product.short_description,
            "tax_class": TAX_CLASSES.get(product.vat_rate, ""),
            "categories": [{"id": self.categories[k]} for k in product.categories if k in self.categories],
            "images": [{"id": self.images[k]} for k in product.images if k in self.images],
            "attributes": self._attribute_entries(product),
            "date_created_gmt": self._ago(minutes_ago),
        }
        if product.kind in ("simple", "external"):
            body |= _prices(product.price, product.sale_price)
        if product.kind == "simple" and product.stock is not None:
            body |= {"manage_stock": True, "stock_quantity": product.stock}
        if product.kind == "external":
            body |= {"external_url": product.external_url or "https://example.com/", "button_text": "Buy"}
        if product.kind == "grouped":
            body["grouped_products"] = [self.products[k] for k in product.grouped if k in self.products]
        if product.barcode and product.barcode.replace("-", "").isdigit():
            body["global_unique_id"] = product.barcode
        if product.purchase_price is not None:
            body["meta_data"] = [{"key": "_purchase_price", "value": str(product.purchase_price)}]
        return body

    def _ago(self, minutes: int) -> str:
        moment = self.store.clock.now() - timedelta(minutes=minutes)
        return moment.strftime("%Y-%m-%dT%H:%M:%S")

    def _attribute_entries(self, product: Product) -> list[dict[str, Any]]:
        entries = []
        if product.manufacturer:
            brand = next(
                (m.name for m in self.catalogue.manufacturers if m.key == product.manufacturer), None
            )
            if brand:
                entries.append({"id": self.attributes["Manufacturer"], "visible": True, "options": [brand]})
        for name, options in product.attribute_options().items():
            entries.append(
                {"id": self.attributes[name], "visible": True, "variation": True, "options": options}
            )
        return entries

    def _product(self, product: Product, minutes_ago: int) -> None:
        try:
            record = run_sync(save_product(self.context(self._product_body(product, minutes_ago)), None))
        except WooError:
            self.skipped.append(product.key)
            return
        self.products[product.key] = record["id"]
        for variation in product.variations:
            self._variation(record, variation)

    def _variation(self, parent: Record, variation: Variation) -> None:
        body: dict[str, Any] = {
            "sku": variation.sku,
            "status": "publish" if variation.active else "private",
            "attributes": [{"id": self.attributes[k], "option": v} for k, v in variation.attributes.items()],
            **_prices(variation.price, variation.sale_price),
        }
        if variation.stock is not None:
            body |= {"manage_stock": True, "stock_quantity": variation.stock}
        if variation.image and variation.image in self.images:
            body["image"] = {"id": self.images[variation.image]}
        if variation.barcode and variation.barcode.replace("-", "").isdigit():
            body["global_unique_id"] = variation.barcode
        try:
            run_sync(save_variation(self.context(body, product_id=parent["id"]), parent, None))
        except WooError:
            self.skipped.append(variation.sku)

    def _coupon(self, coupon: Any) -> int:
        body = {
            "code": coupon.code,
            "discount_type": coupon.kind,
            "amount": str(coupon.amount),
            "description": coupon.description,
            "usage_limit": coupon.usage_limit,
            "date_expires": coupon.expires,
        }
        try:
            coupons.create_coupon(self.store, {k: v for k, v in body.items() if v is not None})
        except WooError:
            self.skipped.append(coupon.code)
            return 0
        return 1

    def _order(self, order: Order) -> int:
        body = self._order_body(order)
        for attempt in (body, {k: v for k, v in body.items() if k != "coupon_lines"}):
            try:
                reply = run_sync(orders.create_order(self.context(attempt)))
            except WooError:
                continue
            except Exception:
                log.exception("the orders module could not load catalogue order %s", order.key)
                break
            record = self.store.orders.get(reply.body["id"])
            if record is not None and "date_created_gmt" in record:
                record["date_created_gmt"] = parse_input_date(
                    order.created, self.store.settings.timezone, is_gmt=False
                )
            return 1
        self.skipped.append(order.key)
        return 0

    def _order_body(self, order: Order) -> dict[str, Any]:
        first, _, last = order.customer_name.partition(" ")
        address = {"first_name": first, "last_name": last, "address_1": order.address}
        address |= {"postcode": order.postcode, "city": order.city, "country": order.country}
        body: dict[str, Any] = {
            "status": order.status,
            "created_via": "checkout" if order.channel == "web" else "rest-api",
            "billing": address | {"email": order.customer_email},
            "shipping": address,
            "line_items": [self._line(line.sku, line.quantity, line.price) for line in order.lines],
            "payment_method": order.payment_method,
            "set_paid": bool(order.payment_method) and order.status in ("processing", "completed"),
        }
        if order.shipping != "none":
            title = order.shipping.replace("_", " ").capitalize()
            net = order.shipping_total / Decimal("1.25")
            body["shipping_lines"] = [
                {"method_id": order.shipping, "method_title": title, "total": f"{net:.6f}"}
            ]
        if order.coupon:
            body["coupon_lines"] = [{"code": order.coupon}]
        return body

    def _line(self, sku: str, quantity: int, price: Decimal) -> dict[str, Any]:
        rate = self.vat_rates.get(sku, Decimal("25"))
        net = price * quantity / (1 + rate / 100)
        return {"sku": sku, "quantity": quantity, "subtotal": f"{net:.6f}", "total": f"{net:.6f}"}


def _prices(price: Decimal, sale: Decimal | None) -> dict[str, str]:
    return {"regular_price": f"{price:.2f}", "sale_price": f"{sale:.2f}" if sale is not None else ""}


def load_catalogue(emulator: WooEmulator, catalogue: Catalogue) -> dict[str, int]:
    """Load ``catalogue`` into ``emulator`` (on top of what it holds) and count what was loaded."""
    return CatalogueLoader(emulator, catalogue).run()
