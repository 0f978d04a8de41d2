"""Product images up to Sitoo: read from the shop, uploaded once, re-sent only when they changed.

Each image is keyed by its product's SKU and its file name fixed to Sitoo's characters (unique
within the product); its view carries the shop's media id and modification date, so a resync that
changed nothing uploads nothing. A Sitoo image upload with a name the product already has replaces
it, never adds one. Images that came down from Sitoo are bound as if they had gone up.
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
from possync.woo.models import ImageRef, Product


def image_records(product: Product) -> list[Record]:
    """The images of one shop product, in their order; none for a product without SKU."""
    if not product.sku:
        return []
    names = flows.woo_image_names(product)
    return [_record(product, image, name) for image, name in zip(product.images, names, strict=True)]


def _record(product: Product, image: ImageRef, name: str) -> Record:
    modified = image.date_modified_gmt.isoformat() if image.date_modified_gmt else ""
    view = {"product": str(product.id), "file": name, "src": image.src, "media": str(image.id)}
    view["modified"] = modified
    meta = {"type": product.type}
    return Record(f"{product.id}:{image.id}", f"{product.sku}/{name}", view, meta=meta)


def image_to_pos(record: Record, refs: Refs) -> View:
    """The image as Sitoo gets it: on the bound product, under its fixed file name."""
    return pos_image_view(record.view, refs.target("product", record.view["product"]))


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

    def __init__(self, woo: WooClient, sitoo: SitooClient, shared: SharedReads | None = None) -> None:
        self.woo = woo
        self.sitoo = sitoo
        self.shared = shared or SharedReads()

    async def read(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        params = {"orderby": "id", "order": "asc", "status": "any", "context": "edit"}
        async for page in self.woo.products.pages(params):
            yield [record for product in page for record in image_records(product)]

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
