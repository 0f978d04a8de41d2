"""Item-schema validation of single create/update bodies, as WordPress's REST server applies it.

Only single requests are validated (batch items skip the schema, as in WooCommerce). A field's
rule is a JSON type name or an enum list; numbers given where a string is expected are refused
("regular_price is not of type string."), numeric strings are accepted for integers.
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.woocommerce.context import RequestContext
from possync_sandbox.woocommerce.errors import not_in_enum, not_of_type

Rule = str | list[str]

PRODUCT_STATUSES = ["draft", "pending", "private", "publish", "future", "auto-draft", "trash"]
PRODUCT_TYPES = ["simple", "grouped", "external", "variable"]
STOCK_STATUSES = ["instock", "outofstock", "onbackorder"]
BACKORDERS = ["no", "notify", "yes"]
TAX_STATUSES = ["taxable", "shipping", "none"]

COMMON_RULES: dict[str, Rule] = {
    "sku": "string",
    "global_unique_id": "string",
    "description": "string",
    "regular_price": "string",
    "sale_price": "string",
    "virtual": "boolean",
    "downloadable": "boolean",
    "download_limit": "integer",
    "download_expiry": "integer",
    "tax_status": TAX_STATUSES,
    "tax_class": "string",
    "stock_quantity": "integer",
    "backorders": BACKORDERS,
    "stock_status": STOCK_STATUSES,
    "weight": "string",
    "dimensions": "object",
    "shipping_class": "string",
    "menu_order": "integer",
    "meta_data": "array",
}
PRODUCT_RULES: dict[str, Rule] = {
    **COMMON_RULES,
    "name": "string",
    "slug": "string",
    "type": PRODUCT_TYPES,
    "status": PRODUCT_STATUSES,
    "featured": "boolean",
    "catalog_visibility": ["visible", "catalog", "search", "hidden"],
    "short_description": "string",
    "manage_stock": "boolean",
    "sold_individually": "boolean",
    "reviews_allowed": "boolean",
    "external_url": "string",
    "button_text": "string",
    "parent_id": "integer",
    "purchase_note": "string",
    "categories": "array",
    "tags": "array",
    "images": "array",
    "attributes": "array",
    "default_attributes": "array",
    "grouped_products": "array",
    "upsell_ids": "array",
    "cross_sell_ids": "array",
}
VARIATION_RULES: dict[str, Rule] = {
    **COMMON_RULES,
    "status": ["draft", "pending", "private", "publish"],
    "image": "object",
    "attributes": "array",
}
"""``manage_stock`` is left out: a variation read back says ``"parent"``, which WooCommerce accepts."""


def _type_ok(value: Any, type_name: str) -> bool:
    if value is None:
        return False
    checks: dict[str, Any] = {
        "string": lambda v: isinstance(v, str),
        "boolean": lambda v: isinstance(v, bool) or str(v).lower() in ("0", "1", "true", "false", ""),
        "integer": lambda v: not isinstance(v, bool) and (isinstance(v, int) or str(v).lstrip("-").isdigit()),
        "number": lambda v: not isinstance(v, bool) and isinstance(v, int | float | str),
        "array": lambda v: isinstance(v, list | dict),
        "object": lambda v: isinstance(v, dict) or v == [],
    }
    return bool(checks[type_name](value))


def validate(ctx: RequestContext, body: dict[str, Any], rules: dict[str, Rule]) -> None:
    """Raise ``rest_invalid_param`` for the first field breaking its rule (single requests only)."""
    if ctx.in_batch:
        return
    for name, rule in rules.items():
        if name not in body:
            continue
        value = body[name]
        if isinstance(rule, list):
            if value not in rule:
                raise not_in_enum(name, rule)
        elif not _type_ok(value, rule) and not (value is None and name in NULLABLE):
            raise not_of_type(name, rule)


NULLABLE = frozenset({"stock_quantity", "image", "low_stock_amount"})
