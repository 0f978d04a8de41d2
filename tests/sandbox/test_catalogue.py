"""The demo catalogue generator: deterministic per seed, shaped like a real shop, awkward on purpose."""

from __future__ import annotations

import re
import struct
import zlib
from collections import Counter
from decimal import Decimal

import pytest

from possync_sandbox.catalogue import Catalogue, Product, generate
from possync_sandbox.catalogue.codes import ean13, ean13_is_valid
from possync_sandbox.catalogue.model import AWKWARD_KINDS
from possync_sandbox.catalogue.png import PNG_SIGNATURE

SITOO_SKU = re.compile(r"[A-Za-z0-9_+\-/]+")


@pytest.fixture(scope="module")
def demo() -> Catalogue:
    return generate()


def _depth(catalogue: Catalogue, key: str) -> int:
    parents = {category.key: category.parent for category in catalogue.categories}
    depth = 1
    while parents[key] is not None:
        key = parents[key]  # type: ignore[assignment]
        depth += 1
    return depth


def _chunks(data: bytes) -> list[tuple[bytes, bytes, int]]:
    chunks, offset = [], len(PNG_SIGNATURE)
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        chunks.append((kind, body, crc))
        offset += 12 + length
    return chunks


def test_the_same_seed_gives_the_same_catalogue() -> None:
    assert generate(seed=7, products=80) == generate(seed=7, products=80)


def test_different_seeds_give_different_catalogues() -> None:
    first, second = generate(seed=1), generate(seed=2)
    assert [p.name for p in first.products] != [p.name for p in second.products]
    assert {i.content for i in first.images}.isdisjoint(i.content for i in second.images)


@pytest.mark.parametrize("size", [0, 1, 5, 27, 60, 333])
def test_the_catalogue_has_the_asked_number_of_products(size: int) -> None:
    catalogue = generate(seed=3, products=size)
    assert len(catalogue.products) == size
    assert len({product.key for product in catalogue.products}) == size


def test_categories_are_three_levels_deep_with_swedish_and_english_names(demo: Catalogue) -> None:
    depths = {category.key: _depth(demo, category.key) for category in demo.categories}
    assert set(depths.values()) == {1, 2, 3}
    assert all(category.name and category.name_en for category in demo.categories)
    assert any(category.name != category.name_en for category in demo.categories)
    used = {key for product in demo.products for key in product.categories}
    assert used <= set(depths)
    assert {depths[key] for key in used} == {3}


def test_about_thirty_percent_are_variable_with_two_to_six_variations(demo: Catalogue) -> None:
    kinds = Counter(product.kind for product in demo.products)
    assert kinds["variable"] == round(0.3 * len(demo.products))
    assert kinds["grouped"] >= 1
    assert kinds["external"] >= 1
    for product in demo.products:
        if product.kind == "variable":
            assert 2 <= len(product.variations) <= 6
            assert product.stock is None
            assert {frozenset(v.attributes) for v in product.variations} <= {
                frozenset({"Storlek"}),
                frozenset({"Färg"}),
                frozenset({"Storlek", "Färg"}),
            }
        else:
            assert product.variations == ()


def test_grouped_products_group_existing_simple_products(demo: Catalogue) -> None:
    by_key = {product.key: product for product in demo.products}
    for product in demo.products:
        if product.kind == "grouped":
            assert len(product.grouped) >= 2
            assert all(by_key[key].kind == "simple" for key in product.grouped)
        if product.kind == "external":
            assert product.external_url
            assert product.external_url.startswith("https://")


def test_every_awkward_kind_is_in_the_default_demo(demo: Catalogue) -> None:
    kinds = [product.awkward_kind or "" for product in demo.products if product.awkward]
    assert sorted(kinds) == sorted(AWKWARD_KINDS)
    assert all(product.active for product in demo.products if product.awkward)


def _awkward(catalogue: Catalogue, kind: str) -> Product:
    return next(product for product in catalogue.products if product.awkward_kind == kind)


def test_awkward_records_are_awkward_in_the_way_they_say(demo: Catalogue) -> None:
    assert " " in _awkward(demo, "sku-with-space").sku
    refused = _awkward(demo, "sku-refused-by-sitoo").sku
    assert refused
    assert " " not in refused
    assert not SITOO_SKU.fullmatch(refused)
    assert _awkward(demo, "empty-sku").sku == ""
    assert len(_awkward(demo, "long-title").name) > 255
    assert any(ord(char) > 0xFFFF for char in _awkward(demo, "non-ascii").name)
    assert re.search("[åäöÅÄÖ]", _awkward(demo, "non-ascii").name)


def test_duplicates_collide_with_an_earlier_product_elsewhere(demo: Catalogue) -> None:
    order = [product.key for product in demo.products]
    for kind, field in (("duplicate-name", "name"), ("duplicate-sku", "sku")):
        awkward = _awkward(demo, kind)
        twins = [
            p for p in demo.products if getattr(p, field) == getattr(awkward, field) and p is not awkward
        ]
        assert len(twins) == 1
        assert order.index(twins[0].key) < order.index(awkward.key)
    name_twin = next(p for p in demo.products if p.name == _awkward(demo, "duplicate-name").name)
    assert name_twin.categories != _awkward(demo, "duplicate-name").categories


def test_ordinary_skus_are_unique_and_valid_for_sitoo(demo: Catalogue) -> None:
    ordinary = [p.sku for p in demo.products if p.awkward is None]
    ordinary += [v.sku for p in demo.products for v in p.variations]
    assert len(ordinary) == len(set(ordinary))
    assert all(SITOO_SKU.fullmatch(sku) for sku in ordinary)
    names = [p.name for p in demo.products if p.awkward_kind != "duplicate-name"]
    assert len(names) == len(set(names))


def test_prices_carry_vat_sale_and_purchase_prices(demo: Catalogue) -> None:
    sold = [p for p in demo.products if p.kind in ("simple", "external")]
    assert {p.vat_rate for p in demo.products} == {Decimal("25"), Decimal("12"), Decimal("6")}
    assert all(p.price > 0 and p.price.as_tuple().exponent == -2 for p in sold)
    on_sale = [(p.sale_price, p.price) for p in demo.products if p.sale_price is not None]
    assert on_sale
    assert all(sale < price for sale, price in on_sale)
    for product in sold:
        if product.purchase_price is not None:
            assert product.purchase_price < product.price / (1 + product.vat_rate / 100)


def test_stock_is_sometimes_unmanaged_sometimes_zero_never_negative(demo: Catalogue) -> None:
    stocks = [p.stock for p in demo.products if p.kind == "simple"]
    stocks += [v.stock for p in demo.products for v in p.variations]
    assert None in stocks
    assert 0 in stocks
    assert all(stock >= 0 for stock in stocks if stock is not None)


def test_barcodes_are_valid_and_distinct_ean13(demo: Catalogue) -> None:
    codes = [p.barcode for p in demo.products] + [v.barcode for p in demo.products for v in p.variations]
    present = [code for code in codes if code is not None]
    assert len(present) > len(codes) / 2
    assert len(present) == len(set(present))
    assert all(ean13_is_valid(code) for code in present)
    assert ean13_is_valid("4006381333931")
    assert not ean13_is_valid("4006381333932")
    assert ean13(5).startswith("73")
    assert ean13_is_valid(ean13(5))


def test_images_are_decodable_distinct_pngs(demo: Catalogue) -> None:
    assert len({image.content for image in demo.images}) == len(demo.images)
    for image in demo.images:
        assert image.content.startswith(PNG_SIGNATURE)
        chunks = _chunks(image.content)
        assert [kind for kind, _, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
        assert all(zlib.crc32(kind + body) == crc for kind, body, crc in chunks)
        width, height, depth, colour_type = struct.unpack(">IIBB", chunks[0][1][:10])
        assert (width, height, depth, colour_type) == (image.width, image.height, 8, 2)
        assert len(zlib.decompress(chunks[1][1])) == height * (1 + 3 * width)


def test_images_are_referenced_and_some_names_are_awkward(demo: Catalogue) -> None:
    keys = {image.key for image in demo.images}
    used = {key for p in demo.products for key in p.images} | {
        v.image for p in demo.products for v in p.variations if v.image
    }
    assert used == keys
    assert demo.image(demo.products[0].images[0]).key == demo.products[0].images[0]
    assert any(" " in image.filename for image in demo.images)
    assert any(not image.filename.isascii() for image in demo.images)


@pytest.mark.parametrize(("images", "size", "expected"), [(False, 60, 0), (None, 5000, 48), (True, 30, None)])
def test_the_image_policy(images: bool | None, size: int, expected: int | None) -> None:
    catalogue = generate(seed=1, products=size, images=images)
    if expected is None:
        assert len(catalogue.images) >= size
    else:
        assert len(catalogue.images) == expected
        assert all(p.images for p in catalogue.products) == bool(expected)


def test_coupons_are_percent_and_fixed_some_expiring(demo: Catalogue) -> None:
    assert {coupon.kind for coupon in demo.coupons} == {"percent", "fixed_cart", "fixed_product"}
    assert any(c.expires and c.expires < "2026-11-01" for c in demo.coupons)
    assert any(c.expires and c.expires > "2026-11-25" for c in demo.coupons)
    assert len({coupon.code for coupon in demo.coupons}) == len(demo.coupons)


def test_orders_reference_sellable_skus_and_cover_every_flow(demo: Catalogue) -> None:
    skus = {p.sku for p in demo.products if p.kind == "simple" and p.awkward is None and p.sku}
    skus |= {v.sku for p in demo.products for v in p.variations}
    codes = {coupon.code for coupon in demo.coupons}
    for order in demo.orders:
        assert order.lines
        assert all(line.sku in skus and line.quantity > 0 for line in order.lines)
        assert order.coupon is None or order.coupon in codes
    flows = {(order.channel, order.shipping) for order in demo.orders}
    assert {("web", "local_pickup"), ("web", "flat_rate"), ("pos", "none"), ("pos", "store_to_door")} <= flows
    for order in (o for o in demo.orders if o.shipping == "store_to_door"):
        assert any(not line.delivered for line in order.lines)
        assert order.customer_email
    assert all(line.delivered for o in demo.orders if o.shipping != "store_to_door" for line in o.lines)
    assert [order.created for order in demo.orders] == sorted(order.created for order in demo.orders)
