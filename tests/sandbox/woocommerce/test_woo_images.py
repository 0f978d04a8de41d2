"""Images: sideloaded from ``src`` as a new attachment every time, reused by ``id`` (spec §6.5)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from woo_support import PNG, PNG_DATA_URL, WooShop, error

from possync_sandbox.server import free_port, running


async def picture(request: Request) -> Response:
    return Response(PNG, media_type="image/png")


async def text(request: Request) -> Response:
    return Response(b"not a picture", media_type="text/plain")


@pytest.fixture(scope="module")
def pictures() -> Iterator[str]:
    app = Starlette(routes=[Route("/img/{name}.png", picture), Route("/doc/readme.txt", text)])
    with running(app) as server:
        yield server.base_url


def test_src_is_sideloaded_as_a_shop_hosted_attachment(woo_shop: WooShop, pictures: str) -> None:
    product = woo_shop.product(images=[{"src": f"{pictures}/img/shirt.png", "alt": "A shirt"}])
    image = product["images"][0]
    assert image["src"].startswith(f"{woo_shop.base_url}/wp-content/uploads/")
    assert image["src"].endswith("/shirt.png")
    assert (image["alt"], image["name"]) == ("A shirt", "shirt")
    assert httpx.get(image["src"]).content == PNG
    assert httpx.get(f"{woo_shop.base_url}/__sandbox__/media/{image['id']}").content == PNG


def test_the_same_src_again_makes_another_attachment(woo_shop: WooShop, pictures: str) -> None:
    images = [{"src": f"{pictures}/img/shirt.png"}]
    product = woo_shop.product(images=images)
    again = woo_shop.client.put(f"/products/{product['id']}", json={"images": images}).json()
    assert again["images"][0]["id"] != product["images"][0]["id"]
    assert again["images"][0]["src"] != product["images"][0]["src"]
    assert len(woo_shop.emulator.store.media) == 2


def test_an_image_id_is_reused(woo_shop: WooShop) -> None:
    first = woo_shop.product(images=[{"src": PNG_DATA_URL}])
    media_id = first["images"][0]["id"]
    second = woo_shop.product(images=[{"id": media_id}])
    assert second["images"][0]["id"] == media_id
    assert len(woo_shop.emulator.store.media) == 1


def test_an_unknown_image_id_is_refused(woo: httpx.Client) -> None:
    answer = woo.post("/products", json={"name": "x", "images": [{"id": 4242}]})
    assert error(answer) == (400, "woocommerce_product_invalid_image_id", "#4242 is an invalid image ID.")


def test_an_unreachable_src_fails_the_whole_create(woo_shop: WooShop) -> None:
    url = f"http://127.0.0.1:{free_port()}/x.png"
    status, code, message = error(
        woo_shop.client.post("/products", json={"name": "x", "images": [{"src": url}]})
    )
    assert (status, code) == (400, "woocommerce_product_image_upload_error")
    assert message.startswith(f"Error getting remote image {url}. Error: cURL error 7:")
    assert woo_shop.emulator.store.products == {}


def test_a_src_that_is_not_an_image_is_refused(woo: httpx.Client, pictures: str) -> None:
    answer = woo.post("/products", json={"name": "x", "images": [{"src": f"{pictures}/doc/readme.txt"}]})
    assert error(answer)[:2] == (400, "woocommerce_product_image_upload_error")


def test_a_data_url_is_sideloaded(woo_shop: WooShop) -> None:
    product = woo_shop.product(images=[{"src": PNG_DATA_URL}])
    assert httpx.get(product["images"][0]["src"]).content == PNG


def test_empty_images_removes_them_all(woo_shop: WooShop) -> None:
    product = woo_shop.product(images=[{"src": PNG_DATA_URL}])
    assert woo_shop.client.put(f"/products/{product['id']}", json={"images": []}).json()["images"] == []


def test_variation_image_by_src_gets_variation_error_codes(woo_shop: WooShop) -> None:
    parent = woo_shop.product(type="variable")
    url = f"/products/{parent['id']}/variations"
    assert woo_shop.client.post(url, json={"image": {"src": PNG_DATA_URL}}).json()["image"]["id"] > 0
    answer = woo_shop.client.post(url, json={"image": {"id": 999}})
    assert error(answer)[:2] == (400, "woocommerce_variation_invalid_image_id")


def test_src_may_point_at_the_shop_itself(woo_shop: WooShop) -> None:
    first = woo_shop.product(images=[{"src": PNG_DATA_URL}])
    own_url = first["images"][0]["src"]
    second = woo_shop.product(images=[{"src": own_url}])
    assert second["images"][0]["id"] != first["images"][0]["id"]
    assert httpx.get(second["images"][0]["src"]).content == PNG


def test_v2_shows_the_placeholder_for_a_product_without_images(woo_shop: WooShop) -> None:
    product = woo_shop.product()
    v2 = woo_shop.client.get(woo_shop.url(f"/products/{product['id']}", "v2")).json()
    assert [(i["id"], i["name"], i["position"]) for i in v2["images"]] == [(0, "Placeholder", 0)]
    assert product["images"] == []
