"""Sales and shop resources: coupons (with code look-ups), orders, webhooks, status, settings.

Order notes and refunds are collections under an order (``Resource`` on
``orders/<id>/notes`` and ``orders/<id>/refunds``); system status and settings are not lists,
so they get small classes of their own.
"""

from __future__ import annotations

from typing import Any

from possync.errors import RemoteError, RetryableError
from possync.http import ApiClient
from possync.woo.models import Coupon, Setting, SystemStatus, parse_record
from possync.woo.resource import Resource


class Coupons(Resource[Coupon]):
    """``/coupons``; codes are stored lower-cased and unique regardless of case."""

    async def find_by_code(self, code: str) -> Coupon | None:
        async for coupon in self.iter_all(code=code.lower()):
            if coupon.code.casefold() == code.casefold():
                return coupon
        return None

    async def create_once(self, payload: dict[str, Any]) -> Coupon:
        """Create, and when the answer is lost (or the code already exists), return the shop's coupon."""
        code = str(payload.get("code") or "")
        try:
            return await self.create(payload)
        except RetryableError as exc:
            if not (exc.maybe_applied and code):
                raise
        except RemoteError as exc:
            if exc.code != "woocommerce_rest_coupon_code_already_exists":
                raise
        existing = await self.find_by_code(code)
        return existing if existing is not None else await self.create(payload)


class SystemStatusResource:
    """``/system_status``: the shop's version and environment (only the parts asked for)."""

    def __init__(self, api: ApiClient, path: str) -> None:
        self.api, self.path = api, path

    async def get(self, fields: str | None = "environment,settings") -> SystemStatus:
        return parse_record(
            SystemStatus, await self.api.get_json(self.path, {"_fields": fields}), "system status"
        )


class SettingsResource:
    """``/settings/<group>/<option>``: the shop's options (tax, currency, stock)."""

    def __init__(self, api: ApiClient, path: str) -> None:
        self.api, self.path = api, path

    async def groups(self) -> list[dict[str, Any]]:
        groups = await self.api.get_json(self.path)
        return list(groups) if isinstance(groups, list) else []

    async def group(self, group: str) -> list[Setting]:
        options = await self.api.get_json(f"{self.path}/{group}")
        return [parse_record(Setting, option, f"setting {group}") for option in options or []]

    async def get(self, group: str, option: str) -> Setting:
        return parse_record(
            Setting, await self.api.get_json(f"{self.path}/{group}/{option}"), f"setting {option}"
        )

    async def update(self, group: str, option: str, value: Any) -> Setting:
        answer = await self.api.send_json("PUT", f"{self.path}/{group}/{option}", {"value": value})
        return parse_record(Setting, answer, f"setting {option}")
