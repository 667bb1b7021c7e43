"""Shared fixtures: a migrated database on SQLite and (when configured) PostgreSQL, a manual
clock, the demo clinic, and an HTTP client on the real ASGI app."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, text

from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import ApiToken, Staff
from vigil.core.settings import Settings
from vigil.migrations import upgrade_async
from vigil.web import clinic_file, clinic_import
from vigil.web.app import create_app
from vigil.web.runtime import Runtime, build_runtime
from vigil.web.security import hash_password, new_token, token_hash

PG_URL = os.environ.get("VIGIL_TEST_POSTGRES_URL")
DEMO = Path(__file__).resolve().parent.parent / "vigil" / "web" / "demo_clinic.yaml"
NURSE = "ana.reyes@riverside.example"
OTHER_NURSE = "ben.okafor@riverside.example"
START = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # a Monday, 07:00 in New York
DUE = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # Monday 10:00 in New York: the check-in is due


def backends() -> list[object]:
    return [
        "sqlite",
        pytest.param(
            "postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not PG_URL, reason="VIGIL_TEST_POSTGRES_URL is not set"),
            ],
        ),
    ]


@pytest.fixture(params=backends())
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A freshly migrated database: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        database = Database(f"sqlite+aiosqlite:///{tmp_path / 'vigil.db'}")
        await upgrade_async(database.engine)
        yield database
        await database.dispose()
        return
    assert PG_URL
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = Database(PG_URL)
    async with admin.engine.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    database = Database(PG_URL, connect_args={"server_settings": {"search_path": schema}})
    try:
        await upgrade_async(database.engine)
        yield database
    finally:
        await database.dispose()
        async with admin.engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
async def rt(db: Database, clock: ManualClock) -> Runtime:
    settings = Settings(
        database_url=db.url,
        secret_key="test-secret-key-0123456789",
        simulator=True,
        scheduler_tick_seconds=15,
    )
    runtime = build_runtime(settings, clock=clock, db=db)
    await clinic_import.apply(db, clinic_file.load(DEMO), clock)
    async with db.transaction() as session:
        for staff in await session.scalars(select(Staff)):
            staff.password_hash = hash_password("correct horse battery")
    return runtime


async def emergency_case(rt: Runtime, external_id: str = "MRN-100234") -> int:
    """The id of the emergency case a patient's red flag opens."""
    patient = await rt.service.patient(1, external_id)
    assert patient is not None
    received = await rt.service.receive(patient, "simulator", "red-flag", "I coughed up a lot of blood")
    assert received.outcome is not None
    assert received.outcome.case_id is not None
    return received.outcome.case_id


async def bearer(rt: Runtime, email: str = NURSE) -> dict[str, str]:
    return {"Authorization": f"Bearer {await make_token(rt, email)}"}


async def make_token(rt: Runtime, email: str = NURSE) -> str:
    token = new_token()
    async with rt.db.transaction() as session:
        staff = await session.scalar(select(Staff).where(Staff.email == email))
        assert staff is not None
        session.add(ApiToken(staff_id=staff.id, token_hash=token_hash(token), created_at=rt.clock.now()))
    return token


@pytest.fixture
async def client(rt: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(rt, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://vigil.test") as c:
        yield c


@pytest.fixture
async def auth(rt: Runtime) -> dict[str, str]:
    return {"Authorization": f"Bearer {await make_token(rt)}"}


async def search_path(db: Database) -> str:
    """The schema a PostgreSQL test database lives in, for a second engine or process to use."""
    async with db.engine.connect() as conn:
        return str((await conn.execute(text("SHOW search_path"))).scalar())
