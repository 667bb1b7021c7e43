"""Crash load test: 2,000 signed SMS webhooks, 12 at a time, into a real `vigil serve`
process that is killed with SIGKILL half-way and started again.

    python bench/crash_load_bench.py                      # SQLite in a temporary folder
    python bench/crash_load_bench.py --postgres URL       # PostgreSQL (a scratch database)
    python bench/crash_load_bench.py --messages 500 --kill-after 200

Like Twilio, the client counts a message as accepted only when the webhook answered 2xx,
and sends again every message that got no answer (the ones in flight when the server died).
At the end it counts, from the database:

  accepted but lost  a message answered 2xx with no stored row, or never handled (must be 0)
  duplicates         a message stored twice, or assessed twice (must be 0)

and exits non-zero unless both are 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import httpx
from pipeline_bench import DUE, add_patients, texts
from sqlalchemy import func, select, text, update
from sqlalchemy.engine import make_url
from twilio.request_validator import RequestValidator

from tests.bot.channels.sms import twilio_api
from vigil.bot.models import InboundMessage
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Patient
from vigil.escalation.models import Assessment
from vigil.migrations import upgrade_async

PUBLIC = "https://vigil.example"
PATIENTS = 200


def phone(i: int) -> str:
    return f"+1857555{i % PATIENTS:04d}"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _create(url: str) -> tuple[str, str | None]:
    """A database of its own: a SQLite file, or a scratch PostgreSQL database (a server
    process started from an environment variable cannot be pointed at a schema)."""
    if not url.startswith("postgresql"):
        return url, None
    name = f"crash_{uuid.uuid4().hex[:8]}"
    admin = Database(url, isolation_level="AUTOCOMMIT")
    async with admin.engine.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False), name


async def _drop(url: str, name: str | None) -> None:
    if name is None:
        return
    admin = Database(url, isolation_level="AUTOCOMMIT")
    async with admin.engine.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


async def _seed(url: str) -> None:
    db = Database(url)
    try:
        await upgrade_async(db.engine)
        patients = await add_patients(db, ManualClock(DUE), PATIENTS, enrol=False)
        async with db.transaction() as session:
            for i, p in enumerate(patients):
                await session.execute(
                    update(Patient).where(Patient.id == p.id).values(channel="sms", phone=phone(i))
                )
    finally:
        await db.dispose()


def _serve(url: str, port: int, fake_url: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIGIL_")}
    env.update(
        VIGIL_DATABASE_URL=url,
        VIGIL_SECRET_KEY="crash-bench-secret-key-0123456789",
        VIGIL_PUBLIC_URL=PUBLIC,
        VIGIL_TWILIO_ACCOUNT_SID=twilio_api.ACCOUNT,
        VIGIL_TWILIO_AUTH_TOKEN=twilio_api.TOKEN,
        VIGIL_TWILIO_FROM="+16175550000",
        VIGIL_TWILIO_API_URL=fake_url,
        VIGIL_TWILIO_RATE_PER_SECOND="200",
        VIGIL_SCHEDULER_TICK_SECONDS="1",  # messages left unhandled by the crash are retried soon
    )
    return subprocess.Popen(
        [sys.executable, "-m", "vigil.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=str(ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def _ready(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120.0
    async with httpx.AsyncClient(base_url=base) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"the server exited with {server.returncode} while starting")
            with contextlib.suppress(httpx.HTTPError):
                if (await client.get("/healthz", timeout=2)).status_code == 200:
                    return
            await asyncio.sleep(0.2)
    raise SystemExit("the server did not come up")


def _requests(messages: int) -> list[tuple[str, dict[str, str], dict[str, str]]]:
    corpus = texts()
    validator = RequestValidator(twilio_api.TOKEN)
    out = []
    for i in range(messages):
        params = {"MessageSid": f"SMcrash{i:06d}", "From": phone(i), "Body": corpus[i % len(corpus)]}
        sig = validator.compute_signature(PUBLIC + "/webhooks/twilio/sms", params)
        out.append((params["MessageSid"], params, {"X-Twilio-Signature": sig}))
    return out


async def _send(
    base: str,
    todo: list[tuple[str, dict[str, str], dict[str, str]]],
    concurrency: int,
    accepted: set[str],
    kill: tuple[int, subprocess.Popen[bytes]] | None,
) -> list[tuple[str, dict[str, str], dict[str, str]]]:
    """Send `todo`, `concurrency` at a time; returns the ones with no 2xx answer (to resend).

    With `kill` = (n, server), the server gets SIGKILL once n messages were accepted.
    """
    unanswered: list[tuple[str, dict[str, str], dict[str, str]]] = []
    queue = list(reversed(todo))
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:

        async def worker() -> None:
            while queue:
                item = queue.pop()
                sid, params, headers = item
                try:
                    r = await client.post("/webhooks/twilio/sms", data=params, headers=headers)
                except httpx.HTTPError:
                    unanswered.append(item)
                    continue
                if 200 <= r.status_code < 300:
                    accepted.add(sid)
                    if kill is not None and len(accepted) >= kill[0] and kill[1].poll() is None:
                        os.kill(kill[1].pid, signal.SIGKILL)
                else:
                    unanswered.append(item)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return unanswered


async def _settled(url: str) -> int:
    """Wait for the restarted server's tick to handle whatever the crash left; returns how
    many messages are still unhandled when it gives up."""
    db = Database(url)
    try:
        deadline = time.monotonic() + 120.0
        while True:
            async with db.session() as session:
                left = int(
                    await session.scalar(
                        select(func.count())
                        .select_from(InboundMessage)
                        .where(InboundMessage.processed_at.is_(None))
                    )
                    or 0
                )
            if left == 0 or time.monotonic() > deadline:
                return left
            await asyncio.sleep(0.5)
    finally:
        await db.dispose()


async def _count(url: str, accepted: set[str]) -> dict[str, int]:
    db = Database(url)
    try:
        async with db.session() as session:
            rows = await session.execute(
                select(InboundMessage.provider_id, func.count())
                .where(InboundMessage.channel == "sms")
                .group_by(InboundMessage.provider_id)
            )
            stored: dict[str, int] = {sid: int(n) for sid, n in rows.all()}
            handled = set(
                await session.scalars(
                    select(InboundMessage.provider_id).where(InboundMessage.processed_at.is_not(None))
                )
            )
            assessed_twice = int(
                await session.scalar(
                    select(func.count()).select_from(
                        select(Assessment.message_id)
                        .where(Assessment.message_id.is_not(None))
                        .group_by(Assessment.message_id)
                        .having(func.count() > 1)
                        .subquery()
                    )
                )
                or 0
            )
        return {
            "stored": len(stored),
            "lost": sum(1 for sid in accepted if sid not in stored),
            "unhandled": sum(1 for sid in accepted if sid in stored and sid not in handled),
            "stored_twice": sum(n - 1 for n in stored.values() if n > 1),
            "assessed_twice": assessed_twice,
        }
    finally:
        await db.dispose()


async def run(url: str, messages: int, concurrency: int, kill_after: int) -> bool:
    admin_url = url
    url, scratch = await _create(url)
    try:
        await _seed(url)
        requests = _requests(messages)
        accepted: set[str] = set()
        with twilio_api.running() as fake:
            port = _port()
            base = f"http://127.0.0.1:{port}"
            server = _serve(url, port, fake.url)
            await _ready(base, server)
            t0 = time.perf_counter()
            unanswered = await _send(base, requests, concurrency, accepted, (kill_after, server))
            server.wait()
            killed_at, resent = len(accepted), len(unanswered)
            # Stored but never answered: the ones a redelivery must not store twice.
            in_flight = (await _count(url, set()))["stored"] - killed_at
            # Everything not yet answered when the server died, sent again once it is back,
            # as Twilio would: some of these were stored before the kill.
            server = _serve(url, port, fake.url)
            try:
                await _ready(base, server)
                retries = 0
                while unanswered and retries < 5:
                    retries += 1
                    unanswered = await _send(base, unanswered, concurrency, accepted, None)
                elapsed = time.perf_counter() - t0
                left = await _settled(url)
            finally:
                server.send_signal(signal.SIGTERM)
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        counts = await _count(url, accepted)
        lost = counts["lost"] + counts["unhandled"]
        duplicates = counts["stored_twice"] + counts["assessed_twice"]
        print(
            f"  {messages} messages, {concurrency} at a time, SIGKILL after {killed_at} accepted; "
            f"{resent} unanswered while it was down and sent again ({in_flight} of them stored before "
            "it died); "
            f"{len(accepted)} accepted in {elapsed:5.1f} s ({len(unanswered)} never answered), "
            f"{counts['stored']} stored, {left} left unhandled"
        )
        print(
            f"  accepted but lost: {lost} (no row {counts['lost']}, never handled {counts['unhandled']}); "
            f"duplicates: {duplicates} (stored twice {counts['stored_twice']}, "
            f"assessed twice {counts['assessed_twice']})"
        )
        return lost == 0 and duplicates == 0 and not unanswered
    finally:
        if scratch is not None:
            await _drop(admin_url, scratch)


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", help="a PostgreSQL URL (postgresql+asyncpg://...)")
    parser.add_argument("--sqlite", action="store_true", help="also run on SQLite with --postgres")
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=12)
    parser.add_argument("--kill-after", type=int, default=None, help="accepted messages before SIGKILL")
    args = parser.parse_args()
    kill_after = args.kill_after if args.kill_after is not None else args.messages // 2
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        targets = []
        if args.sqlite or not args.postgres:
            targets.append(("SQLite", f"sqlite+aiosqlite:///{tmp}/crash.db"))
        if args.postgres:
            targets.append(("PostgreSQL", args.postgres))
        for name, url in targets:
            print(f"== {name}", flush=True)
            ok = await run(url, args.messages, args.concurrency, kill_after) and ok
    if not ok:
        print("FAILED: a message was lost or duplicated")
        sys.exit(1)


if __name__ == "__main__":
    asyncio.run(main())
