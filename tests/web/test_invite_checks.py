"""Invites check who first: an unknown patient is "no such patient" whatever Telegram does,
and a nurse's token cannot move a patient on another channel to Telegram."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from sqlalchemy import update

from vigil.assembly import Runtime, build_runtime
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Patient
from vigil.core.settings import Settings
from vigil.usecases.invites import InviteError, invite_patient, invite_staff
from vigil.web.app import create_app

from ..bot.channels.telegram import telegram_api
from ..conftest import make_token

MARIA = 700000555


@pytest.fixture(scope="module")
def telegram() -> Iterator[telegram_api.FakeTelegram]:
    with telegram_api.running() as fake:
        yield fake


@pytest.fixture
async def tg_rt(
    rt: Runtime, db: Database, clock: ManualClock, telegram: telegram_api.FakeTelegram
) -> AsyncIterator[Runtime]:
    settings = Settings(
        database_url=db.url,
        secret_key="test-secret-key-0123456789",
        telegram_token=telegram_api.TOKEN,
        telegram_api_url=telegram.api_url,
        telegram_webhook_secret="webhook-secret-0123456789",
    )
    runtime = build_runtime(settings, clock=clock, db=db)
    async with db.transaction() as session:
        await session.execute(
            update(Patient).where(Patient.telegram_chat_id == MARIA).values(channel="telegram")
        )
    yield runtime
    await runtime.close()


@pytest.fixture
async def tg(tg_rt: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(tg_rt, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://vigil.test") as c:
        yield c


async def test_an_unknown_patient_is_no_such_patient_even_with_telegram_off(rt: Runtime) -> None:
    assert "telegram" not in rt.doors
    with pytest.raises(InviteError, match="no patient with external id MRN-NOPE") as caught:
        await invite_patient(rt.service, "MRN-NOPE", "cli")
    assert caught.value.status == 404
    with pytest.raises(InviteError, match="no active staff member") as staff:
        await invite_staff(rt.service, "nobody@riverside.example", "cli")
    assert staff.value.status == 404


async def test_the_api_says_not_found_for_an_unknown_patient_with_telegram_off(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    r = await client.post("/api/v1/patients/MRN-NOPE/invite", headers=auth)
    assert r.status_code == 404
    assert "no patient" in r.json()["detail"]


async def test_a_nurse_cannot_move_a_patient_on_another_channel_to_telegram(
    tg_rt: Runtime, tg: httpx.AsyncClient
) -> None:
    nurse = {"Authorization": f"Bearer {await make_token(tg_rt)}"}
    refused = await tg.post("/api/v1/patients/MRN-100234/invite", headers=nurse)  # on the simulator
    assert refused.status_code == 403
    assert "only a clinic admin" in refused.json()["detail"]
    again = await tg.post("/api/v1/patients/MRN-100871/invite", headers=nurse)  # already on Telegram
    assert again.status_code == 201
    admin = {"Authorization": f"Bearer {await make_token(tg_rt, 'admin@riverside.example')}"}
    moved = await tg.post("/api/v1/patients/MRN-100234/invite", headers=admin)
    assert moved.status_code == 201
    assert moved.json()["link"].startswith("https://t.me/vigil_test_bot?start=")
