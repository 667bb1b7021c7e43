"""Bad input anywhere gets a 4xx with a reason: never a 500, never a partial write."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from starlette.routing import Mount

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import Carer, Clinic, Patient, Staff
from vigil.escalation.models import Case

from ..conftest import make_token

JUNK_BODIES = [
    b"",
    b"{",
    b"[]",
    b"null",
    b'{"text": 5}',
    b'{"disposition": null}',
    b"\xff\xfe",
    b'{"external_id": "MRN-100871", "text": ""}',
    b'{"external_id": "x" }',
    b'"a"',
]


def _api_routes(client: httpx.AsyncClient) -> list[tuple[str, str]]:
    """Every GET and POST route of the API, those of its included routers too."""
    app = client._transport.app  # type: ignore[attr-defined]
    return [
        (method, path)
        for method, path in every_route(app.routes)
        if path.startswith("/api/v1/") and method in ("GET", "POST")
    ]


async def test_every_api_route_refuses_a_missing_token(client: httpx.AsyncClient) -> None:
    for method, path in _api_routes(client):
        if path.endswith("openapi.json") or path.endswith("/docs") or "oauth2" in path:
            continue
        r = await client.request(
            method, path.replace("{case_id}", "1").replace("{external_id}", "MRN-100871")
        )
        assert r.status_code == 401, (method, path, r.status_code)
        assert r.json()["detail"]


async def test_every_api_route_survives_junk(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    ids = ["1", "0", "-1", "999999999999999999999", "abc", "%00", "MRN-100871"]
    for method, path in _api_routes(client):
        for ident in ids:
            url = path.replace("{case_id}", ident).replace("{external_id}", ident)
            bodies = JUNK_BODIES if method == "POST" else [b""]
            for body in bodies:
                r = await client.request(
                    method, url, headers={**auth, "content-type": "application/json"}, content=body
                )
                assert 200 <= r.status_code < 500, (method, url, body, r.status_code, r.text)
    r = await client.get("/api/v1/cases?status=everything", headers=auth)
    assert r.status_code == 422


async def test_another_clinics_case_is_not_found(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": "I passed out"}
    )
    async with rt.db.transaction() as session:
        other = Clinic(
            slug="elsewhere",
            name="Elsewhere",
            timezone="UTC",
            emergency_number="999",
            created_at=rt.clock.now(),
            oncall={},
        )
        session.add(other)
        await session.flush()
        session.add(Staff(clinic_id=other.id, email="nurse@elsewhere.example", name="N", role="nurse"))
    stranger = {"Authorization": f"Bearer {await make_token(rt, 'nurse@elsewhere.example')}"}
    case_id = (await client.get("/api/v1/cases", headers=auth)).json()["cases"][0]["id"]
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=stranger)).status_code == 404
    assert (await client.post(f"/api/v1/cases/{case_id}/claim", headers=stranger)).status_code == 404
    assert (await client.get("/api/v1/patients/MRN-100871/messages", headers=stranger)).status_code == 404
    assert (await client.get("/api/v1/cases", headers=stranger)).json() == {"cases": []}


async def test_a_simulator_message_for_an_unknown_patient_is_404_and_stores_nothing(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    r = await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-NOBODY", "text": "I passed out"}
    )
    assert r.status_code == 404
    async with rt.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Case)) == 0


async def test_the_simulator_is_off_unless_turned_on(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    rt.settings.simulator = False
    r = await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": "hello"}
    )
    assert r.status_code == 404


async def test_resolving_needs_a_known_disposition(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": "I passed out"}
    )
    case_id = (await client.get("/api/v1/cases", headers=auth)).json()["cases"][0]["id"]
    r = await client.post(f"/api/v1/cases/{case_id}/resolve", headers=auth, json={"disposition": "vibes"})
    assert r.status_code == 422
    assert "disposition must be one of" in r.json()["detail"]
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()["status"] == "open"


@pytest.mark.parametrize("path", ["/", "/cases/1", "/simulator", "/simulator/MRN-100871"])
async def test_pages_send_strangers_to_sign_in(client: httpx.AsyncClient, path: str) -> None:
    r = await client.get(path, headers={"accept": "text/html"})
    assert (r.status_code, r.headers["location"]) == (303, "/login")


async def test_forms_without_the_csrf_token_are_refused(rt: Runtime, client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/login", data={"email": "ana.reyes@riverside.example", "password": "correct horse battery"}
    )
    assert r.status_code == 403
    assert "form has expired" in r.text


async def test_a_wrong_password_is_a_readable_401(client: httpx.AsyncClient) -> None:
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    r = await client.post(
        "/login", data={"email": "ana.reyes@riverside.example", "password": "nope", "csrf": csrf}
    )
    assert r.status_code == 401
    assert "do not match" in r.text


async def test_guessing_a_password_is_stopped_after_five_tries_for_fifteen_minutes(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]

    async def sign_in(password: str) -> httpx.Response:
        return await client.post(
            "/login", data={"email": "Ana.Reyes@riverside.example", "password": password, "csrf": csrf}
        )

    for guess in range(5):
        assert (await sign_in(f"guess {guess}")).status_code == 401
    locked = await sign_in("correct horse battery")
    assert locked.status_code == 429  # even the right password, until the window passes
    assert "Too many attempts" in locked.text
    clock.advance(minutes=16)
    assert (await sign_in("correct horse battery")).status_code == 303


async def test_signed_in_pages_refuse_junk(rt: Runtime, client: httpx.AsyncClient) -> None:
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    await client.post(
        "/login",
        data={"email": "ana.reyes@riverside.example", "password": "correct horse battery", "csrf": csrf},
    )
    for path in ("/cases/999", "/cases/abc", "/simulator/NOBODY", "/events/patient/999"):
        r = await client.get(path)
        assert 400 <= r.status_code < 500, path
    for path in ("/cases/999/claim", "/cases/1/dance", "/simulator/NOBODY"):
        r = await client.post(path, data={"csrf": csrf, "text": "x"})
        assert 400 <= r.status_code < 500, (path, r.status_code)
    async with rt.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Patient)) == 3


async def test_a_422_says_where_without_echoing_the_input(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    secret = "my back is killing me " * 300
    r = await client.post("/api/v1/simulator/messages", headers=auth, json={"external_id": 5, "text": secret})
    assert r.status_code == 422
    assert "killing" not in r.text
    assert r.json()["detail"] == [
        {"field": "external_id", "reason": "5 is not text"},
        {"field": "text", "reason": "is longer than 4000 characters"},
    ]


async def test_pages_cannot_be_framed(client: httpx.AsyncClient) -> None:
    r = await client.get("/login")
    assert r.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


def every_route(routes: list[Any], prefix: str = "") -> list[tuple[str, str]]:
    """(method, path) of every route, into included routers and mounted apps (the API)."""
    out: list[tuple[str, str]] = []
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:  # FastAPI keeps an included router whole
            out += every_route(included.routes, prefix + route.include_context.prefix)
        elif isinstance(route, Mount):
            inner = getattr(route.app, "routes", None)
            if inner is not None:  # static files have none
                out += every_route(inner, prefix + route.path)
        else:
            out += [(m, prefix + route.path) for m in sorted(getattr(route, "methods", None) or ())]
    return out


# What a route's body or form needs to get past validation to the clinic check.
API_BODIES: dict[str, dict[str, str]] = {
    "/resolve": {"disposition": "other"},
    "/reply": {"text": "hello"},
    "/release": {"reason": "handing over"},
    "/take-over": {"reason": "handing over"},
    "/role": {"role": "nurse"},
    "/staff/{staff_id}": {"phone": "+16175550123"},
    "/rotations/{rotation_key}": {
        "key": "nurses",
        "members": ["admin@elsewhere.example"],
        "shift_hours": 12,
        "handoff": "07:00",
        "starts": "2026-11-02",
    },
    "/protocols/{protocol_key}": {"name": "x"},
    "/carers": {"name": "Ana", "relationship": "daughter", "channel": "simulator"},
    "/carers/{carer_id}": {},
}
FORM = {"text": "hello", "reason": "handing over", "disposition": "other", "role": "nurse"}
PATIENT_ROUTES = {
    ("GET", "/patients/{patient_id}/edit"),
    ("POST", "/patients/{patient_id}/edit"),
    ("POST", "/patients/{patient_id}/status"),
    ("POST", "/patients/{patient_id}/invite"),
    ("GET", "/api/v1/patients/{external_id}"),
    ("PATCH", "/api/v1/patients/{external_id}"),
    ("POST", "/api/v1/patients/{external_id}/pause"),
    ("POST", "/api/v1/patients/{external_id}/resume"),
    ("POST", "/api/v1/patients/{external_id}/discharge"),
    ("POST", "/api/v1/patients/{external_id}/readmit"),
    ("GET", "/patients/{patient_id}"),  # with its timeline
    ("GET", "/api/v1/patients/{external_id}/timeline"),
}
# The staff of issue 13: every page and API route that names a staff member.
STAFF_ROUTES = {
    (method, f"{prefix}/staff/{{staff_id}}/{action}")
    for method in ("POST",)
    for prefix in ("/admin", "/api/v1")
    for action in ("role", "deactivate", "password", "telegram", "edit")
    if (prefix, action) != ("/api/v1", "edit")
} | {("PATCH", "/api/v1/staff/{staff_id}")}
# The protocol editor of issue 13: its pages and API routes that name a protocol.
PROTOCOL_ROUTES = {
    ("GET", "/protocols/{protocol_id}"),
    ("POST", "/protocols/{protocol_id}"),
    ("GET", "/api/v1/protocols/{protocol_key}"),
    ("PUT", "/api/v1/protocols/{protocol_key}"),
    ("GET", "/api/v1/protocols/{protocol_key}/send-times"),
}
# The FHIR export of issue 14: a patient's whole record.
FHIR_ROUTES = {("GET", "/api/v1/fhir/Patient/{external_id}/$everything")}
# The on-call rotations of issue 13, named by key: another clinic's is not found.
ROTATION_ROUTES = {(m, "/api/v1/oncall/rotations/{rotation_key}") for m in ("GET", "PUT", "DELETE")}
# A patient's carers (issue 14).
CARER_ROUTES = {
    ("GET", "/api/v1/patients/{external_id}/carers"),
    ("POST", "/api/v1/patients/{external_id}/carers"),
    ("PATCH", "/api/v1/patients/{external_id}/carers/{carer_id}"),
    ("DELETE", "/api/v1/patients/{external_id}/carers/{carer_id}"),
    ("POST", "/api/v1/patients/{external_id}/carers/{carer_id}/consent"),
    ("POST", "/api/v1/patients/{external_id}/carers/{carer_id}/invite"),
    ("POST", "/patients/{patient_id}/carers"),
    ("POST", "/patients/{patient_id}/carers/{carer_id}/{action}"),
}
# Page routes that answer another clinic's id with a flash on the page instead of a 404.
FLASHED = {("POST", "/oncall/overrides/{override_id}/remove")}


async def test_every_route_with_another_clinics_ids_is_not_found(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    """Walks every page and API route with an id in its path, as an admin of another clinic
    given this clinic's real ids: each must answer 404 and change nothing. A new route with
    a new kind of id fails here until its id is added below."""
    from vigil.escalation.models import OncallOverride
    from vigil.scheduler.models import Protocol
    from vigil.web.security import hash_password

    from ..conftest import DUE, NURSE, PASSWORD, emergency_case

    clock.set(DUE)
    case_id = await emergency_case(rt)
    ana = await rt.service.patient(1, "MRN-100234")
    assert ana is not None
    async with rt.db.transaction() as session:
        nurse = await session.scalar(select(Staff).where(Staff.email == NURSE))
        assert nurse is not None
        protocol = await session.scalar(select(Protocol).where(Protocol.clinic_id == 1))
        assert protocol is not None
        override = OncallOverride(
            clinic_id=1,
            rotation_key="nurses",
            staff_id=nurse.id,
            starts_at=DUE,
            ends_at=DUE + timedelta(hours=4),
            created_by="admin@riverside.example",
            created_at=DUE,
        )
        session.add(override)
        carer = Carer(
            clinic_id=1,
            patient_id=ana.id,
            name="June",
            relationship="wife",
            channel="simulator",
            language="en",
            created_at=DUE,
        )
        session.add(carer)
        other = Clinic(
            slug="elsewhere",
            name="Elsewhere",
            timezone="UTC",
            emergency_number="999",
            created_at=DUE,
            oncall={},
        )
        session.add(other)
        await session.flush()
        session.add(
            Staff(
                clinic_id=other.id,
                email="admin@elsewhere.example",
                name="Elsewhere Admin",
                role="admin",
                password_hash=hash_password(PASSWORD),
            )
        )
    ids = {
        "case_id": str(case_id),
        "patient_id": str(ana.id),
        "external_id": ana.external_id,
        "staff_id": str(nurse.id),
        "override_id": str(override.id),
        "rotation_key": "nurses",
        "protocol_id": str(protocol.id),
        "protocol_key": protocol.key,
        "carer_id": str(carer.id),
        "action": "claim",
    }
    api = {"Authorization": f"Bearer {await make_token(rt, 'admin@elsewhere.example')}"}
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    r = await client.post(
        "/login", data={"email": "admin@elsewhere.example", "password": PASSWORD, "csrf": csrf}
    )
    assert r.status_code == 303
    csrf = (await client.get("/")).text.split('name="csrf" value="')[1].split('"')[0]
    before = (
        await client.get(
            f"/api/v1/cases/{case_id}", headers={"Authorization": f"Bearer {await make_token(rt)}"}
        )
    ).json()

    walked = 0
    seen: set[tuple[str, str]] = set()
    for method, template in every_route(client._transport.app.routes):  # type: ignore[attr-defined]
        names = re.findall(r"{(\w+)(?::\w+)?}", template)
        if not names:
            continue
        unknown = [n for n in names if n not in ids]
        assert not unknown, f"{method} {template}: add an id of this clinic for {unknown} to this test"
        path = re.sub(r"{(\w+)(?::\w+)?}", lambda m: ids[m.group(1)], template)
        if path.startswith("/api/v1/"):
            body = next((b for end, b in API_BODIES.items() if template.endswith(end)), None)
            r = await client.request(method, path, headers=api, json=body)
        elif method == "GET":
            r = await client.get(path)
        else:
            r = await client.request(method, path, data={"csrf": csrf, **FORM})
        if (method, template) in FLASHED:
            assert r.status_code == 303, (method, template, r.status_code)
        else:
            assert r.status_code == 404, (method, template, r.status_code, r.text[:200])
        walked += 1
        seen.add((method, template))
    assert walked >= 27
    # The patients of issue 13: every page and API route that names a patient.
    assert seen >= PATIENT_ROUTES, PATIENT_ROUTES - seen
    assert seen >= STAFF_ROUTES, STAFF_ROUTES - seen
    assert seen >= PROTOCOL_ROUTES, PROTOCOL_ROUTES - seen
    assert seen >= FHIR_ROUTES, FHIR_ROUTES - seen
    assert seen >= ROTATION_ROUTES, ROTATION_ROUTES - seen
    assert seen >= CARER_ROUTES, CARER_ROUTES - seen
    after = (
        await client.get(
            f"/api/v1/cases/{case_id}", headers={"Authorization": f"Bearer {await make_token(rt)}"}
        )
    ).json()
    assert (after["status"], after["claimed_by"], len(after["events"])) == (
        before["status"],
        before["claimed_by"],
        len(before["events"]),
    )
    async with rt.db.session() as session:
        assert await session.get(OncallOverride, override.id) is not None
        assert (await session.get(Protocol, protocol.id)).questions == protocol.questions  # type: ignore[union-attr]
        untouched = await session.get(Staff, nurse.id)
        assert untouched is not None
        assert (untouched.role, untouched.active, untouched.password_hash) == (
            nurse.role,
            nurse.active,
            nurse.password_hash,
        )
    # Lists without ids show nothing of this clinic either.
    listed = (await client.get("/api/v1/cases?status=open,acknowledged,resolved", headers=api)).json()
    assert (listed["cases"], listed["total"]) == ([], 0)
    assert f'href="/cases/{case_id}"' not in (await client.get("/history")).text
    assert "Ana Reyes" not in (await client.get("/simulator/staff")).text
    assert "Ana Reyes" not in (await client.get("/admin/staff")).text
    their_staff = (await client.get("/api/v1/staff", headers=api)).json()["staff"]
    assert [s["email"] for s in their_staff] == ["admin@elsewhere.example"]
    their_log = (await client.get("/api/v1/audit", headers=api)).json()["entries"]
    assert all(e["actor"].endswith("elsewhere.example") for e in their_log)
    assert "riverside" not in (await client.get("/api/v1/clinic/export", headers=api)).text
    their_oncall = (await client.get("/api/v1/oncall/config", headers=api)).json()["oncall"]
    assert their_oncall == {"rotations": [], "escalation": {}}
    assert "Ana Reyes" not in (await client.get("/oncall/calendar")).text
    assert "Ana Reyes" not in (await client.get("/oncall")).text


def _problems_have_the_documented_shape(detail: Any) -> bool:
    """A 422's detail is a reason in words, or `[{"field", "reason"}]`: never pydantic's own
    `{"loc", "msg", "type"}` (docs/interfaces.md)."""
    if isinstance(detail, str):
        return bool(detail)
    return (
        isinstance(detail, list)
        and bool(detail)
        and all(
            isinstance(p, dict)
            and set(p) == {"field", "reason"}
            and isinstance(p["field"], str)
            and isinstance(p["reason"], str)
            and p["reason"]
            for p in detail
        )
    )


BAD_JSON = [
    b"{",
    b"[]",
    b'"a"',
    b'{"shift_hours": 0, "handoff": "7am", "starts": "yesterday"}',
    b'{"role": "boss", "zzz": 1, "text": 5, "start": 9, "count": "x", "limit": "x"}',
]


async def test_every_api_route_answers_bad_json_with_the_documented_error_shape(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = {"Authorization": f"Bearer {await make_token(rt, 'admin@riverside.example')}"}
    app = client._transport.app  # type: ignore[attr-defined]
    ids = {
        "{case_id}": "1",
        "{external_id}": "MRN-100871",
        "{staff_id}": "2",
        "{rotation_key}": "nurses",
        "{protocol_key}": "nsclc-weekly",
        "{carer_id}": "1",
        "{override_id}": "1",
        "{level}": "urgent",
    }
    leaked = []
    for method, path in every_route(app.routes):
        if not path.startswith("/api/v1/") or method not in ("GET", "POST", "PUT", "PATCH"):
            continue
        url = path
        for name, value in ids.items():
            url = url.replace(name, value)
        if method == "GET":
            # Every query parameter the API reads, given something that is none of them.
            junk = "?limit=x&offset=x&count=x&days=x&page=0&start=x&from=x&to=x&before=x&tz=x"
            asked = [await client.get(url + junk, headers=admin)]
        else:
            asked = [
                await client.request(
                    method, url, headers={**admin, "content-type": "application/json"}, content=body
                )
                for body in BAD_JSON
            ]
        for r in asked:
            assert r.status_code < 500, (method, url, r.status_code)
            if r.status_code == 422 and not _problems_have_the_documented_shape(r.json()["detail"]):
                leaked.append((method, path, r.json()["detail"]))
    assert leaked == []


async def test_a_bad_rotation_is_refused_field_by_field_in_the_imports_words(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = {"Authorization": f"Bearer {await make_token(rt, 'admin@riverside.example')}"}
    r = await client.post(
        "/api/v1/oncall/rotations",
        headers=admin,
        json={"key": "days", "members": [], "shift_hours": 0, "handoff": "7am", "starts": "yesterday"},
    )
    assert r.status_code == 422
    fields = {p["field"]: p["reason"] for p in r.json()["detail"]}
    assert fields == {
        "members": "needs at least 1 (one - line each)",
        "shift_hours": "0 is out of range: it must be at least 1",
        "handoff": "'7am' is not a time of day (HH:MM)",
        "starts": "'yesterday' is not a date (YYYY-MM-DD)",
    }
