"""Spanish end to end by SMS: the real twilio client against the fake Twilio REST API on
127.0.0.1, and inbound webhooks signed with the real RequestValidator. Rosa Delgado, the demo
clinic's Spanish-speaking patient, is moved to SMS through the patients API: the consent
question that move sends, her check-in and the emergency advice in Spanish, the nurse's case
with its evidence, and PARAR stopping her check-ins. Vigil writes Spanish with its accents;
by SMS they arrive folded into GSM-7 (á to a; é, ñ, ¿ kept), one segment per 160
characters, and a nurse's reply goes the same way."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select, update

from vigil.assembly import Runtime, build_runtime
from vigil.bot import enrolment
from vigil.bot.channels.sms.gsm import fold, is_gsm7, segments
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Clinic, Patient
from vigil.core.settings import Settings
from vigil.escalation.triage.texts import say
from vigil.scheduler.models import CheckIn
from vigil.web.app import create_app

from ....conftest import DUE, make_token
from .test_sms import PUBLIC, signed
from .twilio_api import ACCOUNT, TOKEN, FakeTwilio, running

ROSA = "+16175550166"
FROM = "+16175550000"
QUIET_ENDS = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)  # 08:00 in New York
RED_FLAG = "tengo un dolor fuerte en la columna y las piernas flojas"


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    with running() as fake:
        yield fake


@pytest.fixture
async def sms_rt(rt: Runtime, db: Database, clock: ManualClock, twilio: FakeTwilio) -> AsyncIterator[Runtime]:
    settings = Settings(
        database_url=db.url,
        secret_key="test-secret-key-0123456789",
        public_url=PUBLIC,
        twilio_account_sid=ACCOUNT,
        twilio_auth_token=TOKEN,
        twilio_from=FROM,
        twilio_api_url=twilio.url,
    )
    runtime = build_runtime(settings, clock=clock, db=db)
    yield runtime
    await runtime.service.channels["sms"].close()  # type: ignore[attr-defined]


@pytest.fixture
async def sms_client(sms_rt: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(sms_rt, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as c:
        yield c


async def text_in(client: httpx.AsyncClient, body: str, sid: str) -> None:
    params = {"MessageSid": sid, "From": ROSA, "To": FROM, "Body": body, "AccountSid": ACCOUNT}
    r = await client.post("/webhooks/twilio/sms", data=params, headers=signed("/webhooks/twilio/sms", params))
    assert r.status_code == 200, r.text


def to_rosa(twilio: FakeTwilio) -> list[str]:
    return [m["Body"] for m in twilio.sent if m["To"] == ROSA]


async def test_by_sms_a_spanish_speaker_is_asked_checked_in_and_kept_safe_in_spanish_and_parar_stops_it(
    sms_rt: Runtime,
    sms_client: httpx.AsyncClient,
    twilio: FakeTwilio,
    clock: ManualClock,
    auth: dict[str, str],
) -> None:
    # The clinic asks for a YES by text first; Rosa moves to SMS through the patients API, the
    # door an admin uses, and that move sends her the consent question, in Spanish, folded
    # into GSM-7 (fewer segments than as written, in UCS-2).
    async with sms_rt.db.transaction() as session:
        await session.execute(update(Clinic).values(text_consent="ask"))
    admin = {"Authorization": f"Bearer {await make_token(sms_rt, 'admin@riverside.example')}"}
    r = await sms_client.patch("/api/v1/patients/MRN-101552", headers=admin, json={"channel": "sms"})
    assert r.status_code == 200, r.text
    await sms_rt.service.dispatcher.drain()
    assert to_rosa(twilio) == []  # 07:00 in New York: held to the end of the quiet hours
    clock.set(QUIET_ENDS)
    await sms_rt.service.dispatcher.drain()
    [consent] = to_rosa(twilio)
    async with sms_rt.db.session() as session:
        clinic = await session.scalar(select(Clinic))
    assert clinic is not None
    written = enrolment.text_consent_text(clinic, "es")
    assert "¿Acepta recibir preguntas de seguimiento aquí?" in written
    assert written.endswith("Responda SÍ o NO.")
    assert consent.startswith("Hola, le escribimos de Riverside Thoracic Oncology.")
    assert "¿Acepta recibir preguntas de seguimiento aqui?" in consent  # ¿ is GSM-7, í is not
    assert "cómo se" not in consent
    assert "como se siente" in consent
    assert consent.endswith("Responda SI o NO.")
    assert is_gsm7(consent)
    assert segments(consent) < segments(written)
    assert twilio.sent[-1]["Body"] == consent  # what Twilio was given, not a later rewrite
    clock.advance(minutes=1)
    await text_in(sms_client, "Sí", "SMes1")
    await sms_rt.service.dispatcher.drain()
    assert to_rosa(twilio)[-1] == fold(say("consent_yes", "es", emergency_number="911"))

    # The check-in by SMS, all of it in Spanish and within GSM-7.
    clock.set(DUE)
    await sms_rt.service.send_due()
    await sms_rt.service.dispatcher.dispatch_once()
    question = to_rosa(twilio)[-1]
    assert question == (
        "Riverside Thoracic Oncology: es hora de su seguimiento. ¿Qué tan fuerte es hoy su dolor de "
        "espalda, de 0 (nada) a 10 (el peor)? Responda con un numero del 0 al 10."
    )  # "número" as written; "Qué" keeps its é, which GSM-7 has
    assert is_gsm7(question)
    assert (len(question), segments(question)) == (163, 2)  # as written, UCS-2: 3

    # Her answer: the emergency advice by SMS, in Spanish.
    clock.advance(minutes=2)
    await text_in(sms_client, RED_FLAG, "SMes2")
    await sms_rt.service.dispatcher.dispatch_once()
    advice = to_rosa(twilio)[-1]
    assert "Llame al 911 ahora mismo" in advice

    # The nurse's case (API): emergency, each reason with the words of hers that triggered it.
    cases = (await sms_client.get("/api/v1/cases", headers=auth)).json()["cases"]
    [mine] = [c for c in cases if c["patient"]["name"] == "Rosa Delgado"]
    case = (await sms_client.get(f"/api/v1/cases/{mine['id']}", headers=auth)).json()
    assert case["level"] == "emergency"
    assert "mscc-neuro" in {r["rule"] for r in case["reasons"]}
    for reason in case["reasons"]:
        assert reason["evidence"]
        assert RED_FLAG[reason["start"] : reason["end"]] == reason["evidence"], reason
    assert {"back_pain", "limb_weakness"} <= {r["concept"] for r in case["reasons"]}

    # The nurse's reply goes the same way: folded when it can be, as typed when it cannot.
    for typed in (
        "Rosa, soy Ana, la enfermera. ¿Llamó usted al 911? Le llamo en 5 minutos…",
        "Rosa, ¿ya llegó la ambulancia? 🙏",
    ):
        r = await sms_client.post(f"/api/v1/cases/{mine['id']}/reply", headers=auth, json={"text": typed})
        assert r.status_code == 200, r.text
        await sms_rt.service.dispatcher.dispatch_once()
    folded, as_typed = to_rosa(twilio)[-2:]
    assert folded == "Rosa, soy Ana, la enfermera. ¿Llamo usted al 911? Le llamo en 5 minutos..."
    assert is_gsm7(folded)
    assert segments(folded) == 1
    assert as_typed == "Rosa, ¿ya llegó la ambulancia? 🙏"  # an emoji has no GSM-7 form: UCS-2

    # PARAR by SMS: confirmed in Spanish; nothing goes out at the next due time.
    clock.advance(minutes=5)
    await text_in(sms_client, "PARAR", "SMes3")
    await sms_rt.service.dispatcher.dispatch_once()
    # "recibirá más" as written
    assert to_rosa(twilio)[-1].startswith("No recibira mas preguntas de seguimiento de Riverside")
    sent = len(to_rosa(twilio))
    clock.set(DUE + timedelta(days=3))  # Thursday 10:00 in New York
    await sms_rt.service.send_due()
    await sms_rt.service.dispatcher.dispatch_once()
    assert len(to_rosa(twilio)) == sent
    async with sms_rt.db.session() as session:
        checkins = list(
            await session.scalars(select(CheckIn.status).join(Patient).where(Patient.phone == ROSA))
        )
    assert checkins == ["stopped"]  # Monday's, stopped by the red flag; none opened since
