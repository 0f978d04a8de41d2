"""Product images up to Sitoo: read from the shop, uploaded once, re-sent only when they changed.

Each image is keyed by its product's SKU and its file name fixed to Sitoo's characters; its view
carries the shop's media id and modification date, so a resync that changed nothing uploads
nothing. A Sitoo image upload with a name the product already has replaces it, never adds one.
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
from possync.woo import WooClient
from possync.woo.models import Product


def image_records(product: Product) -> list[Record]:
    """The images of one shop product, in their order; none for a product without SKU."""
    if not product.sku:
        return []
    records = []
    for image in product.images:
        name = flows.fix_file_name(image.src.rsplit("/", 1)[-1] if image.src else f"{image.id}.png")
        modified = image.date_modified_gmt.isoformat() if image.date_modified_gmt else ""
        view = {"product": str(product.id), "file": name, "src": image.src, "media": str(image.id)}
        view["modified"] = modified
        meta = {"type": product.type}
        records.append(Record(f"{product.id}:{image.id}", f"{product.sku}/{name}", view, meta=meta))
    return records


def image_to_pos(record: Record, refs: Refs) -> View:
    """The image as Sitoo gets it: on the bound product, under its fixed file name."""
    view = record.view
    return {
        "product": refs.target("product", view["product"]),
        "resourceid": view["file"],
        "src": view["src"],
        "media": view["media"],
        "modified": view["modified"],
    }


class ImageUploader:
    """Writes images to Sitoo products; the bytes are fetched from the shop only when sent."""

    def __init__(self, woo: WooClient, sitoo: SitooClient) -> None:
        self.woo = woo
        self.sitoo = sitoo

    async def read(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        params = {"orderby": "id", "order": "asc", "status": "any", "context": "edit"}
        async for page in self.woo.products.pages(params):
            yield [record for product in page for record in image_records(product)]

    async def no_index(self, since: datetime | None) -> AsyncIterator[list[Record]]:
        """Sitoo lists images per product only: matches are found by ``find``, not by a full read."""
        for _ in ():
            yield []

    async def create(self, items: Sequence[WriteItem]) -> list[WriteResult]:
        return list(await asyncio.gather(*(self._upload(item) for item in items)))

    update = create
    """Sending an image again under the same name replaces its bytes in Sitoo."""

    async def _upload(self, item: WriteItem) -> WriteResult:
        view = item.view
        try:
            content = await self._download(view["src"])
            await self.sitoo.products.add_image(int(view["product"]), view["resourceid"], content)
        except (PossyncError, httpx.HTTPError) as exc:
            return WriteResult(error=f"image {view['src']}: {exc}", retryable=True)
        return WriteResult(target_id=f"{view['product']}/{view['resourceid']}")

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
            names = {r.resourceid for r in await self.sitoo.products.images(pid).read_all()}
            found.update({f"{sku}/{name}": f"{pid}/{name}" for name in names if f"{sku}/{name}" in keys})
        return found
