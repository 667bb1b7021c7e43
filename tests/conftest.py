"""Shared fixtures: a migrated database on SQLite and (when configured) PostgreSQL, a manual
clock, the demo clinic, an HTTP client on the real ASGI app, and a guard against the network.

Speed: migrations, the demo clinic's import and its staff passwords are done once per test
session into a template (a SQLite file, a PostgreSQL schema); each test gets a copy of it."""

from __future__ import annotations

import asyncio
import ipaddress
import os
import shutil
import socket
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from argon2 import PasswordHasher
from hypothesis import settings
from sqlalchemy import select, text

from vigil.assembly import Runtime, build_runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import ApiToken, Staff
from vigil.core.settings import Settings
from vigil.migrations import metadata, upgrade_async
from vigil.web import security
from vigil.web.app import create_app
from vigil.web.security import hash_password, new_token, token_hash

PG_URL = os.environ.get("VIGIL_TEST_POSTGRES_URL")
DEMO = Path(__file__).resolve().parent.parent / "vigil" / "clinic" / "demo_clinic.yaml"
NURSE = "ana.reyes@riverside.example"
OTHER_NURSE = "ben.okafor@riverside.example"
PASSWORD = "correct horse battery"  # every demo staff member's, in tests
START = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # a Monday, 07:00 in New York
DUE = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # Monday 10:00 in New York: the check-in is due


# Property tests assert what triage answers, never how fast: on a loaded machine (CI beside
# other jobs) a first example can take longer than Hypothesis's default 200 ms and fail a
# correct run. Speed is measured in bench/, and test_properties.py checks linear growth itself.
settings.register_profile("vigil", deadline=None)
settings.load_profile("vigil")

T = TypeVar("T")


# --- No network ----------------------------------------------------------------------------


class NetworkRefused(OSError):
    """A test tried to leave the machine."""


def _local(family: int, address: Any) -> bool:
    if family == getattr(socket, "AF_UNIX", None) or isinstance(address, str | bytes):
        return True
    host = address[0] if isinstance(address, tuple) and address else ""
    if isinstance(host, bytes):
        host = host.decode()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True, scope="session")
def no_network() -> Iterator[None]:
    """Refuse every connection that is not to this machine: tests run offline (fakes on 127.0.0.1).

    asyncio, asyncpg, httpx and the provider clients all connect through socket.socket, so
    guarding connect and connect_ex covers them. Subprocesses started by tests are not covered.
    """
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def refuse(sock: socket.socket, address: Any) -> None:
        raise NetworkRefused(
            f"tests may not use the network: a connection to {address!r} was refused "
            "(tests/conftest.py allows 127.0.0.1, ::1, localhost and unix sockets; use a fake)"
        )

    def guarded_connect(sock: socket.socket, address: Any) -> None:
        if not _local(sock.family, address):
            refuse(sock, address)
        connect(sock, address)

    def guarded_connect_ex(sock: socket.socket, address: Any) -> int:
        if not _local(sock.family, address):
            refuse(sock, address)
        return connect_ex(sock, address)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", guarded_connect)
        mp.setattr(socket.socket, "connect_ex", guarded_connect_ex)
        yield


# --- Passwords -----------------------------------------------------------------------------


@pytest.fixture(autouse=True, scope="session")
def cheap_passwords() -> Iterator[None]:
    """Argon2 at its cheapest in tests only: production's parameters cost ~0.1–0.6 s a hash.

    Stored hashes carry their own parameters, so sign-in checks behave exactly as in
    production; tests/test_tooling.py checks that production's hasher is left as it was.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(security, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield


# --- Databases -----------------------------------------------------------------------------


def _in_thread(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine on an event loop of its own, away from the test's loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, make()).result()


async def _seed(db: Database) -> None:
    """The demo clinic as `rt` needs it: imported at START, every staff member with PASSWORD."""
    await clinic_import.apply(db, clinic_file.load(DEMO), ManualClock(START))
    password = hash_password(PASSWORD)
    async with db.transaction() as session:
        for staff in await session.scalars(select(Staff)):
            staff.password_hash = password


@dataclass(frozen=True)
class SqliteTemplates:
    empty: Path  # migrated
    demo: Path  # migrated, with the demo clinic


def _sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


async def _close_sqlite(db: Database) -> None:
    # Fold the write-ahead log into the file so that copying the file alone copies everything.
    async with db.engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    await db.dispose()


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory: pytest.TempPathFactory, cheap_passwords: None) -> SqliteTemplates:
    folder = tmp_path_factory.mktemp("templates")
    empty, demo = folder / "empty.db", folder / "demo.db"

    async def build() -> None:
        db = Database(_sqlite_url(empty))
        await upgrade_async(db.engine)
        await _close_sqlite(db)
        shutil.copyfile(empty, demo)
        db = Database(_sqlite_url(demo))
        await _seed(db)
        await _close_sqlite(db)

    _in_thread(build)
    for path in (empty, demo):
        assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return SqliteTemplates(empty, demo)


@dataclass(frozen=True)
class PgSchemas:
    work: str  # where every PostgreSQL test runs, reset before each
    demo: str  # migrated once with the demo clinic, copied into `work` for tests that use `rt`
    empty_sql: str  # one statement that empties `work`
    demo_sql: str  # one statement that makes `work` a copy of `demo`


def _pg(schema: str) -> Database:
    assert PG_URL
    return Database(PG_URL, connect_args={"server_settings": {"search_path": schema}})


async def _reset_statements(db: Database, work: str, demo: str) -> tuple[str, str]:
    """Two DO blocks (one round trip each): empty `work`, or empty it and copy `demo` in.

    DELETE, children first, rather than TRUNCATE: TRUNCATE makes new files for every table
    and index and costs about a second per test; these cost tens of milliseconds.
    """
    tables = [t.name for t in metadata().sorted_tables]
    async with db.engine.connect() as conn:
        serial = text("SELECT pg_get_serial_sequence(:t, 'id')")
        sequences = {t: str(seq) for t in tables if (seq := (await conn.execute(serial, {"t": t})).scalar())}
        filled = [t for t in tables if (await conn.execute(text(f'SELECT count(*) FROM "{t}"'))).scalar()]

    def here(t: str) -> str:
        return f'"{work}"."{t}"'

    def seq_in(schema: str, t: str) -> str:
        name = sequences[t].rsplit(".", 1)[-1]  # pg_get_serial_sequence names it in `demo`
        return f'"{schema}".{name}' if name.startswith('"') else f'"{schema}"."{name}"'

    empty = [f"DELETE FROM {here(t)};" for t in reversed(tables)]
    restart = [f"PERFORM setval('{seq_in(work, t)}', 1, false);" for t in sequences]
    copy = [f'INSERT INTO {here(t)} SELECT * FROM "{demo}"."{t}";' for t in filled]
    # The sequences as the import left them, so that ids continue exactly as after an import.
    follow = [
        f"PERFORM setval('{seq_in(work, t)}', last_value, is_called) FROM {seq_in(demo, t)};"
        for t in sequences
    ]

    def block(lines: list[str]) -> str:
        return "DO $$ BEGIN\n" + "\n".join(lines) + "\nEND $$"

    return block(empty + restart), block(empty + copy + follow)


@pytest.fixture(scope="session")
def pg_schemas(cheap_passwords: None) -> Iterator[PgSchemas]:
    assert PG_URL
    # A name of this session's own: other sessions may share the server at the same time.
    prefix = f"t_{uuid.uuid4().hex[:12]}"
    work, demo = prefix, f"{prefix}_demo"

    async def build() -> PgSchemas:
        admin = Database(PG_URL or "")
        try:
            async with admin.engine.begin() as conn:
                for schema in (work, demo):
                    await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        finally:
            await admin.dispose()
        for schema in (work, demo):
            db = _pg(schema)
            try:
                await upgrade_async(db.engine)
            finally:
                await db.dispose()
        db = _pg(demo)
        try:
            await _seed(db)
            empty_sql, demo_sql = await _reset_statements(db, work, demo)
        finally:
            await db.dispose()
        return PgSchemas(work, demo, empty_sql, demo_sql)

    async def drop() -> None:
        admin = Database(PG_URL or "")
        try:
            async with admin.engine.begin() as conn:
                for schema in (work, demo):
                    await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        finally:
            await admin.dispose()

    try:
        yield _in_thread(build)
    finally:
        _in_thread(drop)


async def _reset_pg(db: Database, schemas: PgSchemas, seeded: bool) -> None:
    async with db.engine.begin() as conn:
        # A test that left a transaction open elsewhere must fail here, not hang the suite.
        await conn.execute(text("SET LOCAL lock_timeout = '20s'"))
        await conn.exec_driver_sql(schemas.demo_sql if seeded else schemas.empty_sql)


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


def _wants_demo(request: pytest.FixtureRequest) -> bool:
    # Tests that use `rt` (directly or through client, auth, …) start from the demo clinic;
    # the others from an empty migrated database, as they always have.
    return "rt" in request.fixturenames


@pytest.fixture(params=backends())
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A freshly migrated database: a SQLite file, or PostgreSQL's session schema emptied."""
    seeded = _wants_demo(request)
    if request.param == "sqlite":
        templates: SqliteTemplates = request.getfixturevalue("sqlite_templates")
        path = tmp_path / "vigil.db"
        shutil.copyfile(templates.demo if seeded else templates.empty, path)
        database = Database(_sqlite_url(path))
        yield database
        await database.dispose()
        return
    schemas: PgSchemas = request.getfixturevalue("pg_schemas")
    database = _pg(schemas.work)
    try:
        await _reset_pg(database, schemas, seeded)
        yield database
    finally:
        await database.dispose()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
async def rt(db: Database, clock: ManualClock) -> Runtime:
    """The app's runtime on the demo clinic (already in `db`: see `_wants_demo`)."""
    assert clock.now() == START, "the demo clinic in the template was imported at START"
    settings = Settings(
        database_url=db.url,
        secret_key="test-secret-key-0123456789",
        simulator=True,
        scheduler_tick_seconds=15,
    )
    return build_runtime(settings, clock=clock, db=db)


def opt_in_notice(language: str = "en") -> str:
    """The opt-in notice the demo clinic's import queued, as their first message, for each of
    its patients on the simulator (docs/design.md, "Consent by text")."""
    from vigil.escalation.triage.texts import say

    return say("text_notice", language, clinic="Riverside Thoracic Oncology", emergency_number="911")


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
