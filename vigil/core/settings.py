"""Settings from the environment, named as in INTERFACES.md."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ConfigError(ValueError):
    """The environment does not describe a runnable Vigil."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIGIL_", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///./vigil.db"
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


def load_settings() -> Settings:
    try:
        return Settings()
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        first = str(exc).splitlines()
        raise ConfigError("bad environment: " + " ".join(first[1:3]).strip()) from exc
