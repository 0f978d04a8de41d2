"""What to tell a merchant when a shop cannot be used as configured, and what to change.

Each function returns one actionable sentence or two; ``WooClient`` raises them as
``ConfigurationError`` so the admin page's "Test connection" can show them as they are.
"""

from __future__ import annotations

from possync.errors import RemoteError


def plain_permalinks(root: str) -> str:
    return (
        f"{root} uses plain permalinks: its REST API only answers as '?rest_route=', and WooCommerce "
        "accepts API keys only on '/wp-json/' URLs, so every request would be refused (401). "
        "In WordPress go to Settings > Permalinks, choose any structure other than 'Plain' and save."
    )


def no_rest_api(root: str) -> str:
    return (
        f"no WordPress REST API answers at {root}/wp-json/: check the store URL (include the sub-folder "
        "if WordPress is installed in one) and that WooCommerce is active."
    )


def no_namespace(root: str, version: str) -> str:
    return (
        f"{root} has no 'wc/{version}' REST API: WooCommerce is not active, or too old for {version} "
        "(v3 needs WooCommerce 3.5 or later; choose v2 for 3.0-3.4)."
    )


def anonymous_keys(root: str, mode: str, exc: RemoteError) -> str:
    hint = (
        "over plain HTTP WooCommerce only accepts OAuth 1.0a signatures; "
        "use an https:// URL if the shop has one"
        if mode == "oauth"
        else "check that the consumer key exists (WooCommerce > Settings > Advanced > REST API) and that "
        "WordPress sees HTTPS (behind a proxy or load balancer it may not, and then ignores the keys)"
    )
    return f"{root} treated the API keys as anonymous ({exc.code}: {exc.message}); {hint}."


def keys_refused(root: str, exc: RemoteError) -> str:
    return (
        f"{root} refused the API keys ({exc.code}: {exc.message}); create a key with read/write permission "
        "under WooCommerce > Settings > Advanced > REST API and paste both the key and the secret."
    )


def redirected(root: str, exc: RemoteError) -> str:
    return f"{root} answers the REST API with a redirect ({exc.message}); use the address it redirects to."
