"""Consent by text over SMS, through the real twilio client against the fake Twilio server: a
patient enrolled on SMS gets the opt-in notice as their first text, before any check-in; YES
(SI) confirms it; a new number hears it again; a clinic that asks asks in the patient's language."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from sqlalchemy import update

from vigil.assembly import Runtime
from vigil.bot.channels.sms.gsm import fold
from vigil.core.clock import ManualClock
from vigil.core.models import Clinic, Patient
from vigil.escalation.triage.texts import say

from ....conftest import DUE, bearer
from . import test_sms
from .test_sms import text_in
from .twilio_api import FakeTwilio

# The SMS tests' fixtures: the fake Twilio server, the runtime with SMS on, a client.
twilio, sms_rt, sms_client = test_sms.twilio, test_sms.sms_rt, test_sms.sms_client

CLINIC = "Riverside Thoracic Oncology"
QUIET_ENDS = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)  # 08:00 in New York
IRIS, IRIS_NEW = "+16175550150", "+16175550151"
NEW = {
    "external_id": "MRN-200002",
    "name": "Iris Novak",
    "channel": "sms",
    "phone": IRIS,
    "timezone": "America/New_York",
    "protocol": "nsclc-weekly",
}


async def _enrol(rt: Runtime, client: httpx.AsyncClient, **more: str) -> Patient:
    admin = await bearer(rt, "admin@riverside.example")
    r = await client.post("/api/v1/patients", headers=admin, json={**NEW, **more})
    assert r.status_code == 201, r.text
    return await _patient(rt)


async def _patient(rt: Runtime) -> Patient:
    found = await rt.service.patient(1, NEW["external_id"])
    assert found is not None
    return found


def _to(twilio: FakeTwilio, number: str) -> list[str]:
    return [m["Body"] for m in twilio.sent if m["To"] == number]


async def test_a_patient_enrolled_on_sms_gets_the_opt_in_notice_as_the_first_text_and_yes_confirms_it(
    sms_rt: Runtime, sms_client: httpx.AsyncClient, clock: ManualClock, twilio: FakeTwilio
) -> None:
    await _enrol(sms_rt, sms_client)
    await sms_rt.service.dispatcher.drain()
    assert _to(twilio, IRIS) == []  # 07:00 in New York: held until the quiet hours end
    clock.set(QUIET_ENDS)
    await sms_rt.service.dispatcher.drain()
    assert _to(twilio, IRIS) == [say("text_notice", "en", clinic=CLINIC, emergency_number="911")]
    assert (await text_in(sms_client, "YES", "SMconsent1", sender=IRIS)).status_code == 200
    await sms_rt.service.dispatcher.drain()
    assert _to(twilio, IRIS)[-1] == "Thank you, that is confirmed. In an emergency call 911."
    consented = (await _patient(sms_rt)).consented_at
    assert consented is not None
    assert consented >= QUIET_ENDS  # the clock moved on while Twilio's pace was kept

    clock.set(DUE)
    await sms_rt.service.send_due()
    await sms_rt.service.dispatcher.drain()
    notice, _, question = _to(twilio, IRIS)
    assert notice.startswith(f"{CLINIC}: your care team has signed you up for check-ins by text.")
    assert question.startswith(f"{CLINIC}: time for your check-in.")


async def test_a_new_phone_number_hears_the_notice_again(
    sms_rt: Runtime, sms_client: httpx.AsyncClient, clock: ManualClock, twilio: FakeTwilio
) -> None:
    clock.set(QUIET_ENDS)
    await _enrol(sms_rt, sms_client)
    assert (await text_in(sms_client, "yes", "SMconsent2", sender=IRIS)).status_code == 200
    assert (await _patient(sms_rt)).consented_at is not None
    admin = await bearer(sms_rt, "admin@riverside.example")
    r = await sms_client.patch(
        f"/api/v1/patients/{NEW['external_id']}", headers=admin, json={"phone": IRIS_NEW}
    )
    assert r.status_code == 200, r.text
    iris = await _patient(sms_rt)
    assert (iris.status, iris.consented_at) == ("active", None)  # the new number has not said YES
    await sms_rt.service.dispatcher.drain()
    notice = say("text_notice", "en", clinic=CLINIC, emergency_number="911")
    assert _to(twilio, IRIS_NEW) == [notice]
    assert _to(twilio, IRIS)[0] == notice


async def test_a_clinic_that_asks_asks_a_spanish_speaker_in_spanish_and_si_is_her_yes(
    sms_rt: Runtime, sms_client: httpx.AsyncClient, clock: ManualClock, twilio: FakeTwilio
) -> None:
    async with sms_rt.db.transaction() as session:
        await session.execute(update(Clinic).values(text_consent="ask"))
    clock.set(QUIET_ENDS)
    await _enrol(sms_rt, sms_client, language="es")
    await sms_rt.service.dispatcher.drain()
    [asked] = _to(twilio, IRIS)
    assert asked.startswith(f"Hola, le escribimos de {CLINIC}.")
    assert asked.endswith("Puede enviar PARAR en cualquier momento. Responda SI o NO.")
    clock.set(DUE)
    await sms_rt.service.send_due()
    await sms_rt.service.dispatcher.drain()
    assert len(_to(twilio, IRIS)) == 1  # no check-in before her SI
    assert (await text_in(sms_client, "Si", "SMconsent3", sender=IRIS)).status_code == 200
    await sms_rt.service.dispatcher.drain()
    assert _to(twilio, IRIS)[-1] == fold(
        say("consent_yes", "es", emergency_number="911")
    )  # as SMS carries it
    iris = await _patient(sms_rt)
    assert (iris.status, iris.consented_at is not None) == ("active", True)


async def _act(client: httpx.AsyncClient, admin: dict[str, str], action: str) -> str:
    r = await client.post(f"/api/v1/patients/{NEW['external_id']}/{action}", headers=admin)
    assert r.status_code == 200, r.text
    return str(r.json()["done"])


async def test_a_number_changed_while_paused_hears_the_notice_when_resumed_before_any_check_in(
    sms_rt: Runtime, sms_client: httpx.AsyncClient, clock: ManualClock, twilio: FakeTwilio
) -> None:
    clock.set(QUIET_ENDS)
    await _enrol(sms_rt, sms_client)
    admin = await bearer(sms_rt, "admin@riverside.example")
    await _act(sms_client, admin, "pause")
    r = await sms_client.patch(
        f"/api/v1/patients/{NEW['external_id']}", headers=admin, json={"phone": IRIS_NEW}
    )
    assert r.status_code == 200, r.text
    await sms_rt.service.dispatcher.drain()
    assert _to(twilio, IRIS_NEW) == []  # paused: nothing goes to anyone yet
    assert "opt-in notice" in await _act(sms_client, admin, "resume")
    clock.set(DUE)
    await sms_rt.service.send_due()
    await sms_rt.service.dispatcher.drain()
    notice, question = _to(twilio, IRIS_NEW)
    assert notice == say("text_notice", "en", clinic=CLINIC, emergency_number="911")
    assert question.startswith(f"{CLINIC}: time for your check-in.")
    assert "opt-in notice" not in await _act(sms_client, admin, "pause")  # owed once, sent once


async def test_a_clinic_that_asks_gets_a_yes_from_a_new_number_before_a_resumed_check_in(
    sms_rt: Runtime, sms_client: httpx.AsyncClient, clock: ManualClock, twilio: FakeTwilio
) -> None:
    async with sms_rt.db.transaction() as session:
        await session.execute(update(Clinic).values(text_consent="ask"))
    clock.set(QUIET_ENDS)
    await _enrol(sms_rt, sms_client)
    assert (await text_in(sms_client, "YES", "SMconsent4", sender=IRIS)).status_code == 200
    admin = await bearer(sms_rt, "admin@riverside.example")
    await _act(sms_client, admin, "pause")
    r = await sms_client.patch(
        f"/api/v1/patients/{NEW['external_id']}", headers=admin, json={"phone": IRIS_NEW}
    )
    assert r.status_code == 200, r.text
    assert "no check-in until they reply YES" in await _act(sms_client, admin, "resume")
    assert (await _patient(sms_rt)).status == "awaiting_consent"
    clock.set(DUE)
    await sms_rt.service.send_due()
    await sms_rt.service.dispatcher.drain()
    [asked] = _to(twilio, IRIS_NEW)  # the question, and no check-in before the YES
    assert asked.endswith("Reply YES or NO.")
