"""Loading ``Settings`` from a TOML file and ``POSSYNC_*`` environment variables.

The environment wins over the file; ``__`` nests (``POSSYNC_SITOO__MISC__FETCH_PRODUCTS``).
Validation errors are gathered into one ``SettingsError`` naming every bad option and where it came from.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from possync.settings.model import DEFAULT_DATABASE_FILE, Settings

ENV_PREFIX = "POSSYNC_"
CONFIG_ENV = "POSSYNC_CONFIG"


class SettingsError(ValueError):
    """The configuration is missing or invalid; the message names each bad option."""


def load_settings(path: Path | str | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read the TOML file (if any), overlay ``POSSYNC_*`` variables and validate the result."""
    env = os.environ if environ is None else environ
    config_path = Path(path) if path is not None else _path_from_env(env)
    data = read_toml(config_path) if config_path is not None else {}
    overrides = env_overrides(env)
    merged = deep_merge(data, overrides)
    merged.setdefault("database_url", _default_database_url(config_path))
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        raise SettingsError(describe_errors(exc, config_path, overrides)) from None


def read_toml(path: Path) -> dict[str, Any]:
    """The parsed TOML file, or a ``SettingsError`` saying why it cannot be read."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise SettingsError(f"config file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"config file {path} is not valid TOML: {exc}") from None


def env_overrides(environ: Mapping[str, str]) -> dict[str, Any]:
    """The nested options given as ``POSSYNC_*`` variables; JSON lists and tables are parsed."""
    result: dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX) or name == CONFIG_ENV:
            continue
        keys = name[len(ENV_PREFIX) :].lower().split("__")
        node = result
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = _env_value(raw)
    return result


def deep_merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``override`` laid over it, tables merged key by key."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def describe_errors(exc: ValidationError, path: Path | None, overrides: Mapping[str, Any]) -> str:
    """One line per bad option: its dotted name, what is wrong, and where the value came from."""
    lines = [f"invalid possync settings ({exc.error_count()} problem(s)):"]
    for error in exc.errors():
        loc = [str(part) for part in error["loc"]]
        option = ".".join(loc) or "(settings)"
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"  {option}: {message}{_source(loc, path, overrides)}")
    return "\n".join(lines)


def _source(loc: list[str], path: Path | None, overrides: Mapping[str, Any]) -> str:
    node: Any = overrides
    for key in loc:
        if not isinstance(node, Mapping) or key not in node:
            return f" (in {path})" if path is not None else ""
        node = node[key]
    return f" (from {ENV_PREFIX}{'__'.join(loc).upper()})"


def _env_value(raw: str) -> Any:
    if raw.strip().startswith(("[", "{")):
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            return raw
    return raw


def _path_from_env(environ: Mapping[str, str]) -> Path | None:
    value = environ.get(CONFIG_ENV)
    return Path(value) if value else None


def _default_database_url(config_path: Path | None) -> str:
    folder = config_path.resolve().parent if config_path is not None else Path.cwd()
    return f"sqlite:///{folder / DEFAULT_DATABASE_FILE}"
