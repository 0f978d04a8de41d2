"""Pure catalogue mappings between WooCommerce and Sitoo: one function per entity and direction.

No I/O here: each function takes a typed record of one side (``possync.woo.models`` or
``possync.sitoo.models``), a ``Lookup`` for references (the engine's ``Refs`` fits: ``target``,
``by_key``, ``source_key``; an unbound reference raises ``MappingError`` so the record waits) and a
``Context`` (the seed's options and the remotes' VAT facts), and returns the body to write on the
other side. A ``UnmappableError`` (a ``ValueError``) says why a record can never go as it is.

Call signatures (``L`` = ``Lookup``, ``C`` = ``Context``, bodies are plain ``dict``):

* categories — ``category_to_woo(pos.Category, L, C)``, ``category_to_pos(woo.Category, L, C)``;
  natural keys ``woo_category_paths(list) / pos_category_paths(list) -> {id: path_key}``;
  ``is_default_category(woo.Category, C)``.
* manufacturers — ``manufacturer_to_woo(pos.Manufacturer, C)`` (a term of the "Manufacturer"
  attribute), ``manufacturer_to_pos(woo.AttributeTerm, C)``; key ``manufacturer_key(name)``.
* products — ``product_to_woo(pos.Product, L, C, groups=family.groups)``,
  ``product_to_pos(woo.Product, L, C)``; ``new_pos_product_fields(body)`` on a Sitoo create.
* variations — ``variant_to_woo(pos.Product, parent: pos.Product, L, C, files=, media=)`` (routing key
  ``parent_id``), ``variation_to_pos(woo.Variation, parent: woo.Product, L, C)`` (routing keys
  ``variantparentid``, ``attributes``; ``POS_CREATE_ONLY``: its title goes on a create only);
  ``variant_update_body(body, productid)`` for the products batch and
  ``variant_family(existing: ProductVariants, bodies) -> ProductVariants`` for new ones.
* record as it stands, same shape as the body (for matching, fingerprints and diffs) —
  ``woo_category_payload``, ``pos_category_payload``, ``woo_manufacturer_payload``,
  ``pos_manufacturer_payload``, ``woo_product_payload``, ``pos_product_payload``,
  ``woo_variation_payload(variation, parent, C)``, ``pos_variant_payload``.
* filters — ``not_fetched(active, activepos, FetchProducts) -> reason | None``,
  ``excluded_from_pos(product_type, exclude_external) -> reason | None``,
  ``pos_problem(woo.Product) -> reason | None``.
* prices — ``pos_prices`` / ``woo_prices`` (regular + sale ↔ price + original price, VAT basis
  moved as the options say), ``add_vat``, ``remove_vat``, ``money``; purchase price never converted.
* images — down: ``sitoo_files(resources, url_of) -> [SitooFile]``, ``woo_images(files, media:
  SitooFile -> Held | None) -> {"images": [{"id"} | {"src"}]}`` and, for a variation,
  ``woo_image(files, media) -> {"image": ...}`` (entries the shop does not show yet name their file
  under ``SITOO``: ``shown_files(body)``, ``sent_images(body)`` drops them); as it stands:
  ``shop_images(product)``, ``shop_image(variation)``; up: ``woo_image_names(images)`` (Sitoo-safe,
  unique).
* names — ``fix_sku(sku, id, prefix)``, ``sku_problem(sku)``, ``fix_file_name(name)``,
  ``file_name_of(src)``.
* diff — ``changed_fields(old_body, new_body) -> {field: (old, new)}`` for every entity.
"""

from __future__ import annotations

from possync.sync.flows.categories import (
    category_to_pos,
    category_to_woo,
    is_default_category,
    path_key,
    pos_category_paths,
    pos_category_payload,
    woo_category_paths,
    woo_category_payload,
)
from possync.sync.flows.context import (
    DEFAULT_TAX_CLASSES,
    DEFAULTS,
    Context,
    DictLookup,
    Lookup,
    UnmappableError,
    VatTable,
)
from possync.sync.flows.diff import changed_fields, same
from possync.sync.flows.filters import excluded_from_pos, not_fetched, pos_problem
from possync.sync.flows.images import (
    SITOO,
    Held,
    MediaLookup,
    SitooFile,
    sent_images,
    shop_image,
    shop_images,
    shown_files,
    sitoo_files,
    unique_names,
    woo_image,
    woo_image_names,
    woo_images,
)
from possync.sync.flows.manufacturers import (
    manufacturer_id,
    manufacturer_key,
    manufacturer_name,
    manufacturer_to_pos,
    manufacturer_to_woo,
    pos_manufacturer_payload,
    product_manufacturer,
    woo_manufacturer_payload,
)
from possync.sync.flows.money import add_vat, money, pos_prices, remove_vat, round_money, woo_prices
from possync.sync.flows.names import file_name_of, fix_file_name, fix_sku, plain_text, sku_problem
from possync.sync.flows.products import (
    new_pos_product_fields,
    pos_product_payload,
    product_to_pos,
    product_to_woo,
    woo_product_payload,
)
from possync.sync.flows.variations import (
    POS_CREATE_ONLY,
    POS_ROUTING,
    WOO_ROUTING,
    pos_variant_payload,
    variant_family,
    variant_to_woo,
    variant_update_body,
    variation_to_pos,
    woo_variation_payload,
)

__all__ = [
    "DEFAULTS",
    "DEFAULT_TAX_CLASSES",
    "POS_CREATE_ONLY",
    "POS_ROUTING",
    "SITOO",
    "WOO_ROUTING",
    "Context",
    "DictLookup",
    "Held",
    "Lookup",
    "MediaLookup",
    "SitooFile",
    "UnmappableError",
    "VatTable",
    "add_vat",
    "category_to_pos",
    "category_to_woo",
    "changed_fields",
    "excluded_from_pos",
    "file_name_of",
    "fix_file_name",
    "fix_sku",
    "is_default_category",
    "manufacturer_id",
    "manufacturer_key",
    "manufacturer_name",
    "manufacturer_to_pos",
    "manufacturer_to_woo",
    "money",
    "new_pos_product_fields",
    "not_fetched",
    "path_key",
    "plain_text",
    "pos_category_paths",
    "pos_category_payload",
    "pos_manufacturer_payload",
    "pos_prices",
    "pos_problem",
    "pos_product_payload",
    "pos_variant_payload",
    "product_manufacturer",
    "product_to_pos",
    "product_to_woo",
    "remove_vat",
    "round_money",
    "same",
    "sent_images",
    "shop_image",
    "shop_images",
    "shown_files",
    "sitoo_files",
    "sku_problem",
    "unique_names",
    "variant_family",
    "variant_to_woo",
    "variant_update_body",
    "variation_to_pos",
    "woo_category_paths",
    "woo_category_payload",
    "woo_image",
    "woo_image_names",
    "woo_images",
    "woo_manufacturer_payload",
    "woo_prices",
    "woo_product_payload",
    "woo_variation_payload",
]
