"""A server on a database that is not at the latest migration says so: `vigil serve` refuses
to start, /readyz answers 503. And no command invents a ./vigil.db when the URL is unset."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from vigil.assembly import build_runtime
from vigil.cli import commands as cli
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.settings import ConfigError, Settings, load_settings
from vigil.migrations import upgrade_async
from vigil.web.app import check_schema, create_app

from ..conftest import START


async def _ready(db: Database) -> httpx.Response:
    settings = Settings(database_url=db.url, secret_key="test-secret-key-0123456789")
    rt = build_runtime(settings, clock=ManualClock(START), db=db)
    app = create_app(rt, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://vigil.test") as c:
        return await c.get("/readyz")


async def test_readyz_is_503_until_the_schema_is_at_the_latest_migration(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}")
    try:
        empty = await _ready(db)
        assert empty.status_code == 503
        assert "vigil db upgrade" in empty.json()["status"]
        await upgrade_async(db.engine, "0005")
        behind = await _ready(db)
        assert behind.status_code == 503
        assert "vigil db upgrade" in behind.json()["status"]
        await upgrade_async(db.engine)
        ready = await _ready(db)
        assert (ready.status_code, ready.json()) == (200, {"status": "ready"})
    finally:
        await db.dispose()


async def test_readyz_is_200_on_a_migrated_database(db: Database) -> None:
    assert (await _ready(db)).status_code == 200


def test_serve_refuses_an_unmigrated_database_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VIGIL_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    monkeypatch.setenv("VIGIL_SECRET_KEY", "x" * 32)

    def never(*_: object, **__: object) -> int:
        pytest.fail("serve started on an unmigrated database")

    monkeypatch.setattr(cli, "_serve", never)
    assert cli.main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "vigil db upgrade" in err


def test_a_bad_database_url_is_one_line_too() -> None:
    assert check_schema("nonsense://") is not None


def test_without_a_database_url_a_command_refuses_instead_of_making_vigil_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("VIGIL_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["token", "create", "ana.reyes@riverside.example"]) == 2
    assert "VIGIL_DATABASE_URL must be set" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_demo_names_its_own_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VIGIL_DATABASE_URL", raising=False)
    with pytest.raises(ConfigError, match="VIGIL_DATABASE_URL"):
        load_settings()
    assert load_settings(database_url="sqlite+aiosqlite:///demo.db").database_url.endswith("demo.db")
