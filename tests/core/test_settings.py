from __future__ import annotations

import pytest

from vigil.core.settings import ConfigError, Settings, load_settings


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIGIL_DATABASE_URL", "sqlite+aiosqlite:///x.db")
    monkeypatch.setenv("VIGIL_SIMULATOR", "1")
    monkeypatch.setenv("VIGIL_SCHEDULER_TICK_SECONDS", "3")
    monkeypatch.setenv("VIGIL_PUBLIC_URL", "https://vigil.example/")
    s = load_settings()
    assert (s.database_url, s.simulator, s.scheduler_tick_seconds) == ("sqlite+aiosqlite:///x.db", True, 3)
    assert s.public_url == "https://vigil.example"


def test_outside_the_demo_a_secret_key_is_required() -> None:
    with pytest.raises(ConfigError, match="VIGIL_SECRET_KEY"):
        Settings(secret_key=None).require_secret()
    assert Settings(secret_key="x" * 20).require_secret() == "x" * 20


def test_a_bad_value_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIGIL_SCHEDULER_TICK_SECONDS", "soon")
    with pytest.raises(ConfigError, match="scheduler_tick_seconds"):
        load_settings()
