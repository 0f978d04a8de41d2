"""WordPress media attachments: images sideloaded from ``src`` or reused by ``id``.

Every ``{"src": URL}`` is downloaded again and stored as a NEW attachment (WordPress does not
de-duplicate); ``{"id": N}`` reuses attachment N. Sources may be any URL the emulator can reach
(typically loopback) or a ``data:`` URL. Files are served back under ``/wp-content/uploads/``.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import httpx
from starlette.requests import Request
from starlette.responses import Response

from possync_sandbox.woocommerce.context import View
from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.store import Record, Store
from possync_sandbox.woocommerce.wire import as_int, date_pair, slugify

if TYPE_CHECKING:
    from possync_sandbox.woocommerce.emulator import WooEmulator

IMAGE_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "jpe": "image/jpeg",
    "gif": "image/gif",
    "png": "image/png",
    "bmp": "image/bmp",
    "tiff": "image/tiff",
    "tif": "image/tiff",
    "ico": "image/x-icon",
    "webp": "image/webp",
}
EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/png": "png",
    "image/webp": "webp",
    "image/bmp": "bmp",
}
NOT_ALLOWED = "Invalid image: Sorry, you are not allowed to upload this file type."


class SideloadError(Exception):
    """The download or the file-type check of an image source failed; ``str`` is WooCommerce's message."""


async def _download(src: str) -> tuple[bytes, str]:
    """The bytes and file name of ``src``; raises ``SideloadError`` with WordPress's wording."""
    if src.startswith("data:"):
        header, _, data = src.partition(",")
        mime = header[5:].split(";")[0] or "image/png"
        try:
            content = base64.b64decode(data) if ";base64" in header else unquote(data).encode()
        except binascii.Error:
            raise SideloadError(
                f"Error getting remote image {src[:40]}. Error: A valid URL was not provided."
            ) from None
        return content, f"image.{EXTENSIONS.get(mime, 'bin')}"
    parts = urlsplit(src)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SideloadError(f"Error getting remote image {src}. Error: A valid URL was not provided.")
    try:
        async with httpx.AsyncClient(timeout=10, follow_redirects=True) as client:
            answer = await client.get(src)
    except httpx.HTTPError:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        raise SideloadError(
            f"Error getting remote image {src}. Error: cURL error 7: Failed to connect to {parts.hostname} "
            f"port {port} after 0 ms: Couldn't connect to server"
        ) from None
    if answer.status_code != 200:
        raise SideloadError(f"Error getting remote image {src}. Error: {answer.reason_phrase}")
    return answer.content, PurePosixPath(unquote(parts.path)).name or "image"


def _store_file(store: Store, content: bytes, filename: str) -> Record:
    stem, _, ext = filename.rpartition(".")
    if ext.lower() not in IMAGE_TYPES or not stem:
        raise SideloadError(NOT_ALLOWED)
    now = store.now()
    folder = f"{now[:4]}/{now[5:7]}"
    base = slugify(stem) or "image"
    taken = {record["file"] for record in store.media.values()}
    name, number = f"{base}.{ext.lower()}", 1
    while f"{folder}/{name}" in taken:
        name, number = f"{base}-{number}.{ext.lower()}", number + 1
    media_id = store.new_post_id()
    record = {
        "id": media_id,
        "name": stem,
        "alt": "",
        "file": f"{folder}/{name}",
        "mime_type": IMAGE_TYPES[ext.lower()],
        "date_created_gmt": now,
        "date_modified_gmt": now,
    }
    store.media[media_id] = record
    store.media_bytes[media_id] = content
    return record


def add_media(store: Store, content: bytes, filename: str, alt: str = "") -> Record:
    """Store ``content`` as a new attachment (the loader's way in)."""
    record = _store_file(store, content, filename)
    record["alt"] = alt
    return record


async def resolve_image(store: Store, entry: Any, prefix: str) -> int | None:
    """The attachment id for one image entry (``{"id"}`` reused, ``{"src"}`` sideloaded anew).

    ``prefix`` is ``product`` or ``variation`` and names the error codes.
    """
    if not isinstance(entry, dict):
        return None
    media_id = as_int(entry.get("id"))
    if media_id:
        record = store.media.get(media_id)
        if record is None:
            raise WooError(
                f"woocommerce_{prefix}_invalid_image_id", f"#{media_id} is an invalid image ID.", 400
            )
    elif entry.get("src"):
        try:
            content, filename = await _download(str(entry["src"]))
            record = _store_file(store, content, filename)
        except SideloadError as error:
            raise WooError(f"woocommerce_{prefix}_image_upload_error", str(error), 400) from None
    else:
        return None
    if entry.get("name"):
        record["name"] = str(entry["name"])
    if entry.get("alt"):
        record["alt"] = str(entry["alt"])
    return int(record["id"])


async def resolve_images(store: Store, entries: Any, prefix: str = "product") -> list[int]:
    ids = []
    for entry in entries if isinstance(entries, list) else []:
        media_id = await resolve_image(store, entry, prefix)
        if media_id is not None:
            ids.append(media_id)
    return ids


def image_json(view: View, media_id: int, position: int | None = None) -> dict[str, Any] | None:
    record = view.store.media.get(media_id)
    if record is None:
        return None
    body: dict[str, Any] = {"id": media_id}
    body |= date_pair(record, "date_created", view.timezone)
    body |= date_pair(record, "date_modified", view.timezone)
    body |= {
        "src": f"{view.home_url}/wp-content/uploads/{record['file']}",
        "name": record["name"],
        "alt": record["alt"],
    }
    if position is not None and view.version == "v2":
        body["position"] = position
    return body


def images_json(view: View, media_ids: list[int]) -> list[dict[str, Any]]:
    """A product's images; on ``wc/v2`` an imageless product shows WooCommerce's placeholder (id 0)."""
    images = [image_json(view, media_id, index) for index, media_id in enumerate(media_ids)]
    found = [image for image in images if image is not None]
    return found or ([placeholder_json(view)] if view.version == "v2" else [])


def placeholder_json(view: View) -> dict[str, Any]:
    now = {"date_created_gmt": view.store.now(), "date_modified_gmt": view.store.now()}
    body: dict[str, Any] = {"id": 0}
    body |= date_pair(now, "date_created", view.timezone) | date_pair(now, "date_modified", view.timezone)
    src = f"{view.home_url}/wp-content/uploads/woocommerce-placeholder.png"
    return body | {"src": src, "name": "Placeholder", "alt": "Placeholder", "position": 0}


def serve_upload(emulator: WooEmulator) -> Callable[[Request], Awaitable[Response]]:
    """The ``/wp-content/uploads/...`` files: the stored bytes of each attachment."""

    async def serve(request: Request) -> Response:
        path = request.path_params["path"]
        for media_id, record in emulator.store.media.items():
            if record.get("file") == path:
                return Response(emulator.store.media_bytes.get(media_id, b""), media_type=record["mime_type"])
        return Response(b"<html><body><h1>Not Found</h1></body></html>", 404, media_type="text/html")

    return serve
