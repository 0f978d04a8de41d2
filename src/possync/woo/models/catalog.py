"""The catalogue as WooCommerce shows it: products, variations, categories, attributes, terms.

Read models tolerate both API versions: ``wc/v2`` has ``in_stock`` (bool) where ``wc/v3`` has
``stock_status``; both are read into ``stock_status``. A variation's ``manage_stock`` may be
``"parent"``; its ``image`` is one object or ``null`` where a product has an ``images`` list.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from possync.woo.models.base import (
    GmtDate,
    ImageRef,
    Listy,
    LocalDate,
    MetaData,
    Money,
    Name,
    OptionalInt,
    Ref,
    Text,
    WooModel,
)

StockStatus = Literal["instock", "outofstock", "onbackorder"]


class Dimensions(WooModel):
    length: Text = ""
    width: Text = ""
    height: Text = ""


class ProductAttribute(WooModel):
    """An attribute on a product (``options``) or a variation (``option``)."""

    id: int = 0
    name: Text = ""
    slug: Text = ""
    position: int = 0
    visible: bool = True
    variation: bool = False
    options: Listy[Text] = Field(default_factory=list)
    option: Text = ""


class _Sellable(WooModel):
    """Fields products and variations share: identity, prices, stock, dates."""

    id: int
    sku: Text = ""
    status: Text = "publish"
    price: Money = None
    regular_price: Money = None
    sale_price: Money = None
    date_on_sale_from: LocalDate = None
    date_on_sale_from_gmt: GmtDate = None
    date_on_sale_to: LocalDate = None
    date_on_sale_to_gmt: GmtDate = None
    manage_stock: bool | Literal["parent"] = False
    stock_quantity: OptionalInt = None
    stock_status: StockStatus | None = None
    backorders: Text = "no"
    weight: Text = ""
    dimensions: Dimensions = Field(default_factory=Dimensions)
    tax_status: Text = "taxable"
    tax_class: Text = ""
    date_created: LocalDate = None
    date_created_gmt: GmtDate = None
    date_modified: LocalDate = None
    date_modified_gmt: GmtDate = None
    meta_data: Listy[MetaData] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _v2_stock(cls, data: Any) -> Any:
        """``wc/v2`` says ``in_stock: true|false``; read it as a ``stock_status``."""
        if isinstance(data, dict) and data.get("stock_status") in (None, "") and "in_stock" in data:
            data = {**data, "stock_status": "instock" if data["in_stock"] else "outofstock"}
        return data

    @property
    def in_stock(self) -> bool:
        return self.stock_status in ("instock", "onbackorder")

    def meta(self, key: str) -> Any:
        return next((m.value for m in self.meta_data if m.key == key), None)


class Product(_Sellable):
    """A product (or, from ``/products?sku=``, a variation in product shape)."""

    name: Name = ""
    slug: Text = ""
    type: Text = "simple"
    parent_id: int = 0
    description: Text = ""
    short_description: Text = ""
    catalog_visibility: Text = "visible"
    global_unique_id: Text = ""
    categories: Listy[Ref] = Field(default_factory=list)
    tags: Listy[Ref] = Field(default_factory=list)
    brands: Listy[Ref] = Field(default_factory=list)
    images: Listy[ImageRef] = Field(default_factory=list)
    attributes: Listy[ProductAttribute] = Field(default_factory=list)
    default_attributes: Listy[ProductAttribute] = Field(default_factory=list)
    variations: Listy[int] = Field(default_factory=list)
    grouped_products: Listy[int] = Field(default_factory=list)
    menu_order: int = 0


class Variation(_Sellable):
    """A variation of a variable product, read from ``/products/<id>/variations``."""

    parent_id: int = 0
    description: Text = ""
    image: ImageRef | None = None
    attributes: Listy[ProductAttribute] = Field(default_factory=list)
    menu_order: int = 0

    @model_validator(mode="before")
    @classmethod
    def _image_object(cls, data: Any) -> Any:
        """Some shops send ``[]`` or ``false`` for no image."""
        if isinstance(data, dict) and not isinstance(data.get("image"), dict | None):
            data = {**data, "image": None}
        return data


class Category(WooModel):
    id: int
    name: Name
    slug: Text = ""
    parent: int = 0
    description: Text = ""
    display: Text = "default"
    image: ImageRef | None = None
    menu_order: int = 0
    count: int = 0


class CategoryNode(WooModel):
    """A category with its children, as the shop's tree."""

    category: Category
    children: list[CategoryNode] = Field(default_factory=list)

    def walk(self) -> list[Category]:
        """This category, then its descendants, parents always before children."""
        out = [self.category]
        for child in self.children:
            out.extend(child.walk())
        return out


class Attribute(WooModel):
    """A global attribute (``pa_<slug>``)."""

    id: int
    name: Name
    slug: Text = ""
    type: Text = "select"
    order_by: Text = "menu_order"
    has_archives: bool = False


class AttributeTerm(WooModel):
    id: int
    name: Name
    slug: Text = ""
    description: Text = ""
    menu_order: int = 0
    count: int = 0
