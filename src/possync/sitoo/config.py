"""How possync reaches one Sitoo account: base URL, API id and password, site, paging and limits.

Sitoo shows the exact base URL (``https://api.mysitoo.com/v2/accounts/{accountid}``) when an API
password is generated, so the URL comes from configuration. The account id is read from that URL,
or, when only a host is given, from the API id ``"{accountid}-{n}"``; the site (eshopid) from the
configuration or from a ``/sites/{eshopid}`` suffix of the URL.
"""

from __future__ import annotations

import re
from typing import Self
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

_ACCOUNT_PATH = re.compile(r"/v2/accounts/(?P<account>\d+)(?:/sites/(?P<site>\d+))?/?$")
_API_ID = re.compile(r"^(?P<account>\d+)-\d+$")
TRANSACTION_BATCH_LIMIT = 1000
"""Documented maximum of warehouse transactions per POST."""


def account_from_api_id(api_id: str) -> int | None:
    """``10020-140`` → ``10020``; ``None`` for an API id of another shape."""
    match = _API_ID.match(api_id.strip())
    return int(match["account"]) if match else None


class SitooConfig(BaseModel):
    """One Sitoo connection. ``api_root`` is the URL every resource path is joined to."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str
    """The base URL shown in Backoffice, or just the host (the account then comes from ``api_id``)."""
    api_id: str
    password: SecretStr
    account_id: int | None = None
    site_id: int | None = Field(None, ge=1)
    """The eshopid used as ``{siteid}``; 1 when neither configured nor in the URL."""
    page_size: int = Field(1000, ge=1)
    """``num`` on every list read."""
    batch_size: int = Field(100, ge=1)
    """Elements per array body on batch writes (warehouse transactions never exceed 1000)."""
    timeout_seconds: float = Field(30.0, gt=0)
    concurrency: int = Field(4, ge=1)
    """Requests in flight at once."""
    headroom: float = Field(0.1, ge=0, lt=1)
    """Share of the rate limit left for other apps using the same Sitoo account."""
    files_url: str | None = None
    """Where the site's uploaded files (product images) are served from; ``None``: not known, so
    images are not fetched down. Sitoo calls a ``resourceid`` a relative URL but documents no host
    for it [OPEN]; ``file_url`` is the one place that joins the two."""

    @model_validator(mode="after")
    def _resolve_account_and_site(self) -> Self:
        url = self.base_url.strip().rstrip("/")
        match = _ACCOUNT_PATH.search(url)
        url_account = int(match["account"]) if match else None
        from_id = account_from_api_id(self.api_id)
        account = self.account_id or url_account or from_id
        if account is None:
            msg = (
                f"no Sitoo account id: the base URL {url!r} has no /v2/accounts/{{id}} and the API id "
                "is not of the form '{accountid}-{n}'; set account_id"
            )
            raise ValueError(msg)
        if url_account is not None and url_account != account:
            msg = f"account id {account} does not match the base URL's account {url_account}"
            raise ValueError(msg)
        url_site = int(match["site"]) if match and match["site"] else None
        if url_site is not None and self.site_id is not None and url_site != self.site_id:
            msg = f"site {self.site_id} does not match the base URL's site {url_site}"
            raise ValueError(msg)
        host = url[: match.start()] if match else url.removesuffix("/v2")
        object.__setattr__(self, "base_url", f"{host}/v2/accounts/{account}")
        object.__setattr__(self, "account_id", account)
        object.__setattr__(self, "site_id", self.site_id or url_site or 1)
        return self

    @property
    def api_root(self) -> str:
        """``https://host/v2/accounts/{accountid}``: account-level resources hang here."""
        return self.base_url

    @property
    def site(self) -> int:
        """The eshopid every site-level path uses."""
        return self.site_id or 1

    def file_url(self, resourceid: str) -> str | None:
        """The URL a shop downloads the uploaded file ``resourceid`` from (``None`` without ``files_url``)."""
        if self.files_url is None:
            return None
        return f"{self.files_url.rstrip('/')}/{quote(resourceid)}"

    @property
    def site_root(self) -> str:
        """``…/sites/{eshopid}``: site-level resources hang here."""
        return f"{self.base_url}/sites/{self.site}"
