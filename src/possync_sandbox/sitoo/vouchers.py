"""Vouchers (campaigns): create, list, read, update, delete; type and state are opaque integers.

Sitoo publishes no code tables for ``vouchertype``, ``voucherstate`` or ``vouchergrouptype``
[OPEN §11.18]; a new voucher is active (state 10) and its group type follows its type by the one
pairing Sitoo shows (200 → 20), else 10 [INF]. The list's default field set is the documented one.
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.catalogue.model import Catalogue
from possync_sandbox.sitoo.catalogue_shapes import voucher_body
from possync_sandbox.sitoo.context import Ctx, Plugin
from possync_sandbox.sitoo.crud import object_routes
from possync_sandbox.sitoo.errors import bad_request
from possync_sandbox.sitoo.store import Record, SiteState, SitooStore, TableSpec
from possync_sandbox.sitoo.wire import (
    Coercer,
    boolean,
    coerce_fields,
    int_list,
    integer,
    mapping,
    money,
    nullable,
    text,
    text_list,
    timestamp,
)

VOUCHERS = TableSpec("vouchers", "voucherid", "Voucher")
DEFAULT_FIELDS = ["voucherid", "vouchername", "datecreated", "vouchertype", "voucherstate"]
ACTIVE = 10
GROUP_TYPES = {200: 20}
_TEXT = (
    "vouchername vouchercode voucherpassword vouchercomment voucherterms "
    "vouchername1 vouchercode1 vouchername2 vouchercode2"
)
VOUCHER_FIELDS: dict[str, Coercer] = {
    **dict.fromkeys(_TEXT.split(), text),
    **dict.fromkeys(["vouchertype", "value_x", "value_y", "value_z", "maxuses", "priority"], integer),
    "activepos": boolean,
    "active": boolean,
    "datestart": nullable(timestamp),
    "dateend": nullable(timestamp),
    "money_m": money,
    "money_n": money,
    "tags": text_list,
    "pricelisttags": text_list,
    "products": int_list,
    "productoptions": lambda value, name: [mapping(entry, name) for entry in _list(value, name)],
    "discountoptions": lambda value, name: [mapping(entry, name) for entry in _list(value, name)],
}


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise bad_request(f"Invalid value for field {name}")
    return value


def add_voucher(store: SitooStore, site: SiteState, body: dict[str, Any]) -> Record:
    for name in ("vouchername", "vouchertype"):
        if body.get(name) in (None, ""):
            raise bad_request(f"Missing required field {name}")
    fields = coerce_fields(body, VOUCHER_FIELDS)
    record: Record = {
        "voucherid": store.next_id("voucherid"),
        "datecreated": store.now(),
        "activepos": True,
        "active": True,
        "vouchercode": "",
        "voucherpassword": "",
        "vouchercomment": "",
        "datestart": None,
        "dateend": None,
        "tags": [],
        "pricelisttags": [],
        "value_x": 0,
        "value_y": 0,
        "value_z": 0,
        "money_m": "0.00",
        "money_n": "0.00",
        "maxuses": 0,
        "priority": 3,
        "voucherstate": ACTIVE,
        "vouchergrouptype": GROUP_TYPES.get(fields["vouchertype"], 10),
        "products": [],
        "productoptions": [],
        "discountoptions": [],
        **fields,
    }
    return site.table(VOUCHERS).put(record)


def create(ctx: Ctx, body: dict[str, Any]) -> int:
    return int(add_voucher(ctx.store, ctx.site, body)["voucherid"])


def update(ctx: Ctx, body: dict[str, Any]) -> bool:
    record = ctx.site.table(VOUCHERS).require(ctx.path_int("voucherid"))
    record.update(coerce_fields(body, VOUCHER_FIELDS))
    record["vouchergrouptype"] = GROUP_TYPES.get(record["vouchertype"], 10)
    return True


def delete(ctx: Ctx) -> bool:
    ctx.site.table(VOUCHERS).delete(ctx.path_int("voucherid"))
    return True


def load_catalogue(store: SitooStore, site: SiteState, catalogue: Catalogue) -> None:
    """The catalogue's coupons as vouchers, the coupon code as the password a customer types."""
    for coupon in catalogue.coupons:
        add_voucher(store, site, voucher_body(coupon))


PLUGIN = Plugin(
    routes=object_routes(
        "vouchers", VOUCHERS, create=create, update=update, delete=delete, default_fields=DEFAULT_FIELDS
    ),
    load_catalogue=load_catalogue,
)
