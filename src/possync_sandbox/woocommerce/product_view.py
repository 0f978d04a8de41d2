"""Products on the wire: the v3/v2 product object, also for a variation read in product shape.

``product_json(view, record)`` is what ``GET /products/<id>`` answers, what batch and webhook
payloads contain, and (for a variation record) what ``GET /products?sku=`` returns for a
variation: ``"type": "variation"`` with its ``parent_id``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from possync_sandbox.woocommerce.context import View
from possync_sandbox.woocommerce.media import images_json
from possync_sandbox.woocommerce.product_fields import (
    active_price,
    downloads_json,
    meta_json,
    on_sale,
    price_html,
    prices_json,
    shipping_json,
    stock_json,
)
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import date_pair, slugify

COLLECTION = "/products"


def children(store: Store, parent_id: int) -> list[Record]:
    rows = (store.variations[i] for i in store.variation_ids(parent_id))
    rows = (v for v in rows if v.get("status") != "trash")
    return sorted(rows, key=lambda v: (v.get("menu_order", 0), v["id"]))


def display_price(store: Store, record: Record) -> str:
    """The effective price; a variable or grouped product shows its lowest child price."""
    now = store.now()
    kind = record.get("type")
    if kind == "variable":
        kids = [v for v in children(store, record["id"]) if v.get("status") == "publish"]
    elif kind == "grouped":
        kids = [store.products[i] for i in record.get("grouped_products", []) if i in store.products]
    else:
        return active_price(record, now)
    prices = [Decimal(p) for p in (active_price(k, now) for k in kids) if p != ""]
    return str(min(prices)) if prices else ""


def permalink(view: View, record: Record) -> str:
    if record.get("type") == "variation":
        parent = view.store.products.get(record.get("parent_id", 0), {})
        query = "&".join(
            f"attribute_{_attr_key(view.store, a)}={a['option']}" for a in record.get("attributes", [])
        )
        return f"{view.home_url}/product/{parent.get('slug', '')}/" + (f"?{query}" if query else "")
    return f"{view.home_url}/product/{record.get('slug', '')}/"


def _attr_key(store: Store, attribute: dict[str, Any]) -> str:
    glob = store.attributes.get(attribute.get("id", 0))
    return f"pa_{glob['slug']}" if glob else slugify(str(attribute.get("name", "")))


def _terms(store: Store, table: str, ids: list[int]) -> list[dict[str, Any]]:
    rows = store.tables[table]
    return [{"id": i, "name": rows[i]["name"], "slug": rows[i]["slug"]} for i in ids if i in rows]


def attributes_json(store: Store, record: Record) -> list[dict[str, Any]]:
    out = []
    for attribute in record.get("attributes", []):
        glob = store.attributes.get(attribute.get("id", 0))
        out.append(
            {
                "id": attribute.get("id", 0),
                "name": glob["name"] if glob else attribute.get("name", ""),
                "slug": f"pa_{glob['slug']}" if glob else attribute.get("name", "").lower(),
                "position": attribute.get("position", 0),
                "visible": attribute.get("visible", True),
                "variation": attribute.get("variation", False),
                "options": list(attribute.get("options", [])),
            }
        )
    return out


def option_label(store: Store, attribute: dict[str, Any]) -> str:
    """A variation's stored option (a term slug for global attributes) as the shown term name."""
    if not attribute.get("id"):
        return str(attribute.get("option", ""))
    terms = store.terms.values()
    found = next(
        (
            t
            for t in terms
            if t.get("attribute_id") == attribute["id"] and t["slug"] == attribute.get("option")
        ),
        None,
    )
    return str(found["name"]) if found else str(attribute.get("option", ""))


def variation_attributes_json(store: Store, record: Record) -> list[dict[str, Any]]:
    """A variation's chosen options; an "any value" attribute (empty option) is not listed."""
    out = []
    for attribute in record.get("attributes", []):
        if attribute.get("option", "") == "":
            continue
        glob = store.attributes.get(attribute.get("id", 0))
        name = glob["name"] if glob else attribute.get("name", "")
        slug = f"pa_{glob['slug']}" if glob else str(name).lower()
        out.append(
            {
                "id": attribute.get("id", 0),
                "name": name,
                "slug": slug,
                "option": option_label(store, attribute),
            }
        )
    return out


def _links(view: View, record: Record) -> dict[str, Any]:
    self_path = f"{COLLECTION}/{record['id']}"
    if record.get("parent_id"):
        return view.links(self_path, COLLECTION, up=f"{COLLECTION}/{record['parent_id']}")
    return view.links(self_path, COLLECTION)


def _identity_json(view: View, record: Record, variation: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": record["id"],
        "name": record.get("name", ""),
        "slug": "" if variation else record.get("slug", ""),
        "permalink": permalink(view, record),
    }
    body |= date_pair(record, "date_created", view.timezone)
    body |= date_pair(record, "date_modified", view.timezone)
    return body | {
        "type": record.get("type", "simple"),
        "status": record.get("status", "publish"),
        "featured": record.get("featured", False),
        "catalog_visibility": record.get("catalog_visibility", "visible"),
        "description": view.rendered(record.get("description", "")),
        "short_description": view.rendered(record.get("short_description", "")),
        "sku": record.get("sku", ""),
    }


def _selling_json(view: View, record: Record, price: str) -> dict[str, Any]:
    body = prices_json(view, record, price, on_sale(record, view.store.now()))
    body |= {
        "purchasable": price != "" and record.get("status") == "publish",
        "total_sales": record.get("total_sales", 0),
    }
    body |= downloads_json(record)
    body |= {
        "external_url": record.get("external_url", "") if record.get("type") == "external" else "",
        "button_text": record.get("button_text", "") if record.get("type") == "external" else "",
        "tax_status": record.get("tax_status", "taxable"),
        "tax_class": record.get("tax_class", ""),
    }
    body |= stock_json(view, record) | {"sold_individually": record.get("sold_individually", False)}
    return body | shipping_json(record)


def _catalogue_json(view: View, record: Record, variation: bool) -> dict[str, Any]:
    store = view.store
    parent = store.products.get(record.get("parent_id", 0), {}) if variation else record
    images = [record["image"]] if variation and record.get("image") else record.get("images", [])
    return {
        "shipping_required": not record.get("virtual", False),
        "shipping_taxable": record.get("tax_status", "taxable") in ("taxable", "shipping"),
        "reviews_allowed": record.get("reviews_allowed", True),
        "average_rating": "0.00",
        "rating_count": 0,
        "related_ids": [],
        "upsell_ids": list(record.get("upsell_ids", [])),
        "cross_sell_ids": list(record.get("cross_sell_ids", [])),
        "parent_id": record.get("parent_id", 0),
        "purchase_note": view.rendered(record.get("purchase_note", "")),
        "categories": _terms(store, "categories", parent.get("categories", [])),
        "tags": _terms(store, "tags", record.get("tags", [])),
        "images": images_json(view, images),
    }


def _structure_json(store: Store, record: Record, variation: bool) -> dict[str, Any]:
    if variation:
        attributes = variation_attributes_json(store, record)
        return {"attributes": attributes, "default_attributes": [], "variations": [], "grouped_products": []}
    variable = record.get("type") == "variable"
    return {
        "attributes": attributes_json(store, record),
        "default_attributes": list(record.get("default_attributes", [])),
        "variations": [v["id"] for v in children(store, record["id"])] if variable else [],
        "grouped_products": list(record.get("grouped_products", [])),
    }


def product_json(view: View, record: Record) -> dict[str, Any]:
    """The full product object for ``view.version``."""
    variation = record.get("type") == "variation"
    price = display_price(view.store, record)
    body = _identity_json(view, record, variation) | _selling_json(view, record, price)
    body |= _catalogue_json(view, record, variation) | _structure_json(view.store, record, variation)
    body |= {
        "menu_order": record.get("menu_order", 0),
        "price_html": price_html(view, price),
        "meta_data": meta_json(record),
    }
    if view.version == "v3":
        body |= {
            "has_options": record.get("type") == "variable",
            "post_password": "",
            "global_unique_id": record.get("global_unique_id", ""),
        }
    return body | {"_links": _links(view, record)}
