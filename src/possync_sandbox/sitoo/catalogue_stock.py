"""Loading the demo catalogue's stock and POS history: warehouse levels and past till orders.

Runs after the catalogue core loaded the products, so only SKUs Sitoo accepted take part.
The FIFO store warehouse gets one opening delivery in (catalogue stock plus what the past POS
orders then sold, at purchase price); the past POS orders are rung up and handed over, which
leaves the catalogue's stock on the shelf and a Sales transaction per order. Store-to-door
orders keep their undelivered lines. The Virtual webshop warehouse holds the catalogue stock.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from possync_sandbox.catalogue.model import Catalogue, Order
from possync_sandbox.sitoo.catalogue_shapes import handed_over, order_body, order_item
from possync_sandbox.sitoo.pos import Till
from possync_sandbox.sitoo.settings import SitooSettings
from possync_sandbox.sitoo.stock import StockLevel, TransactionType
from possync_sandbox.sitoo.stock_ledger import VIRTUAL, WAREHOUSES, Line, item, post_transaction, set_level
from possync_sandbox.sitoo.store import AccountState, SiteState, SitooStore
from possync_sandbox.sitoo.tables import PRODUCTS


@dataclass(frozen=True)
class Article:
    """What the loader needs to know of one SKU of the catalogue."""

    name: str
    vat: Decimal
    stock: int | None
    purchase_price: Decimal


def articles(catalogue: Catalogue) -> dict[str, Article]:
    """Every SKU of the catalogue (plain products and variations)."""
    found: dict[str, Article] = {}
    for product in catalogue.products:
        cost = product.purchase_price or Decimal(0)
        found[product.sku] = Article(product.name, product.vat_rate, product.stock, cost)
        for variation in product.variations:
            name = f"{product.name} {' '.join(variation.attributes.values())}".strip()
            found[variation.sku] = Article(
                name, product.vat_rate, variation.stock, variation.purchase_price or cost
            )
    return found


def account_of(store: SitooStore, site: SiteState) -> AccountState:
    return next(account for account in store.accounts.values() if site in account.sites.values())


def load_catalogue_stock(store: SitooStore, site: SiteState, catalogue: Catalogue) -> None:
    """Stock levels in both seeded warehouses and the past POS orders, on top of the loaded products."""
    till = Till(store, account_of(store, site), site, SitooSettings(currency=catalogue.currency))
    known = {row["sku"] for row in site.table(PRODUCTS)}
    stocked = {sku: article for sku, article in articles(catalogue).items() if sku in known}
    orders = [order for order in catalogue.orders if order.channel == "pos" and _all_known(order, stocked)]
    sold: Counter[str] = Counter()
    for order in orders:
        sold.update({line.sku: line.quantity for line in order.lines if line.delivered})
    fifo = till.store_warehouse()
    opening = [
        Line(sku, Decimal((article.stock or 0) + sold[sku]), article.purchase_price)
        for sku, article in stocked.items()
        if (article.stock or 0) + sold[sku] > 0
    ]
    if opening:
        post_transaction(store, site, fifo, TransactionType.MOVE_IN, opening, description="Opening stock")
    for sku, article in stocked.items():
        if article.stock is not None:
            item(store, site, fifo, sku)
    _fill_virtual(store, site, stocked)
    for order in sorted(orders, key=lambda order: order.created):
        items = [order_item(line, stocked[line.sku].name, stocked[line.sku].vat) for line in order.lines]
        till.ring_up(order_body(order, items, fifo), handed_over(order))


def _all_known(order: Order, stocked: dict[str, Article]) -> bool:
    return bool(order.lines) and all(line.sku in stocked for line in order.lines)


def _fill_virtual(store: SitooStore, site: SiteState, stocked: dict[str, Article]) -> None:
    virtual = next((row for row in site.table(WAREHOUSES) if row["warehousetype"] == VIRTUAL), None)
    if virtual is None:
        return
    for sku, article in stocked.items():
        if article.stock is not None:
            level = StockLevel(Decimal(article.stock), Decimal(article.stock) * article.purchase_price)
            set_level(item(store, site, virtual["warehouseid"], sku), level, store.now())
