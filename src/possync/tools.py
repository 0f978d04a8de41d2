"""The seed's Tools: Fix SKU and Fix image names, as previews first and changes second.

The rules are ``possync.sync.flows``' ``fix_sku`` (only ``0-9 a-z A-Z . _ - + /`` kept; an empty
SKU becomes the prefix plus the record's id) and ``fix_file_name`` (``a-z A-Z 0-9 _ - .``);
``sku_fixes`` and ``image_name_fixes`` list what they would change in a shop.
"""

from __future__ import annotations

from dataclasses import dataclass

from possync.sync.flows import fix_file_name, fix_sku
from possync.woo import WooClient


@dataclass(frozen=True)
class Fix:
    """One change a tool would make: which record, and its value before and after."""

    record: str
    record_id: int
    parent_id: int
    old: str
    new: str


async def sku_fixes(woo: WooClient, prefix: str) -> list[Fix]:
    """Every product and variation SKU Fix SKU would change, in the shop's order."""
    fixes: list[Fix] = []
    async for product in woo.products.iter_all(status="any"):
        new = fix_sku(product.sku, product.id, prefix)
        if new != product.sku:
            fixes.append(Fix(f"product {product.name}", product.id, 0, product.sku, new))
        if product.type == "variable":
            for variation in await woo.variations(product.id).list_all():
                new = fix_sku(variation.sku, variation.id, prefix)
                if new != variation.sku:
                    fixes.append(
                        Fix(f"variation of {product.name}", variation.id, product.id, variation.sku, new)
                    )
    return fixes


async def apply_sku_fixes(woo: WooClient, fixes: list[Fix]) -> int:
    """Write the fixes through the batch endpoints; how many were written."""
    done = 0
    products = [{"id": f.record_id, "sku": f.new} for f in fixes if not f.parent_id]
    if products:
        done += sum(r.ok for r in await woo.products.batch(update=products))
    parents: dict[int, list[dict[str, object]]] = {}
    for fix in fixes:
        if fix.parent_id:
            parents.setdefault(fix.parent_id, []).append({"id": fix.record_id, "sku": fix.new})
    for parent, updates in parents.items():
        done += sum(r.ok for r in await woo.variations(parent).batch(update=updates))
    return done


async def image_name_fixes(woo: WooClient) -> list[Fix]:
    """Every product image whose file name Sitoo would refuse, with the name it should have."""
    fixes: list[Fix] = []
    async for product in woo.products.iter_all(status="any"):
        for image in product.images:
            name = image.src.rsplit("/", 1)[-1] if image.src else image.name
            new = fix_file_name(name)
            if name and new != name:
                fixes.append(Fix(f"image of {product.name}", int(image.id), product.id, name, new))
    return fixes
