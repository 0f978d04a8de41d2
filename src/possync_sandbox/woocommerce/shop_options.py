"""The WooCommerce options the sync reads through ``/settings``: groups, option objects, values.

An option bound to a ``WooSettings`` field (currency, prices include tax, stock management ...)
reads and writes that field, so the emulator's behaviour follows a ``PUT``; the other options
keep their values in ``store.options``. Checkbox values are ``"yes"``/``"no"`` as in WordPress.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.store import Store

YES_NO = {"yes": "Yes", "no": "No"}
CURRENCIES = {
    "SEK": ("Swedish krona", "kr"),
    "NOK": ("Norwegian krone", "kr"),
    "DKK": ("Danish krone", "kr."),
    "EUR": ("Euro", "&euro;"),
    "USD": ("United States (US) dollar", "&#36;"),
    "GBP": ("Pound sterling", "&pound;"),
}


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    type: str
    default: str
    bound: str | None = None
    """The ``WooSettings`` field holding the value."""
    options: dict[str, str] = field(default_factory=dict)
    description: str = ""
    tip: str = ""


GROUPS: dict[str, tuple[str, list[Option]]] = {
    "general": (
        "General",
        [
            Option(
                "woocommerce_currency",
                "Currency",
                "select",
                "USD",
                "currency",
                {k: f"{v[0]} ({k})" for k, v in CURRENCIES.items()},
            ),
            Option(
                "woocommerce_currency_pos",
                "Currency position",
                "select",
                "left",
                None,
                {
                    "left": "Left",
                    "right": "Right",
                    "left_space": "Left with space",
                    "right_space": "Right with space",
                },
            ),
            Option("woocommerce_price_thousand_sep", "Thousand separator", "text", ","),
            Option("woocommerce_price_decimal_sep", "Decimal separator", "text", "."),
            Option("woocommerce_price_num_decimals", "Number of decimals", "number", "2"),
            Option("woocommerce_calc_taxes", "Enable taxes", "checkbox", "no", "calc_taxes"),
        ],
    ),
    "tax": (
        "Tax",
        [
            Option(
                "woocommerce_prices_include_tax",
                "Prices entered with tax",
                "radio",
                "no",
                "prices_include_tax",
                {
                    "yes": "Yes, I will enter prices inclusive of tax",
                    "no": "No, I will enter prices exclusive of tax",
                },
                tip="This option is important as it will affect how you input prices. "
                "Changing it will not update existing products.",
            ),
            Option(
                "woocommerce_tax_based_on",
                "Calculate tax based on",
                "select",
                "shipping",
                None,
                {
                    "shipping": "Customer shipping address",
                    "billing": "Customer billing address",
                    "base": "Shop base address",
                },
            ),
            Option("woocommerce_tax_round_at_subtotal", "Rounding", "checkbox", "no"),
        ],
    ),
    "products": (
        "Products",
        [
            Option("woocommerce_manage_stock", "Manage stock", "checkbox", "yes", "manage_stock"),
            Option(
                "woocommerce_notify_no_stock_amount",
                "Out of stock threshold",
                "number",
                "0",
                "notify_no_stock_amount",
            ),
            Option("woocommerce_hold_stock_minutes", "Hold stock (minutes)", "number", "60"),
        ],
    ),
}
SHOP_DEFAULTS = {
    "woocommerce_currency_pos": "right_space",
    "woocommerce_price_thousand_sep": " ",
    "woocommerce_price_decimal_sep": ",",
}


def group_options(group: str) -> list[Option]:
    if group not in GROUPS:
        raise WooError("rest_setting_setting_group_invalid", "Invalid setting group.", 404)
    return GROUPS[group][1]


def find_option(group: str, option_id: str) -> Option:
    option = next((o for o in group_options(group) if o.id == option_id), None)
    if option is None:
        raise WooError("rest_setting_setting_invalid", "Invalid setting.", 404)
    return option


def option_value(store: Store, group: str, option_id: str) -> str:
    return value(store, find_option(group, option_id))


def value(store: Store, option: Option) -> str:
    if option.bound is not None:
        current = getattr(store.settings, option.bound)
        return ("yes" if current else "no") if isinstance(current, bool) else str(current)
    return str(store.options.get(option.id, SHOP_DEFAULTS.get(option.id, option.default)))


def set_value(store: Store, option: Option, new: Any) -> None:
    """Validate and store ``new`` as WooCommerce's settings controller does."""
    text = str(new).strip() if new is not None else ""
    if option.type == "checkbox" and text not in ("yes", "no"):
        if text:
            raise WooError("rest_setting_value_invalid", "An invalid setting value was passed.", 400)
        text = option.default
    elif (option.options and text not in option.options) or (option.type == "number" and not text.isdigit()):
        raise WooError("rest_setting_value_invalid", "An invalid setting value was passed.", 400)
    if option.bound is None:
        store.options[option.id] = text
        return
    current = getattr(store.settings, option.bound)
    converted: Any = (
        text == "yes" if isinstance(current, bool) else int(text) if isinstance(current, int) else text
    )
    setattr(store.settings, option.bound, converted)


def option_json(store: Store, group: str, option: Option) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": option.id,
        "label": option.label,
        "description": option.description,
        "type": option.type,
        "default": option.default,
    }
    if option.options:
        body["options"] = dict(option.options)
    if option.tip:
        body["tip"] = option.tip
    return body | {"value": value(store, option), "group_id": group}
