"""Checks the emulator's answers against Sitoo's OpenAPI description, corrected where it is wrong.

The description (``specs/sitoo/openapi/``, a third-party copy split over many YAML files)
is loaded once, its relative ``$ref``s inlined, and the known-wrong spots in ``CORRECTIONS``
applied: that list is the one place saying where the schemas are wrong and why. The result is
both a valid OpenAPI 3.0 document (schemathesis reads it) and the source of the JSON Schemas
``SpecValidator`` checks each response with.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import yaml

SPEC_ENV = "SITOO_OPENAPI_DIR"
"""Where the OpenAPI files are, when not the unmodified copy kept beside this module."""
API_PREFIX = re.compile(r"^/v2/accounts/[^/]+")
_ID_SEGMENTS = re.compile(r"/\d+(?=/|\.json|$)")
NULLABLE = {"nullable": True}


def spec_dir() -> Path:
    configured = os.environ.get(SPEC_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent / "openapi"


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


_ERROR = {
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
        _ERROR,
    ]
}
_ENVELOPE_OR_ID = {"oneOf": [{"type": "integer"}, {"type": "array", "items": _BATCH_ENTRY}]}
_ENVELOPE_OR_TRUE = {"oneOf": [{"type": "boolean"}, {"type": "array", "items": _BATCH_ENTRY}]}
_INT_ITEMS = _merge({"items": {"type": "integer"}})
_ID_ARRAYS = ("categories", "similar", "related", "accessories")
_PRODUCT_NULLABLES = ("barcode", "manufacturerid", "defaultcategoryid", "variantparentid")
_JSON = "/content/application~1json/schema"

CORRECTIONS: list[Correction] = [
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
"""Every known-wrong spot of the OpenAPI copy, with the reason (the stock and order schemas'
entries are kept by their owners in ``openapi_stock.py`` and join this list). Two rules complete it:
error answers (4xx/5xx) have no body schema in the copy, so they are checked against
``schemas/Error-read.yaml`` (spec §6); and a read schema's ``required`` list does not hold when
``fields=`` asks for a subset of fields (spec §4.2)."""


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
        self.error_schema = to_json_schema(_ERROR)
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


# The stock and order schemas' corrections live with their tests and join ``CORRECTIONS`` here,
# so the list is complete whichever test module is imported first.
from . import openapi_stock  # noqa: E402, F401
