"""Product images: base64 upload answers true, positions as ids, delete shifts, resources list."""

from __future__ import annotations

import base64
import struct
import zlib

import httpx

from possync_sandbox.sitoo.store import Clock

from .conftest import NOW


def png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    )


def _upload(api: httpx.Client, productid: int, name: str, content: bytes) -> httpx.Response:
    body = {"resourceid": name, "filedata": base64.b64encode(content).decode()}
    return api.post(f"/products/{productid}/images.json", json=body)


def test_upload_answers_true_and_lists_the_resource(api: httpx.Client) -> None:
    productid = api.post("/products.json", json={"sku": "I-1"}).json()
    content = png(441, 290)
    assert _upload(api, productid, "product1_1.png", content).json() is True
    images = api.get(f"/products/{productid}/images.json").json()
    assert images == {
        "totalcount": 1,
        "items": [
            {
                "resourceid": "product1_1.png",
                "mimetype": "image/png",
                "width": 441,
                "height": 290,
                "filesize": len(content),
                "datecreated": NOW,
            }
        ],
    }


def test_imageid_is_the_position_and_delete_shifts(api: httpx.Client) -> None:
    productid = api.post("/products.json", json={"sku": "I-2"}).json()
    for name in ("a.png", "b.png", "c.png"):
        _upload(api, productid, name, png(1, 1))
    assert api.get(f"/products/{productid}/images/1.json").json()["resourceid"] == "b.png"
    assert api.delete(f"/products/{productid}/images/0.json").json() is True
    assert api.get(f"/products/{productid}/images/0.json").json()["resourceid"] == "b.png"
    assert api.get(f"/products/{productid}/images/2.json").status_code == 404


def test_delete_keeps_the_uploaded_file(api: httpx.Client) -> None:
    productid = api.post("/products.json", json={"sku": "I-3"}).json()
    _upload(api, productid, "keep.png", png(2, 2))
    api.delete(f"/products/{productid}/images/0.json")
    assert [r["resourceid"] for r in api.get("/resources.json").json()["items"]] == ["keep.png"]
    relinked = api.post(f"/products/{productid}/images.json", json={"resourceid": "keep.png"})
    assert relinked.json() is True
    assert api.get(f"/products/{productid}/images.json").json()["totalcount"] == 1


def test_linking_an_unknown_file_and_bad_base64_are_refused(api: httpx.Client) -> None:
    productid = api.post("/products.json", json={"sku": "I-4"}).json()
    assert api.post(f"/products/{productid}/images.json", json={"resourceid": "none.png"}).status_code == 404
    bad = api.post(f"/products/{productid}/images.json", json={"resourceid": "x.png", "filedata": "%%%"})
    assert bad.status_code == 400
    assert api.post(f"/products/{productid}/images.json", json={"filedata": "AAAA"}).status_code == 400


def test_images_of_an_unknown_product_are_404(api: httpx.Client) -> None:
    assert api.get("/products/404/images.json").status_code == 404


def test_deleting_an_image_of_a_product_without_images_is_404(api: httpx.Client) -> None:
    productid = api.post("/products.json", json={"sku": "I-6"}).json()
    assert api.delete(f"/products/{productid}/images/0.json").status_code == 404


def test_upload_touches_the_product(api: httpx.Client, clock: Clock) -> None:
    productid = api.post("/products.json", json={"sku": "I-5"}).json()
    clock.advance(7)
    _upload(api, productid, "t.png", png(1, 1))
    assert api.get(f"/products/{productid}.json").json()["datemodified"] == NOW + 7


def test_uploaded_bytes_are_served_by_the_control_api(api: httpx.Client, control: httpx.Client) -> None:
    productid = api.post("/products.json", json={"sku": "I-7"}).json()
    content = png(3, 4)
    _upload(api, productid, "shirt front.png", content)
    served = control.get("/resources/1/shirt front.png")
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/png"
    assert served.content == content
    assert control.get("/resources/1/missing.png").status_code == 404
