"""Pipeline benchmark: inbound messages from receipt to assessment, case and safety reply
stored; and one due sweep of 10,000 enrolments.

    python bench/pipeline_bench.py                      # SQLite in a temporary folder
    python bench/pipeline_bench.py --postgres URL       # also PostgreSQL (a scratch schema)
    python bench/pipeline_bench.py --messages 3000 --concurrency 8
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select, text

from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.models import Clinic, Patient
from vigil.escalation.triage import default_engine
from vigil.migrations import upgrade_async
from vigil.scheduler.models import Enrolment, Protocol
from vigil.usecases.service import Service

DEMO = ROOT / "vigil" / "clinic" / "demo_clinic.yaml"
DUE = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
SETS = [
    ROOT / "bench" / "data" / "dev_texting.jsonl",
    ROOT / "bench" / "data" / "extra_texting.jsonl",
]


def texts() -> list[str]:
    out = []
    for path in SETS:
        if path.exists():
            out += [json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()]
    return out or ["my back is killing me and my legs feel weak", "all good today", "temp 38.4"]


async def fresh(url: str) -> tuple[Database, str | None]:
    if url.startswith("postgresql"):
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = Database(url)
        async with admin.engine.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        await admin.dispose()
        db = Database(url, connect_args={"server_settings": {"search_path": schema}})
    else:
        db, schema = Database(url), None
    await upgrade_async(db.engine)
    return db, schema


async def drop(url: str, db: Database, schema: str | None) -> None:
    await db.dispose()
    if schema:
        admin = Database(url)
        async with admin.engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


async def add_patients(db: Database, clock: ManualClock, n: int, *, enrol: bool) -> list[Patient]:
    await clinic_import.apply(db, clinic_file.load(DEMO), clock)
    async with db.transaction() as session:
        clinic = await session.scalar(select(Clinic))
        protocol = await session.scalar(select(Protocol))
        assert clinic is not None
        assert protocol is not None
        patients = [
            Patient(
                clinic_id=clinic.id,
                external_id=f"B-{i}",
                name=f"Bench {i}",
                channel="simulator",
                context={"on_active_treatment": i % 2 == 0},
                status="active",
                language="en",
                created_at=clock.now(),
            )
            for i in range(n)
        ]
        session.add_all(patients)
        await session.flush()
        if enrol:
            session.add_all(
                [
                    Enrolment(
                        patient_id=p.id,
                        protocol_id=protocol.id,
                        active=True,
                        next_due_at=DUE,
                        missed_streak=0,
                    )
                    for p in patients
                ]
            )
    return patients


async def _work(
    url: str, schema: str | None, start: int, count: int, concurrency: int, answers: bool = False
) -> list[float]:
    """One process's share: `count` messages, `concurrency` at a time. Returns latencies.

    With `answers`, message i answers the open check-in of patient i (one answer each).
    """
    kwargs = {"connect_args": {"server_settings": {"search_path": schema}}} if schema else {}
    db = Database(url, **kwargs)
    try:
        clock = ManualClock(DUE)
        async with db.session() as session:
            patients = list(
                await session.scalars(
                    select(Patient).where(Patient.external_id.like("B-%")).order_by(Patient.id)
                )
            )
        service = Service(db, clock, default_engine(), Hub())
        corpus = texts()
        if answers:  # scale answers as people give them, with some red flags among them
            corpus = ["2", "about a 4", "no pain today", "7/10 and getting worse", *corpus[:4]]
        latencies: list[float] = []
        todo = list(range(start, start + count))

        async def worker() -> None:
            while todo:
                i = todo.pop()
                t = time.perf_counter()
                await service.receive(
                    patients[i % len(patients)], "simulator", f"bench-{i}", corpus[i % len(corpus)]
                )
                latencies.append(time.perf_counter() - t)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return latencies
    finally:
        await db.dispose()


def _process(args: tuple[str, str | None, int, int, int, bool]) -> list[float]:
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    return asyncio.run(_work(*args))


async def inbound(
    url: str, messages: int, concurrency: int, processes: int = 1, answers: bool = False
) -> None:
    db, schema = await fresh(url)
    try:
        clock = ManualClock(DUE)
        await add_patients(db, clock, messages if answers else 200, enrol=answers)
        if answers:
            await Service(db, clock, default_engine(), Hub()).send_due()
        share = messages // processes
        t0 = time.perf_counter()
        if processes == 1:
            latencies = await _work(url, schema, 0, share, concurrency, answers)
        else:
            import multiprocessing

            ctx = multiprocessing.get_context("spawn")
            with ctx.Pool(processes) as pool:
                parts = await asyncio.to_thread(
                    pool.map,
                    _process,
                    [(url, schema, k * share, share, concurrency, answers) for k in range(processes)],
                )
            latencies = [x for part in parts for x in part]
        elapsed = time.perf_counter() - t0
        latencies.sort()
        async with db.session() as session:
            cases = await session.scalar(text('SELECT count(*) FROM "case"'))
            replies = await session.scalar(
                text("SELECT count(*) FROM outbound_message WHERE kind = 'safety'")
            )
        total = share * processes
        what = "check-in answers" if answers else "messages"
        print(
            f"  inbound: {total} {what}, {processes} process(es) x {concurrency} at a time: "
            f"{total / elapsed:5.0f} msg/s, p50 {statistics.median(latencies) * 1000:5.1f} ms, "
            f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:6.1f} ms "
            f"({cases} cases, {replies} safety replies stored)"
        )
    finally:
        await drop(url, db, schema)


async def sweep(url: str, enrolments: int) -> None:
    db, schema = await fresh(url)
    try:
        clock = ManualClock(DUE)
        await add_patients(db, clock, enrolments, enrol=True)
        service = Service(db, clock, default_engine(), Hub())
        # Timed without tracemalloc (it slows Python several times over); memory is the
        # process's peak resident size, which is what a 200 MB budget is about.
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        opened = await service.send_due()
        elapsed = time.perf_counter() - t0
        rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            f"  sweep: {opened} due enrolments (+2 demo) in {elapsed:5.2f} s, "
            f"peak process RSS {rss1 / 1024:5.0f} MB (grew {max(0, rss1 - rss0) / 1024:4.0f} MB during it)"
        )
    finally:
        await drop(url, db, schema)


def _sweep_process(url: str, enrolments: int) -> None:
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(sweep(url, enrolments))


async def sweep_alone(url: str, enrolments: int) -> None:
    """The sweep in a process of its own, so its peak memory is not the inbound runs' peak."""
    import multiprocessing

    process = multiprocessing.get_context("spawn").Process(target=_sweep_process, args=(url, enrolments))
    process.start()
    await asyncio.to_thread(process.join)


def _fresh_file(path: str) -> None:
    Path(path).unlink(missing_ok=True)


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", default=os.environ.get("VIGIL_TEST_POSTGRES_URL"))
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--enrolments", type=int, default=10_000)
    parser.add_argument(
        "--processes", type=int, default=2, help="for the PostgreSQL run (several serve processes)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite", f"sqlite+aiosqlite:///{tmp}/bench.db")]
        if args.postgres:
            targets.append(("PostgreSQL", args.postgres))
        for name, url in targets:
            print(f"== {name}")
            if name == "SQLite":
                _fresh_file(f"{tmp}/bench.db")
            await inbound(url, args.messages, 1)
            if name == "SQLite":
                _fresh_file(f"{tmp}/bench.db")
            await inbound(url, args.messages, args.concurrency)
            if name == "SQLite":
                _fresh_file(f"{tmp}/bench.db")
            await inbound(url, args.messages, args.concurrency, answers=True)
            if name == "PostgreSQL" and args.processes > 1:
                await inbound(url, args.messages, args.concurrency, args.processes)
            if name == "SQLite":
                _fresh_file(f"{tmp}/bench.db")
            await sweep_alone(url, args.enrolments)


if __name__ == "__main__":
    try:  # production runs under uvicorn, which uses uvloop when it is installed
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(main())
