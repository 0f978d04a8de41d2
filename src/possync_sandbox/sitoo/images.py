"""Product images and the site's uploaded files (resources).

``POST /products/{id}/images.json`` with ``{"resourceid": name, "filedata": base64}`` uploads
the file and links it; without ``filedata`` it links a file uploaded before. The answer is
``true`` [SPEC]. ``imageid`` is the image's position in the product's list (0-based by
setting [OPEN]); deleting one removes only the link and shifts the later positions [INF].
The control API serves the uploaded bytes, since the site's own host does not exist offline.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from possync_sandbox.sitoo.context import ApiRoute, Ctx, Plugin, Runtime
from possync_sandbox.sitoo.errors import SitooError, bad_request
from possync_sandbox.sitoo.imagefiles import describe
from possync_sandbox.sitoo.listing import envelope, render_one
from possync_sandbox.sitoo.routing import error_response
from possync_sandbox.sitoo.store import Record, SiteState
from possync_sandbox.sitoo.tables import PRODUCTS, RESOURCES
from possync_sandbox.sitoo.wire import text


def upload(site: SiteState, name: str, content: bytes, now: int) -> Record:
    """Store a file under ``name`` (a second upload replaces the first [OPEN])."""
    resource = {"resourceid": name, **describe(name, content), "filesize": len(content), "datecreated": now}
    resource["_filedata"] = base64.b64encode(content).decode()
    return site.table(RESOURCES).put(resource)


def link(site: SiteState, product: Record, name: str, now: int) -> None:
    images = product.setdefault("_images", [])
    if name not in images:
        images.append(name)
    product["datemodified"] = now


def _product(ctx: Ctx) -> Record:
    return ctx.site.table(PRODUCTS).require(ctx.path_int("productid"))


def add_image(ctx: Ctx) -> Any:
    product = _product(ctx)
    body = ctx.object_body()
    name = text(body.get("resourceid") or "", "resourceid")
    if not name:
        raise bad_request("Missing required field resourceid")
    if body.get("filedata") not in (None, ""):
        try:
            content = base64.b64decode(text(body["filedata"], "filedata"), validate=True)
        except (binascii.Error, ValueError):
            raise bad_request("Invalid value for field filedata: not base64") from None
        upload(ctx.site, name, content, ctx.now())
    elif ctx.site.table(RESOURCES).get(name) is None:
        raise SitooError(ctx.settings.image_unknown_resource_status, f"Resource {name} not found")
    link(ctx.site, product, name, ctx.now())
    return True


def _images(ctx: Ctx, product: Record) -> list[Record]:
    resources = ctx.site.table(RESOURCES)
    return [resources.require(name) for name in product.get("_images", [])]


def list_images(ctx: Ctx) -> Any:
    return envelope(ctx, _images(ctx, _product(ctx)))


def _position(ctx: Ctx, product: Record) -> int:
    position = ctx.path_int("imageid") - ctx.settings.image_index_base
    if not 0 <= position < len(product.get("_images", [])):
        raise SitooError(404, f"Image {ctx.path_int('imageid')} not found")
    return position


def get_image(ctx: Ctx) -> Any:
    product = _product(ctx)
    return render_one(ctx, _images(ctx, product)[_position(ctx, product)])


def delete_image(ctx: Ctx) -> Any:
    product = _product(ctx)
    position = _position(ctx, product)
    del product["_images"][position]
    product["datemodified"] = ctx.now()
    return True


def list_resources(ctx: Ctx) -> Any:
    return envelope(ctx, ctx.site.table(RESOURCES).values())


async def serve_file(request: Request) -> Response:
    """``GET /__sandbox__/resources/{eshopid}/{resourceid}``: the bytes of an uploaded file.

    Sitoo serves uploads from the site's own host; offline, the sandbox serves them here.
    """
    runtime: Runtime = request.app.state.runtime
    try:
        site = runtime.store.site(runtime.settings.account_id, int(request.path_params["eshopid"]))
        resource = site.table(RESOURCES).require(request.path_params["resourceid"])
    except SitooError as error:
        return error_response(error.status, error.errortext)
    content = base64.b64decode(resource["_filedata"])
    return Response(content, media_type=str(resource["mimetype"]))


PLUGIN = Plugin(
    control_routes=[
        Route("/__sandbox__/resources/{eshopid:int}/{resourceid:path}", serve_file, methods=["GET"])
    ],
    routes=[
        ApiRoute("products/{productid:int}/images", {"GET": list_images, "POST": add_image}),
        ApiRoute("products/{productid:int}/images/{imageid:int}", {"GET": get_image, "DELETE": delete_image}),
        ApiRoute("resources", {"GET": list_resources}),
    ],
)
