"""WordPress media attachments: images sideloaded from ``src`` or reused by ``id`` (being written)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

if TYPE_CHECKING:
    from possync_sandbox.woocommerce.emulator import WooEmulator


def serve_upload(emulator: WooEmulator) -> Callable[[Request], Awaitable[Response]]:
    """The ``/wp-content/uploads/...`` files: the stored bytes of each attachment."""

    async def serve(request: Request) -> Response:
        path = request.path_params["path"]
        for media_id, record in emulator.store.media.items():
            if record.get("file") == path:
                return Response(emulator.store.media_bytes.get(media_id, b""), media_type=record["mime_type"])
        return Response(b"Not Found", 404, media_type="text/html")

    return serve
