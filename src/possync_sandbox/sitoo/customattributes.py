"""Custom attributes: the site's own product fields, and the checks on products' values for them.

An attribute has a client-chosen string ``id`` (409 when taken [SPEC]), a ``title``, a value
``type`` and for strings an optional ``enums`` list; ``id``, ``type`` and ``searchable`` cannot
change, and an attribute some product has a value for cannot be deleted [SPEC]. Lists come
ordered by id. A product value must fit its attribute; a value for an unknown attribute is
accepted or refused by setting [OPEN].
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.sitoo.context import ApiRoute, Ctx, Plugin
from possync_sandbox.sitoo.errors import SitooError, bad_request
from possync_sandbox.sitoo.listing import envelope, public, render_one
from possync_sandbox.sitoo.settings import SitooSettings
from possync_sandbox.sitoo.store import Record, SiteState, TableSpec
from possync_sandbox.sitoo.tables import PRODUCTS
from possync_sandbox.sitoo.wire import boolean, coerce_fields, integer, nullable, text, text_list, to_decimal

CUSTOMATTRIBUTES = TableSpec("customattributes", "id", "Custom attribute")
FIXED = ("id", "type", "searchable")
WRITABLE = {
    "id": text,
    "title": text,
    "type": text,
    "enums": nullable(text_list),
    "searchable": boolean,
}
VALUE_CHECKS = {
    "integer": integer,
    "decimal": to_decimal,
    "boolean": boolean,
}


def _check_searchable(record: Record) -> None:
    if record["searchable"] and record["type"] != "string":
        raise bad_request("Only attributes of type string can be searchable")


def add_attribute(ctx: Ctx) -> Any:
    record = {"enums": None, "searchable": False, **coerce_fields(ctx.object_body(), WRITABLE)}
    for name in ("id", "title", "type"):
        if not record.get(name):
            raise bad_request(f"Missing required field {name}")
    _check_searchable(record)
    table = ctx.site.table(CUSTOMATTRIBUTES)
    if table.get(record["id"]) is not None:
        raise SitooError(409, f"Custom attribute {record['id']} already exists")
    return public(table.put(record))


def _attribute(ctx: Ctx) -> Record:
    return ctx.site.table(CUSTOMATTRIBUTES).require(ctx.params["id"])


def update_attribute(ctx: Ctx) -> Any:
    body = ctx.object_body()
    fixed = [name for name in FIXED if name in body]
    if fixed:
        raise bad_request(f"Field {fixed[0]} cannot be updated")
    record = {**_attribute(ctx), **coerce_fields(body, WRITABLE)}
    return public(ctx.site.table(CUSTOMATTRIBUTES).put(record))


def delete_attribute(ctx: Ctx) -> Any:
    attribute = _attribute(ctx)
    if any(attribute["id"] in row["customattributes"] for row in ctx.site.table(PRODUCTS).rows.values()):
        raise bad_request(f"Custom attribute {attribute['id']} has product values")
    ctx.site.table(CUSTOMATTRIBUTES).delete(attribute["id"])
    return True


def check_values(settings: SitooSettings, site: SiteState, values: dict[str, Any]) -> None:
    """400 unless each of a product's values fits its attribute."""
    attributes = site.table(CUSTOMATTRIBUTES)
    for key, value in values.items():
        attribute = attributes.get(key)
        if attribute is None:
            if settings.custom_attributes_unknown == "reject":
                raise bad_request(f"Custom attribute {key} does not exist")
            continue
        if value is None:
            continue
        kind = attribute["type"]
        if kind == "string":
            text(value, key)
            if attribute["enums"] and value not in attribute["enums"]:
                raise bad_request(f"Invalid value for custom attribute {key}")
        elif kind in VALUE_CHECKS:
            VALUE_CHECKS[kind](value, key)


PLUGIN = Plugin(
    routes=[
        ApiRoute(
            "customattributes",
            {
                "GET": lambda ctx: envelope(ctx, ctx.site.table(CUSTOMATTRIBUTES).values()),
                "POST": add_attribute,
            },
        ),
        ApiRoute(
            "customattributes/{id}",
            {
                "GET": lambda ctx: render_one(ctx, _attribute(ctx)),
                "PUT": update_attribute,
                "DELETE": delete_attribute,
            },
        ),
    ]
)
