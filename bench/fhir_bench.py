"""FHIR export benchmark: `vigil export fhir` of a clinic of 5,000 and 20,000 patients, each
with a check-in of four answers, two messages each way, and a case for one in twenty; each
export in a fresh process, so that one size's peak memory is not the next one's start.

    python bench/fhir_bench.py                       # SQLite in a temporary folder
    python bench/fhir_bench.py --postgres URL        # PostgreSQL (a scratch schema)
    python bench/fhir_bench.py --sizes 20000

Prints, per size, the resources written, the seconds, resources a second, and the export
process's peak resident memory. The export reads a batch of rows per query (vigil/fhir/
export.py), so 20,000 patients should cost about the memory 5,000 do.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline_bench import DUE, add_patients, drop, fresh
from sqlalchemy import insert, select

from vigil.bot.models import InboundMessage
from vigil.cli.fhir import Folder, export_fhir
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Clinic, OutboundMessage
from vigil.escalation.models import Case, CaseReason
from vigil.scheduler.models import CheckIn, CheckInAnswer, Enrolment

ANSWERS = (
    ("back_pain", "4", 4.0),
    ("back_pain_onset", "no", 0.0),
    ("neuro", "no", 0.0),
    ("anything_else", "all good", None),
)


async def _seed(url: str, n: int, out: Any) -> None:
    db, schema = await fresh(url)
    clock = ManualClock(DUE)
    await add_patients(db, clock, n, enrol=True)
    async with db.transaction() as session:
        clinic = await session.scalar(select(Clinic))
        assert clinic is not None
        enrolments = (await session.execute(select(Enrolment.id, Enrolment.patient_id))).all()
        t = DUE + timedelta(minutes=1)
        checkins = [
            {
                "enrolment_id": e,
                "patient_id": p,
                "due_at": DUE,
                "opened_at": DUE,
                "status": "completed",
                "expires_at": DUE + timedelta(days=1),
                "answered_any": True,
                "closed_at": t,
            }
            for e, p in enrolments
        ]
        await session.execute(insert(CheckIn), checkins)
        ids = (await session.execute(select(CheckIn.id, CheckIn.patient_id))).all()
        await session.execute(
            insert(CheckInAnswer),
            [
                {"checkin_id": c, "question_key": k, "text": w, "value": v, "at": t}
                for c, _ in ids
                for k, w, v in ANSWERS
            ],
        )
        await session.execute(
            insert(InboundMessage),
            [
                {
                    "clinic_id": clinic.id,
                    "patient_id": p,
                    "channel": "simulator",
                    "provider_id": f"b-{p}-{i}",
                    "text": "my back aches a bit",
                    "received_at": t,
                    "processed_at": t,
                }
                for _, p in ids
                for i in range(2)
            ],
        )
        await session.execute(
            insert(OutboundMessage),
            [
                {
                    "clinic_id": clinic.id,
                    "patient_id": p,
                    "channel": "simulator",
                    "address": "x",
                    "kind": "question",
                    "priority": 5,
                    "text": "How bad is any back pain today?",
                    "status": "delivered",
                    "attempts": 1,
                    "next_attempt_at": t,
                    "created_at": t,
                    "sent_at": t,
                    "delivered_at": t,
                }
                for _, p in ids
                for _ in range(2)
            ],
        )
        flagged = [p for _, p in ids][::20]
        await session.execute(
            insert(Case),
            [
                {
                    "clinic_id": clinic.id,
                    "patient_id": p,
                    "level": "urgent",
                    "level_rank": 2,
                    "status": "open",
                    "opened_at": t,
                    "updated_at": t,
                    "policy": [],
                    "tier": 0,
                    "pages_sent": 0,
                    "escalated": False,
                }
                for p in flagged
            ],
        )
        cases = (await session.execute(select(Case.id))).scalars().all()
        await session.execute(
            insert(CaseReason),
            [
                {
                    "case_id": c,
                    "level": "urgent",
                    "rule": "spinal-pain-flags",
                    "concept": "back_pain",
                    "evidence": "back aches",
                    "start": 3,
                    "end": 13,
                    "at": t,
                }
                for c in cases
            ],
        )
    await db.dispose()
    out.put(schema)


async def _export(url: str, schema: str | None, folder: str, out: Any) -> None:
    kwargs = {"connect_args": {"server_settings": {"search_path": schema}}} if schema else {}
    db = Database(url, **kwargs)
    try:
        started = time.perf_counter()
        done = await export_fhir(db, "2026-11-01", Folder(Path(folder)), ManualClock(DUE), actor="bench")
        seconds = time.perf_counter() - started
    finally:
        await db.dispose()
    out.put((sum(done.counts.values()), seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def _in_process(target: Any, *args: Any) -> Any:
    queue: Any = multiprocessing.SimpleQueue()
    proc = multiprocessing.Process(target=lambda: asyncio.run(target(*args, queue)))
    proc.start()
    proc.join()
    if proc.exitcode != 0:
        raise SystemExit(f"{target.__name__} failed ({proc.exitcode})")
    return queue.get()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", help="a PostgreSQL URL (postgresql+asyncpg://...)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    args = parser.parse_args()
    multiprocessing.set_start_method("fork")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            url = args.postgres or f"sqlite+aiosqlite:///{tmp}/fhir-{n}.db"
            schema = _in_process(_seed, url, n)
            count, seconds, rss = _in_process(_export, url, schema, f"{tmp}/out-{n}")
            print(
                f"{n:>6} patients: {count:>7} resources in {seconds:6.1f} s "
                f"({count / seconds:6.0f}/s), export process peak {rss:5.0f} MB",
                flush=True,
            )
            if schema:
                asyncio.run(drop(args.postgres, Database(args.postgres), schema))


if __name__ == "__main__":
    main()
