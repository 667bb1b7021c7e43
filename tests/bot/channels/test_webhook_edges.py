"""Webhook bodies at and past the edges: too big, too deep, too long for a column. Each gets
a clear 4xx (or a bounded, harmless result), never a 500, and nothing half-written."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from sqlalchemy import select, update

from vigil.assembly import Runtime, build_runtime
from vigil.bot.models import InboundMessage
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Patient
from vigil.core.settings import Settings
from vigil.web.app import create_app

from .sms import twilio_api
from .sms.test_sms import PUBLIC, WALTER, signed
from .telegram import telegram_api

SECRET = "webhook-secret-0123456789"
MARIA = 700000555  # MRN-100871's Telegram chat
SMS = "/webhooks/twilio/sms"


@pytest.fixture(scope="module")
def fakes() -> Iterator[tuple[telegram_api.FakeTelegram, twilio_api.FakeTwilio]]:
    with telegram_api.running() as telegram, twilio_api.running() as twilio:
        yield telegram, twilio


@pytest.fixture
async def wired(
    rt: Runtime,
    db: Database,
    clock: ManualClock,
    fakes: tuple[telegram_api.FakeTelegram, twilio_api.FakeTwilio],
) -> AsyncIterator[Runtime]:
    """The demo clinic with Telegram and SMS configured: Maria on Telegram, Walter on SMS."""
    telegram, twilio = fakes
    runtime = build_runtime(
        Settings(
            database_url=db.url,
            secret_key="test-secret-key-0123456789",
            public_url=PUBLIC,
            telegram_token=telegram_api.TOKEN,
            telegram_api_url=telegram.api_url,
            telegram_webhook_secret=SECRET,
            twilio_account_sid=twilio_api.ACCOUNT,
            twilio_auth_token=twilio_api.TOKEN,
            twilio_from="+16175550000",
            twilio_api_url=twilio.url,
        ),
        clock=clock,
        db=db,
    )
    async with db.transaction() as session:
        maria = update(Patient).where(Patient.telegram_chat_id == MARIA)
        await session.execute(maria.values(channel="telegram"))
        await session.execute(update(Patient).where(Patient.phone == WALTER).values(channel="sms"))
    yield runtime
    await runtime.close()


@pytest.fixture
async def hooks(wired: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(wired, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as client:
        yield client


async def stored(rt: Runtime) -> list[str]:
    async with rt.db.session() as session:
        return list(await session.scalars(select(InboundMessage.text).order_by(InboundMessage.id)))


def sms(body: str, sid: str = "SM0001", **extra: str) -> dict[str, str]:
    return {"MessageSid": sid, "From": WALTER, "To": "+16175550000", "Body": body, **extra}


async def post_sms(client: httpx.AsyncClient, params: dict[str, str], path: str = SMS) -> httpx.Response:
    return await client.post(path, data=params, headers=signed(path, params))


async def post_telegram(client: httpx.AsyncClient, body: bytes) -> httpx.Response:
    return await client.post(
        "/webhooks/telegram",
        content=body,
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET, "content-type": "application/json"},
    )


# -- fields longer than their columns -------------------------------------------------------


@pytest.mark.parametrize("sid", ["SM" + "a" * 200, "SM 1", "SM\u00e91"])
async def test_a_signed_sms_whose_message_sid_cannot_be_stored_is_a_400_and_nothing_is_written(
    wired: Runtime, hooks: httpx.AsyncClient, sid: str
) -> None:
    r = await post_sms(hooks, sms("I passed out", sid=sid))
    assert r.status_code == 400
    assert "MessageSid" in r.text
    assert await stored(wired) == []


async def test_a_status_callback_with_an_overlong_sid_or_a_wild_error_code_is_harmless(
    hooks: httpx.AsyncClient,
) -> None:
    path = "/webhooks/twilio/status"
    long_sid = {"MessageSid": "SM" + "b" * 200, "MessageStatus": "failed"}
    assert (await post_sms(hooks, long_sid, path)).status_code == 400
    for code in ("9" * 5000, "\u00b2", "1" * 300):  # int() refuses the first two; the third overflows
        params = {"MessageSid": "SM0002", "MessageStatus": "failed", "ErrorCode": code}
        assert (await post_sms(hooks, params, path)).status_code == 204


async def test_an_sms_is_cut_at_twilios_1600_characters_before_triage(
    wired: Runtime, hooks: httpx.AsyncClient
) -> None:
    body = "my back is killing me " + "x" * 3000
    assert (await post_sms(hooks, sms(body))).status_code == 200
    [text] = await stored(wired)
    assert text == body[:1600]


async def test_a_telegram_message_is_cut_at_telegrams_4096_characters_before_triage(
    wired: Runtime, hooks: httpx.AsyncClient
) -> None:
    body = "I feel fine " + "y" * 9000
    r = await post_telegram(hooks, json.dumps(telegram_api.update(5001, MARIA, body)).encode())
    assert r.status_code == 200, r.text
    [text] = await stored(wired)
    assert text == body[:4096]


# -- bodies that are not what they claim ----------------------------------------------------


@pytest.mark.parametrize("depth", [5_000, 30_000])
async def test_a_telegram_body_nested_past_the_stack_is_a_400(hooks: httpx.AsyncClient, depth: int) -> None:
    body = b'{"update_id": 1, "message": ' + b"[" * depth + b"]" * depth + b"}"
    r = await post_telegram(hooks, body)
    assert r.status_code == 400


@pytest.mark.parametrize("number", [2**63, -(2**63) - 1, 10**40])
async def test_a_telegram_update_with_an_id_no_column_can_hold_is_a_400(
    wired: Runtime, hooks: httpx.AsyncClient, number: int
) -> None:
    for body in (telegram_api.update(number, MARIA, "I passed out"), telegram_api.update(7, number, "hi")):
        r = await post_telegram(hooks, json.dumps(body).encode())
        assert r.status_code == 400
    assert await stored(wired) == []


# -- bodies too big to read -----------------------------------------------------------------


@pytest.mark.parametrize("size", [1_000_000, 10_000_000])
async def test_a_signed_body_of_megabytes_is_refused_at_the_door_and_nothing_is_stored(
    wired: Runtime, hooks: httpx.AsyncClient, size: int
) -> None:
    params = sms("I passed out " + "z" * size)
    r = await post_sms(hooks, params)
    assert r.status_code == 413
    update_body = json.dumps(telegram_api.update(6001, MARIA, "I passed out " + "z" * size)).encode()
    assert (await post_telegram(hooks, update_body)).status_code == 413
    assert await stored(wired) == []


async def test_a_streamed_body_without_a_length_is_cut_off_once_it_passes_64_kb(
    wired: Runtime, hooks: httpx.AsyncClient
) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(1000):  # 8 MB if it were all read
            sent += 8192
            yield b"Body=" + b"w" * 8187

    r = await hooks.post(SMS, content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert sent <= 80 * 1024  # it stopped reading soon after the limit
    assert await stored(wired) == []


async def test_a_body_just_under_the_limit_is_still_read(wired: Runtime, hooks: httpx.AsyncClient) -> None:
    body = "I passed out " + "q" * 60_000
    assert (await post_sms(hooks, sms(body, sid="SM0003"))).status_code == 200
    assert [len(t) for t in await stored(wired)] == [1600]


async def test_healthz_answers_while_a_huge_body_streams_in(hooks: httpx.AsyncClient) -> None:
    halfway = asyncio.Event()
    go_on = asyncio.Event()

    async def slow_chunks() -> AsyncIterator[bytes]:
        for i in range(1000):
            if i == 4:  # 32 kB in: the upload pauses here until /healthz has answered
                halfway.set()
                await go_on.wait()
            yield b"x" * 8192

    upload = asyncio.create_task(
        hooks.post(
            "/webhooks/telegram",
            content=slow_chunks(),
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )
    )
    await halfway.wait()
    health = await hooks.get("/healthz")
    assert health.status_code == 200
    assert not upload.done()  # the big body was still streaming while /healthz answered
    go_on.set()
    assert (await upload).status_code == 413


async def test_a_content_length_that_is_not_a_number_is_a_400(hooks: httpx.AsyncClient) -> None:
    r = await hooks.post(SMS, content=b"Body=hi", headers={"content-length": "lots"})
    assert r.status_code == 400
