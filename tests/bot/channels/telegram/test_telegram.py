"""Telegram end to end: the real python-telegram-bot against a fake Bot API on 127.0.0.1,
updates posted to POST /webhooks/telegram as Telegram posts them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update

from vigil.assembly import Runtime, build_runtime
from vigil.bot.models import InboundMessage, Invite
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import AuditEvent, OutboundMessage, Patient, Staff
from vigil.core.settings import Settings
from vigil.escalation.models import Case, CaseEvent
from vigil.escalation.triage.texts import say
from vigil.scheduler.models import CheckInAnswer, Enrolment
from vigil.web.app import create_app

from ....conftest import DUE, NURSE, make_token
from .telegram_api import TOKEN, FakeTelegram, button, running
from .telegram_api import update as text_update

PUBLIC = "https://vigil.example"
SECRET = "webhook-secret-0123456789"
MARIA = 700000555  # the demo clinic's Telegram patient
ANA = 700000101  # the demo clinic's nurse who is paged on Telegram
NEW_CHAT = 812345678
CLINIC = "Riverside Thoracic Oncology"


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    with running() as fake:
        yield fake


def _settings(db: Database, telegram: FakeTelegram, secret: str | None = SECRET) -> Settings:
    return Settings(
        database_url=db.url,
        secret_key="test-secret-key-0123456789",
        public_url=PUBLIC,
        telegram_token=TOKEN,
        telegram_api_url=telegram.api_url,
        telegram_webhook_secret=secret,
    )


@pytest.fixture
async def tg_rt(
    rt: Runtime, db: Database, clock: ManualClock, telegram: FakeTelegram
) -> AsyncIterator[Runtime]:
    runtime = build_runtime(_settings(db, telegram), clock=clock, db=db)
    async with db.transaction() as session:
        await session.execute(
            update(Patient).where(Patient.telegram_chat_id == MARIA).values(channel="telegram")
        )
    yield runtime
    assert "telegram" in runtime.doors
    await runtime.doors["telegram"].stop()


@pytest.fixture
async def tg(tg_rt: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(tg_rt, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as c:
        yield c


async def settle(rt: Runtime, *, within: float = 5.0) -> None:
    """Send everything due, moving the manual clock over paced slots (not over back-offs)."""
    assert isinstance(rt.clock, ManualClock)
    for _ in range(50):
        await rt.service.dispatcher.drain()
        soonest = rt.service.dispatcher.soonest()
        if soonest is None or (soonest - rt.clock.now()).total_seconds() > within:
            return
        rt.clock.set(max(rt.clock.now(), soonest))


class Chat:
    """Posts updates as Telegram would, with increasing update ids."""

    next_id = 1000

    def __init__(self, client: httpx.AsyncClient, rt: Runtime, chat_id: int) -> None:
        self.client, self.rt, self.chat_id = client, rt, chat_id

    async def post(self, body: dict[str, Any], secret: str | None = SECRET) -> httpx.Response:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        return await self.client.post("/webhooks/telegram", json=body, headers=headers)

    def _id(self) -> int:
        Chat.next_id += 1
        return Chat.next_id

    async def say(self, text: str) -> httpx.Response:
        r = await self.post(text_update(self._id(), self.chat_id, text))
        await settle(self.rt)
        return r

    async def press(self, data: str) -> httpx.Response:
        r = await self.post(button(self._id(), self.chat_id, data))
        await settle(self.rt)
        return r


async def _count(rt: Runtime, model: type) -> int:
    async with rt.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _patient(rt: Runtime, external_id: str = "MRN-100871") -> Patient:
    async with rt.db.session() as session:
        patient = await session.scalar(select(Patient).where(Patient.external_id == external_id))
    assert patient is not None
    return patient


async def _invite(tg: httpx.AsyncClient, rt: Runtime, external_id: str = "MRN-100871") -> str:
    token = await make_token(rt, "admin@riverside.example")  # moving a patient to Telegram is an admin's
    r = await tg.post(f"/api/v1/patients/{external_id}/invite", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201, r.text
    link = r.json()["link"]
    assert link.startswith("https://t.me/vigil_test_bot?start=")
    return str(link.split("start=", 1)[1])


async def test_invite_consent_check_in_and_a_red_flag_reach_the_nurse_who_acknowledges_from_telegram(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram, clock: ManualClock
) -> None:
    token = await _invite(tg, tg_rt)
    patient = Chat(tg, tg_rt, NEW_CHAT)
    assert (await patient.say(f"/start {token}")).status_code == 200
    linked = await _patient(tg_rt)
    assert (linked.telegram_chat_id, linked.status) == (NEW_CHAT, "awaiting_consent")
    assert "Do you agree" in telegram.to(NEW_CHAT)[0]
    assert telegram.buttons(NEW_CHAT)[0][0][0]["callback_data"] == "consent:yes"

    clock.set(DUE)  # consent not given yet: the due check-in is not sent
    await tg_rt.service.send_due()
    await settle(tg_rt)
    assert len(telegram.to(NEW_CHAT)) == 1

    await patient.press("consent:yes")
    assert (await _patient(tg_rt)).status == "active"
    clock.set(DUE + timedelta(days=7))
    await tg_rt.service.send_due()
    await settle(tg_rt)
    question = telegram.to(NEW_CHAT)[-1]
    assert "check-in" in question
    assert telegram.buttons(NEW_CHAT)[-1]  # fixed answers come as buttons

    assert (await patient.say("my back is killing me and my legs feel weak")).status_code == 200
    async with tg_rt.db.session() as session:
        case = await session.scalar(select(Case))
    assert case is not None
    assert case.level == "emergency"
    assert "911" in telegram.to(NEW_CHAT)[-1]  # the safety reply, with the clinic's emergency number
    page = telegram.to(ANA)[-1]
    assert f"case #{case.id}" in page
    assert "Santos" not in page  # no patient data in a page
    assert "back" not in page
    assert telegram.buttons(ANA)[-1][0][0]["callback_data"] == f"case:{case.id}:ack"

    nurse = Chat(tg, tg_rt, ANA)
    assert (await nurse.press(f"case:{case.id}:ack")).status_code == 200
    async with tg_rt.db.session() as session:
        held = await session.get(Case, case.id)
        kinds = list(await session.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case.id)))
        audited = await session.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "acknowledge", AuditEvent.subject_id == str(case.id)
            )
        )
    assert held is not None
    assert held.status == "acknowledged"
    assert "acknowledged" in kinds
    assert audited is not None
    assert audited.actor == NURSE
    assert any(name == "answerCallbackQuery" for name, _ in telegram.calls)


async def test_a_wrong_or_missing_secret_is_refused_and_nothing_is_stored(
    tg_rt: Runtime, tg: httpx.AsyncClient
) -> None:
    chat = Chat(tg, tg_rt, MARIA)
    body = text_update(5, MARIA, "my legs are weak")
    assert (await chat.post(body, secret=None)).status_code == 403
    assert (await chat.post(body, secret="wrong")).status_code == 403
    assert await _count(tg_rt, InboundMessage) == 0
    assert await _count(tg_rt, Case) == 0


async def test_a_repeated_update_id_does_nothing_twice(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    chat = Chat(tg, tg_rt, MARIA)
    body = text_update(77, MARIA, "I coughed up blood this morning")
    assert (await chat.post(body)).status_code == 200
    assert (await chat.post(body)).status_code == 200
    await tg_rt.service.dispatcher.drain()
    assert await _count(tg_rt, InboundMessage) == 1
    # One safety reply and one red-flag question, not two of each.
    assert len(telegram.to(MARIA)) == 2
    async with tg_rt.db.session() as session:
        case = await session.scalar(select(Case))
    assert case is not None
    nurse = Chat(tg, tg_rt, ANA)
    press = button(78, ANA, f"case:{case.id}:claim")
    assert (await nurse.post(press)).status_code == 200
    assert (await nurse.post(press)).status_code == 200
    async with tg_rt.db.session() as session:
        claims = await session.scalar(
            select(func.count()).select_from(CaseEvent).where(CaseEvent.kind == "claimed")
        )
    assert claims == 1


async def test_a_patient_in_no_protocol_is_asked_and_thanked_without_a_promise_of_check_ins(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    async with tg_rt.db.transaction() as session:
        maria = await session.scalar(select(Patient).where(Patient.external_id == "MRN-100871"))
        assert maria is not None
        await session.execute(update(Enrolment).where(Enrolment.patient_id == maria.id).values(active=False))
    token = await _invite(tg, tg_rt)
    patient = Chat(tg, tg_rt, NEW_CHAT)
    await patient.say(f"/start {token}")
    [asked] = telegram.to(NEW_CHAT)
    assert asked == say("consent_ask_no_checkins", "en", clinic=CLINIC, emergency_number="911")
    await patient.press("consent:yes")
    assert telegram.to(NEW_CHAT)[-1] == say("consent_yes_no_checkins", "en", emergency_number="911")


async def test_an_invite_links_once_and_expires(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram, clock: ManualClock
) -> None:
    token = await _invite(tg, tg_rt)
    await Chat(tg, tg_rt, NEW_CHAT).say(f"/start {token}")
    stranger = Chat(tg, tg_rt, NEW_CHAT + 1)
    await stranger.say(f"/start {token}")
    assert "expired or was already used" in telegram.to(NEW_CHAT + 1)[-1]
    assert (await _patient(tg_rt)).telegram_chat_id == NEW_CHAT

    late = await _invite(tg, tg_rt, "MRN-100234")
    clock.advance(days=8)
    await stranger.say(f"/start {late}")
    assert (await _patient(tg_rt, "MRN-100234")).telegram_chat_id is None
    async with tg_rt.db.session() as session:
        hashes = list(await session.scalars(select(Invite.token_hash)))
    assert token not in hashes  # only hashes are stored


async def test_a_new_invite_replaces_an_unused_older_one(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    first = await _invite(tg, tg_rt)
    second = await _invite(tg, tg_rt)  # sent again: the first went to an old phone
    await Chat(tg, tg_rt, NEW_CHAT + 1).say(f"/start {first}")
    assert "expired or was already used" in telegram.to(NEW_CHAT + 1)[-1]
    assert (await _patient(tg_rt)).telegram_chat_id != NEW_CHAT + 1
    await Chat(tg, tg_rt, NEW_CHAT).say(f"/start {second}")
    assert (await _patient(tg_rt)).telegram_chat_id == NEW_CHAT


async def test_guessing_link_tokens_gets_one_answer_in_ten_minutes(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram, clock: ManualClock
) -> None:
    guesser = Chat(tg, tg_rt, NEW_CHAT + 2)
    for n in range(5):
        await guesser.say(f"/start guess{n}")
    assert len(telegram.to(NEW_CHAT + 2)) == 1
    clock.advance(minutes=11)
    await guesser.say("/start guess-again")
    assert len(telegram.to(NEW_CHAT + 2)) == 2


async def test_declining_consent_stops_check_ins_and_start_turns_them_on(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    token = await _invite(tg, tg_rt)
    chat = Chat(tg, tg_rt, NEW_CHAT)
    await chat.say(f"/start {token}")
    await chat.say("no")
    assert (await _patient(tg_rt)).status == "opted_out"
    await chat.say("/start")
    patient = await _patient(tg_rt)
    assert patient.status == "active"
    assert patient.consented_at is not None


async def test_start_while_consent_is_pending_asks_again_instead_of_agreeing(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    token = await _invite(tg, tg_rt)
    chat = Chat(tg, tg_rt, NEW_CHAT)
    await chat.say(f"/start {token}")
    await chat.say("/start")
    assert (await _patient(tg_rt)).status == "awaiting_consent"
    assert sum("Do you agree" in t for t in telegram.to(NEW_CHAT)) == 2


async def test_a_stale_answer_button_answers_closed_and_records_nothing(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    await Chat(tg, tg_rt, MARIA).press("a:back_pain:7")
    assert await _count(tg_rt, InboundMessage) == 0
    answers = [p for name, p in telegram.calls if name == "answerCallbackQuery"]
    assert "closed" in answers[-1]["text"]


async def test_an_answer_button_answers_the_open_question(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram, clock: ManualClock
) -> None:
    clock.set(DUE)
    await tg_rt.service.send_due()
    await settle(tg_rt)
    [keyboard] = telegram.buttons(MARIA)
    first = keyboard[0][0]["callback_data"]
    chat = Chat(tg, tg_rt, MARIA)
    await chat.press(first)
    async with tg_rt.db.session() as session:
        stored = list(await session.scalars(select(InboundMessage.text)))
    assert len(stored) == 1
    assert len(telegram.to(MARIA)) == 2  # the next question (or the closing message) followed


async def test_a_spanish_speakers_answer_buttons_are_in_spanish_and_si_is_the_same_yes(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram, clock: ManualClock
) -> None:
    async with tg_rt.db.transaction() as session:
        await session.execute(update(Patient).where(Patient.telegram_chat_id == MARIA).values(language="es"))
    clock.set(DUE)
    await tg_rt.service.send_due()
    await settle(tg_rt)
    chat = Chat(tg, tg_rt, MARIA)
    await chat.press("a:back_pain:0")  # no back pain: the onset question is not asked
    assert telegram.to(MARIA)[-1].startswith("¿Tiene debilidad, adormecimiento u hormigueo")
    assert telegram.to(MARIA)[-1].endswith("Responda SÍ o NO.")  # accents kept: not SMS
    yes, no = telegram.buttons(MARIA)[-1][0]
    assert (yes["text"], no["text"]) == ("Sí", "No")
    await chat.press(yes["callback_data"])
    async with tg_rt.db.session() as session:
        answers = dict((await session.execute(select(CheckInAnswer.question_key, CheckInAnswer.text))).all())
        value = await session.scalar(select(CheckInAnswer.value).where(CheckInAnswer.question_key == "neuro"))
        case = await session.scalar(select(Case))
    assert answers == {"back_pain": "0", "neuro": "Sí"}
    assert value == 1.0  # "Sí" is the yes an English "Yes" is
    edits = [p["text"] for name, p in telegram.calls if name == "editMessageText"]
    assert edits[-1].endswith("\n\nSu respuesta: Sí")
    assert case is not None
    assert case.level == "emergency"


async def test_a_blocked_patient_is_unreachable_and_their_open_case_says_so(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    telegram.blocked.add(MARIA)
    await Chat(tg, tg_rt, MARIA).say("I have a fever of 38.9 and I'm on chemo")
    patient = await _patient(tg_rt)
    assert patient.status == "unreachable"
    async with tg_rt.db.session() as session:
        kinds = list(await session.scalars(select(CaseEvent.kind)))
        # What Telegram refused (her opt-in notice from the demo's import went by the simulator).
        row = await session.scalar(
            select(OutboundMessage).where(
                OutboundMessage.patient_id == patient.id, OutboundMessage.channel == "telegram"
            )
        )
    assert "unreachable" in kinds
    assert row is not None
    assert row.status == "failed"
    token = await make_token(tg_rt)
    cases = (await tg.get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})).json()["cases"]
    assert cases[0]["patient"]["status"] == "unreachable"  # the nurse sees they must call


async def test_chat_not_found_is_final(tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram) -> None:
    telegram.missing.add(MARIA)
    await Chat(tg, tg_rt, MARIA).say("HELP")
    async with tg_rt.db.session() as session:
        row = await session.scalar(select(OutboundMessage).where(OutboundMessage.address == str(MARIA)))
    assert row is not None
    assert (row.status, row.attempts) == ("failed", 1)
    assert "chat not found" in (row.error or "")


async def test_429_waits_for_retry_after_on_the_whole_channel_without_using_up_attempts(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram, clock: ManualClock
) -> None:
    telegram.throttle.append(7)
    start = clock.now()
    await Chat(tg, tg_rt, MARIA).post(text_update(9001, MARIA, "HELP"))
    await Chat(tg, tg_rt, 55555).post(text_update(9002, 55555, "hello"))  # another chat
    await tg_rt.service.dispatcher.dispatch_once()
    async with tg_rt.db.session() as session:
        row = await session.scalar(select(OutboundMessage).where(OutboundMessage.address == str(MARIA)))
        other = await session.scalar(select(OutboundMessage).where(OutboundMessage.address == "55555"))
    assert row is not None
    assert (row.status, row.attempts) == ("pending", 0)  # a rate limit is not a failed attempt
    assert row.next_attempt_at == start + timedelta(seconds=7)
    assert other is not None
    assert other.sent_at is not None
    assert other.sent_at >= start + timedelta(seconds=7)  # the lane waited out the flood limit
    await settle(tg_rt)
    assert len(telegram.to(MARIA)) == 1


async def test_a_case_button_that_failed_is_acted_on_when_telegram_delivers_it_again(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    await Chat(tg, tg_rt, MARIA).say("I coughed up blood this morning")
    async with tg_rt.db.session() as session:
        case = await session.scalar(select(Case))
    assert case is not None
    real_act = tg_rt.service.act
    calls = 0

    async def flaky(*args: Any, **kwargs: Any) -> bool:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ConnectionError("database went away")
        return await real_act(*args, **kwargs)

    monkeypatch.setattr(tg_rt.service, "act", flaky)
    nurse = Chat(tg, tg_rt, ANA)
    press = button(4321, ANA, f"case:{case.id}:ack")
    assert (await nurse.post(press)).status_code == 503
    assert (await nurse.post(press)).status_code == 200
    assert (await nurse.post(press)).status_code == 200
    async with tg_rt.db.session() as session:
        acks = await session.scalar(
            select(func.count()).select_from(CaseEvent).where(CaseEvent.kind == "acknowledged")
        )
    assert acks == 1


async def test_case_numbers_too_big_for_the_database_are_refused_politely(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    r = await Chat(tg, tg_rt, ANA).press("case:99999999999:ack")
    assert r.status_code == 200
    answers = [p["text"] for name, p in telegram.calls if name == "answerCallbackQuery"]
    assert "no longer works" in answers[-1]


async def test_a_stranger_gets_one_short_answer_with_no_patient_data(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    stranger = Chat(tg, tg_rt, 55555)
    await stranger.say("hello?")
    await stranger.say("is anyone there")
    [answer] = telegram.to(55555)
    assert "not linked" in answer
    assert "Riverside" not in answer
    assert await _count(tg_rt, InboundMessage) == 0


async def test_a_case_button_from_someone_not_on_that_clinics_staff_does_nothing(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    await Chat(tg, tg_rt, MARIA).say("I coughed up blood this morning")
    async with tg_rt.db.transaction() as session:
        case = await session.scalar(select(Case))
        assert case is not None
        await session.execute(update(Staff).where(Staff.telegram_chat_id == ANA).values(active=False))
    for who in (MARIA, ANA):  # a patient, and a nurse since deactivated
        await Chat(tg, tg_rt, who).press(f"case:{case.id}:ack")
    async with tg_rt.db.session() as session:
        assert (await session.get(Case, case.id)).status == "open"  # type: ignore[union-attr]
    answers = [p["text"] for name, p in telegram.calls if name == "answerCallbackQuery"]
    assert all("not on the staff" in a for a in answers)


async def test_commands_work_as_the_sms_keywords(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    chat = Chat(tg, tg_rt, MARIA)
    await chat.say("/help")
    assert "check-in service" in telegram.to(MARIA)[-1]
    await chat.say("/stop")
    assert (await _patient(tg_rt)).status == "opted_out"
    await chat.say("/start")
    assert (await _patient(tg_rt)).status == "active"
    await chat.say("/nurse")
    assert await _count(tg_rt, Case) == 1


async def test_a_staff_member_links_their_telegram_by_invite(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    from vigil.usecases.invites import invite_staff

    made = await invite_staff(tg_rt.service, "ben.okafor@riverside.example", "test")
    token = made.link.split("start=", 1)[1]
    await Chat(tg, tg_rt, 31337).say(f"/start {token}")
    async with tg_rt.db.session() as session:
        ben = await session.scalar(select(Staff).where(Staff.email == "ben.okafor@riverside.example"))
    assert ben is not None
    assert ben.telegram_chat_id == 31337
    assert "Pages come here" in telegram.to(31337)[-1]


async def test_junk_bodies_with_the_right_secret_get_a_4xx(tg_rt: Runtime, tg: httpx.AsyncClient) -> None:
    chat = Chat(tg, tg_rt, MARIA)
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    for body in (b"", b"not json", b"[]", b'{"update_id": "1"}', b'{"update_id": 1, "message": 5}'):
        r = await tg.post("/webhooks/telegram", content=body, headers=headers)
        assert 400 <= r.status_code < 500, body
    assert (await chat.post({"update_id": 3})).status_code == 200  # an update with nothing we read


async def test_without_a_webhook_secret_telegram_is_polled(
    rt: Runtime, db: Database, clock: ManualClock, telegram: FakeTelegram
) -> None:
    runtime = build_runtime(_settings(db, telegram, secret=None), clock=clock, db=db)
    assert "telegram" in runtime.doors
    telegram.updates.append(text_update(4242, MARIA, "my legs went numb and weak"))
    await runtime.doors["telegram"].start()
    try:
        for _ in range(250):
            if await _count(runtime, InboundMessage):
                break
            await asyncio.sleep(0.02)
    finally:
        await runtime.doors["telegram"].stop()
    assert await _count(runtime, InboundMessage) == 1
    assert any(name == "getUpdates" for name, _ in telegram.calls)


async def test_a_red_flag_question_has_yes_and_no_buttons_and_yes_raises_the_case_at_once(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    chat = Chat(tg, tg_rt, MARIA)
    await chat.say("my back has been aching for a few days")
    keyboard = telegram.buttons(MARIA)[-1]
    assert [b["text"] for b in keyboard[0]] == ["Yes", "No"]
    assert "weak or heavy" in telegram.to(MARIA)[-1]
    await chat.press(keyboard[0][0]["callback_data"])  # Yes
    async with tg_rt.db.session() as session:
        case = await session.scalar(select(Case))
        stored = list(await session.scalars(select(InboundMessage.text).order_by(InboundMessage.id)))
    assert case is not None
    assert case.level == "emergency"
    assert stored[-1] == "Yes"
    assert "911" in telegram.to(MARIA)[-1]
    # The same button again: its question has closed, nothing more is recorded.
    await chat.press(keyboard[0][0]["callback_data"])
    assert await _count(tg_rt, InboundMessage) == 2


def _photo(update_id: int, chat_id: int) -> dict[str, Any]:
    """A photo with no caption, as Telegram sends it."""
    body = text_update(update_id, chat_id, "x")
    del body["message"]["text"]
    body["message"]["photo"] = [{"file_id": "ph1", "file_unique_id": "u1", "width": 90, "height": 90}]
    return body


async def test_a_photo_gets_typed_messages_only_from_a_patient_the_strangers_answer_and_from_a_nurse_nothing(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    maria, stranger, ana = (Chat(tg, tg_rt, c) for c in (MARIA, 55556, ANA))
    for chat in (maria, stranger, ana):
        body = _photo(chat._id(), chat.chat_id)
        assert (await chat.post(body)).status_code == 200
        assert (await chat.post(body)).status_code == 200  # Telegram delivers it again: said once
    await settle(tg_rt)
    [to_maria] = telegram.to(MARIA)
    assert to_maria.startswith("I can only read typed messages.")
    assert "call 911" in to_maria  # the clinic's own emergency number
    [to_stranger] = telegram.to(55556)
    assert "not linked" in to_stranger
    assert telegram.to(ANA) == []
    assert await _count(tg_rt, InboundMessage) == 0  # nothing to triage
