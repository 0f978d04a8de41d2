"""Product and variant images down to the shop: each Sitoo file version becomes shop media once,
then goes by id.

A ``media`` binding remembers which shop media holds which Sitoo file (``resourceid``) and the
version it holds; an image that went up from the shop is found through its ``image`` binding. A file
the shop lacks is sent by URL with one product (or variant) a run; others showing it wait until that
write is done, then get its media id (or, if the write did not bring the file, one of them sends it).
After a write the shop's answer gives the media ids: they are bound, and each image is bound the way
the image flow up binds it, so it never goes back up. A variation is handled as a product with one
image.
"""

from __future__ import annotations

from collections.abc import Iterator

from possync.errors import MappingError
from possync.store.models import Binding
from possync.sync import flows
from possync.sync.binder import Binder
from possync.sync.fingerprint import fingerprint
from possync.sync.flow import PlanRefs, Record, Refs, Related, View, WriteItem, WriteResult
from possync.sync.images import image_records, pos_image_id, pos_image_view, variation_image_records
from possync.sync.reads import FACT, SharedReads
from possync.woo.models import Product, Variation

MEDIA = "media"
"""The entity binding a Sitoo file (natural key: ``resourceid``) to the shop media holding it."""
IMAGE = "image"


def media_lookup(refs: Refs, productid: str) -> flows.MediaLookup:
    """Where the shop holds each image of the Sitoo product (or variant) ``productid``; a file it
    lacks is claimed for this product (``MappingError`` while another one of this run is sending it)."""
    shared = refs.facts.get(FACT)
    waits = isinstance(shared, SharedReads) and not isinstance(refs, PlanRefs)
    claims = shared.claimed(MEDIA) if isinstance(shared, SharedReads) and waits else {}

    def media(file: flows.SitooFile) -> flows.Held | None:
        mine = refs.binder.lookup(IMAGE, pos_id=pos_image_id(productid, file.resourceid))
        held = _held(refs.binder, file, mine)
        if held is not None:
            return flows.Held(held, shown=mine is not None and _media_id(mine) == held)
        sender = claims.setdefault(f"{file.resourceid}@{file.version}", productid)
        if sender != productid:
            raise MappingError(f"image {file.resourceid} is being sent to the shop with product {sender}")
        return None

    return media


def _held(binder: Binder, file: flows.SitooFile, mine: Binding | None) -> int | None:
    """The shop media holding this version of the file, if any."""
    held = binder.lookup(MEDIA, natural_key=file.resourceid)
    if held is not None and held.pos_fingerprint == file.version:
        return _media_id(held)
    if mine is None or (held is not None and _media_id(mine) == _media_id(held)):
        return None  # new, or changed in Sitoo since the shop got it
    return _media_id(mine)  # the shop's own image, sent up to Sitoo


def _media_id(binding: Binding) -> int | None:
    """The shop media id of a ``media`` (``"12"``) or ``image`` (``"<product>:12"``) binding."""
    return int(binding.woo_id.rsplit(":", 1)[-1]) if binding.woo_id else None


def product_written(item: WriteItem, product: Product) -> WriteResult:
    """A shop product write's result: with Sitoo images, the media the shop holds them in."""
    return _written(item, str(product.id), flows.shop_images(product), image_records(product))


def variation_written(item: WriteItem, variation: Variation) -> WriteResult:
    """A shop variation write's result: with a Sitoo image, the media the shop holds it in."""
    return _written(item, str(variation.id), flows.shop_image(variation), variation_image_records(variation))


def _written(item: WriteItem, target_id: str, shown_now: View, records: list[Record]) -> WriteResult:
    """The result of a write that showed Sitoo files: ``records`` are the images the shop answered
    with (as the image flow up reads them), ``shown_now`` how the next mapping will write them."""
    shown = flows.shown_files(item.view)
    if not (shown and records) or len(shown) != len(records):
        return WriteResult(target_id=target_id)
    related = tuple(_related(item, records, shown))
    return WriteResult(target_id=target_id, written={**item.view, **shown_now}, related=related)


def _related(item: WriteItem, records: list[Record], shown: list[dict[str, str] | None]) -> Iterator[Related]:
    """Per image new on the product: the file version its media holds, and its image binding as
    the image flow up makes it (so the image reads back unchanged on the way up)."""
    for record, file in zip(records, shown, strict=True):
        if file is None:
            continue
        media = record.view["media"]
        yield Related(MEDIA, file["resourceid"], woo_id=media, pos_fingerprint=file["version"])
        yield Related(
            IMAGE,
            record.key,
            woo_id=record.id,
            pos_id=pos_image_id(item.source_id, file["resourceid"]),
            woo_fingerprint=fingerprint(record.view),
            pos_fingerprint=fingerprint(pos_image_view(record.view, item.source_id)),
        )
