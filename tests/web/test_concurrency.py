"""On PostgreSQL, several processes' worth of workers at once: each check-in opens exactly
once, and exactly one of two nurses claiming a case wins."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import OutboundMessage, Patient, Staff
from vigil.escalation import cases
from vigil.escalation.cases import CaseError
from vigil.scheduler.models import CheckIn, Enrolment, Protocol
from vigil.usecases.service import Service

from ..conftest import DUE, PG_URL, search_path

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="VIGIL_TEST_POSTGRES_URL is not set"),
]


async def _many_patients(rt: Runtime, n: int) -> None:
    async with rt.db.transaction() as session:
        protocol = await session.scalar(select(Protocol))
        assert protocol is not None
        now = rt.clock.now()
        for i in range(n):
            p = Patient(
                clinic_id=protocol.clinic_id,
                external_id=f"LOAD-{i}",
                name=f"Load {i}",
                channel="simulator",
                context={},
                status="active",
                created_at=now,
                language="en",
            )
            session.add(p)
            await session.flush()
            session.add(
                Enrolment(
                    patient_id=p.id, protocol_id=protocol.id, active=True, next_due_at=DUE, missed_streak=0
                )
            )


@pytest.mark.parametrize("db", ["postgres"], indirect=True)
async def test_two_sweeps_at_once_open_each_check_in_exactly_once(
    rt: Runtime, clock: ManualClock, db: Database
) -> None:
    await _many_patients(rt, 300)
    clock.set(DUE)
    # Two services on two engines: two processes as far as PostgreSQL can tell.
    other_db = Database(
        PG_URL or "", connect_args={"server_settings": {"search_path": await search_path(db)}}
    )
    try:
        other = Service(other_db, clock, rt.engine, rt.hub)
        counts = await asyncio.gather(rt.service.send_due(batch=50), other.send_due(batch=50))
    finally:
        await other_db.dispose()
    async with db.session() as session:
        checkins = await session.scalar(select(func.count()).select_from(CheckIn))
        questions = await session.scalar(  # not the demo patients' opt-in notices, sent as they enrolled
            select(func.count()).select_from(OutboundMessage).where(OutboundMessage.kind != "info")
        )
    assert sum(counts) == 303  # 300 and the demo clinic's three
    assert checkins == 303
    assert questions == 303
    async with db.session() as session:
        dupes = (
            await session.execute(
                select(CheckIn.patient_id).group_by(CheckIn.patient_id).having(func.count() > 1)
            )
        ).all()
    assert dupes == []


@pytest.mark.parametrize("db", ["postgres"], indirect=True)
async def test_two_nurses_claiming_at_once_exactly_one_wins(rt: Runtime, db: Database) -> None:
    patient = await rt.service.patient(1, "MRN-100871")
    assert patient is not None
    outcome = (await rt.service.receive(patient, "simulator", "x1", "I passed out")).outcome
    assert outcome is not None
    assert outcome.case_id is not None
    async with db.session() as session:
        nurses = list(await session.scalars(select(Staff).where(Staff.role == "nurse").order_by(Staff.id)))

    async def claim(nurse: Staff) -> str:
        try:
            async with db.transaction() as session:
                await cases.claim(session, outcome.case_id or 0, nurse, rt.clock.now(), "api")
            return "won"
        except CaseError as exc:
            return f"lost: {exc}"

    for _ in range(5):
        results = await asyncio.gather(*(claim(n) for n in nurses))
        assert results.count("won") == 1
        assert all(r.startswith("lost: already claimed by") for r in results if r != "won")
        async with db.transaction() as session:
            from vigil.escalation.models import Case

            case = await session.get(Case, outcome.case_id)
            assert case is not None
            holder = case.claimed_by_id
            assert holder in {n.id for n in nurses}
            case.claimed_by_id = None  # release for the next round
