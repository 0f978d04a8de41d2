"""The known-wrong spots of the OpenAPI copy in the stock and order schemas, with the reason for each.

They join ``openapi_check.CORRECTIONS`` when this module is imported (the stock tests import it
through ``stock_support``, at collection time); the description is rebuilt when that list grows.
Almost all are fields Sitoo's own examples return as ``null`` while the schema lacks ``nullable``.
"""

from __future__ import annotations

from typing import Any

from .openapi_check import CORRECTIONS, Correction

_JSON = "/content/application~1json/schema"
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
_BATCH_ENTRY = {
    "type": "object",
    "required": ["statuscode"],
    "properties": {
        "statuscode": {"type": "integer"},
        "return": {"oneOf": [{"type": "integer"}, {"type": "boolean"}]},
        "errortext": {"type": "string"},
    },
}
_ENVELOPE = {"type": "array", "items": _BATCH_ENTRY}
_WAREHOUSE = "paths/sites/_siteid_/warehouses/_warehouseid_"
_BATCH_ENDPOINTS = {
    "paths/sites/_siteid_/warehousetransactions.yaml": ("post", {"oneOf": [{"type": "integer"}, _ENVELOPE]}),
    f"{_WAREHOUSE}/warehouseitems.yaml": ("put", _ENVELOPE),
    f"{_WAREHOUSE}/warehousebatches/_warehousebatchid_/warehousebatchitems.yaml": ("put", _ENVELOPE),
    "paths/sites/_siteid_/pricelists/_pricelistid_/pricelistitems.yaml": ("put", _ENVELOPE),
}


def _nullable(node: Any) -> Any:
    return {**(node or {}), "nullable": True}


def _replace(value: Any) -> Any:
    return lambda node: value


STOCK_CORRECTIONS: list[Correction] = [
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

CORRECTIONS.extend(correction for correction in STOCK_CORRECTIONS if correction not in CORRECTIONS)
