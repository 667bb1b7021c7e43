"""Fuzzed webhook bodies, correctly authenticated so they reach the handlers: never a 5xx."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from vigil.assembly import Runtime, build_runtime
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Patient
from vigil.core.settings import Settings
from vigil.web.app import create_app

from .sms import twilio_api
from .sms.test_sms import PUBLIC, signed
from .telegram import telegram_api

SECRET = "webhook-secret-0123456789"
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=16,
)
chat_id = st.sampled_from([700000555, 700000101, 812345678]) | st.integers(-(2**63), 2**63)
user = st.fixed_dictionaries(
    {"id": chat_id, "is_bot": st.booleans(), "first_name": st.text(max_size=20)},
)
chat = st.fixed_dictionaries(
    {"id": chat_id, "type": st.sampled_from(["private", "group", "supergroup", "channel", "nonsense"])}
)
text = st.text(max_size=200) | st.sampled_from(
    ["/start", "/start abc", "/help", "/stop", "/nurse", "STOP", "yes", "my legs are weak", "12a"]
)
message = st.fixed_dictionaries(
    {"message_id": st.integers(-(2**40), 2**40), "date": st.integers(0, 2**34), "chat": chat},
    optional={
        "text": text,
        "from": user,
        "entities": st.lists(
            st.fixed_dictionaries(
                {
                    "type": st.sampled_from(["bot_command", "bold", "x"]),
                    "offset": st.integers(-5, 50),
                    "length": st.integers(-5, 50),
                }
            ),
            max_size=3,
        ),
        "photo": json_value,
    },
)
callback = st.fixed_dictionaries(
    {"id": st.text(max_size=10), "chat_instance": st.text(max_size=10), "from": user},
    optional={
        "data": st.sampled_from(
            ["consent:yes", "consent:no", "case:1:ack", "case:99999999999999999999:claim", "a:pain:7"]
        )
        | st.text(max_size=70),
        "message": message,
    },
)
telegram_update = st.fixed_dictionaries(
    {"update_id": st.integers(0, 2**62)},
    optional={
        "message": message | json_value,
        "callback_query": callback | json_value,
        "edited_message": json_value,
    },
)


@pytest.fixture(scope="module")
def fakes() -> Iterator[tuple[telegram_api.FakeTelegram, twilio_api.FakeTwilio]]:
    with telegram_api.running() as telegram, twilio_api.running() as twilio:
        yield telegram, twilio


@pytest.fixture
async def fuzz_client(
    rt: Runtime,
    db: Database,
    clock: ManualClock,
    fakes: tuple[telegram_api.FakeTelegram, twilio_api.FakeTwilio],
) -> AsyncIterator[httpx.AsyncClient]:
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
        await session.execute(
            update(Patient).where(Patient.telegram_chat_id.is_not(None)).values(channel="telegram")
        )
        await session.execute(update(Patient).where(Patient.phone.is_not(None)).values(channel="sms"))
    app = create_app(runtime, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as client:
        yield client
    await runtime.close()


@FUZZ
@given(body=telegram_update)
async def test_fuzzed_telegram_updates_never_get_a_5xx(
    fuzz_client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    r = await fuzz_client.post(
        "/webhooks/telegram", json=body, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )
    assert r.status_code < 500, r.text


@FUZZ
@given(body=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
async def test_fuzzed_raw_telegram_bodies_never_get_a_5xx(
    fuzz_client: httpx.AsyncClient, body: bytes
) -> None:
    r = await fuzz_client.post(
        "/webhooks/telegram", content=body, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )
    assert r.status_code < 500, r.text


sms_params = st.dictionaries(
    st.sampled_from(
        ["MessageSid", "From", "To", "Body", "AccountSid", "NumMedia", "MessageStatus", "ErrorCode", "X"]
    ),
    st.text(max_size=60)
    | st.sampled_from(["+16175550199", "+16175550102", "+447700900123", "delivered", "30006", "1a"]),
    max_size=8,
).map(lambda d: {k: v.replace("\x00", "") for k, v in d.items()})


@FUZZ
@given(params=sms_params, path=st.sampled_from(["/webhooks/twilio/sms", "/webhooks/twilio/status"]))
async def test_fuzzed_signed_twilio_forms_never_get_a_5xx(
    fuzz_client: httpx.AsyncClient, params: dict[str, str], path: str
) -> None:
    r = await fuzz_client.post(path, data=params, headers=signed(path, params))
    assert r.status_code < 500, r.text
