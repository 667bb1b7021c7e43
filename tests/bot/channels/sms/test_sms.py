"""SMS end to end: the real twilio client against a fake Twilio REST API on 127.0.0.1,
and inbound webhooks signed with the real RequestValidator."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from sqlalchemy import func, select, update
from twilio.request_validator import RequestValidator

from vigil.assembly import Runtime, build_runtime
from vigil.bot.models import InboundMessage
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import OutboundMessage, Patient, Staff
from vigil.core.settings import Settings
from vigil.escalation.models import Case, CaseEvent
from vigil.web.app import create_app

from ....conftest import DUE
from .twilio_api import ACCOUNT, TOKEN, FakeTwilio, running

PUBLIC = "https://vigil.example"
WALTER = "+16175550199"


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
        twilio_from="+16175550000",
        twilio_api_url=twilio.url,
    )
    runtime = build_runtime(settings, clock=clock, db=db)
    async with db.transaction() as session:
        await session.execute(update(Patient).where(Patient.phone == WALTER).values(channel="sms"))
    yield runtime
    await runtime.service.channels["sms"].close()  # type: ignore[attr-defined]


@pytest.fixture
async def sms_client(sms_rt: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(sms_rt, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as c:
        yield c


def signed(path: str, params: dict[str, str], token: str = TOKEN) -> dict[str, str]:
    return {"X-Twilio-Signature": RequestValidator(token).compute_signature(PUBLIC + path, params)}


async def text_in(client: httpx.AsyncClient, body: str, sid: str, sender: str = WALTER) -> httpx.Response:
    params = {"MessageSid": sid, "From": sender, "To": "+16175550000", "Body": body, "AccountSid": ACCOUNT}
    return await client.post(
        "/webhooks/twilio/sms", data=params, headers=signed("/webhooks/twilio/sms", params)
    )


async def count(rt: Runtime, model: type) -> int:
    async with rt.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_check_in_goes_out_through_twilio_with_a_callback_and_a_validity_period(
    sms_rt: Runtime, clock: ManualClock, twilio: FakeTwilio
) -> None:
    clock.set(DUE)
    await sms_rt.service.send_due()
    await sms_rt.service.dispatcher.dispatch_once()
    [sent] = twilio.sent
    assert (sent["To"], sent["From"]) == (WALTER, "+16175550000")
    assert sent["StatusCallback"] == f"{PUBLIC}/webhooks/twilio/status"
    assert sent["ValidityPeriod"] == "14400"
    assert "Reply with a number from 0 to 10" in sent["Body"]
    async with sms_rt.db.session() as session:
        row = await session.scalar(select(OutboundMessage).where(OutboundMessage.channel == "sms"))
    assert row is not None
    assert (row.status, row.provider_id) == ("sent", sent["Sid"])


async def test_a_red_flag_by_sms_opens_an_emergency_and_the_safety_reply_goes_by_sms(
    sms_rt: Runtime, sms_client: httpx.AsyncClient, twilio: FakeTwilio
) -> None:
    r = await text_in(sms_client, "my back is killing me and my legs feel weak", "SM1")
    assert r.status_code == 200
    assert r.text == '<?xml version="1.0" encoding="UTF-8"?><Response/>'
    async with sms_rt.db.session() as session:
        case = await session.scalar(select(Case))
    assert case is not None
    assert case.level == "emergency"
    await sms_rt.service.dispatcher.dispatch_once()
    assert any("call 911" in m["Body"] for m in twilio.sent)


async def test_a_wrong_signature_is_403_and_nothing_is_stored(
    sms_rt: Runtime, sms_client: httpx.AsyncClient
) -> None:
    params = {"MessageSid": "SM2", "From": WALTER, "Body": "I passed out"}
    bad = signed("/webhooks/twilio/sms", params, token="not-the-token")
    assert (await sms_client.post("/webhooks/twilio/sms", data=params, headers=bad)).status_code == 403
    assert (await sms_client.post("/webhooks/twilio/sms", data=params)).status_code == 403
    tampered = {**params, "Body": "all fine"}
    r = await sms_client.post(
        "/webhooks/twilio/sms", data=tampered, headers=signed("/webhooks/twilio/sms", params)
    )
    assert r.status_code == 403
    assert await count(sms_rt, InboundMessage) == 0


async def test_a_repeated_message_sid_is_a_no_op(sms_rt: Runtime, sms_client: httpx.AsyncClient) -> None:
    for _ in range(3):
        assert (await text_in(sms_client, "I passed out", "SM3")).status_code == 200
    assert await count(sms_rt, InboundMessage) == 1


async def test_an_unknown_number_gets_one_short_answer_with_no_patient_data(
    sms_rt: Runtime, sms_client: httpx.AsyncClient, twilio: FakeTwilio
) -> None:
    for sid in ("SM4", "SM4", "SM5"):
        assert (await text_in(sms_client, "hello", sid, sender="+447700900123")).status_code == 200
    await sms_rt.service.dispatcher.drain()
    assert await count(sms_rt, InboundMessage) == 0
    [answer] = [m for m in twilio.sent if m["To"] == "+447700900123"]
    assert "does not know yours" in answer["Body"]
    assert "Riverside" not in answer["Body"]


async def test_a_nurse_acknowledges_and_claims_a_page_with_a_short_code(
    sms_rt: Runtime, sms_client: httpx.AsyncClient, twilio: FakeTwilio, clock: ManualClock
) -> None:
    async with sms_rt.db.transaction() as session:
        await session.execute(update(Staff).values(notify_by="sms"))
    await text_in(sms_client, "I coughed up a lot of blood", "SM20")
    await sms_rt.service.dispatcher.drain()
    async with sms_rt.db.session() as session:
        case = await session.scalar(select(Case))
    assert case is not None
    pages = [m["Body"] for m in twilio.sent if f"case #{case.id}" in m["Body"]]
    assert pages
    assert f"Reply {case.id}a to acknowledge, {case.id}c to claim" in pages[0]
    ben = "+16175550102"
    for _ in range(2):  # Twilio delivering the same text twice acts once
        await text_in(sms_client, f"{case.id}A", "SM21", sender=ben)
    await text_in(sms_client, f" #{case.id} c ", "SM22", sender=ben)
    await text_in(sms_client, "999a", "SM23", sender=ben)
    assert (await text_in(sms_client, "99999999999a", "SM25", sender=ben)).status_code == 200
    await text_in(sms_client, "what?", "SM24", sender=ben)
    for _ in range(10):
        await sms_rt.service.dispatcher.drain()
        clock.advance(seconds=2)
    async with sms_rt.db.session() as session:
        held = await session.get(Case, case.id)
        kinds = list(await session.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case.id)))
    assert held is not None
    assert held.status == "acknowledged"
    assert held.claimed_by_id is not None
    assert kinds.count("acknowledged") == 1
    answers = [m["Body"] for m in twilio.sent if m["To"] == ben and "needs a nurse" not in m["Body"]]
    assert answers == [
        f"Case #{case.id} acknowledged.",
        f"Case #{case.id} claimed.",
        "There is no case #999 in your clinic.",
        "To answer a page, reply with its case number and a to acknowledge or c to claim, e.g. 12a.",
        "To answer a page, reply with its case number and a to acknowledge or c to claim, e.g. 12a.",
    ]


@pytest.mark.parametrize(
    "word", ["STOP", "stopall", "Unsubscribe", "CANCEL", "end", "QUIT", "revoke", "OPTOUT"]
)
async def test_carrier_stop_words_opt_out(sms_rt: Runtime, sms_client: httpx.AsyncClient, word: str) -> None:
    await text_in(sms_client, word, "SM5")
    async with sms_rt.db.session() as session:
        assert await session.scalar(select(Patient.status).where(Patient.phone == WALTER)) == "opted_out"
    await text_in(sms_client, "UNSTOP", "SM6")
    async with sms_rt.db.session() as session:
        assert await session.scalar(select(Patient.status).where(Patient.phone == WALTER)) == "active"


async def test_transient_errors_retry_and_an_unsubscribed_number_is_final(
    sms_rt: Runtime, clock: ManualClock, twilio: FakeTwilio
) -> None:
    clock.set(DUE)
    await sms_rt.service.send_due()
    twilio.fail_next(429, 20429)
    twilio.fail_next(500)
    await sms_rt.service.dispatcher.dispatch_once()
    clock.advance(minutes=15)
    await sms_rt.service.dispatcher.dispatch_once()
    clock.advance(minutes=15)
    await sms_rt.service.dispatcher.dispatch_once()
    assert len(twilio.sent) == 1  # delivered on the third try
    twilio.fail_next(400, 21610)
    patient = await sms_rt.service.patient(1, "MRN-100234")
    assert patient is not None
    await sms_rt.service.receive(patient, "sms", "SM7", "HELP")
    await sms_rt.service.dispatcher.dispatch_once()
    async with sms_rt.db.session() as session:
        assert await session.scalar(select(Patient.status).where(Patient.phone == WALTER)) == "opted_out"
        failed = await session.scalar(select(OutboundMessage).where(OutboundMessage.status == "failed"))
    assert failed is not None
    assert "21610" in (failed.error or "")


async def test_status_callbacks_only_move_forward(
    sms_rt: Runtime, sms_client: httpx.AsyncClient, clock: ManualClock, twilio: FakeTwilio
) -> None:
    clock.set(DUE)
    await sms_rt.service.send_due()
    await sms_rt.service.dispatcher.dispatch_once()
    sid = twilio.sent[0]["Sid"]

    async def status(value: str, code: str | None = None) -> int:
        params = {"MessageSid": sid, "MessageStatus": value, **({"ErrorCode": code} if code else {})}
        r = await sms_client.post(
            "/webhooks/twilio/status", data=params, headers=signed("/webhooks/twilio/status", params)
        )
        return r.status_code

    assert await status("delivered") == 204
    assert await status("sent") == 204  # late
    async with sms_rt.db.session() as session:
        row = await session.scalar(select(OutboundMessage).where(OutboundMessage.provider_id == sid))
    assert row is not None
    assert row.status == "delivered"
    assert await status("undelivered", "30006") == 204
    async with sms_rt.db.session() as session:
        assert await session.scalar(select(Patient.status).where(Patient.phone == WALTER)) == "unreachable"
    bad = {"MessageSid": sid, "MessageStatus": "delivered"}
    r = await sms_client.post("/webhooks/twilio/status", data=bad, headers={"X-Twilio-Signature": "nope"})
    assert r.status_code == 403


async def test_a_red_flag_question_by_sms_says_reply_yes_or_no_and_no_walks_on(
    sms_rt: Runtime, sms_client: httpx.AsyncClient, twilio: FakeTwilio
) -> None:
    await text_in(sms_client, "my neck has been really sore", "SM60")
    await sms_rt.service.dispatcher.drain()
    question = [m["Body"] for m in twilio.sent if m["To"] == WALTER][-1]
    assert question.endswith("Reply YES or NO.")
    assert "weak or heavy" in question
    await text_in(sms_client, "NO", "SM61")
    await sms_rt.service.dispatcher.drain()
    nxt = [m["Body"] for m in twilio.sent if m["To"] == WALTER][-1]
    assert "numbness" in nxt
    await text_in(sms_client, "YES", "SM62")
    await sms_rt.service.dispatcher.drain()
    async with sms_rt.db.session() as session:
        case = await session.scalar(select(Case))
    assert case is not None
    assert case.level == "emergency"
