"""The ``Settings`` of one connection: a WooCommerce shop, its POS back office and where possync keeps state.

One object built once at start-up (see ``loader``) and passed down; no module reads the
environment on its own.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from possync.settings.loomis_pay import LoomisPaySettings
from possync.settings.sitoo import SitooSettings
from possync.settings.woocommerce import WooCommerceSettings

DEFAULT_DATABASE_FILE = "possync.db"


class Settings(BaseModel):
    """Everything possync needs to keep one WooCommerce shop and one POS in step."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    connection: str = Field(
        "default", min_length=1, description="Name of this connection; the store keys its rows by it."
    )
    woocommerce: WooCommerceSettings = Field(description="The WooCommerce shop.")
    sitoo: SitooSettings | None = Field(None, description="The Sitoo POS back office.")
    loomis_pay: LoomisPaySettings | None = Field(None, description="The Loomis Pay POS back office.")
    database_url: str = Field(
        f"sqlite:///{DEFAULT_DATABASE_FILE}",
        description="SQLAlchemy URL of the store; default a SQLite file beside the config file.",
    )

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError(
                "the store runs on SQLite ('sqlite:///file.db') or PostgreSQL ('postgresql+psycopg://')"
            )
        return value

    @model_validator(mode="after")
    def _one_pos(self) -> Settings:
        if (self.sitoo is None) == (self.loomis_pay is None):
            raise ValueError("configure exactly one POS: a [sitoo] or a [loomis_pay] section")
        return self
