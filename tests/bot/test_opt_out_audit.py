"""When and how a patient or a carer stopped or restarted texting is kept in the audit log:
STOP, PAUSE and START that change a state are audited as that person, with the keyword they
sent; one that changes nothing (STOP twice) is not."""

from __future__ import annotations

from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.models import AuditEvent

from .test_carers import WALTER, _patient, add_carer


async def _audited(rt: Runtime, actor: str) -> list[tuple[str, str, dict[str, object]]]:
    async with rt.db.session() as session:
        rows = await session.execute(
            select(AuditEvent.action, AuditEvent.subject_type, AuditEvent.detail)
            .where(AuditEvent.actor == actor)
            .order_by(AuditEvent.id)
        )
        return [(a, s, d) for a, s, d in rows.all()]


async def test_stop_pause_and_start_from_the_patient_are_audited_once_each(rt: Runtime) -> None:
    walter = await _patient(rt)
    await rt.service.receive(walter, "simulator", "w1", "Stop")
    await rt.service.receive(walter, "simulator", "w2", "STOP")  # already stopped: nothing new
    await rt.service.receive(walter, "simulator", "w3", "START")
    await rt.service.receive(walter, "simulator", "w4", "pause")
    await rt.service.receive(walter, "simulator", "w5", "start")
    events = await _audited(rt, f"patient:{WALTER}")
    assert [(a, s) for a, s, _ in events] == [
        ("opted_out", "patient"),
        ("opted_in", "patient"),
        ("paused", "patient"),
        ("opted_in", "patient"),
    ]
    assert events[0][2]["keyword"] == "Stop"
    assert events[0][2]["channel"] == "simulator"


async def test_stop_and_start_from_a_carer_are_audited_as_the_carer(rt: Runtime) -> None:
    walter = await _patient(rt)
    ana = await add_carer(rt)
    await rt.service.receive(walter, "simulator", "c1", "STOP", carer=ana)
    await rt.service.receive(walter, "simulator", "c2", "START", carer=ana)
    assert [(a, s) for a, s, _ in await _audited(rt, f"carer:{ana.id}")] == [
        ("opted_out", "carer"),
        ("opted_in", "carer"),
    ]
    assert await _audited(rt, f"patient:{WALTER}") == []
