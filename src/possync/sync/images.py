"""Shop images up to Sitoo, a product's and a variation's: uploaded once, re-sent only when they changed.

Each image is keyed by its product's (or variation's) SKU and its file name fixed to Sitoo's
characters (unique within the product); its view carries the shop's media id and modification date,
so a resync that changed nothing uploads nothing. A variation's one image goes to its own Sitoo
variant (a product of its own) when the ``variant_images`` option is on. A Sitoo image upload with a
name the product already has replaces it, never adds one. Images that came down from Sitoo are bound
as if they had gone up.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from datetime import datetime

import httpx

from possync.errors import PossyncError
from possync.sitoo import SitooClient
from possync.sync import flows
from possync.sync.flow import Record, Refs, View, WriteItem, WriteResult
from possync.sync.pos_side import IMAGES
from possync.sync.reads import SharedReads
from possync.woo import WooClient
from possync.woo.models import ImageRef, Product, Variation

OWNERS = ("product", "variation")
"""The shop entities an image belongs to; its view names its owner's shop id under one of them."""


def image_records(product: Product) -> list[Record]:
    """The images of one shop product, in their order; none for a product without SKU."""
    return _records("product", product.id, product.sku, product.images, product.type)


def variation_image_records(variation: Variation, parent_type: str = "variable") -> list[Record]:
    """The one image of a shop variation, if it has one (and a SKU)."""
    images = [variation.image] if variation.image is not None and variation.image.id else []
    return _records("variation", variation.id, variation.sku, images, parent_type)


def _records(owner: str, owner_id: int, sku: str, images: Sequence[ImageRef], kind: str) -> list[Record]:
    if not sku:
        return []
    names = flows.woo_image_names(images)
    return [
        _record(owner, owner_id, sku, image, name, kind) for image, name in zip(images, names, strict=True)
    ]


def _record(owner: str, owner_id: int, sku: str, image: ImageRef, name: str, kind: str) -> Record:
    modified = image.date_modified_gmt.isoformat() if image.date_modified_gmt else ""
    view = {owner: str(owner_id), "file": name, "src": image.src, "media": str(image.id)}
    view["modified"] = modified
    return Record(f"{owner_id}:{image.id}", f"{sku}/{name}", view, meta={"type": kind})


def image_to_pos(record: Record, refs: Refs) -> View:
    """The image as Sitoo gets it: on the bound product (a variation's: its variant), under its
    fixed file name."""
    owner = next(entity for entity in OWNERS if entity in record.view)
    return pos_image_view(record.view, refs.target(owner, record.view[owner]))


def pos_image_view(view: View, productid: str) -> View:
    """A shop image's view as it goes to the Sitoo product ``productid``."""
    return {
        "product": productid,
        "resourceid": view["file"],
        "src": view["src"],
        "media": view["media"],
        "modified": view["modified"],
    }


def pos_image_id(productid: str | int, resourceid: str) -> str:
    """The id an image on a Sitoo product is bound by."""
    return f"{productid}/{resourceid}"


class ImageUploader:
    """Writes images to Sitoo products; the bytes are fetched from the shop only when sent."""

    def __init__(
        self,
        woo: WooClient,
        sitoo: SitooClient,
        shared: SharedReads | None = None,
        *,
        variant_images: bool = True,
    ) -> None:
        self.woo = woo
        self.sitoo = sitoo
        self.shared = shared or SharedReads()
        self.variant_images = variant_images

    async def read(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        """Each page of products' images, then (``variant_images``) their variations' ones."""
        params = {"orderby": "id", "order": "asc", "status": "any", "context": "edit"}
        async for page in self.woo.products.pages(params):
            records = [record for product in page for record in image_records(product)]
            if self.variant_images:
                found = await asyncio.gather(*(self._variation_images(product) for product in page))
                records += [record for variations in found for record in variations]
            yield records

    async def _variation_images(self, product: Product) -> list[Record]:
        """A variable product's variations' images: one variations list per variable product."""
        if product.type != "variable":
            return []
        variations = await self.woo.variations(product.id).list_all(context="edit")
        return [record for v in variations for record in variation_image_records(v, product.type)]

    async def no_index(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        """Sitoo lists images per product only: matches are found by ``find``, not by a full read."""
        for _ in ():
            yield []

    async def create(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        """A product's images are sent one after the other in their order, products side by side."""
        products: dict[str, list[int]] = {}
        for n, item in enumerate(items):
            products.setdefault(item.view["product"], []).append(n)
        results: dict[int, WriteResult] = {}

        async def in_order(positions: list[int]) -> None:
            for n in positions:
                results[n] = await self._upload(items[n])

        await asyncio.gather(*(in_order(positions) for positions in products.values()))
        return [results[n] for n in range(len(items))]

    update = create
    """Sending an image again under the same name replaces its bytes in Sitoo."""

    async def _upload(self, item: WriteItem) -> WriteResult:
        view = item.view
        self.shared.forget_item(IMAGES, str(view["product"]))
        try:
            content = await self._download(view["src"])
            await self.sitoo.products.add_image(int(view["product"]), view["resourceid"], content)
        except (PossyncError, httpx.HTTPError) as exc:
            return WriteResult(error=f"image {view['src']}: {exc}", retryable=True)
        return WriteResult(target_id=pos_image_id(view["product"], view["resourceid"]))

    async def _download(self, src: str) -> bytes:
        response = await self.woo.api.http.get(src)
        response.raise_for_status()
        return response.content

    async def find(self, keys: Sequence[str]) -> dict[str, str]:
        """Images already on the Sitoo product with the same SKU and file name."""
        skus = sorted({key.rsplit("/", 1)[0] for key in keys})
        products = await self.sitoo.products.find_by_skus(skus)
        found: dict[str, str] = {}
        for sku, product in products.items():
            pid = product.productid or 0
            names = {r.resourceid or "" for r in await self.sitoo.products.images(pid).read_all()}
            found.update({f"{sku}/{n}": pos_image_id(pid, n) for n in names if f"{sku}/{n}" in keys})
        return found
