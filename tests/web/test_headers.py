"""What every answer tells the browser: a strict CSP, no caching of patient data, HSTS and
Secure cookies on https; the Twilio signature over the URL as called; the API schema private
outside the demo."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from vigil.assembly import Runtime, build_runtime
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.settings import Settings
from vigil.web.app import create_app

from ..bot.channels.sms import twilio_api
from ..bot.channels.sms.test_sms import PUBLIC, WALTER
from ..conftest import NURSE, emergency_case

STRICT = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
TEMPLATES = Path(__file__).resolve().parents[2] / "vigil" / "web" / "templates"


async def signed_in(client: httpx.AsyncClient) -> None:
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    r = await client.post("/login", data={"email": NURSE, "password": "correct horse battery", "csrf": csrf})
    assert r.status_code == 303


async def test_pages_and_api_answers_carry_the_strict_csp_and_are_never_cached(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    case_id = await emergency_case(rt)
    await signed_in(client)
    answers = [
        await client.get("/login"),
        await client.get("/"),
        await client.get(f"/cases/{case_id}"),
        await client.get(f"/cases/{case_id}/transcript"),
        await client.get("/queue/rows"),
        await client.get("/cases/999"),
        await client.get("/api/v1/cases", headers=auth),
        await client.get(f"/api/v1/cases/{case_id}", headers=auth),
        await client.get("/api/v1/patients/MRN-100234/messages", headers=auth),
    ]
    for r in answers:
        assert r.headers["content-security-policy"] == STRICT, r.url
        assert r.headers["cache-control"] == "no-store", r.url
        assert "strict-transport-security" not in r.headers  # plain http: HSTS would be a lie
    static = await client.get("/static/app.js")
    assert static.status_code == 200
    assert static.headers.get("cache-control") != "no-store"


def test_templates_have_no_inline_script_or_event_handlers() -> None:
    for page in TEMPLATES.glob("*.html"):
        html = page.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page.name
        assert not re.search(r"\son[a-z]+\s*=", html, re.IGNORECASE), page.name
        assert "javascript:" not in html.lower(), page.name
        assert not re.search(r"\sstyle\s*=", html), page.name


async def test_https_deployments_get_hsts_and_secure_cookies(rt: Runtime, db: Database) -> None:
    rt.settings.public_url = "https://vigil.example"
    app = create_app(rt, background=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://vigil.example") as c:
        r = await c.get("/login")
    assert r.headers["strict-transport-security"].startswith("max-age=")
    cookie = r.headers["set-cookie"].lower()
    assert "vigil_session=" in cookie
    assert "; secure" in cookie


async def test_the_api_schema_and_docs_need_a_token_outside_the_demo(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    assert (await client.get("/api/v1/openapi.json")).status_code == 401
    assert (await client.get("/api/v1/docs")).status_code == 401
    schema = await client.get("/api/v1/openapi.json", headers=auth)
    assert schema.status_code == 200
    assert "/cases/{case_id}" in schema.json()["paths"]
    assert (await client.get("/api/v1/docs", headers=auth)).status_code == 200


async def test_the_demo_shows_its_api_schema_and_docs_to_anyone(rt: Runtime) -> None:
    rt.settings.demo = True
    app = create_app(rt, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://vigil.test") as c:
        assert (await c.get("/api/v1/openapi.json")).status_code == 200
        docs = await c.get("/api/v1/docs")
    assert docs.status_code == 200
    # Swagger UI's one inline script is allowed by its hash, nothing else inline.
    assert "'sha256-" in docs.headers["content-security-policy"]
    assert "unsafe-inline" not in docs.headers["content-security-policy"]


async def test_the_api_docs_load_swagger_ui_from_vigil_itself_not_a_cdn(rt: Runtime) -> None:
    """Clinics run Vigil behind firewalls: the docs page works with no way out."""
    rt.settings.demo = True
    app = create_app(rt, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://vigil.test") as c:
        docs = await c.get("/api/v1/docs")
        assert "https://" not in docs.headers["content-security-policy"]
        assert "cdn" not in docs.text
        for path in ("/static/vendor/swagger-ui-bundle.js", "/static/vendor/swagger-ui.css"):
            assert path in docs.text
            assert (await c.get(path)).status_code == 200


@pytest.fixture
async def sms_client(rt: Runtime, db: Database, clock: ManualClock) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(
        database_url=db.url,
        secret_key="test-secret-key-0123456789",
        public_url=PUBLIC,
        twilio_account_sid=twilio_api.ACCOUNT,
        twilio_auth_token=twilio_api.TOKEN,
        twilio_from="+16175550000",
        twilio_api_url="http://127.0.0.1:9",  # nothing is sent in these tests
    )
    runtime = build_runtime(settings, clock=clock, db=db)
    app = create_app(runtime, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as c:
        yield c
    await runtime.close()


async def test_the_twilio_signature_covers_the_query_string_twilio_called(
    sms_client: httpx.AsyncClient,
) -> None:
    from twilio.request_validator import RequestValidator

    path = "/webhooks/twilio/sms?clinic=riverside"
    params = {"MessageSid": "SM7001", "From": WALTER, "To": "+16175550000", "Body": "hello"}
    validator = RequestValidator(twilio_api.TOKEN)
    as_called = {"X-Twilio-Signature": validator.compute_signature(PUBLIC + path, params)}
    r = await sms_client.post(path, data=params, headers=as_called)
    assert r.status_code == 200
    bare = PUBLIC + "/webhooks/twilio/sms"
    without_query = {"X-Twilio-Signature": validator.compute_signature(bare, params)}
    r = await sms_client.post(path, data=params, headers=without_query)
    assert r.status_code == 403
