"""The product record: its writable fields with their wire coercers, defaults and default field set.

A product is stored with every field of Sitoo's read example; ``vatvalue``,
``productgrouptype`` and ``moneyfinalprice`` are computed when it is shown. Without
``fields=``, lists show Sitoo's documented default set, which has no ``title`` [DOC].
"""

from __future__ import annotations

from possync_sandbox.sitoo.store import Record
from possync_sandbox.sitoo.wire import (
    Coercer,
    boolean,
    int_list,
    integer,
    mapping,
    money,
    nullable,
    text,
    text_list,
)

DEFAULT_FIELDS = (
    "productid",
    "sku",
    "datemodified",
    "active",
    "activepos",
    "vatid",
    "manufacturerid",
    "stockcountenable",
    "stockallowbackorder",
    "barcode",
    "moneyprice",
    "moneyfinalprice",
)
TEXT_FIELDS = (
    "sku",
    "title",
    "skumanufacturer",
    "descriptionshort",
    "description",
    "descriptionhtml",
    "deliverystatus",
    "unitlabel",
    "deliveryinfo",
    "externalinputtitle",
    "offertitle",
    "manufacturerurl",
    "custom1",
    "custom2",
    "custom3",
    "custom4",
    "custom5",
    "friendly",
    "seo_title",
    "seo_keywords",
    "seo_description",
)
MONEY_FIELDS = ("moneyprice", "moneypriceorg", "moneypricein", "moneyofferprice")
FLAG_FIELDS = ("active", "activepos", "allowdecimals", "stockcountenable", "stockallowbackorder")
ID_LIST_FIELDS = ("categories", "similar", "related", "accessories")


def _barcode(value: object, name: str) -> str | None:
    """An empty barcode is no barcode: shown as ``null``."""
    given = nullable(text)(value, name)
    return given or None


def _zero_is_none(value: object, name: str) -> int | None:
    given = nullable(integer)(value, name)
    return given or None


WRITABLE: dict[str, Coercer] = {
    **dict.fromkeys(TEXT_FIELDS, text),
    **dict.fromkeys(MONEY_FIELDS, money),
    **dict.fromkeys(FLAG_FIELDS, boolean),
    **dict.fromkeys(ID_LIST_FIELDS, int_list),
    "vatid": integer,
    "defaultcategoryid": _zero_is_none,
    "manufacturerid": _zero_is_none,
    "barcode": _barcode,
    "barcodealiases": text_list,
    "customattributes": mapping,
}


def defaults() -> Record:
    """A new product before the client's fields are applied [INF: Sitoo's read example]."""
    return {
        **dict.fromkeys(TEXT_FIELDS, ""),
        **dict.fromkeys(MONEY_FIELDS, "0.00"),
        "allowdecimals": False,
        "offerisenabled": False,
        "offerdatestart": None,
        "offerdateend": None,
        "active": True,
        "activepos": True,
        "vatid": None,
        "deliveryclassid": 1,
        "defaultcategoryid": None,
        "categories": [],
        "manufacturerid": None,
        "stockcountenable": True,
        "stockallowbackorder": False,
        "variantparentid": None,
        "barcode": None,
        "barcodealiases": [],
        "similar": [],
        "related": [],
        "accessories": [],
        "offerisactive": False,
        "pricelisthasvolume": False,
        "variant": [],
        "customattributes": {},
    }
