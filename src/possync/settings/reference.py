"""The options reference: every setting with its TOML name, environment variable, type, default and
description, read from the ``Settings`` model itself.

The admin page and ``docs/configuration.md`` are made from it, so the documentation cannot drift
from the code.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel, HttpUrl, SecretStr
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from possync.settings.loader import ENV_PREFIX
from possync.settings.model import Settings


@dataclass(frozen=True)
class OptionDoc:
    """One option as a merchant sees it."""

    section: str
    name: str
    env: str
    kind: str
    default: str
    description: str


def options(model: type[BaseModel] = Settings, path: tuple[str, ...] = ()) -> list[OptionDoc]:
    """Every option of ``model`` in declaration order, then those of its sections."""
    leaves: list[OptionDoc] = []
    sections: list[OptionDoc] = []
    for name, field in model.model_fields.items():
        section = _section(field.annotation)
        if section is not None:
            sections += options(section, (*path, name))
        else:
            leaves.append(_option(path, name, field))
    return leaves + sections


def _option(path: tuple[str, ...], name: str, field: FieldInfo) -> OptionDoc:
    return OptionDoc(
        section=".".join(path),
        name=".".join((*path, name)),
        env=ENV_PREFIX + "__".join((*path, name)).upper(),
        kind=_kind(field.annotation),
        default=_default(field),
        description=field.description or "",
    )


def markdown() -> str:
    """The options reference as Markdown: one table per section."""
    lines = [
        "# possync configuration",
        "",
        "Options are read from a TOML file (its path given to possync or in `POSSYNC_CONFIG`) and from",
        "`POSSYNC_*` environment variables, which win; `__` separates sections.",
        "Generated from `possync.settings` (`python -m possync.settings.reference`); do not edit by hand.",
    ]
    current: str | None = None
    for option in options():
        if option.section != current:
            current = option.section
            lines += ["", f"## [{current}]" if current else "## Top level", ""]
            lines += [
                "| Option | Environment variable | Type | Default | Description |",
                "|---|---|---|---|---|",
            ]
        cells = (f"`{option.name}`", f"`{option.env}`", option.kind, option.default, option.description)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def _section(annotation: Any) -> type[BaseModel] | None:
    for candidate in _members(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _members(annotation: Any) -> tuple[Any, ...]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return tuple(member for member in typing.get_args(annotation) if member is not type(None))
    return (annotation,)


def _kind(annotation: Any) -> str:
    members = _members(annotation)
    optional = len(members) < len(typing.get_args(annotation)) if typing.get_args(annotation) else False
    text = " or ".join(_kind_of(member) for member in members)
    return f"{text} (optional)" if optional else text


def _kind_of(annotation: Any) -> str:
    if typing.get_origin(annotation) is list:
        return f"list of {_kind_of(typing.get_args(annotation)[0])}"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "one of " + ", ".join(f"`{member.value}`" for member in annotation)
    names = {SecretStr: "secret", HttpUrl: "URL", bool: "true/false", int: "integer", str: "text"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _default(field: FieldInfo) -> str:
    if field.default_factory is not None:
        value = field.default_factory()  # type: ignore[call-arg]
    elif field.default is PydanticUndefined:
        return "required"
    else:
        value = field.default
    if value is None:
        return "—"
    if isinstance(value, Enum):
        return f"`{value.value}`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return "`[" + ", ".join(f'"{item}"' for item in value) + "]`"
    return f"`{value}`"


if __name__ == "__main__":
    print(markdown(), end="")
