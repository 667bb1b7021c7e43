"""Spanish end to end on the simulator: Rosa Delgado, the demo clinic's Spanish-speaking
patient, is told by text who writes and why (the opt-in notice her enrolment queued), confirms
it with "Sí" and is checked in in Spanish, her red flag gets the emergency advice
in Spanish, the nurse's case shows why with its evidence, and PARAR stops her check-ins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import OutboundMessage, Patient
from vigil.escalation.triage.texts import say
from vigil.scheduler.models import CheckIn, CheckInAnswer

from ..conftest import DUE

ROSA = "MRN-101552"
CLINIC = "Riverside Thoracic Oncology"
RED_FLAG = "tengo un dolor fuerte en la columna y las piernas flojas"
QUIET_ENDS = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)  # 08:00 in New York: the notice goes out


async def _rosa(rt: Runtime) -> Patient:
    patient = await rt.service.patient(1, ROSA)
    assert patient is not None
    return patient


async def _sent(rt: Runtime, patient_id: int) -> list[OutboundMessage]:
    async with rt.db.session() as session:
        mine = select(OutboundMessage).where(OutboundMessage.patient_id == patient_id)
        return list(await session.scalars(mine.order_by(OutboundMessage.id)))


async def test_a_spanish_speaker_is_asked_checked_in_and_kept_safe_in_spanish_and_parar_stops_it(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    rosa = await _rosa(rt)
    assert rosa.language == "es"

    async def write(text: str) -> None:
        clock.advance(minutes=1)
        r = await client.post(
            "/api/v1/simulator/messages", headers=auth, json={"external_id": ROSA, "text": text}
        )
        assert r.status_code == 202, r.text

    # Her enrolment queued the opt-in notice, in Spanish, held out of the quiet hours; "Sí"
    # confirms it (check-ins did not wait for it).
    [notice] = await _sent(rt, rosa.id)
    assert notice.text == say("text_notice", "es", clinic=CLINIC, emergency_number="911")
    assert notice.text.startswith("Riverside Thoracic Oncology: su equipo de salud le inscribió")
    assert "llame al 911. Responda PARAR para terminarlas, AYUDA para ayuda." in notice.text
    assert notice.text.endswith("Responda PARAR para terminarlas, AYUDA para ayuda.")
    assert (notice.buttons, notice.next_attempt_at, rosa.status) == (None, QUIET_ENDS, "active")
    clock.set(QUIET_ENDS)
    await rt.service.dispatcher.dispatch_once()
    assert (await _sent(rt, rosa.id))[0].status == "delivered"
    assert rosa.consented_at is None
    await write("Sí")
    rosa = await _rosa(rt)
    assert (rosa.status, rosa.consented_at is not None) == ("active", True)
    assert (await _sent(rt, rosa.id))[
        -1
    ].text == "Gracias, queda confirmado. En una emergencia, llame al 911."

    # The check-in, in Spanish: the clinic's Spanish question, Vigil's Spanish intro and hint.
    clock.set(DUE)
    assert await rt.service.send_due() == 3
    await rt.service.dispatcher.dispatch_once()
    question = (await _sent(rt, rosa.id))[-1]
    assert question.kind == "question"
    assert question.status == "delivered"  # through the simulator channel
    assert question.text == (
        "Riverside Thoracic Oncology: es hora de su seguimiento. ¿Qué tan fuerte es hoy su dolor de "
        "espalda, de 0 (nada) a 10 (el peor)? Responda con un número del 0 al 10."
    )

    # Her answer is a red flag: the emergency advice, in Spanish, goes first; the check-in stops.
    await write(RED_FLAG)
    said = await _sent(rt, rosa.id)
    [safety] = [m for m in said if m.kind == "safety"]
    assert "Llame al 911 ahora mismo" in safety.text
    async with rt.db.session() as session:
        checkin = await session.scalar(select(CheckIn).where(CheckIn.patient_id == rosa.id))
        answer = await session.scalar(
            select(CheckInAnswer.text).join(CheckIn).where(CheckIn.patient_id == rosa.id)
        )
    assert checkin is not None
    assert checkin.status == "stopped"
    assert answer == RED_FLAG

    # The nurse's case: emergency, each reason with the words of hers that triggered it.
    cases = (await client.get("/api/v1/cases", headers=auth)).json()["cases"]
    [mine] = [c for c in cases if c["patient"]["external_id"] == ROSA]
    case: dict[str, Any] = (await client.get(f"/api/v1/cases/{mine['id']}", headers=auth)).json()
    assert case["level"] == "emergency"
    rules = {r["rule"] for r in case["reasons"]}
    assert "mscc-neuro" in rules
    for reason in case["reasons"]:
        assert reason["evidence"], reason
        assert RED_FLAG[reason["start"] : reason["end"]] == reason["evidence"], reason
    evidence = {r["concept"]: r["evidence"] for r in case["reasons"]}
    assert "columna" in evidence["back_pain"]
    assert "piernas flojas" in evidence["limb_weakness"] or "flojas" in evidence["limb_weakness"]

    # PARAR: confirmed in Spanish, and no check-in at the next due time.
    await write("PARAR")
    rosa = await _rosa(rt)
    assert rosa.status == "opted_out"
    confirmation = (await _sent(rt, rosa.id))[-1]
    assert confirmation.text.startswith("No recibirá más preguntas de seguimiento de Riverside")
    before = len(await _sent(rt, rosa.id))
    clock.set(DUE + timedelta(days=3))  # Thursday 10:00 in New York: the next check-in is due
    assert await rt.service.send_due() == 3  # her schedule moves on with the others'
    after = await _sent(rt, rosa.id)
    assert len(after) == before
    async with rt.db.session() as session:
        opened = list(await session.scalars(select(CheckIn.id).where(CheckIn.patient_id == rosa.id)))
    assert len(opened) == 1  # Monday's only
