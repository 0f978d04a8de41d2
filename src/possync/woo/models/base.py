"""Shared building blocks of the WooCommerce models: tolerant types and record parsing.

Every model accepts unknown fields (shops run plugins that add keys) and the known type drifts
of the spec: money as ``""``/string/number, ``*_gmt`` dates without offset, ``manage_stock`` as
``"parent"``. ``parse_record`` turns a validation failure into a ``PayloadError`` naming the
record (resource, id, SKU) so a bad payload points at the thing to look at.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, ValidationError

from possync.errors import PayloadError


def _money(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float):
        value = repr(value)
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        msg = f"not an amount: {value!r}"
        raise ValueError(msg) from None


def _gmt(value: Any) -> datetime | None:
    """A ``*_gmt`` date: ``YYYY-MM-DDTHH:MM:SS`` in UTC (an offset, if any, is honoured)."""
    if value in (None, "", "0000-00-00T00:00:00"):
        return None
    moment = (
        value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    )
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _local(value: Any) -> datetime | None:
    """A site-local date: naive, in the shop's own timezone."""
    if value in (None, "", "0000-00-00T00:00:00"):
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _int_or_none(value: Any) -> Any:
    return None if value in ("", None) else value


def _int_or_zero(value: Any) -> Any:
    return 0 if value in ("", None, False) else value


def _list(value: Any) -> Any:
    """Some plugins send ``{}`` or ``null`` where a list belongs."""
    if value is None or value == {}:
        return []
    return list(value.values()) if isinstance(value, dict) else value


def _name(value: Any) -> Any:
    """WordPress stores titles and term names HTML-escaped (``&amp;``); read them as typed."""
    return html.unescape(value) if isinstance(value, str) else _text(value)


def _text(value: Any) -> Any:
    return "" if value is None else str(value) if isinstance(value, int | float) else value


Money = Annotated[
    Decimal | None, BeforeValidator(_money), PlainSerializer(lambda d: "" if d is None else str(d))
]
GmtDate = Annotated[datetime | None, BeforeValidator(_gmt)]
LocalDate = Annotated[datetime | None, BeforeValidator(_local)]
OptionalInt = Annotated[int | None, BeforeValidator(_int_or_none)]
LooseInt = Annotated[int, BeforeValidator(_int_or_zero)]
Text = Annotated[str, BeforeValidator(_text)]
Name = Annotated[str, BeforeValidator(_name)]


T = TypeVar("T")
Listy = Annotated[list[T], BeforeValidator(_list)]


class WooModel(BaseModel):
    """A WooCommerce object: unknown fields kept, field names as the API spells them."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, protected_namespaces=())


class MetaData(WooModel):
    id: int | None = None
    key: str
    value: Any = None


class Ref(WooModel):
    """``{id, name, slug}`` references: categories, tags, brands on a product."""

    id: int
    name: Name = ""
    slug: Text = ""


class ImageRef(WooModel):
    """An image of a product or category. Written by media ``id`` only, never as a URL again."""

    id: LooseInt = 0
    src: Text = ""
    name: Text = ""
    alt: Text = ""
    date_modified_gmt: GmtDate = None


M = TypeVar("M", bound=BaseModel)


def record_name(resource: str, payload: Any) -> str:
    """``product 12 (SKU ABC-1)``: how an error names the record it is about."""
    if not isinstance(payload, dict):
        return f"{resource} (not an object: {type(payload).__name__})"
    name = f"{resource} {payload.get('id', '?')}"
    for key in ("sku", "code", "number"):
        if payload.get(key):
            return f"{name} ({key} {payload[key]})"
    return name


def parse_record(model: type[M], payload: Any, resource: str) -> M:
    """Validate one record; an unusable payload raises ``PayloadError`` naming the record."""
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(record)'}: {e['msg']}" for e in exc.errors()[:5]
        )
        raise PayloadError(record_name(resource, payload), problems) from None


__all__ = [
    "GmtDate",
    "ImageRef",
    "Listy",
    "LocalDate",
    "LooseInt",
    "MetaData",
    "Money",
    "Name",
    "OptionalInt",
    "Ref",
    "Text",
    "WooModel",
    "parse_record",
    "record_name",
]
