"""Images: a content hash per image, media ids for the shop, uploads to Sitoo only when bytes change.

The shop gets ``{"id": media_id}`` for every image it already holds (a URL would make it download
the file again and create a duplicate); an image it does not hold yet is a dependency that raises
``MappingError`` until it is uploaded once. Sitoo gets an image again only when its bytes changed,
or when "Re-sync all matched product images" asks for all of them, under Sitoo-safe file names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from possync.errors import MappingError
from possync.sync.flows.names import file_name_of
from possync.woo.models import ImageRef, Product, Variation


def content_hash(data: bytes) -> str:
    """The content hash of an image's bytes (SHA-256, hex): equal bytes, equal hash."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ImageFile:
    """One image of a record: its Sitoo-safe file name, and where known its hash and shop media id."""

    name: str
    digest: str = ""
    media_id: int = 0
    src: str = ""


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


def _file(image: ImageRef, name: str) -> ImageFile:
    return ImageFile(name=name, media_id=int(image.id), src=image.src)


def woo_image_files(product: Product) -> list[ImageFile]:
    """A shop product's images in order (first = featured), named as Sitoo will store them."""
    names = unique_names([file_name_of(i.src or i.name, f"{i.id}.jpg") for i in product.images])
    return [_file(image, name) for image, name in zip(product.images, names, strict=True)]


def woo_variation_file(variation: Variation) -> ImageFile | None:
    """A shop variation's own image, named as Sitoo will store it; ``None`` without one."""
    image = variation.image
    if image is None or not image.id:
        return None
    return _file(image, file_name_of(image.src or image.name, f"{image.id}.jpg"))


def woo_image_refs(digests: Sequence[str], media: Mapping[str, int]) -> list[dict[str, Any]]:
    """The ``images`` of a shop product body: ``{"id": media_id}`` per hash, never a URL.

    ``media`` maps a content hash to the shop media id that holds those bytes; an image not
    uploaded yet raises ``MappingError`` so the product waits for its upload.
    """
    refs: list[dict[str, Any]] = []
    for digest in digests:
        if digest not in media:
            raise MappingError(f"image {digest[:12]} is not uploaded to the shop yet")
        refs.append({"id": media[digest]})
    return refs


def woo_uploads(files: Sequence[ImageFile], media: Mapping[str, int]) -> list[ImageFile]:
    """The images the shop does not hold yet (by hash), each once: the only ones ever sent by URL."""
    wanted: dict[str, ImageFile] = {}
    for image in files:
        if image.digest not in media:
            wanted.setdefault(image.digest, image)
    return list(wanted.values())


@dataclass(frozen=True)
class PosImagePlan:
    """What to do with one Sitoo product's images: upload these, keep those, unlink the rest."""

    upload: list[ImageFile] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)


def pos_image_plan(
    files: Sequence[ImageFile], sent: Mapping[str, str], *, resync: bool = False
) -> PosImagePlan:
    """Which images to send to Sitoo: new names, changed bytes, or all of them on a resync.

    ``sent`` maps each file name on the Sitoo product to the hash of the bytes last uploaded; a
    file with the same name and hash is left alone. Names no longer in the shop are removed.
    """
    upload = [f for f in files if resync or sent.get(f.name) != f.digest]
    kept = {f.name for f in files}
    unchanged = [f.name for f in files if f not in upload]
    return PosImagePlan(upload, unchanged, [name for name in sent if name not in kept])


def image_payload(image: ImageFile) -> dict[str, Any]:
    """What a synced image is remembered as (binding fingerprint and ``plan`` diff): name and hash."""
    return {"resourceid": image.name, "hash": image.digest, "media": image.media_id}
