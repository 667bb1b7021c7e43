"""Patient timeline benchmark: one patient with two years of weekly check-ins (answers, the
questions sent, a daily message each way, a case a fortnight) among patients with a year of
messages each, then the timeline's first, middle and last pages through the real app (the API
and the patient page).

    python bench/timeline_bench.py                                   # SQLite in a temporary folder
    python bench/timeline_bench.py --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/test

Prints the rows of each kind, then for each page the median and the slowest of its runs.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import httpx
from pipeline_bench import drop, fresh
from sqlalchemy import insert, select

from vigil.assembly import build_runtime
from vigil.bot.models import InboundMessage
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.models import ApiToken, OutboundMessage, Patient, Staff
from vigil.core.settings import Settings
from vigil.escalation.models import Case
from vigil.scheduler.models import CheckIn, CheckInAnswer, Enrolment
from vigil.web.app import create_app
from vigil.web.security import hash_password, new_token, token_hash

DEMO = ROOT / "vigil" / "clinic" / "demo_clinic.yaml"
NURSE = "ana.reyes@riverside.example"
MARIA = "MRN-100871"
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
KEYS = ("back_pain", "back_pain_onset", "limb_weakness", "anything_else")


def _in(patient_id: int, at: datetime, tag: str) -> dict[str, object]:
    return {
        "clinic_id": 1,
        "patient_id": patient_id,
        "channel": "simulator",
        "provider_id": tag,
        "text": "feeling about the same today",
        "received_at": at,
        "processed_at": at,
        "attempts": 0,
    }


def _out(patient_id: int, at: datetime, kind: str) -> dict[str, object]:
    return {
        "clinic_id": 1,
        "patient_id": patient_id,
        "channel": "simulator",
        "address": "x",
        "kind": kind,
        "priority": 5,
        "text": "Thank you, your care team can see this message.",
        "status": "delivered",
        "attempts": 1,
        "next_attempt_at": at,
        "created_at": at,
    }


async def seed(db: object, others: int) -> dict[str, int]:
    async with db.transaction() as session:  # type: ignore[attr-defined]
        maria = await session.scalar(select(Patient).where(Patient.external_id == MARIA))
        enrolment = await session.scalar(select(Enrolment).where(Enrolment.patient_id == maria.id))
        start = NOW - timedelta(days=730)
        inbound, outbound, answers, cases = [], [], [], []
        for day in range(730):
            at = start + timedelta(days=day, hours=9)
            inbound.append(_in(maria.id, at + timedelta(hours=3), f"m-{day}"))
            outbound.append(_out(maria.id, at + timedelta(hours=3, seconds=2), "reply"))
            if day % 14 == 0:
                cases.append(
                    {
                        "clinic_id": 1,
                        "patient_id": maria.id,
                        "level": "routine",
                        "level_rank": 1,
                        "status": "resolved",
                        "opened_at": at + timedelta(hours=3),
                        "resolved_at": at + timedelta(hours=5),
                        "disposition": "advice_given",
                        "updated_at": at + timedelta(hours=5),
                        "policy": [],
                        "tier": 0,
                    }
                )
        for week in range(104):
            at = start + timedelta(weeks=week, hours=10)
            checkin = CheckIn(
                enrolment_id=enrolment.id,
                patient_id=maria.id,
                due_at=at,
                opened_at=at,
                status="completed",
                expires_at=at + timedelta(hours=12),
                answered_any=True,
                closed_at=at + timedelta(minutes=20),
            )
            session.add(checkin)
            await session.flush()
            for i, key in enumerate(KEYS):
                outbound.append(_out(maria.id, at + timedelta(minutes=4 * i), "question"))
                inbound.append(_in(maria.id, at + timedelta(minutes=4 * i + 2), f"a-{week}-{i}"))
                answers.append(
                    {
                        "checkin_id": checkin.id,
                        "question_key": key,
                        "text": "3",
                        "value": 3.0,
                        "at": at + timedelta(minutes=4 * i + 2),
                    }
                )
        rest = list(await session.scalars(select(Patient.id).where(Patient.id != maria.id)))
        noise = [
            _in(pid, start + timedelta(days=d, hours=11), f"n-{pid}-{d}")
            for pid in (rest * (others // max(len(rest), 1) + 1))[:others]
            for d in range(0, 365)
        ]
        # Several noise rows of one patient would repeat provider ids: make them unique.
        for i, row in enumerate(noise):
            row["provider_id"] = f"n-{i}"
        await session.execute(insert(InboundMessage), inbound + noise)
        await session.execute(insert(OutboundMessage), outbound)
        await session.execute(insert(CheckInAnswer), answers)
        await session.execute(insert(Case), cases)
    return {
        "check-ins": 104,
        "answers": len(answers),
        "messages in": len(inbound),
        "messages out": len(outbound),
        "cases": len(cases),
        "other patients' messages": len(noise),
    }


async def main(url: str, runs: int, others: int) -> None:
    db, schema = await fresh(url)
    clock = ManualClock(NOW)
    try:
        await clinic_import.apply(db, clinic_file.load(DEMO), clock)
        token = new_token()
        async with db.transaction() as session:
            nurse = await session.scalar(select(Staff).where(Staff.email == NURSE))
            assert nurse is not None
            nurse.password_hash = hash_password("bench password")
            session.add(ApiToken(staff_id=nurse.id, token_hash=token_hash(token), created_at=clock.now()))
        counts = await seed(db, others)
        if schema:
            async with db.engine.begin() as conn:
                await conn.exec_driver_sql("ANALYZE")
        print(f"database: {'PostgreSQL' if schema else 'SQLite'}; {counts}")
        settings = Settings(database_url=url, secret_key="bench-secret-key-0123456789", simulator=True)
        app = create_app(build_runtime(settings, clock=clock, db=db), background=False)
        auth = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench"
        ) as client:
            cursors: list[str | None] = [None]
            while True:
                params = {"before": cursors[-1]} if cursors[-1] else {}
                r = await client.get(f"/api/v1/patients/{MARIA}/timeline", headers=auth, params=params)
                assert r.status_code == 200, r.text[:300]
                if r.json()["next"] is None:
                    break
                cursors.append(r.json()["next"])
            print(f"timeline of {len(cursors)} pages, {runs} runs each:")
            page = await client.get("/login")
            csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
            await client.post("/login", data={"email": NURSE, "password": "bench password", "csrf": csrf})
            async with db.session() as session:
                maria_id = await session.scalar(select(Patient.id).where(Patient.external_id == MARIA))
            for name, cur in (
                ("first", None),
                ("middle", cursors[len(cursors) // 2]),
                ("last", cursors[-1]),
            ):
                params = {"before": cur} if cur else {}
                for label, path, headers in (
                    ("API ", f"/api/v1/patients/{MARIA}/timeline", auth),
                    ("page", f"/patients/{maria_id}", {}),
                ):
                    times = []
                    for _ in range(runs):
                        t = time.perf_counter()
                        r = await client.get(path, headers=headers, params=params)
                        times.append((time.perf_counter() - t) * 1000)
                        assert r.status_code == 200, r.status_code
                    print(
                        f"  {label} {name:<7} page  median {statistics.median(times):6.1f} ms  max {max(times):6.1f} ms"
                    )
    finally:
        await drop(url, db, schema)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", help="a PostgreSQL URL (a scratch schema is made and dropped)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--others", type=int, default=200, help="other patients with a year of messages")
    args = parser.parse_args()
    if args.postgres:
        asyncio.run(main(args.postgres, args.runs, args.others))
    else:
        with tempfile.TemporaryDirectory() as folder:
            asyncio.run(main(f"sqlite+aiosqlite:///{folder}/bench.db", args.runs, args.others))
