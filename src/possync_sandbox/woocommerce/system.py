"""Shop-level endpoints: ``system_status``, ``/settings`` groups and options, the current currency.

``system_status`` reports the emulated WooCommerce and WordPress versions from ``WooSettings``
(``environment.version``) and honours ``?_fields=environment`` through the dispatcher.
"""

from __future__ import annotations

from typing import Any

from possync_sandbox.woocommerce.batch import run_batch
from possync_sandbox.woocommerce.context import Reply, RequestContext, Route, route
from possync_sandbox.woocommerce.errors import WooError
from possync_sandbox.woocommerce.shop_options import (
    CURRENCIES,
    GROUPS,
    find_option,
    group_options,
    option_json,
    option_value,
    set_value,
)

ROUTES: list[Route] = []


def environment(ctx: RequestContext) -> dict[str, Any]:
    settings, home = ctx.settings, ctx.view.home_url
    return {
        "home_url": home,
        "site_url": home,
        "store_id": "",
        "version": settings.wc_version,
        "log_directory": "/var/www/html/wp-content/uploads/wc-logs/",
        "log_directory_writable": True,
        "wp_version": settings.wp_version,
        "wp_multisite": False,
        "wp_memory_limit": 268435456,
        "wp_debug_mode": False,
        "wp_cron": True,
        "language": "sv_SE",
        "external_object_cache": None,
        "server_info": "nginx/1.26.2",
        "php_version": "8.2.26",
        "php_post_max_size": 67108864,
        "php_max_execution_time": 60,
        "php_max_input_vars": 1000,
        "curl_version": "8.11.0, OpenSSL/3.3.2",
        "suhosin_installed": False,
        "max_upload_size": 67108864,
        "mysql_version": "10.11.10",
        "mysql_version_string": "10.11.10-MariaDB",
        "default_timezone": "UTC",
        "fsockopen_or_curl_enabled": True,
        "soapclient_enabled": True,
        "domdocument_enabled": True,
        "gzip_enabled": True,
        "mbstring_enabled": True,
        "remote_post_successful": True,
        "remote_post_response": 200,
        "remote_get_successful": True,
        "remote_get_response": 200,
    }


def shop_settings(ctx: RequestContext) -> dict[str, Any]:
    settings = ctx.settings
    return {
        "api_enabled": True,
        "force_ssl": False,
        "currency": settings.currency,
        "currency_symbol": CURRENCIES.get(settings.currency, (settings.currency, settings.currency))[1],
        "currency_position": option_value(ctx.store, "general", "woocommerce_currency_pos"),
        "thousand_separator": option_value(ctx.store, "general", "woocommerce_price_thousand_sep"),
        "decimal_separator": option_value(ctx.store, "general", "woocommerce_price_decimal_sep"),
        "number_of_decimals": int(option_value(ctx.store, "general", "woocommerce_price_num_decimals")),
        "geolocation_enabled": False,
        "taxonomies": {
            "external": "external",
            "grouped": "grouped",
            "simple": "simple",
            "variable": "variable",
        },
        "product_visibility_terms": {
            "exclude-from-catalog": "exclude-from-catalog",
            "exclude-from-search": "exclude-from-search",
        },
        "woocommerce_com_connected": "no",
    }


@route(ROUTES, "GET", "/system_status", "list")
async def system_status(ctx: RequestContext) -> Reply:
    settings = ctx.settings
    plugin = {
        "plugin": "woocommerce/woocommerce.php",
        "name": "WooCommerce",
        "version": settings.wc_version,
        "version_latest": settings.wc_version,
        "url": "https://woocommerce.com/",
        "author_name": "Automattic",
        "author_url": "https://woocommerce.com",
        "network_activated": False,
    }
    counts = {"product": len(ctx.store.products), "product_variation": len(ctx.store.variations)}
    return Reply(
        {
            "environment": environment(ctx),
            "database": {"wc_database_version": settings.wc_version, "database_prefix": "wp_"},
            "active_plugins": [plugin],
            "inactive_plugins": [],
            "dropins_mu_plugins": {"dropins": [], "mu_plugins": []},
            "theme": {
                "name": "Storefront",
                "version": "4.6.0",
                "is_child_theme": False,
                "has_woocommerce_support": True,
            },
            "settings": shop_settings(ctx),
            "security": {"secure_connection": settings.https, "hide_errors": True},
            "pages": [],
            "post_type_counts": [{"type": k, "count": str(v)} for k, v in counts.items()],
        }
    )


@route(ROUTES, "GET", "/settings", "list")
async def groups(ctx: RequestContext) -> Reply:
    return Reply(
        [
            {"id": group, "label": label, "description": "", "parent_id": "", "sub_groups": [], "_links": {}}
            for group, (label, _) in GROUPS.items()
        ]
    )


@route(ROUTES, "GET", "/settings/<group:str>", "list")
async def options(ctx: RequestContext) -> Reply:
    group = ctx.path_params["group"]
    return Reply([option_json(ctx.store, group, o) for o in group_options(group)])


@route(ROUTES, "GET", "/settings/<group:str>/<option:str>", "list")
async def read_option(ctx: RequestContext) -> Reply:
    group = ctx.path_params["group"]
    option = find_option(group, ctx.path_params["option"])
    return Reply(option_json(ctx.store, group, option))


@route(ROUTES, "POST,PUT,PATCH", "/settings/<group:str>/<option:str>", "edit")
async def update_option(ctx: RequestContext) -> Reply:
    if ctx.path_params["option"] == "batch" and not ctx.in_batch:
        return Reply(await run_batch(ctx, "settings", _missing, update_option, _missing))
    group = ctx.path_params["group"]
    option = find_option(group, str(ctx.path_params.get("id") or ctx.path_params["option"]))
    set_value(ctx.store, option, ctx.body.get("value"))
    return Reply(option_json(ctx.store, group, option))


async def _missing(ctx: RequestContext) -> Reply:
    raise WooError("rest_no_route", "No route was found matching the URL and request method.", 404)


@route(ROUTES, "GET", "/data/currencies/current", "view", versions=("v3",))
async def current_currency(ctx: RequestContext) -> Reply:
    code = ctx.settings.currency
    name, symbol = CURRENCIES.get(code, (code, code))
    return Reply({"code": code, "name": name, "symbol": symbol})
