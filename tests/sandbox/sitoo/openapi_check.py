"""Checks the emulator's answers against Sitoo's OpenAPI description, corrected where it is wrong.

The description (``specs/sitoo/openapi/``, a third-party copy split over many YAML files)
is loaded once, its relative ``$ref``s inlined, and the known-wrong spots listed in
``openapi_corrections`` applied. The result is both a valid OpenAPI 3.0 document (schemathesis
reads it) and the source of the JSON Schemas ``SpecValidator`` checks each response with.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import yaml

from .openapi_corrections import CORRECTIONS, ERROR_SCHEMA, Correction

SPEC_ENV = "SITOO_OPENAPI_DIR"
"""Where the OpenAPI files are, when not the unmodified copy kept beside this module."""
API_PREFIX = re.compile(r"^/v2/accounts/[^/]+")
_ID_SEGMENTS = re.compile(r"/\d+(?=/|\.json|$)")


def spec_dir() -> Path:
    configured = os.environ.get(SPEC_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent / "openapi"


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def _stringify_keys(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(key): _stringify_keys(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_stringify_keys(item) for item in node]
    return node


def _at(document: Any, pointer: str) -> tuple[Any, str | int | None]:
    """The parent of the node at ``pointer`` and the node's key (None for the root)."""
    if not pointer:
        return None, None
    parts = [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]]
    parent = document
    for part in parts[:-1]:
        parent = parent[int(part)] if isinstance(parent, list) else parent.setdefault(part, {})
    last = parts[-1]
    return parent, int(last) if isinstance(parent, list) else last


class SpecFiles:
    """The split YAML files, loaded once each, corrected, with their ``$ref``s inlined."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.cache: dict[Path, Any] = {}

    def document(self, path: Path) -> Any:
        path = path.resolve()
        if path not in self.cache:
            document = _stringify_keys(_load(path))
            relative = path.relative_to(self.root).as_posix()
            for correction in CORRECTIONS:
                if correction.file == relative:
                    document = self._correct(document, correction)
            self.cache[path] = document
        return self.cache[path]

    @staticmethod
    def _correct(document: Any, correction: Correction) -> Any:
        parent, key = _at(document, correction.pointer)
        if parent is None:
            return correction.fix(document)
        parent[key] = correction.fix(parent.get(key) if isinstance(parent, dict) else parent[key])
        return document

    def inline(self, node: Any, base: Path) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                target = (base.parent / ref).resolve()
                return self.inline(self.document(target), target)
            return {key: self.inline(value, base) for key, value in node.items()}
        if isinstance(node, list):
            return [self.inline(item, base) for item in node]
        return node


def bundled_spec(root: str | None = None) -> dict[str, Any]:
    """The whole corrected description as one self-contained OpenAPI 3.0 document."""
    return _bundled(root, len(CORRECTIONS))


@cache
def _bundled(root: str | None, corrections: int) -> dict[str, Any]:
    folder = Path(root) if root else spec_dir()
    files = SpecFiles(folder)
    entry = folder / "openapi.yaml"
    spec: dict[str, Any] = files.inline(files.document(entry), entry)
    return spec


def to_json_schema(node: Any) -> Any:
    """OpenAPI 3.0 schema → JSON Schema: ``nullable`` becomes ``anyOf [..., null]``."""
    if isinstance(node, list):
        return [to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {
        key: to_json_schema(value) for key, value in node.items() if key not in ("nullable", "example")
    }
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def without_required(node: Any) -> Any:
    """The schema with every ``required`` list dropped (for ``fields=`` answers)."""
    if isinstance(node, list):
        return [without_required(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {key: without_required(value) for key, value in node.items() if key != "required"}


def _template_regex(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
    return re.compile(f"^{pattern}$")


class SpecValidator:
    """Finds the documented operation of an answer and checks the body against its schema."""

    def __init__(self, spec: dict[str, Any] | None = None) -> None:
        self.spec = spec or bundled_spec()
        templates = sorted(self.spec["paths"], key=lambda t: (t.count("{"), -len(t)))
        self.routes = [(_template_regex(template), template) for template in templates]
        self.error_schema = to_json_schema(ERROR_SCHEMA)
        self.validators: dict[tuple[str, str, int, bool], jsonschema.Draft7Validator | None] = {}

    def operation(self, method: str, path: str) -> dict[str, Any] | None:
        relative = API_PREFIX.sub("", path)
        if not relative.endswith(".json"):
            relative += ".json"
        for regex, template in self.routes:
            if regex.match(relative):
                found: dict[str, Any] | None = self.spec["paths"][template].get(method.lower())
                return found
        return None

    def schema_for(self, method: str, path: str, status: int) -> Any | None:
        if status >= 400:
            return self.error_schema
        operation = self.operation(method, path)
        if operation is None:
            return None
        response = operation.get("responses", {}).get(str(status), {})
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        return None if schema is None else to_json_schema(schema)

    def validator(
        self, method: str, path: str, status: int, narrowed: bool
    ) -> jsonschema.Draft7Validator | None:
        key = (method, _ID_SEGMENTS.sub("/{id}", path), status, narrowed)
        if key not in self.validators:
            schema = self.schema_for(method, path, status)
            if schema is not None and narrowed:
                schema = without_required(schema)
            self.validators[key] = None if schema is None else jsonschema.Draft7Validator(schema)
        return self.validators[key]

    def errors(self, method: str, path: str, status: int, body: Any, narrowed: bool = False) -> list[str]:
        """Every schema violation of one answer (empty when it conforms or is undocumented)."""
        validator = self.validator(method, path, status, narrowed)
        if validator is None:
            return []
        return [
            f"{method} {path} {status}: {'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator.iter_errors(body)
        ]
