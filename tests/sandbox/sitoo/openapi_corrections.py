"""The known-wrong spots of Sitoo's OpenAPI copy, each with its reason: the one list of them.

``openapi_check`` applies them before it validates the emulator's answers or hands the description
to schemathesis. Most are fields Sitoo's own examples return as ``null`` while the schema lacks
``nullable``, and batch endpoints whose per-item envelope the copy types as a bare value.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

NULLABLE = {"nullable": True}
_JSON = "/content/application~1json/schema"


@dataclass(frozen=True)
class Correction:
    """One known-wrong spot: the node at ``pointer`` in ``file`` becomes ``fix(node)``."""

    file: str
    pointer: str
    fix: Callable[[Any], Any]
    reason: str


def _merge(extra: dict[str, Any]) -> Callable[[Any], Any]:
    return lambda node: {**(node or {}), **extra}


def _replace(value: Any) -> Callable[[Any], Any]:
    return lambda node: copy.deepcopy(value)


ERROR_SCHEMA = {
    "type": "object",
    "required": ["statuscode", "errortext"],
    "properties": {"statuscode": {"type": "integer"}, "errortext": {"type": "string"}},
}
_BATCH_ENTRY = {
    "oneOf": [
        {
            "type": "object",
            "required": ["statuscode", "return"],
            "properties": {
                "statuscode": {"type": "integer"},
                "return": {"oneOf": [{"type": "integer"}, {"type": "boolean"}]},
            },
        },
        ERROR_SCHEMA,
    ]
}
_ENVELOPE_OR_ID = {"oneOf": [{"type": "integer"}, {"type": "array", "items": _BATCH_ENTRY}]}
_ENVELOPE_OR_TRUE = {"oneOf": [{"type": "boolean"}, {"type": "array", "items": _BATCH_ENTRY}]}
_INT_ITEMS = _merge({"items": {"type": "integer"}})
_ID_ARRAYS = ("categories", "similar", "related", "accessories")
_PRODUCT_NULLABLES = ("barcode", "manufacturerid", "defaultcategoryid", "variantparentid")

_CATALOGUE: list[Correction] = [
    Correction(
        "schemas/product-read.yaml",
        "/properties/active",
        _replace({"type": "boolean"}),
        "`active` (webshop visibility) is missing from the read schema, yet every example returns it.",
    ),
    *(
        Correction(
            f"schemas/product-{side}.yaml",
            f"/properties/{name}",
            _INT_ITEMS,
            "id arrays are typed as strings, but the examples hold integers (spec §3: emit integers).",
        )
        for side in ("read", "write")
        for name in _ID_ARRAYS
    ),
    *(
        Correction(
            "schemas/product-read.yaml",
            f"/properties/{name}",
            _merge(NULLABLE),
            f"`{name}` is null when unset in Sitoo's examples; the schema lacks `nullable`.",
        )
        for name in _PRODUCT_NULLABLES
    ),
    Correction(
        "schemas/product-write.yaml",
        "/properties/defaultcategoryid",
        _merge(NULLABLE),
        "the field's own description says setting it to null removes the default category.",
    ),
    Correction(
        "schemas/productvariant-read.yaml",
        "/properties/barcode",
        _merge(NULLABLE),
        "the productvariants GET example returns `barcode: null`.",
    ),
    Correction(
        "schemas/category-read.yaml",
        "/properties/categoryparentid",
        _merge(NULLABLE),
        "top-level categories have `categoryparentid: null` in the examples.",
    ),
    Correction(
        "schemas/batchResponse.yaml",
        "",
        _replace(_BATCH_ENTRY),
        "`return` is typed integer, but updates and deletes return `true` (manufacturers and price "
        "list examples), and a failed element carries `errortext` instead of `return` (spec §5.2).",
    ),
    Correction(
        "paths/sites/_siteid_/products.yaml",
        f"/post/responses/200{_JSON}",
        _replace(_ENVELOPE_OR_ID),
        "documented as 'productid or a batch envelope': a single object body answers the bare id.",
    ),
    Correction(
        "paths/sites/_siteid_/manufacturers.yaml",
        f"/post/responses/200{_JSON}",
        _replace(_ENVELOPE_OR_ID),
        "documented as 'manufacturerid or a batch envelope': a single object body answers the bare id.",
    ),
    Correction(
        "paths/sites/_siteid_/manufacturers.yaml",
        f"/put/responses/200{_JSON}",
        _replace(_ENVELOPE_OR_TRUE),
        "typed boolean, while its own example is a batch envelope of `true`s.",
    ),
    Correction(
        "paths/sites/_siteid_/products.yaml",
        "/get/parameters/1/schema",
        _replace({"type": "string", "enum": ["true", "false"]}),
        "the enum is written as YAML booleans in a string-typed parameter.",
    ),
]
_NULLABLE_IN_EXAMPLES: dict[str, tuple[str, ...]] = {
    "warehouse-read": ("storeid", "externalid"),
    "warehousetransaction-read": ("orderdeliveryid", "shipmentid", "externalid", "reasoncode"),
    "warehousebatch-read": ("warehousetransactionid", "shipmentid", "externalid", "reasoncode"),
    "warehousebatchitem-read": ("comment",),
    "order-read": (
        "externalid",
        "creditorderid",
        "userid_staff",
        "registerid",
        "warehouseid",
        "datereserved",
    ),
    "orderitem-read": ("decimalunitquantity",),
    "orderdelivery-read": ("datecancelled",),
    "orderlogitem-read": ("strvalue", "fvalue"),
    "pricelist-read": ("externalid",),
    "pricelistitem-read": ("moneypricevolume",),
}
_NULLABLE_BY_MEANING: dict[str, tuple[str, ...]] = {
    "warehouseitem-read": ("datelaststocktaking",),
    "voucher-read": ("datestart", "dateend"),
}
_ARRAY_ENTRY = {
    "type": "object",
    "required": ["statuscode"],
    "properties": {
        "statuscode": {"type": "integer"},
        "return": {"oneOf": [{"type": "integer"}, {"type": "boolean"}]},
        "errortext": {"type": "string"},
    },
}
_ARRAY_ENVELOPE = {"type": "array", "items": _ARRAY_ENTRY}
_WAREHOUSE = "paths/sites/_siteid_/warehouses/_warehouseid_"
_BATCH_ENDPOINTS = {
    "paths/sites/_siteid_/warehousetransactions.yaml": (
        "post",
        {"oneOf": [{"type": "integer"}, _ARRAY_ENVELOPE]},
    ),
    f"{_WAREHOUSE}/warehouseitems.yaml": ("put", _ARRAY_ENVELOPE),
    f"{_WAREHOUSE}/warehousebatches/_warehousebatchid_/warehousebatchitems.yaml": ("put", _ARRAY_ENVELOPE),
    "paths/sites/_siteid_/pricelists/_pricelistid_/pricelistitems.yaml": ("put", _ARRAY_ENVELOPE),
}


_nullable = _merge(NULLABLE)

_STOCK_AND_ORDERS: list[Correction] = [
    *(
        Correction(
            f"schemas/{schema}.yaml",
            f"/properties/{name}",
            _nullable,
            f"`{name}` is null in Sitoo's own examples of this object; the schema lacks `nullable`.",
        )
        for schema, names in _NULLABLE_IN_EXAMPLES.items()
        for name in names
    ),
    *(
        Correction(
            f"schemas/{schema}.yaml",
            f"/properties/{name}",
            _nullable,
            f"`{name}` has no value until it happens (never counted, open-ended): null, like Sitoo's other "
            "unset dates (`datereserved`, `datecancelled`) [INF].",
        )
        for schema, names in _NULLABLE_BY_MEANING.items()
        for name in names
    ),
    *(
        Correction(
            path,
            f"/{method}/responses/200{_JSON}",
            _replace(schema),
            "a batch endpoint answers an array body with the per-item envelope (its own example for price "
            "list items; spec §5.2), which the copy types as a bare value or leaves out.",
        )
        for path, (method, schema) in _BATCH_ENDPOINTS.items()
    ),
]

CORRECTIONS: list[Correction] = [*_CATALOGUE, *_STOCK_AND_ORDERS]
"""Every known-wrong spot of the OpenAPI copy, with the reason. Two rules complete it:
error answers (4xx/5xx) have no body schema in the copy, so they are checked against
``schemas/Error-read.yaml`` (spec §6); and a read schema's ``required`` list does not hold when
``fields=`` asks for a subset of fields (spec §4.2)."""
