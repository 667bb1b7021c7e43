"""Due-sweep benchmark: 10,000, 30,000 and 100,000 enrolments all due at once, each swept in
a fresh process so one size's peak memory is not the next one's starting point.

    python bench/sweep_bench.py                           # SQLite in a temporary folder
    python bench/sweep_bench.py --postgres URL            # PostgreSQL (a scratch schema)
    python bench/sweep_bench.py --postgres URL --sizes 10000 100000

Prints, per size, the seconds the sweep took and the process's peak resident memory before
and after it. Memory that does not grow with the number due is the point: the sweep claims
bounded batches, so 100,000 should cost about what 10,000 does.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline_bench import DUE, add_patients, drop, fresh
from sqlalchemy import func, select

from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.escalation.triage import TriageEngine
from vigil.scheduler.models import CheckIn
from vigil.usecases.service import Service


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _database(url: str, schema: str | None) -> Database:
    kwargs = {"connect_args": {"server_settings": {"search_path": schema}}} if schema else {}
    return Database(url, **kwargs)


async def _seed(url: str, enrolments: int, out: multiprocessing.SimpleQueue[object]) -> None:
    db, schema = await fresh(url)
    await add_patients(db, ManualClock(DUE), enrolments, enrol=True)
    await db.dispose()
    out.put(schema)


async def _sweep(url: str, schema: str | None, out: multiprocessing.SimpleQueue[object]) -> None:
    db = _database(url, schema)
    try:
        # No triage engine: the due sweep never reads a message, and loading one would put
        # the engine's own memory into the sweep's figure.
        service = Service(db, ManualClock(DUE), cast(TriageEngine, None), Hub())
        async with db.session() as session:  # connect and warm up before measuring
            await session.scalar(select(func.count()).select_from(CheckIn))
        rss0 = _rss_mb()
        t0 = time.perf_counter()
        opened = await service.send_due()
        elapsed = time.perf_counter() - t0
        rss1 = _rss_mb()
        async with db.session() as session:
            checkins = int(await session.scalar(select(func.count()).select_from(CheckIn)) or 0)
        out.put((opened, checkins, elapsed, rss0, rss1))
    finally:
        await db.dispose()


def _in_process(target: Any, *args: object) -> Any:
    """Run `target(*args, queue)` in a fresh process; return what it put on the queue."""
    ctx = multiprocessing.get_context("spawn")
    out: multiprocessing.SimpleQueue[object] = ctx.SimpleQueue()
    process = ctx.Process(target=_entry, args=(target, *args, out))
    process.start()
    process.join()
    if process.exitcode != 0:
        raise SystemExit(f"{target.__name__} failed in its process (exit {process.exitcode})")
    return out.get()


def _entry(target: Any, *args: object) -> None:
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(target(*args))


async def _drop(url: str, schema: str | None) -> None:
    await drop(url, Database(url), schema)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", default=os.environ.get("VIGIL_TEST_POSTGRES_URL"))
    parser.add_argument("--sqlite", action="store_true", help="also sweep on SQLite")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        targets = []
        if args.sqlite or not args.postgres:
            targets.append(("SQLite", f"sqlite+aiosqlite:///{tmp}/sweep.db"))
        if args.postgres:
            targets.append(("PostgreSQL", args.postgres))
        for name, url in targets:
            print(f"== {name}", flush=True)
            for size in args.sizes:
                for leftover in Path(tmp).glob("sweep.db*"):
                    leftover.unlink()
                # Seeded in one process, swept in another: the sweep's peak memory is its own.
                schema = _in_process(_seed, url, size)
                try:
                    opened, checkins, elapsed, rss0, rss1 = _in_process(_sweep, url, schema)
                finally:
                    asyncio.run(_drop(url, schema))
                print(
                    f"  {size:>7,} due: swept {opened:,} (with the demo's own) in {elapsed:6.2f} s, "
                    f"{checkins:,} check-ins opened; peak RSS {rss1:4.0f} MB "
                    f"({rss0:4.0f} MB before the sweep, grew {max(0.0, rss1 - rss0):4.0f} MB)",
                    flush=True,
                )


if __name__ == "__main__":
    main()
