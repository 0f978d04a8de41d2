"""WooCommerce's error answer: a WP_Error rendered as ``{"code","message","data":{"status"}}``.

Every failure inside the emulator is raised as a ``WooError`` and rendered by the dispatcher;
the HTTP status is ``data.status`` as WordPress does (500 when the data carries none).
"""

from __future__ import annotations

from typing import Any


class WooError(Exception):
    """A WooCommerce/WordPress REST error with its exact code, message and status."""

    def __init__(self, code: str, message: str, status: int = 400, data: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.data = data

    def body(self) -> dict[str, Any]:
        """The JSON body; ``data`` given as a non-dict (e.g. the bare number 500) is kept as is."""
        if self.data is None:
            data: Any = {"status": self.status}
        elif isinstance(self.data, dict):
            data = {"status": self.status, **self.data}
        else:
            data = self.data
        return {"code": self.code, "message": self.message, "data": data}


def invalid_param(name: str, message: str, detail_code: str, detail_data: Any = None) -> WooError:
    """WordPress's ``rest_invalid_param`` for one parameter, with the ``details`` of recent WordPress."""
    return WooError(
        "rest_invalid_param",
        f"Invalid parameter(s): {name}",
        400,
        {
            "params": {name: message},
            "details": {name: {"code": detail_code, "message": message, "data": detail_data}},
        },
    )


def not_in_enum(name: str, allowed: list[str]) -> WooError:
    listed = ", ".join(allowed[:-1]) + ", and " + allowed[-1] if len(allowed) > 1 else allowed[0]
    return invalid_param(name, f"{name} is not one of {listed}.", "rest_not_in_enum")


def not_of_type(name: str, type_name: str) -> WooError:
    return invalid_param(name, f"{name} is not of type {type_name}.", "rest_invalid_type", {"param": name})


def missing_param(*names: str) -> WooError:
    return WooError(
        "rest_missing_callback_param",
        f"Missing parameter(s): {', '.join(names)}",
        400,
        {"params": list(names)},
    )


def invalid_id(post_type: str, status: int) -> WooError:
    return WooError(f"woocommerce_rest_{post_type}_invalid_id", "Invalid ID.", status)


def already_exists(post_type: str) -> WooError:
    """A create whose body carries an ``id``."""
    return WooError(f"woocommerce_rest_{post_type}_exists", f"Cannot create existing {post_type}.", 400)


NO_ROUTE = WooError("rest_no_route", "No route was found matching the URL and request method.", 404)
