"""WooClient against the WooCommerce emulator: versions, auth modes, reads, writes and set-up errors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send
from woo_fixtures import CK, Shop, shop

from possync.errors import ConfigurationError, SkippableError
from possync.woo import WooClient, WooConfig
from possync_sandbox.server import running


@pytest.mark.parametrize(("wc_version", "api"), [("9.4.2", "v3"), ("3.4.0", "v2")])
async def test_v3_and_v2_shops_both_work(wc_version: str, api: str) -> None:
    with shop(wc_version=wc_version) as s:
        async with s.client(auth="basic") as woo:
            assert woo.version == api
            assert woo.shop_version == tuple(int(p) for p in wc_version.split("."))
            made = await woo.products.create(
                {
                    "name": "Mug",
                    "sku": "MUG-1",
                    "regular_price": "99.00",
                    "manage_stock": True,
                    "stock_quantity": 0,
                }
            )
            read = await woo.products.get(made.id)
    assert read.stock_status == "outofstock"  # v2 says in_stock: false, v3 stock_status
    assert str(read.regular_price) == "99.00"
    assert s.skus() == ["MUG-1"]


async def test_explicit_v2_on_a_modern_shop() -> None:
    with shop() as s:
        async with s.client(auth="basic", api_version="v2") as woo:
            await woo.products.create(
                {"name": "Cup", "sku": "CUP-1", "manage_stock": True, "stock_quantity": 3}
            )
            [cup] = await woo.products.list_all()
    assert woo.version == "v2"
    assert cup.stock_status == "instock"


async def test_oauth_get_with_query_parameters_and_post_with_json_body() -> None:
    for placement in ("query", "header"):
        with shop(https=False) as s:
            async with s.client(oauth_in=placement) as woo:
                assert woo.auth_mode == "oauth"
                made = await woo.products.create(
                    {"name": "Red shirt, large", "sku": "RS-L", "regular_price": "5.00"}
                )
                found = await woo.products.list_all(search="shirt, large", status="publish", per_page=100)
                assert [p.id for p in found] == [made.id]
                updated = await woo.products.update(made.id, {"name": "Röd skjorta & co"})
                assert updated.name == "Röd skjorta & co"


async def test_changed_since_never_misses_a_change_old_or_new_shop() -> None:
    for wc_version in ("9.4.2", "5.6.0"):
        with shop(wc_version=wc_version) as s:
            async with s.client(auth="basic") as woo:
                made = await woo.products.batch(create=[{"name": f"P{n}", "sku": f"P{n}"} for n in range(5)])
                s.emulator.store.clock.advance(120)
                touched = await woo.products.update(made[2].value.id, {"name": "changed"})  # type: ignore[union-attr]
                assert touched.date_modified_gmt is not None
                since = touched.date_modified_gmt
                changed = [p.sku async for p in woo.products.changed_since(since)]
                everything = [p.sku async for p in woo.products.changed_since(since - timedelta(hours=1))]
        assert changed == ["P2"], wc_version
        assert sorted(everything) == [f"P{n}" for n in range(5)]


async def test_batches_are_chunked_to_the_shop_limit_with_a_result_per_item() -> None:
    with shop(batch_limit=10) as s:
        async with s.client(auth="basic", batch_limit=10) as woo:
            s.emulator.counter.reset()
            results = await woo.products.batch(
                create=[{"name": f"B{n}", "sku": f"B{n}"} for n in range(24)] + [{"name": "dup", "sku": "b3"}]
            )
            calls = s.emulator.counter.snapshot()["by_route"]
    assert calls == {"POST /wp-json/wc/v3/products/batch": 3}
    assert [r.index for r in results] == list(range(25))
    assert all(r.ok for r in results[:24])
    failed = results[24]
    assert isinstance(failed.error, SkippableError)
    assert failed.error.code == "product_invalid_sku"
    assert "create #24" in str(failed.error)
    assert "sku b3" in str(failed.error)


async def test_lookups_categories_tree_and_images_by_id() -> None:
    with shop() as s:
        async with s.client(auth="basic") as woo:
            top = await woo.categories.create({"name": "Clothes"})
            mid = await woo.categories.create({"name": "Shirts", "parent": top.id})
            await woo.categories.create({"name": "Polo", "parent": mid.id})
            tree = await woo.categories.tree()
            made = await woo.products.create({"name": "V", "sku": "ABC-1", "type": "variable"})
            assert (await woo.products.find_by_sku("abc-1")) is not None
            assert await woo.products.find_by_sku("ABC") is None
            with pytest.raises(ValueError, match="media id"):
                await woo.products.update(made.id, {"images": [{"src": "https://cdn.example/x.png"}]})
    clothes = next(node for node in tree if node.category.name == "Clothes")
    assert [c.name for c in clothes.walk()] == ["Clothes", "Shirts", "Polo"]


async def test_order_notes_refunds_and_coupons() -> None:
    with shop() as s:
        async with s.client(auth="basic") as woo:
            product = await woo.products.create({"name": "Tea", "sku": "TEA", "regular_price": "50.00"})
            line = {"sku": "TEA", "quantity": 2, "subtotal": "80.00", "total": "80.00"}  # net, ex-tax
            order = await woo.orders.create({"status": "completed", "line_items": [line]})
            await woo.notes(order.id).create({"note": "synced to POS"})
            refund = await woo.refunds(order.id).create({"amount": "10.00", "api_refund": False})
            notes = await woo.notes(order.id).list_all()
            again = await woo.orders.get(order.id)
            coupon = await woo.coupons.create({"code": "Prb-Ten", "amount": "10"})
            found = await woo.coupons.find_by_code("PRB-TEN")
    assert order.line_items[0].product_id == product.id
    assert "synced to POS" in [n.note for n in notes]
    assert str(refund.amount) == "10.00"
    assert [str(r.total) for r in again.refunds] == ["-10.00"]
    assert found is not None
    assert found.id == coupon.id


async def test_wrong_secret_and_keys_ignored_give_actionable_errors() -> None:
    with shop() as s:
        wrong = WooClient(
            WooConfig(url=s.base_url, consumer_key=CK, consumer_secret="cs_" + "0" * 40, auth="basic")
        )
        with pytest.raises(ConfigurationError, match=r"refused the API keys.*Consumer secret is invalid"):
            await wrong.__aenter__()
    # a plain-HTTP shop ignores Basic (and query) credentials: anonymous
    with shop(https=False) as s, pytest.raises(ConfigurationError, match="anonymous"):
        await s.client(auth="basic").__aenter__()


class StripAuthorization:
    """A front-end that drops the Authorization header before PHP sees it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope = {
                **scope,
                "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"authorization"],
            }
        await self.app(scope, receive, send)


async def test_basic_falls_back_to_query_keys_when_authorization_is_stripped() -> None:
    from possync_sandbox.woocommerce import WooEmulator, WooSettings

    emulator = WooEmulator(WooSettings())
    with running(StripAuthorization(emulator.app)) as server:
        async with Shop(emulator, server.base_url).client(auth="basic") as woo:
            assert woo.auth_mode == "query"
            await woo.products.create({"name": "Q", "sku": "Q-1"})
    assert [p["sku"] for p in emulator.state()["products"]] == ["Q-1"]


async def test_plain_permalinks_get_a_clear_error() -> None:
    async def wp_json(request: Request) -> Response:
        return HTMLResponse("<html><body>Page not found</body></html>", 404)

    async def root(request: Request) -> Response:
        if request.query_params.get("rest_route") == "/":
            return JSONResponse({"name": "shop", "namespaces": ["wc/v3"], "routes": {}})
        return HTMLResponse("<html>home</html>")

    app = Starlette(routes=[Route("/wp-json/{rest:path}", wp_json), Route("/", root)])
    with running(app) as server:
        client = WooClient(
            WooConfig(url=f"{server.base_url}/?rest_route=/wc/v3", consumer_key=CK, consumer_secret="cs_x")
        )
        with pytest.raises(ConfigurationError, match=r"plain permalinks.*Settings > Permalinks"):
            await client.__aenter__()


async def test_a_shop_with_a_lower_batch_limit_than_configured_is_followed() -> None:
    with shop(batch_limit=7) as s:
        async with s.client(auth="basic") as woo:  # configured for 100
            results = await woo.products.batch(create=[{"name": f"L{n}", "sku": f"L{n}"} for n in range(20)])
            calls = s.emulator.counter.snapshot()["by_route"]["POST /wp-json/wc/v3/products/batch"]
    assert all(r.ok for r in results)
    assert [r.request["sku"] for r in results] == [f"L{n}" for n in range(20)]
    assert len(s.skus()) == 20
    assert calls == 1 + 3  # refused once as a whole (413, nothing written), then in calls of 7


async def test_a_redirecting_shop_and_a_non_json_page_are_named() -> None:
    async def moved(request: Request) -> Response:
        return Response(status_code=301, headers={"Location": "https://www.shop.example/wp-json/wc/v3/x"})

    async def html(request: Request) -> Response:
        return HTMLResponse("<html><body>Checking your browser</body></html>")

    app = Starlette(
        routes=[Route("/moved/wp-json/{rest:path}", moved), Route("/waf/wp-json/{rest:path}", html)]
    )
    with running(app) as server:
        client = WooClient(WooConfig(url=f"{server.base_url}/moved", consumer_key=CK, consumer_secret="cs_x"))
        with pytest.raises(ConfigurationError, match=r"redirect.*https://www\.shop\.example"):
            await client.__aenter__()
        waf = WooClient(WooConfig(url=f"{server.base_url}/waf", consumer_key=CK, consumer_secret="cs_x"))
        with pytest.raises(ConfigurationError, match="no WordPress REST API"):
            await waf.__aenter__()


class SubFolder:
    """WordPress installed in ``/butik``: the front-end hands the rest of the path to the shop."""

    def __init__(self, app: ASGIApp, prefix: str) -> None:
        self.app, self.prefix = app, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(self.prefix):
            path = scope["path"][len(self.prefix) :] or "/"
            scope = {**scope, "path": path, "raw_path": path.encode()}
        await self.app(scope, receive, send)


@pytest.mark.parametrize("suffix", ["/butik", "/butik/", "/butik/wp-json", "/butik/wp-json/wc/v3/"])
async def test_sub_folder_install_in_any_pasted_form(suffix: str) -> None:
    from possync_sandbox.woocommerce import WooEmulator, WooSettings

    emulator = WooEmulator(WooSettings())
    with running(SubFolder(emulator.app, "/butik")) as server:
        shop_url = f"{server.base_url}{suffix}"
        async with Shop(emulator, shop_url).client(auth="basic") as woo:
            await woo.products.create({"name": "Sub", "sku": "SUB-1"})
            assert [p.sku for p in await woo.products.list_all()] == ["SUB-1"]
    assert woo.site.root == f"{server.base_url}/butik"
