"""Escalation benchmark: 2,000 open emergency cases due at once; how long one escalation
pass takes and how many pages a second it writes.

    python bench/escalation_bench.py --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select

from vigil.core.clock import ManualClock
from vigil.core.hub import Hub
from vigil.core.models import Clinic, OutboundMessage
from vigil.escalation.models import Case
from vigil.escalation.paging import policy_for
from vigil.escalation.triage import default_engine
from vigil.usecases.service import Service

sys.path.insert(0, str(ROOT / "bench"))
from pipeline_bench import DUE, add_patients, drop, fresh


async def run(url: str, cases: int) -> None:
    db, schema = await fresh(url)
    try:
        clock = ManualClock(DUE)
        patients = await add_patients(db, clock, cases, enrol=False)
        async with db.transaction() as session:
            clinic = await session.scalar(select(Clinic))
            assert clinic is not None
            policy = policy_for(clinic, "emergency")
            await session.execute(
                insert(Case),
                [
                    {
                        "clinic_id": clinic.id,
                        "patient_id": p.id,
                        "level": "emergency",
                        "level_rank": 3,
                        "status": "open",
                        "opened_at": DUE,
                        "updated_at": DUE,
                        "policy": policy,
                        "tier": 0,
                        "next_escalation_at": DUE,
                        "pages_sent": 0,
                        "escalated": False,
                    }
                    for p in patients
                ],
            )
        service = Service(db, clock, default_engine(), Hub())
        t0 = time.perf_counter()
        pages = await service.escalate()
        elapsed = time.perf_counter() - t0
        async with db.session() as session:
            written = await session.scalar(
                select(func.count()).select_from(OutboundMessage).where(OutboundMessage.kind == "page")
            )
        print(
            f"  {cases} cases due at once: paged in {elapsed:5.2f} s, {pages} pages written "
            f"({written} in the outbox), {pages / elapsed:6.0f} pages/s"
        )
        clock.advance(minutes=5, seconds=1)
        t0 = time.perf_counter()
        pages = await service.escalate()
        print(f"  five minutes later, tier 2 for all: {time.perf_counter() - t0:5.2f} s, {pages} pages")
    finally:
        await drop(url, db, schema)


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", default=os.environ.get("VIGIL_TEST_POSTGRES_URL"))
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("== SQLite")
        await run(f"sqlite+aiosqlite:///{tmp}/esc.db", args.cases)
        if args.postgres:
            print("== PostgreSQL")
            await run(args.postgres, args.cases)


if __name__ == "__main__":
    asyncio.run(main())
