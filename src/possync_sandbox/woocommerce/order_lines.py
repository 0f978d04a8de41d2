"""Order lines written through REST: line items, shipping, fee and coupon lines.

A line without ``id`` is added, a line with ``id`` updated, and one whose ``quantity`` is 0 or
whose identifying field (``product_id``, ``method_id``, ``name``, ``code``...) is ``null`` is
removed; lines not mentioned are kept. A new line item is priced from its product (net of tax)
unless ``total``/``subtotal`` are sent; ``meta_data`` entries are upserts by id or key.
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.order_totals import DEFAULT_TAX_RATES, TaxRate, precise, price_excluding_tax
from possync_sandbox.woocommerce.product_fields import active_price, apply_meta
from possync_sandbox.woocommerce.product_view import option_label
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import decimal as dec
from possync_sandbox.woocommerce.wire import slugify

LINE_TYPES = ("line_items", "shipping_lines", "fee_lines", "coupon_lines")
REMOVE_KEYS = ("product_id", "method_id", "method_title", "name", "code")
AMOUNTS = frozenset({"total", "subtotal", "amount"})


def set_meta(store: Store, record: Record, posted: Any) -> None:
    """Upsert the posted ``meta_data`` entries into ``record`` (by id, else key; null deletes)."""
    apply_meta(store, record, posted if isinstance(posted, list) else [])


def as_int(value: Any) -> int:
    """``absint``-like: a number or numeric string as an int, anything else 0."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def is_removal(posted: dict[str, Any]) -> bool:
    """``item_is_null_or_zero``: quantity 0 or an identifying field set to null."""
    if any(key in posted and posted[key] is None for key in REMOVE_KEYS):
        return True
    return "quantity" in posted and as_int(posted["quantity"]) == 0


def find_product(store: Store, posted: dict[str, Any]) -> tuple[Record | None, bool]:
    """The product a line item names (by ``sku``, else ``variation_id``, else ``product_id``).

    The flag says whether the line named one at all.
    """
    sku = posted.get("sku")
    if sku:
        wanted = str(sku).lower()
        for table in (store.products, store.variations):
            for record in table.values():
                if record.get("status") != "trash" and str(record.get("sku", "")).lower() == wanted:
                    return record, True
        return None, True
    for key in ("variation_id", "product_id"):
        if as_int(posted.get(key)):
            found = store.variations.get(as_int(posted[key])) or store.products.get(as_int(posted[key]))
            return found, True
    return None, False


def _image_id(record: Record, parent: Record | None) -> int | None:
    """The media id of a product's featured image (a variation falls back to its parent's)."""
    found = record.get("image") or next(iter(record.get("images") or []), None)
    if not found and parent is not None:
        found = next(iter(parent.get("images") or []), None)
    return int(found) if found else None


def set_product(store: Store, item: Record, product: Record) -> None:
    """``WC_Order_Item_Product::set_product``: name, ids, tax class, SKU, image."""
    parent = store.products.get(product.get("parent_id", 0)) if product.get("type") == "variation" else None
    tax_class = product.get("tax_class", "")
    if parent is not None and tax_class == "parent":
        tax_class = parent.get("tax_class", "")
    item.update(
        name=product.get("name") or (parent or {}).get("name", ""),
        product_id=parent["id"] if parent else product["id"],
        variation_id=product["id"] if parent else 0,
        tax_class=tax_class or "",
        sku=product.get("sku", ""),
        image_id=_image_id(product, parent),
        parent_name=parent.get("name") if parent else None,
        _tax_status=product.get("tax_status", "taxable"),
    )
    if parent is not None:
        item["meta_data"] = [*item.get("meta_data", []), *variation_meta(store, product)]


def variation_meta(store: Store, variation: Record) -> list[Record]:
    """The chosen attributes a variation line carries as item meta (``pa_size`` → ``s``)."""
    metas = []
    for chosen in variation.get("attributes", []):
        if not chosen.get("option"):
            continue
        attribute = store.attributes.get(int(chosen.get("id") or 0))
        key = f"pa_{attribute['slug']}" if attribute else slugify(str(chosen.get("name", "")))
        metas.append(
            {
                "id": store.new_id("meta"),
                "key": key,
                "value": chosen["option"],
                "display_key": chosen.get("name", key),
                "display_value": option_label(store, chosen),
            }
        )
    return metas


def _money_field(item: Record, posted: dict[str, Any], name: str) -> None:
    if name in posted and posted[name] is not None:
        item[name] = precise(dec(posted[name]))


def _edited_or_new(store: Store, item: Record | None, **defaults: Any) -> Record:
    """The stored line ``item`` to edit, or a new line with a fresh id and ``defaults``."""
    return item if item is not None else {"id": store.new_id("order_item"), **defaults}


def prepare_line_item(store: Store, posted: dict[str, Any], item: Record | None) -> Record:
    """``prepare_line_items``: a new line priced from its product, or an existing one edited."""
    creating = item is None
    line = _edited_or_new(store, item, quantity=1)
    product, named = find_product(store, posted)
    if creating and not named:
        raise WooError("woocommerce_rest_required_product_reference", "Product ID or SKU is required.", 400)
    current = line.get("variation_id") or line.get("product_id")
    if product is not None and product["id"] != current:
        set_product(store, line, product)
        if creating:
            quantity = as_int(posted.get("quantity", 1))
            net = price_excluding_tax(
                dec(active_price(product, store.now())),
                quantity,
                line["tax_class"],
                tax_rates(store),
                prices_include_tax=store.settings.prices_include_tax,
            )
            line["total"] = line["subtotal"] = precise(net)
    line.setdefault("name", "")
    line.setdefault("product_id", 0)
    line.setdefault("variation_id", 0)
    line.setdefault("tax_class", "")
    line.setdefault("total", "0")
    line.setdefault("subtotal", "0")
    line.setdefault("sku", None)
    line.setdefault("parent_name", None)
    _plain_fields(line, posted, ("name", "tax_class"))
    if "quantity" in posted:
        line["quantity"] = as_int(posted["quantity"])
    _money_field(line, posted, "total")
    _money_field(line, posted, "subtotal")
    set_meta(store, line, posted.get("meta_data"))
    return line


def _plain_fields(line: Record, posted: dict[str, Any], names: tuple[str, ...]) -> None:
    for name in names:
        if name in posted and posted[name] is not None:
            line[name] = str(posted[name])


def prepare_shipping_line(store: Store, posted: dict[str, Any], item: Record | None) -> Record:
    if item is None and not posted.get("method_id"):
        raise WooError("woocommerce_rest_invalid_shipping_item", "Shipping method ID is required.", 400)
    line = _edited_or_new(store, item, method_title="")
    _plain_fields(line, posted, ("method_id", "method_title", "instance_id"))
    _money_field(line, posted, "total")
    line.setdefault("total", "0")
    set_meta(store, line, posted.get("meta_data"))
    return line


def prepare_fee_line(store: Store, posted: dict[str, Any], item: Record | None) -> Record:
    if item is None and not posted.get("name"):
        raise WooError("woocommerce_rest_invalid_fee_item", "Fee name is required.", 400)
    line = _edited_or_new(store, item, tax_status="taxable")
    _plain_fields(line, posted, ("name", "tax_class", "tax_status"))
    _money_field(line, posted, "total")
    if "amount" in posted:
        line["amount"] = str(posted["amount"])
    line.setdefault("tax_class", "")
    line.setdefault("total", "0")
    set_meta(store, line, posted.get("meta_data"))
    return line


def check_coupon(store: Store, coupon: Record) -> None:
    """``WC_Discounts::is_coupon_valid`` for what an order can break: expiry and usage limit."""
    expires = coupon.get("date_expires_gmt")
    if expires and expires < store.now():
        raise WooError("woocommerce_rest_invalid_coupon", "This coupon has expired.", 400)
    limit = coupon.get("usage_limit")
    if limit and int(coupon.get("usage_count", 0)) >= int(limit):
        raise WooError("woocommerce_rest_invalid_coupon", "Coupon usage limit has been reached.", 400)


def prepare_coupon_line(store: Store, posted: dict[str, Any]) -> Record:
    """A coupon line re-applied from the shop's coupon of that code (validated by the caller)."""
    code = str(posted.get("code") or "").strip().lower()
    coupon = next(
        (c for c in store.coupons.values() if c.get("code") == code and c.get("status") != "trash"),
        None,
    )
    if coupon is None:
        raise WooError("woocommerce_rest_invalid_coupon", f'Coupon "{code}" does not exist!', 400)
    check_coupon(store, coupon)
    line: Record = {
        "id": store.new_id("order_item"),
        "code": code,
        "discount": "0",
        "discount_tax": "0",
        "discount_type": coupon.get("discount_type", "fixed_cart"),
        "nominal_amount": str(dec(coupon.get("amount"))),
        "free_shipping": bool(coupon.get("free_shipping")),
        "_product_ids": list(coupon.get("product_ids") or []),
        "_excluded_product_ids": list(coupon.get("excluded_product_ids") or []),
        "meta_data": [],
    }
    set_meta(store, line, posted.get("meta_data"))
    return line


def tax_rates(store: Store) -> tuple[TaxRate, ...]:
    """The shop's tax table; empty when the shop does not calculate taxes."""
    return DEFAULT_TAX_RATES if store.settings.calc_taxes else ()
