"""The clinic's patients in the dashboard and the API: the list, add and edit, pause and
resume, discharge and re-admit, a Telegram invite's QR code, and who may change what."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent, Clinic, OutboundMessage, Patient
from vigil.scheduler.models import Enrolment

from ..conftest import DEMO, DUE, NURSE, PASSWORD, make_token

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "clinic.yaml"

ADMIN = "admin@riverside.example"


def _csrf(page: httpx.Response) -> str:
    return page.text.split('name="csrf" value="')[1].split('"')[0]


async def _sign_in(client: httpx.AsyncClient, email: str = ADMIN) -> str:
    page = await client.get("/login")
    r = await client.post("/login", data={"email": email, "password": PASSWORD, "csrf": _csrf(page)})
    assert r.status_code == 303
    return _csrf(await client.get("/patients"))


async def _admin(rt: Runtime) -> dict[str, str]:
    return {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}


def _form(**values: str) -> dict[str, str]:
    return {
        "external_id": "MRN-300001",
        "name": "Rosa Diaz",
        "channel": "sms",
        "phone": "(617) 555-0142",
        "timezone": "",
        "language": "es",
        "protocol": "nsclc-weekly",
        "on_active_treatment": "yes",
        **values,
    }


async def _patient(rt: Runtime, external_id: str) -> Patient:
    async with rt.db.session() as session:
        found = await session.scalar(select(Patient).where(Patient.external_id == external_id))
    assert found is not None
    return found


async def test_an_admin_adds_a_patient_whose_phone_in_any_format_is_stored_as_e164(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client)
    r = await client.post("/patients/new", data={**_form(), "csrf": csrf})
    assert r.status_code == 303, r.text
    rosa = await _patient(rt, "MRN-300001")
    assert (rosa.phone, rosa.language, rosa.status, rosa.context["on_active_treatment"]) == (
        "+16175550142",
        "es",
        "active",
        True,
    )
    async with rt.db.session() as session:
        enrolled = await session.scalar(select(Enrolment).where(Enrolment.patient_id == rosa.id))
        audited = await session.scalar(
            select(AuditEvent).where(AuditEvent.action == "create", AuditEvent.subject_id == str(rosa.id))
        )
    assert enrolled is not None
    assert enrolled.active
    assert enrolled.next_due_at is not None
    assert audited is not None
    assert audited.actor == ADMIN
    page = await client.get(r.headers["location"])
    assert "Rosa Diaz added." in page.text


async def test_a_form_with_bad_fields_says_why_for_each_and_writes_nothing(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client)
    bad = _form(name="", phone="call me maybe", timezone="Mars/Olympus", protocol="nope", external_id="#1")
    r = await client.post("/patients/new", data={**bad, "csrf": csrf})
    assert r.status_code == 422
    for reason in (
        'id="name-problem"',
        "is not a phone number",
        "unknown time zone &#39;Mars/Olympus&#39;",
        "may hold only letters, digits",
    ):
        assert reason in r.text, reason
    r = await client.post("/patients/new", data={**_form(protocol="nope"), "csrf": csrf})
    assert r.status_code == 422
    assert "no protocol &#39;nope&#39;" in r.text
    r = await client.post("/patients/new", data={**_form(channel="pigeon", phone=""), "csrf": csrf})
    assert "must be one of sms, telegram, simulator" in r.text
    r = await client.post("/patients/new", data={**_form(external_id="MRN-100234"), "csrf": csrf})
    assert "duplicate id: MRN-100234 is already a patient here" in r.text
    async with rt.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Patient)) == 3


async def test_editing_a_patient_changes_what_was_changed_and_audits_which_fields(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client)
    walter = await _patient(rt, "MRN-100234")
    assert f'href="/patients/{walter.id}/edit"' in (await client.get(f"/patients/{walter.id}")).text
    form = await client.get(f"/patients/{walter.id}/edit")
    assert 'value="Walter Brennan"' in form.text
    data = {
        "csrf": csrf,
        "external_id": "MRN-100234",
        "name": "Walter J. Brennan",
        "channel": "simulator",
        "phone": "+44 20 7946 0018",
        "timezone": "Europe/London",
        "language": "en",
        "protocol": "nsclc-weekly",
        "on_active_treatment": "yes",
        "known_bone_metastases": "yes",
    }
    r = await client.post(f"/patients/{walter.id}/edit", data=data)
    assert r.status_code == 303
    after = await _patient(rt, "MRN-100234")
    assert (after.name, after.phone, after.timezone) == (
        "Walter J. Brennan",
        "+442079460018",
        "Europe/London",
    )
    async with rt.db.session() as session:
        event = await session.scalar(select(AuditEvent).where(AuditEvent.action == "update"))
    assert event is not None
    assert event.detail["changed"] == ["name", "phone", "timezone", "next check-in"]
    r = await client.post(f"/patients/{walter.id}/edit", data={**data, "external_id": "MRN-9"})
    assert r.status_code == 422
    assert "cannot change" in r.text


async def test_pause_resume_discharge_and_readmit_from_the_page(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client)
    walter = await _patient(rt, "MRN-100234")

    async def press(action: str, **more: str) -> str:
        r = await client.post(f"/patients/{walter.id}/status", data={"csrf": csrf, "action": action, **more})
        assert r.status_code == 303
        return (await client.get(r.headers["location"])).text

    assert "Paused" in await press("pause")
    assert (await _patient(rt, "MRN-100234")).status == "paused"
    assert "Not done: the patient is paused, not active" in await press("pause")
    assert "Resumed" in await press("resume")
    assert "Discharged" in await press("discharge")
    discharged = await _patient(rt, "MRN-100234")
    assert discharged.discharged_at is not None
    async with rt.db.session() as session:
        active = await session.scalar(
            select(func.count())
            .select_from(Enrolment)
            .where(Enrolment.patient_id == walter.id, Enrolment.active.is_(True))
        )
    assert active == 0
    page = await press("readmit", protocol="nsclc-weekly")
    assert "Re-admitted on NSCLC weekly symptom check." in page
    async with rt.db.session() as session:
        actions = list(
            await session.scalars(
                select(AuditEvent.action).where(AuditEvent.subject_type == "patient").order_by(AuditEvent.id)
            )
        )
    # The demo's import audited the opt-in notice it queued for each of its three patients.
    assert actions == ["opt_in_notice"] * 3 + ["pause", "resume", "discharge", "readmit"]


async def test_the_list_searches_filters_sorts_and_pages(rt: Runtime, client: httpx.AsyncClient) -> None:
    admin = await _admin(rt)
    rows = "external_id,name,channel,phone,protocol\n" + "".join(
        f"P-{i:03},Person {i:03},sms,+1 617 555 {1000 + i},{'nsclc-weekly' if i % 2 else ''}\n"
        for i in range(60)
    )
    r = await client.post("/api/v1/patients/import?dry_run=false", headers=admin, content=rows)
    assert r.json()["counts"]["add"] == 60

    async def listed(query: str) -> dict[str, Any]:
        r = await client.get(f"/api/v1/patients?{query}", headers=admin)
        assert r.status_code == 200, r.text
        return dict(r.json())

    assert (await listed(""))["total"] == 63
    first = await listed("limit=25&sort=external_id")
    assert [p["external_id"] for p in first["patients"][:2]] == ["MRN-100234", "MRN-100871"]
    third = await listed("limit=25&offset=50&sort=external_id")
    assert [p["external_id"] for p in third["patients"]] == [f"P-{i:03}" for i in range(47, 60)]
    assert [p["name"] for p in (await listed("q=person 05&sort=-name"))["patients"]] == [
        f"Person 05{i}" for i in range(9, -1, -1)
    ]
    assert (await listed("q=mrn-1008"))["patients"][0]["name"] == "Maria Santos"
    assert (await listed("protocol=nsclc-weekly"))["total"] == 33
    await client.post("/api/v1/patients/P-001/pause", headers=admin)
    assert [p["external_id"] for p in (await listed("status=paused"))["patients"]] == ["P-001"]
    assert (await listed("status=discharged"))["total"] == 0
    await client.post(
        "/api/v1/simulator/messages",
        headers=admin,
        json={"external_id": "MRN-100234", "text": "I passed out"},
    )
    opened = (await listed("open_case=yes"))["patients"]
    assert [p["external_id"] for p in opened] == ["MRN-100234"]
    assert opened[0]["open_case"]["level"] == "emergency"
    assert (await listed("open_case=no"))["total"] == 62
    long = await client.get("/api/v1/patients?q=" + "x" * 200, headers=admin)
    assert (long.status_code, long.json()["total"]) == (200, 0)
    async with rt.db.session() as session:
        listed_by = list(await session.scalars(select(AuditEvent.actor).where(AuditEvent.action == "list")))
    assert set(listed_by) == {ADMIN}  # who read the list is audited
    bad = await client.get("/api/v1/patients?status=asleep", headers=admin)
    assert bad.status_code == 422
    assert "status must be among" in bad.text

    await _sign_in(client, NURSE)  # nurses see the list too
    page = await client.get("/patients?q=person&sort=name&page=2")
    assert page.status_code == 200
    assert "51–60 of 60." in page.text
    assert "Person 050" in page.text
    assert "Person 049" not in page.text
    assert 'rel="prev"' in page.text
    assert 'rel="next"' not in page.text
    assert "Add a patient" not in page.text  # nurses do not change patients
    assert (await client.get("/patients?status=asleep")).status_code == 400


async def test_a_nurse_sees_patients_but_cannot_change_them(rt: Runtime, client: httpx.AsyncClient) -> None:
    csrf = await _sign_in(client, NURSE)
    walter = await _patient(rt, "MRN-100234")
    assert (await client.get("/patients")).status_code == 200
    assert "/edit" not in (await client.get(f"/patients/{walter.id}")).text
    for path in ("/patients/new", f"/patients/{walter.id}/edit", "/patients/import"):
        assert (await client.get(path)).status_code == 403, path
    for path, data in (
        ("/patients/new", _form()),
        (f"/patients/{walter.id}/edit", _form(external_id="MRN-100234")),
        (f"/patients/{walter.id}/status", {"action": "discharge"}),
        (f"/patients/{walter.id}/invite", {}),
    ):
        r = await client.post(path, data={"csrf": csrf, **data})
        assert r.status_code == 403, path
        assert "only a clinic admin changes patients" in r.text
    nurse = {"Authorization": f"Bearer {await make_token(rt, NURSE)}"}
    assert (await client.get("/api/v1/patients", headers=nurse)).json()["total"] == 3
    assert (await client.get("/api/v1/patients/MRN-100234", headers=nurse)).status_code == 200
    for method, path, body in (
        ("POST", "/api/v1/patients", {"external_id": "X1", "name": "X", "channel": "simulator"}),
        ("PATCH", "/api/v1/patients/MRN-100234", {"name": "Someone else"}),
        ("POST", "/api/v1/patients/MRN-100234/discharge", None),
    ):
        r = await client.request(method, path, headers=nurse, json=body)
        assert r.status_code == 403, path
    r = await client.post(
        "/api/v1/patients/import?dry_run=false", headers=nurse, content="external_id,name,channel\n"
    )
    assert r.status_code == 403
    assert (await _patient(rt, "MRN-100234")).name == "Walter Brennan"
    async with rt.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(Patient)) == 3


async def test_the_api_adds_and_changes_patients_and_refuses_bad_fields_one_by_one(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    r = await client.post(
        "/api/v1/patients",
        headers=admin,
        json={"external_id": "MRN-1", "name": "Ann", "channel": "sms", "phone": "+1 (617) 555-0150"},
    )
    assert r.status_code == 201, r.text
    assert (r.json()["phone"], r.json()["protocol"], r.json()["status"]) == ("+16175550150", None, "active")
    r = await client.patch(
        "/api/v1/patients/MRN-1",
        headers=admin,
        json={"protocol": "nsclc-weekly", "context": {"known_brain_metastases": True}},
    )
    assert r.status_code == 200, r.text
    assert r.json()["protocol"] == "nsclc-weekly"
    assert r.json()["context"]["known_brain_metastases"] is True
    assert r.json()["changed"] == ["context", "protocol"]
    r = await client.patch("/api/v1/patients/MRN-1", headers=admin, json={"phone": None})
    assert r.status_code == 422
    assert r.json()["detail"] == [{"field": "phone", "reason": "channel sms needs a phone"}]
    r = await client.post(
        "/api/v1/patients",
        headers=admin,
        json={"external_id": "MRN-2", "name": "Bo", "channel": "sms", "phone": "12", "timezone": "Nowhere"},
    )
    assert r.status_code == 422
    fields = {p["field"]: p["reason"] for p in r.json()["detail"]}
    assert set(fields) == {"phone", "timezone"}
    r = await client.post(
        "/api/v1/patients", headers=admin, json={"external_id": "X", "name": "\x00", "channel": "sms"}
    )
    assert r.status_code == 422
    r = await client.post("/api/v1/patients/MRN-1/resume", headers=admin)
    assert (r.status_code, r.json()["detail"]) == (409, "the patient is active, not paused")
    async with rt.db.transaction() as session:  # their number bounced; the admin corrects it
        ann = await session.scalar(select(Patient).where(Patient.external_id == "MRN-1"))
        assert ann is not None
        ann.status = "unreachable"
    await client.patch("/api/v1/patients/MRN-1", headers=admin, json={"phone": "+1 617 555 0151"})
    r = await client.post("/api/v1/patients/MRN-1/resume", headers=admin)
    assert (r.status_code, r.json()["status"]) == (200, "active")
    assert (await client.post("/api/v1/patients/MRN-1/discharge", headers=admin)).json()[
        "status"
    ] == "discharged"
    r = await client.post("/api/v1/patients/MRN-1/readmit", headers=admin)
    assert (r.json()["status"], r.json()["protocol"]) == ("active", "nsclc-weekly")  # their last protocol


async def test_the_api_resumes_a_paused_patient_who_never_agreed_to_awaiting_consent_not_to_check_ins(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    async with rt.db.transaction() as session:
        await session.execute(update(Clinic).values(text_consent="ask"))
    r = await client.post(
        "/api/v1/patients",
        headers=admin,
        json={"external_id": "MRN-1", "name": "Ann", "channel": "sms", "phone": "+1 (617) 555-0150"},
    )
    assert (r.status_code, r.json()["status"]) == (201, "awaiting_consent")
    async with rt.db.transaction() as session:  # paused by the clinic file before she answered
        await session.execute(update(Patient).where(Patient.external_id == "MRN-1").values(status="paused"))
    async with rt.db.session() as session:
        sent = await session.scalar(select(func.count()).select_from(OutboundMessage))
    r = await client.post("/api/v1/patients/MRN-1/resume", headers=admin)
    assert (r.status_code, r.json()["status"]) == (200, "awaiting_consent")
    assert (await _patient(rt, "MRN-1")).consented_at is None
    async with rt.db.session() as session:  # the question she was asked stands: not asked again
        assert await session.scalar(select(func.count()).select_from(OutboundMessage)) == sent


async def test_a_telegram_patient_gets_an_invite_link_and_its_qr_code_as_inline_svg(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    class Links:
        async def link_name(self) -> str:
            return "vigil_test_bot"

    csrf = await _sign_in(client)
    r = await client.post("/patients/new", data={**_form(channel="telegram", phone=""), "csrf": csrf})
    assert r.status_code == 303
    rosa = await _patient(rt, "MRN-300001")
    assert rosa.status == "invited"  # nothing reaches them until they open the link
    off = await client.post(f"/patients/{rosa.id}/invite", data={"csrf": csrf})
    assert "Telegram is off" in off.text
    rt.service.invite_links = Links()
    page = await client.post(f"/patients/{rosa.id}/invite", data={"csrf": csrf})
    assert page.status_code == 200
    assert 'id="invite-link"' in page.text
    assert "https://t.me/vigil_test_bot?start=" in page.text
    svg = page.text.split('id="invite-qr">')[1].split("</figure>")[0]
    assert svg.startswith("<svg")
    assert "<script" not in svg
    assert "style=" not in svg


async def test_a_patient_added_on_the_page_is_unchanged_by_the_file_that_lists_them(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    """The pages and `vigil import` write with the same code: the same patient is the same row."""
    csrf = await _sign_in(client)
    await client.post("/patients/new", data={**_form(), "csrf": csrf})
    listed = DEMO.read_text() + (
        "  - external_id: MRN-300001\n    name: Rosa Diaz\n    phone: '+1 617 555 0142'\n    channel: sms\n"
        "    language: es\n    protocol: nsclc-weekly\n    context: {on_active_treatment: true}\n"
    )
    summary = await clinic_import.apply(rt.db, clinic_file.parse(listed), rt.clock)
    assert not summary.changed, str(summary)


async def test_a_patient_added_on_the_page_gets_their_first_check_in_on_the_simulator(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    csrf = await _sign_in(client)
    r = await client.post(
        "/patients/new", data={**_form(channel="simulator", phone="", language="en"), "csrf": csrf}
    )
    assert r.status_code == 303
    clock.set(DUE)  # Monday 10:00 in New York: the weekly protocol's first check-in
    await rt.service.send_due()
    rosa = await _patient(rt, "MRN-300001")
    async with rt.db.session() as session:
        sent = list(
            await session.scalars(
                select(OutboundMessage.text).where(
                    OutboundMessage.patient_id == rosa.id, OutboundMessage.kind == "question"
                )
            )
        )
    assert len(sent) == 1
    assert "How bad is any back pain today" in sent[0]
    assert "How bad is any back pain today" in (await client.get("/simulator/MRN-300001")).text


async def test_a_second_sms_patient_on_a_number_already_texted_is_refused(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    """A text from a number is read as one patient's: a second patient there would have their
    red flags filed on the other's record."""
    csrf = await _sign_in(client)
    assert (await client.post("/patients/new", data={**_form(), "csrf": csrf})).status_code == 303
    again = _form(external_id="MRN-300002", name="Harold Finch", phone="+1 617 555 0142", language="en")
    r = await client.post("/patients/new", data={**again, "csrf": csrf})
    assert r.status_code == 422
    assert "+16175550142 is already patient MRN-300001&#39;s" in r.text
    async with rt.db.session() as session:
        assert await session.scalar(select(func.count()).where(Patient.external_id == "MRN-300002")) == 0
    # On another channel the number is only for calls: allowed.
    telegram = {**again, "channel": "telegram"}
    assert (await client.post("/patients/new", data={**telegram, "csrf": csrf})).status_code == 303


def test_the_clinic_file_refuses_two_sms_patients_on_one_number() -> None:
    text = EXAMPLE.read_text().replace('phone: "+1 617 555 0166"', 'phone: "+1 617 555 0199"')
    with pytest.raises(clinic_file.ImportError_) as bad:
        clinic_file.parse(text, "clinic.yaml")
    assert any(
        "patients.MRN-101552.phone: +16175550199 is already patient MRN-100234's" in line
        for line in bad.value.lines
    )


async def test_a_number_the_import_would_refuse_is_refused_by_the_api_and_pages_in_its_words(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    """The export of what the API and the pages accept must import: a patient texted by SMS
    at a number a patient added before them has (whatever their channel) is refused there as
    the import refuses it (`patients.MRN-020.phone: ... is already patient MRN-001's`)."""
    admin = await _admin(rt)
    first = {"external_id": "MRN-001", "name": "Ann One", "channel": "simulator", "phone": "312 555 0142"}
    assert (await client.post("/api/v1/patients", headers=admin, json=first)).status_code == 201
    second = {"external_id": "MRN-020", "name": "Bo Two", "channel": "sms", "phone": "+1 312 555 0142"}
    r = await client.post("/api/v1/patients", headers=admin, json=second)
    assert (r.status_code, r.json()) == (
        422,
        {"detail": [{"field": "phone", "reason": "+13125550142 is already patient MRN-001's"}]},
    )
    csrf = await _sign_in(client)
    page = await client.post(
        "/patients/new", data={**_form(**{**second, "language": "en", "protocol": ""}), "csrf": csrf}
    )
    assert page.status_code == 422
    assert "+13125550142 is already patient MRN-001&#39;s" in page.text
    # An update that moves a patient onto the number is refused alike, and writes nothing.
    other = {"external_id": "MRN-021", "name": "Cy Three", "channel": "sms", "phone": "+1 312 555 0199"}
    assert (await client.post("/api/v1/patients", headers=admin, json=other)).status_code == 201
    r = await client.patch("/api/v1/patients/MRN-021", headers=admin, json={"phone": "(312) 555-0142"})
    assert (r.status_code, r.json()["detail"]) == (
        422,
        [{"field": "phone", "reason": "+13125550142 is already patient MRN-001's"}],
    )
    assert (await _patient(rt, "MRN-021")).phone == "+13125550199"
    # An earlier patient given the number of a later SMS patient: the import would refuse the later.
    r = await client.patch("/api/v1/patients/MRN-001", headers=admin, json={"phone": "+1 312 555 0199"})
    assert (r.status_code, r.json()["detail"]) == (
        422,
        [{"field": "phone", "reason": "+13125550199 is already patient MRN-021's"}],
    )
    exported = (await client.get("/api/v1/clinic/export", headers=admin)).text
    assert str(await clinic_import.apply(rt.db, clinic_file.parse(exported), clock)) == "nothing changed"
