"""A carer on Telegram: linked by their own invite, what they write is the patient's, and
Vigil answers them in their chat."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.models import Carer, OutboundMessage
from vigil.escalation.models import Case

from ....conftest import make_token
from ...test_carers import add_carer
from . import test_telegram
from .telegram_api import FakeTelegram
from .test_telegram import Chat

# The Telegram tests' fixtures: the fake Bot API, the runtime with Telegram on, a client.
telegram, tg_rt, tg = test_telegram.telegram, test_telegram.tg_rt, test_telegram.tg
CARER_CHAT = 823456789


async def test_a_carer_linked_by_invite_writes_and_the_safety_reply_comes_to_their_chat(
    tg_rt: Runtime, tg: httpx.AsyncClient, telegram: FakeTelegram
) -> None:
    june = await add_carer(
        tg_rt, "MRN-100871", name="June", relationship="wife", channel="telegram", phone=None
    )
    admin = {"Authorization": f"Bearer {await make_token(tg_rt, 'admin@riverside.example')}"}
    r = await tg.post(f"/api/v1/patients/MRN-100871/carers/{june.id}/invite", headers=admin)
    assert r.status_code == 201, r.text
    token = r.json()["link"].split("start=", 1)[1]
    chat = Chat(tg, tg_rt, CARER_CHAT)
    await chat.say(f"/start {token}")
    async with tg_rt.db.session() as session:
        linked = await session.get(Carer, june.id)
    assert linked is not None
    assert linked.telegram_chat_id == CARER_CHAT
    assert "Linked to" in telegram.to(CARER_CHAT)[0]
    await chat.say("she can't feel her legs")
    async with tg_rt.db.session() as session:
        case = await session.scalar(select(Case))
        safety = await session.scalar(select(OutboundMessage).where(OutboundMessage.kind == "safety"))
    assert case is not None
    assert case.level == "emergency"
    assert safety is not None
    assert (safety.carer_id, safety.address) == (june.id, str(CARER_CHAT))
    assert any("911" in text for text in telegram.to(CARER_CHAT))
    await chat.say("/stop")
    async with tg_rt.db.session() as session:
        stopped = await session.get(Carer, june.id)
    assert stopped is not None
    assert stopped.opted_out_at is not None
