"""Images: Sitoo's files down to the shop by media id once uploaded, shop images named for Sitoo.

A Sitoo product's images are uploaded files (``resourceid``) in order, the first one featured; a
file's version is its upload time and size, so a file replaced under the same name is a new
version. The shop gets ``{"id": media_id}`` for every version it already holds and ``{"src": url}``
(downloaded by the shop, once) only for one it does not. An entry the shop does not show on this
product yet also names its Sitoo file under ``SITOO``, for possync only: the writer binds the media
to it and never sends it. A shop variation shows one ``image``: its Sitoo variant's first file, as
the same kind of entry. On the way up each shop image gets a Sitoo-safe file name, unique within
its product.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from possync.sitoo.models import Resource
from possync.sync.flows.names import file_name_of
from possync.woo.models import ImageRef, Product, Variation

SITOO = "sitoo"
"""The key of a shop image entry naming the Sitoo file version it shows (never sent to the shop)."""


@dataclass(frozen=True)
class SitooFile:
    """One image of a Sitoo product: its file name, the version of its bytes, where the shop gets it."""

    resourceid: str
    version: str
    url: str

    def shown(self) -> dict[str, str]:
        """How a shop image entry names this file version."""
        return {"resourceid": self.resourceid, "version": self.version}


@dataclass(frozen=True)
class Held:
    """The shop media holding a file version, and whether this product shows it already."""

    media_id: int
    shown: bool = False


MediaLookup = Callable[[SitooFile], Held | None]
"""Where the shop holds a file version (``None``: it does not yet, so it goes by URL)."""


def file_version(resource: Resource) -> str:
    """A file's version: its upload time and size (Sitoo keeps no hash of the bytes)."""
    created = int(resource.datecreated.timestamp()) if resource.datecreated else 0
    return f"{created}-{resource.filesize or 0}"


def sitoo_files(resources: Sequence[Resource], url_of: Callable[[str], str | None]) -> list[SitooFile]:
    """A Sitoo product's images in order; none when the files' host is unknown (``url_of`` gives None)."""
    files = []
    for resource in resources:
        url = url_of(resource.resourceid) if resource.resourceid else None
        if resource.resourceid and url:
            files.append(SitooFile(resource.resourceid, file_version(resource), url))
    return files


def woo_images(files: Sequence[SitooFile], media: MediaLookup) -> dict[str, Any]:
    """The ``images`` of a shop product body, in Sitoo's order: media ids, a URL only for a new version.

    Empty when the Sitoo product has no images: the shop's own images are then left as they are.
    """
    return {"images": [_entry(file, media(file)) for file in files]} if files else {}


def _entry(file: SitooFile, held: Held | None) -> dict[str, Any]:
    if held is not None and held.shown:
        return {"id": held.media_id}
    ref: dict[str, Any] = {"src": file.url} if held is None else {"id": held.media_id}
    return {**ref, SITOO: file.shown()}


def woo_image(files: Sequence[SitooFile], media: MediaLookup) -> dict[str, Any]:
    """The ``image`` of a shop variation body: its Sitoo variant's first file, as ``woo_images`` gives it.

    Empty when the variant has no images of its own: the variation's image is then left as it is.
    """
    return {"image": _entry(files[0], media(files[0]))} if files else {}


def _entries(body: dict[str, Any]) -> list[dict[str, Any]]:
    """A body's image entries in order: a product's ``images``, or a variation's one ``image``."""
    return [*body.get("images", []), *([body["image"]] if isinstance(body.get("image"), dict) else [])]


def shown_files(body: dict[str, Any]) -> list[dict[str, str] | None]:
    """The Sitoo file version each image entry of a body names (``None``: the shop shows it already)."""
    return [entry.get(SITOO) for entry in _entries(body)]


def _sent(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k != SITOO}


def sent_images(body: dict[str, Any]) -> dict[str, Any]:
    """A shop product or variation body as it is sent: image entries without the Sitoo files they name."""
    sent = dict(body)
    if "images" in body:
        sent["images"] = [_sent(entry) for entry in body["images"]]
    if isinstance(body.get("image"), dict):
        sent["image"] = _sent(body["image"])
    return sent


def shop_images(product: Product) -> dict[str, Any]:
    """A shop product's images as ``woo_images`` writes them once shown (media ids; none without)."""
    ids = [int(image.id) for image in product.images if image.id]
    return {"images": [{"id": media_id} for media_id in ids]} if ids else {}


def shop_image(variation: Variation) -> dict[str, Any]:
    """A shop variation's image as ``woo_image`` writes it once shown (its media id; none without)."""
    image = variation.image
    return {"image": {"id": int(image.id)}} if image is not None and image.id else {}


# -- up to Sitoo ---------------------------------------------------------------------------------


def unique_names(names: Sequence[str]) -> list[str]:
    """File names made unique within one product: a repeated name gets ``-2``, ``-3`` before its extension."""
    seen: set[str] = set()
    unique: list[str] = []
    for name in names:
        stem, dot, extension = name.rpartition(".")
        stem, suffix = (stem, f".{extension}") if dot else (name, "")
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            candidate = f"{stem}-{n}{suffix}"
        seen.add(candidate)
        unique.append(candidate)
    return unique


def woo_image_names(images: Sequence[ImageRef]) -> list[str]:
    """A shop product's (or variation's) image file names in order (first = featured), as Sitoo
    will store them."""
    return unique_names([file_name_of(i.src or i.name, f"{i.id}.jpg") for i in images])
