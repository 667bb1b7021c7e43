"""Patients benchmark: CSV enrolment of 10,000 rows (dry run, then apply) and the patient list
of a clinic with 20,000 patients, through the real app (the API and the dashboard page).

    python bench/patients_bench.py                                   # SQLite in a temporary folder
    python bench/patients_bench.py --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/test

Issue 13 asks for each CSV step under 10 s on PostgreSQL and the list under 200 ms. Prints
the seconds of each CSV step, then for each list query the median and the slowest of its runs.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import httpx
from pipeline_bench import drop, fresh
from sqlalchemy import insert, select

from vigil.assembly import build_runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.models import ApiToken, Patient, Staff
from vigil.core.settings import Settings
from vigil.escalation.models import Case
from vigil.web.app import create_app
from vigil.web.security import hash_password, new_token, token_hash

DEMO = ROOT / "vigil" / "clinic" / "demo_clinic.yaml"
ADMIN = "admin@riverside.example"
ZONES = ["", "America/New_York", "America/Chicago", "Europe/Madrid", "America/Los_Angeles"]
FIRST = ["Ana", "Ben", "Carmen", "David", "Elena", "Farid", "Grace", "Hugo", "Irene", "Jorge"]
LAST = ["Reyes", "Okafor", "Lee", "Santos", "Brennan", "Novak", "Haddad", "Kim", "Costa", "Walsh"]


def csv_of(start: int, n: int) -> bytes:
    """n patients, phones in the formats people type them, half on the weekly protocol."""
    lines = ["external_id,name,channel,phone,timezone,language,protocol,on_active_treatment"]
    for i in range(start, start + n):
        phone = [f"(617) 555-{i % 10000:04}", f"+1 617 555 {i % 10000:04}", f"617.555.{i % 10000:04}"][i % 3]
        name = f"{FIRST[i % 10]} {LAST[(i // 10) % 10]} {i}"
        channel = "sms" if i % 4 else "telegram"
        lines.append(
            f"MRN-{i:06},{name},{channel},{phone if channel == 'sms' else ''},{ZONES[i % 5]},"
            f"{'es' if i % 7 == 0 else 'en'},{'nsclc-weekly' if i % 2 else ''},{'yes' if i % 3 else 'no'}"
        )
    return ("\n".join(lines) + "\n").encode()


async def timed(
    client: httpx.AsyncClient, method: str, url: str, **kw: object
) -> tuple[float, httpx.Response]:
    t = time.perf_counter()
    r = await client.request(method, url, **kw)  # type: ignore[arg-type]
    return time.perf_counter() - t, r


async def main(url: str, runs: int) -> None:
    db, schema = await fresh(url)
    clock = ManualClock(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    try:
        await clinic_import.apply(db, clinic_file.load(DEMO), clock)
        token = new_token()
        async with db.transaction() as session:
            admin = await session.scalar(select(Staff).where(Staff.email == ADMIN))
            assert admin is not None
            admin.password_hash = hash_password("bench password")
            session.add(ApiToken(staff_id=admin.id, token_hash=token_hash(token), created_at=clock.now()))
        settings = Settings(database_url=url, secret_key="bench-secret-key-0123456789", simulator=True)
        rt = build_runtime(settings, clock=clock, db=db)
        app = create_app(rt, background=False)
        auth = {"Authorization": f"Bearer {token}"}
        print(f"database: {'PostgreSQL' if schema else 'SQLite'}")
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench"
        ) as client:
            first = csv_of(0, 10_000)
            print(f"CSV of 10,000 rows: {len(first) / 1e6:.2f} MB")
            s, r = await timed(client, "POST", "/api/v1/patients/import", headers=auth, content=first)
            assert r.status_code == 200, r.text[:300]
            plan = r.json()
            print(f"  dry run: {s:6.2f} s   {plan['counts']}")
            s, r = await timed(
                client,
                "POST",
                f"/api/v1/patients/import?dry_run=false&digest={plan['digest']}",
                headers=auth,
                content=first,
            )
            assert r.status_code == 200, r.text[:300]
            print(f"  apply:   {s:6.2f} s   {r.json()['counts']}")
            changed = first.replace(b",yes\n", b",no\n")
            s, r = await timed(client, "POST", "/api/v1/patients/import", headers=auth, content=changed)
            print(f"  dry run of the same 10,000 with changes: {s:6.2f} s   {r.json()['counts']}")
            s, r = await timed(
                client, "POST", "/api/v1/patients/import?dry_run=false", headers=auth, content=changed
            )
            print(f"  apply of those changes:                  {s:6.2f} s   {r.json()['counts']}")

            # 20,000 patients: another 10,000, and open cases for one in fifty.
            r = await client.post(
                "/api/v1/patients/import?dry_run=false", headers=auth, content=csv_of(10_000, 10_000)
            )
            assert r.json()["counts"]["add"] == 10_000
            async with db.transaction() as session:
                ids = list(await session.scalars(select(Patient.id).where(Patient.id % 50 == 0)))
                now = clock.now()
                await session.execute(
                    insert(Case),
                    [
                        {
                            "clinic_id": 1,
                            "patient_id": pid,
                            "level": "urgent",
                            "level_rank": 2,
                            "status": "open",
                            "opened_at": now,
                            "updated_at": now,
                            "policy": [],
                            "tier": 0,
                        }
                        for pid in ids
                    ],
                )
            if schema:
                async with db.engine.begin() as conn:
                    await conn.exec_driver_sql("ANALYZE")
            total = (await client.get("/api/v1/patients?limit=1", headers=auth)).json()["total"]
            print(f"patient list of {total} patients ({len(ids)} with an open case), {runs} runs each:")
            queries = [
                "",
                "sort=-created",
                "sort=name&offset=19950",
                "sort=status&offset=10000",
                "q=okafor",
                "q=MRN-01234",
                "status=invited",
                "protocol=nsclc-weekly&sort=-name",
                "open_case=yes",
                "open_case=no&offset=15000",
                "q=grace&status=active&protocol=nsclc-weekly&open_case=no&sort=-created",
            ]
            for q in queries:
                times = []
                for _ in range(runs):
                    s, r = await timed(client, "GET", f"/api/v1/patients?{q}", headers=auth)
                    assert r.status_code == 200, r.text[:200]
                    times.append(s * 1000)
                print(
                    f"  API  {q or '(first page)':<70} median {statistics.median(times):6.1f} ms  max {max(times):6.1f} ms"
                )
            page = await client.get("/login")
            csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
            await client.post("/login", data={"email": ADMIN, "password": "bench password", "csrf": csrf})
            for q in ["", "sort=name&page=399", "q=okafor&sort=-created", "open_case=yes"]:
                times = []
                for _ in range(runs):
                    s, r = await timed(client, "GET", f"/patients?{q}")
                    assert r.status_code == 200, r.status_code
                    times.append(s * 1000)
                print(
                    f"  page {'/patients?' + q:<70} median {statistics.median(times):6.1f} ms  max {max(times):6.1f} ms"
                )
    finally:
        await drop(url, db, schema)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", help="a PostgreSQL URL (a scratch schema is made and dropped)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if args.postgres:
        asyncio.run(main(args.postgres, args.runs))
    else:
        with tempfile.TemporaryDirectory() as folder:
            asyncio.run(main(f"sqlite+aiosqlite:///{folder}/bench.db", args.runs))
