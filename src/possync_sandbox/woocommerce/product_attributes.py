"""Attributes on products and variations: global (``pa_*`` terms) or custom, and defaults.

A product attribute names a global attribute by ``id`` (or by a name matching one), whose
options are term names — unknown names create terms as ``wp_set_object_terms`` does — or is a
custom attribute with free-text options. A variation's attributes are matched against its
parent's attributes flagged ``variation: true``; anything else is silently skipped.
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.woocommerce.attributes import find_attribute
from possync_sandbox.woocommerce.context import as_bool
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import as_int, slugify, term_name, unique_slug


def term_slug(store: Store, attribute_id: int, name: str) -> str:
    """The slug of the term named ``name`` (``get_term_by('name')``), else ``sanitize_title(name)``."""
    terms = store.terms.values()
    wanted = term_name(name).lower()
    found = next(
        (t for t in terms if t.get("attribute_id") == attribute_id and t["name"].lower() == wanted), None
    )
    return str(found["slug"]) if found else slugify(name)


def ensure_term(store: Store, attribute_id: int, name: str) -> Record:
    """The term of a global attribute with this name or slug, created when missing."""
    siblings = [t for t in store.terms.values() if t.get("attribute_id") == attribute_id]
    name = term_name(name)
    wanted = name.lower()
    found = next((t for t in siblings if wanted in (t["name"].lower(), t["slug"])), None)
    if found is not None:
        return found
    term_id = store.new_id("term")
    slug = unique_slug(slugify(name) or str(term_id), {t["slug"] for t in siblings})
    term = {"id": term_id, "name": name, "slug": slug, "parent": 0, "description": ""}
    store.terms[term_id] = term | {"attribute_id": attribute_id, "menu_order": 0}
    return store.terms[term_id]


def _options(value: Any) -> list[str]:
    items = value.split("|") if isinstance(value, str) else value if isinstance(value, list) else []
    return [str(item).strip() for item in items if str(item).strip()]


def _product_attribute(store: Store, entry: dict[str, Any], position: int) -> Record | None:
    attribute_id = as_int(entry.get("id"))
    glob = store.attributes.get(attribute_id) if attribute_id else None
    if glob is None and not attribute_id and entry.get("name"):
        glob = find_attribute(store, str(entry["name"]))
    if glob is None and (attribute_id or not entry.get("name")):
        return None
    options = _options(entry.get("options", entry.get("option", [])))
    if glob is not None:
        if not options:
            return None
        options = [ensure_term(store, glob["id"], option)["name"] for option in options]
    return {
        "id": glob["id"] if glob else 0,
        "name": glob["name"] if glob else str(entry["name"]),
        "position": as_int(entry.get("position", position)),
        "visible": as_bool(entry.get("visible"), False, "visible"),
        "variation": as_bool(entry.get("variation"), False, "variation"),
        "options": options,
    }


def apply_attributes(store: Store, draft: Record, body: dict[str, Any]) -> None:
    if not isinstance(body.get("attributes"), list):
        return
    entries = (
        _product_attribute(store, e, i) for i, e in enumerate(body["attributes"]) if isinstance(e, dict)
    )
    draft["attributes"] = [entry for entry in entries if entry is not None]


def apply_default_attributes(store: Store, draft: Record, body: dict[str, Any]) -> None:
    if not isinstance(body.get("default_attributes"), list):
        return
    defaults = []
    for entry in body["default_attributes"]:
        if isinstance(entry, dict) and entry.get("option") not in (None, ""):
            matched = match_parent_attribute(store, draft, entry)
            if matched is not None:
                option = str(entry["option"])
                if matched["id"]:
                    option = term_slug(store, matched["id"], option)
                defaults.append({"id": matched["id"], "name": matched["name"], "option": option})
    draft["default_attributes"] = defaults


def match_parent_attribute(
    store: Store, parent: Record, entry: dict[str, Any], *, variation_only: bool = True
) -> Record | None:
    """The parent's attribute an entry refers to: by ``id`` for a global attribute, else by name.

    As in WooCommerce, a name is compared with the attribute's key (``sanitize_title`` of a custom
    attribute's name, or the taxonomy ``pa_size``), so ``{"name": "Size"}`` does not find a global
    "Size" attribute: it is skipped, silently.
    """
    attribute_id = as_int(entry.get("id"))
    name = slugify(str(entry.get("name") or ""))
    for attribute in parent.get("attributes", []):
        if variation_only and not attribute.get("variation"):
            continue
        if (attribute_id and attribute["id"] == attribute_id) or (
            not attribute_id and name and _names(store, attribute, name)
        ):
            return dict(attribute)
    return None


def _names(store: Store, attribute: Record, name: str) -> bool:
    glob = store.attributes.get(attribute["id"])
    return name == (f"pa_{glob['slug']}" if glob else slugify(attribute["name"]))
