"""Catalogue resources: products (with SKU look-ups and once-only creates), variations, categories.

Images are referenced by media id: a payload carrying an image ``src`` without an ``id`` would
make the shop download the file again and create a duplicate attachment, so it is refused
unless the caller says this is the first upload (``sideload=True``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from possync.errors import RetryableError, SkippableError
from possync.woo.batch import ItemResult
from possync.woo.models import Category, CategoryNode, ImageRef, Product, Variation
from possync.woo.resource import M, Resource

SKU_LOOKUP_CHUNK = 40


def image_refs(media_ids: Iterable[int], alts: Sequence[str] = ()) -> list[dict[str, Any]]:
    """``images`` for a product payload: media ids only (first one is the featured image)."""
    refs: list[dict[str, Any]] = []
    for n, media_id in enumerate(media_ids):
        ref: dict[str, Any] = {"id": media_id}
        if n < len(alts) and alts[n]:
            ref["alt"] = alts[n]
        refs.append(ref)
    return refs


def _image_entry(entry: Any, sideload: bool) -> Any:
    if not isinstance(entry, dict):
        return entry
    if entry.get("id"):
        return {k: v for k, v in entry.items() if k != "src"}
    if entry.get("src") and not sideload:
        msg = f"image {entry['src']!r} has no media id: send {{'id': <media id>}} (sideload=True to upload)"
        raise ValueError(msg)
    return entry


def check_image_refs(payload: dict[str, Any], *, sideload: bool = False) -> dict[str, Any]:
    """A copy of the payload with every known image sent by id only; URLs refused unless ``sideload``."""
    out = dict(payload)
    if isinstance(payload.get("images"), list):
        out["images"] = [_image_entry(entry, sideload) for entry in payload["images"]]
    if isinstance(payload.get("image"), dict):
        out["image"] = _image_entry(payload["image"], sideload)
    return out


class Products(Resource[Product]):
    """``/products``: simple, variable, grouped and external products."""

    def prepare(self, payload: dict[str, Any], *, sideload: bool = False) -> dict[str, Any]:
        return check_image_refs(payload, sideload=sideload)

    async def by_skus(self, skus: Iterable[str]) -> dict[str, Product]:
        """Products and variations owning these SKUs (case-insensitive), keyed by the asked SKU."""
        wanted = {sku.casefold(): sku for sku in skus if sku}
        found: dict[str, Product] = {}
        keys = list(wanted)
        for start in range(0, len(keys), SKU_LOOKUP_CHUNK):
            chunk = [wanted[k] for k in keys[start : start + SKU_LOOKUP_CHUNK]]
            async for product in self.iter_all(sku=",".join(chunk), status="any"):
                asked = wanted.get(product.sku.casefold())
                if asked is not None:
                    found[asked] = product
        return found

    async def find_by_sku(self, sku: str) -> Product | None:
        return (await self.by_skus([sku])).get(sku)

    async def create_once(self, payload: dict[str, Any], *, sideload: bool = False) -> Product:
        """Create, and when the answer is lost, look the SKU up before trying again."""
        sku = str(payload.get("sku") or "")
        try:
            return await self.create(payload, sideload=sideload)
        except RetryableError as exc:
            if not (exc.maybe_applied and sku):
                raise
        existing = await self.find_by_sku(sku)
        return existing if existing is not None else await self.create(payload, sideload=sideload)

    async def create_many_once(self, payloads: Sequence[dict[str, Any]]) -> list[ItemResult[Product]]:
        """Batch create; items whose answer was lost are looked up by SKU, then re-sent if absent."""
        results = await self.batch(create=payloads)
        lost = [r for r in results if isinstance(r.error, RetryableError) and r.request.get("sku")]
        if not lost:
            return results
        existing = await self.by_skus(r.request["sku"] for r in lost)
        resend = [r for r in lost if r.request["sku"] not in existing]
        retried = iter(await self.batch(create=[r.request for r in resend]))
        fixed = {
            r.index: ItemResult("create", r.index, r.request, value=existing[r.request["sku"]]) for r in lost
        }
        fixed.update({r.index: _reindexed(next(retried), r.index) for r in resend})
        return [fixed.get(r.index, r) for r in results]


def _reindexed(result: ItemResult[Product], index: int) -> ItemResult[Product]:
    return ItemResult(result.action, index, result.request, value=result.value, error=result.error)


class Variations(Resource[Variation]):
    """``/products/<product_id>/variations``."""

    def prepare(self, payload: dict[str, Any], *, sideload: bool = False) -> dict[str, Any]:
        return check_image_refs(payload, sideload=sideload)


async def create_term_once(terms: Resource[M], payload: dict[str, Any]) -> M:
    """Create a category or attribute term; a lost answer or ``term_exists`` yields the shop's term."""
    try:
        return await terms.create(payload)
    except RetryableError as exc:
        if not exc.maybe_applied:
            raise
    except SkippableError as exc:
        resource_id = exc.data.get("resource_id") if isinstance(exc.data, dict) else None
        if exc.code != "term_exists" or not resource_id:
            raise
        return await terms.get(resource_id)
    name, parent = str(payload.get("name", "")).casefold(), int(payload.get("parent") or 0)
    async for term in terms.iter_all(search=payload.get("name", "")):
        if str(getattr(term, "name", "")).casefold() == name and int(getattr(term, "parent", 0)) == parent:
            return term
    return await terms.create(payload)


class Categories(Resource[Category]):
    """``/products/categories``, readable as the shop's tree."""

    async def create_once(self, payload: dict[str, Any]) -> Category:
        return await create_term_once(self, payload)

    async def tree(self) -> list[CategoryNode]:
        """Top-level categories with their descendants; orphans (unknown parent) become roots."""
        categories = await self.list_all(orderby="id", order="asc")
        nodes = {c.id: CategoryNode(category=c) for c in categories}
        roots: list[CategoryNode] = []
        for category in categories:
            parent = nodes.get(category.parent)
            (parent.children if parent and category.parent != category.id else roots).append(
                nodes[category.id]
            )
        return roots


__all__ = [
    "Categories",
    "ImageRef",
    "Products",
    "Variations",
    "check_image_refs",
    "create_term_once",
    "image_refs",
]
