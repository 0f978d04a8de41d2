"""The base of every Sitoo record model: lenient reading, exact writing, and a clear error.

Sitoo returns whatever field set was asked for and adds fields over time, so records keep
unknown fields and treat every field as optional. A payload that cannot be read at all raises
``UnusableRecordError`` naming the record (kind, id and natural key) and the fields at fault.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, ValidationError
from pydantic_core import PydanticSerializationError

from possync.errors import PayloadError
from possync.sitoo.wire import to_decimal


class UnusableRecordError(PayloadError):
    """A Sitoo payload that cannot be read as the record it should be; skip this one record."""

    def __init__(self, record: str, problem: str) -> None:
        super().__init__(f"Sitoo {record}", f"unusable: {problem}")
        self.problem = problem


UnusableHandler = Callable[[UnusableRecordError], None]


def _plain_number(value: Decimal) -> int | float:
    """A percentage or factor for the wire: a JSON number, integral where it can be."""
    return int(value) if value == value.to_integral_value() else float(value)


def _string_map(value: Any) -> Any:
    """``additionaldata`` is string→string; numbers and booleans sent by others become strings."""
    if isinstance(value, Mapping):
        return {str(k): v if isinstance(v, str) else _stringify(v) for k, v in value.items()}
    if isinstance(value, list) and not value:
        return {}  # PHP serialises an empty map as [].
    return value


def _stringify(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


Number = Annotated[
    Decimal | None,
    BeforeValidator(to_decimal),
    PlainSerializer(_plain_number, when_used="unless-none"),
]
"""A plain JSON number (VAT percent, voucher value) read as an exact ``Decimal``."""
StringMap = Annotated[dict[str, str], BeforeValidator(_string_map)]


def describe(kind: str, payload: Any, keys: tuple[str, ...]) -> str:
    """``product 28 (sku=ABC-1)``: how a record is named in errors, from whatever it carries."""
    if not isinstance(payload, Mapping):
        return kind
    found = [f"{key}={payload[key]}" for key in keys if payload.get(key) not in (None, "")]
    return f"{kind} ({', '.join(found)})" if found else kind


class SitooRecord(BaseModel):
    """One Sitoo object. Subclasses name their kind, id field, natural keys and read-only fields."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    KIND: ClassVar[str] = "record"
    KEYS: ClassVar[tuple[str, ...]] = ()
    READ_ONLY: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def parse(cls, payload: Any) -> Self:
        """Read one payload, or raise ``UnusableRecordError`` naming it."""
        name = describe(cls.KIND, payload, cls.KEYS)
        if not isinstance(payload, Mapping):
            raise UnusableRecordError(name, f"expected a JSON object, got {type(payload).__name__}")
        try:
            return cls.model_validate(payload)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or '(record)'}: {err['msg']}" for err in exc.errors()
            )
            raise UnusableRecordError(name, problems) from exc

    @classmethod
    def parse_many(cls, payloads: Any, on_unusable: UnusableHandler | None = None) -> list[Self]:
        """Read a list of payloads. An unusable one raises, or with ``on_unusable`` is handed to it
        and left out, so one bad record does not stop the others."""
        if not isinstance(payloads, list):
            raise UnusableRecordError(
                f"{cls.KIND} list", f"expected a JSON array, got {type(payloads).__name__}"
            )
        records = []
        for payload in payloads:
            try:
                records.append(cls.parse(payload))
            except UnusableRecordError as error:
                if on_unusable is None:
                    raise
                on_unusable(error)
        return records

    def to_wire(self, *, keep: Iterable[str] = ()) -> dict[str, Any]:
        """The JSON body for a write: only the fields that were set, read-only ones left out (nested too).

        ``keep`` names read-only fields that still belong in the body, such as the ``productid``
        that keys each element of a batch update.
        """
        try:
            dumped = self.model_dump(mode="json", exclude_unset=True, by_alias=True)
        except PydanticSerializationError as exc:
            raise UnusableRecordError(self.label(), str(exc)) from exc
        skip = self.READ_ONLY - set(keep)
        return {key: self._wire_value(key, value) for key, value in dumped.items() if key not in skip}

    def _wire_value(self, key: str, dumped: Any) -> Any:
        value = getattr(self, key, None)
        if isinstance(value, SitooRecord):
            return value.to_wire()
        if isinstance(value, list) and value and all(isinstance(item, SitooRecord) for item in value):
            return [item.to_wire() for item in value]
        return dumped

    def label(self) -> str:
        """How this record is named in logs and errors."""
        return describe(self.KIND, self.model_dump(include=set(self.KEYS)), self.KEYS)
