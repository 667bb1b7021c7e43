"""The demo clinic with a record to export: a week of check-ins answered, cases opened,
one resolved with a disposition and a note, a nurse's reply. Shared by the FHIR tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import Clinic, Staff
from vigil.escalation.models import Case
from vigil.web.api import send_reply

from ..conftest import DUE, NURSE

WALTER, MARIA = "MRN-100234", "MRN-100871"


@dataclass
class Record:
    clinic: Clinic
    walter_case: int
    maria_case: int


async def say(rt: Runtime, clock: ManualClock, external_id: str, text: str) -> None:
    clock.advance(minutes=2)
    patient = await rt.service.patient(1, external_id)
    assert patient is not None
    await rt.service.receive(patient, "simulator", f"sim-{clock.now().timestamp()}-{external_id}", text)


async def demo_record(rt: Runtime, clock: ManualClock) -> Record:
    clock.set(DUE)
    assert await rt.service.send_due() == 3  # Walter, Maria and Rosa
    for answer in ("3", "no", "no", "nothing else thanks"):  # Maria: back pain 3 is routine
        await say(rt, clock, MARIA, answer)
    await say(rt, clock, WALTER, "8")  # Walter: back pain 8 of 10
    await say(rt, clock, WALTER, "and now my legs feel weak")  # emergency
    async with rt.db.session() as session:
        nurse = await session.scalar(select(Staff).where(Staff.email == NURSE))
        clinic = await session.scalar(select(Clinic).where(Clinic.slug == "riverside-thoracic"))
        cases = {c.patient_id: c.id for c in await session.scalars(select(Case))}
    assert nurse is not None
    assert clinic is not None
    walter = await rt.service.patient(1, WALTER)
    maria = await rt.service.patient(1, MARIA)
    assert walter is not None
    assert maria is not None
    clock.advance(minutes=3)
    await rt.service.act(nurse, cases[walter.id], "claim", "api")
    await send_reply(rt, nurse, cases[walter.id], "Calling you now, stay where you are.", "api")
    clock.advance(hours=1)
    await rt.service.act(
        nurse,
        cases[maria.id],
        "resolve",
        "api",
        disposition="advice_given",
        note="Called: paracetamol, rest.",
    )
    clock.advance(timedelta(days=1))
    return Record(clinic, cases[walter.id], cases[maria.id])
