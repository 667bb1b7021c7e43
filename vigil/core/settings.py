"""Settings from the environment, named as in INTERFACES.md."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ConfigError(ValueError):
    """The environment does not describe a runnable Vigil."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIGIL_", extra="ignore")

    # No default: a server that quietly made ./vigil.db would page nobody from the real data.
    # `vigil demo` passes its own SQLite file.
    database_url: str = ""
    secret_key: str | None = None
    public_url: str = "http://localhost:8000"
    telegram_token: str | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_webhook_secret: str | None = None
    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_from: str | None = None
    twilio_api_url: str = "https://api.twilio.com"
    twilio_rate_per_second: float = Field(default=1.0, gt=0)
    simulator: bool = False
    demo: bool = False  # `vigil demo`: the API's schema and docs are public
    scheduler_tick_seconds: float = Field(default=15.0, gt=0)

    @field_validator("public_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    def require_secret(self) -> str:
        """The secret key; outside the demo Vigil refuses to start without one."""
        if not self.secret_key or len(self.secret_key) < 16:
            raise ConfigError("VIGIL_SECRET_KEY must be set (at least 16 characters)")
        return self.secret_key

    @property
    def https(self) -> bool:
        return self.public_url.startswith("https://")


def load_settings(**overrides: Any) -> Settings:
    """The environment's settings, `overrides` winning; a missing database URL is an error."""
    try:
        settings = Settings(**overrides)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        first = str(exc).splitlines()
        raise ConfigError("bad environment: " + " ".join(first[1:3]).strip()) from exc
    if not settings.database_url.strip():
        raise ConfigError(
            "VIGIL_DATABASE_URL must be set, e.g. postgresql+asyncpg://vigil@localhost/vigil "
            "(only `vigil demo` makes its own SQLite file)"
        )
    return settings
