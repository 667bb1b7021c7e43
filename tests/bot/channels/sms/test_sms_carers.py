"""A carer texting about the patient, through the real twilio client and signed webhooks."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.models import OutboundMessage, Patient
from vigil.escalation.models import Case

from ....conftest import opt_in_notice
from ...test_carers import ANA_PHONE, add_carer
from . import test_sms
from .test_sms import text_in
from .twilio_api import FakeTwilio

WALTER = "MRN-100234"
# The SMS tests' fixtures: the fake Twilio server, the runtime with SMS on, a client.
twilio, sms_rt, sms_client = test_sms.twilio, test_sms.sms_rt, test_sms.sms_client


async def test_a_carers_sms_about_the_patient_opens_the_patients_case_and_the_safety_reply_goes_to_the_carer(
    sms_rt: Runtime,
    sms_client: httpx.AsyncClient,
    twilio: FakeTwilio,
) -> None:
    ana = await add_carer(sms_rt, channel="sms")
    r = await text_in(sms_client, "he can't feel his legs", "SMc1", sender=ANA_PHONE)
    assert r.status_code == 200
    async with sms_rt.db.session() as session:
        case = await session.scalar(select(Case))
        walter = await session.scalar(select(Patient).where(Patient.external_id == WALTER))
    assert case is not None
    assert walter is not None
    assert (case.patient_id, case.level) == (walter.id, "emergency")
    await sms_rt.service.dispatcher.dispatch_once()
    to_ana = [m for m in twilio.sent if m["To"] == ANA_PHONE]
    assert any("call 911" in m["Body"] for m in to_ana)
    assert not any(m["To"] == walter.phone for m in twilio.sent)
    async with sms_rt.db.session() as session:
        [safety] = await session.scalars(select(OutboundMessage).where(OutboundMessage.kind == "safety"))
    assert (safety.carer_id, safety.patient_id) == (ana.id, walter.id)


async def test_a_carers_number_without_the_patients_consent_is_still_a_stranger(
    sms_rt: Runtime,
    sms_client: httpx.AsyncClient,
    twilio: FakeTwilio,
) -> None:
    await add_carer(sms_rt, channel="sms", consent=False)
    await text_in(sms_client, "he can't feel his legs", "SMc2", sender=ANA_PHONE)
    async with sms_rt.db.session() as session:
        assert await session.scalar(select(Case)) is None
        # Besides the opt-in notices the demo's import queued, only the stranger's answer.
        *notices, said = await session.scalars(select(OutboundMessage).order_by(OutboundMessage.id))
    assert {(n.kind, n.text) for n in notices} == {("info", opt_in_notice()), ("info", opt_in_notice("es"))}
    assert (said.kind, said.patient_id, said.clinic_id) == ("stranger", None, None)


async def test_stop_from_a_carers_phone_stops_only_the_carer(
    sms_rt: Runtime,
    sms_client: httpx.AsyncClient,
    twilio: FakeTwilio,
) -> None:
    ana = await add_carer(sms_rt, channel="sms")
    await text_in(sms_client, "STOP", "SMc3", sender=ANA_PHONE)
    async with sms_rt.db.session() as session:
        walter = await session.scalar(select(Patient).where(Patient.external_id == WALTER))
        carer = await session.get(type(ana), ana.id)
    assert walter is not None
    assert walter.status == "active"
    assert carer is not None
    assert carer.opted_out_at is not None


async def test_twilio_saying_a_carers_number_unsubscribed_stops_only_the_carer(
    sms_rt: Runtime,
    sms_client: httpx.AsyncClient,
    twilio: FakeTwilio,
) -> None:
    ana = await add_carer(sms_rt, channel="sms")
    twilio.fail_next(400, 21610)
    async with sms_rt.db.session() as session:
        walter = await session.scalar(select(Patient).where(Patient.external_id == WALTER))
    assert walter is not None
    await sms_rt.service.receive(walter, "sms", "SMc4", "HELP", carer=ana)
    await sms_rt.service.dispatcher.dispatch_once()
    async with sms_rt.db.session() as session:
        carer = await session.get(type(ana), ana.id)
        patient = await session.get(Patient, walter.id)
    assert carer is not None
    assert carer.opted_out_at is not None
    assert patient is not None
    assert patient.status == "active"
