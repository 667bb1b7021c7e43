"""The protocol editor's pages: an admin edits, a nurse reads; refusals name the import's key
path beside the field; the next five send times; what the page saves, the export gives back
and the import of that export changes nothing."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import httpx
import pytest
import yaml
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.clinic import protocols
from vigil.clinic.export import export_clinic, protocol_data
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent, Clinic
from vigil.scheduler.models import Enrolment, Protocol

from ..conftest import DEMO, NURSE, PASSWORD

ADMIN = "admin@riverside.example"


def _csrf(page: httpx.Response) -> str:
    return page.text.split('name="csrf" value="')[1].split('"')[0]


async def _sign_in(client: httpx.AsyncClient, email: str) -> str:
    page = await client.get("/login")
    r = await client.post("/login", data={"email": email, "password": PASSWORD, "csrf": _csrf(page)})
    assert r.status_code == 303
    return _csrf(await client.get("/protocols"))


async def _protocol(rt: Runtime) -> Protocol:
    async with rt.db.session() as session:
        found = await session.scalar(select(Protocol).where(Protocol.key == "nsclc-weekly"))
    assert found is not None
    return found


def _fields(page: str) -> dict[str, str]:
    """The editor's form as the browser would send it (inputs, selected options, textareas)."""
    form = page.split('id="protocol-form"')[1].split("</form>")[0]
    out: dict[str, str] = {}
    for m in re.finditer(r'<input name="([^"]+)"[^>]*?value="([^"]*)"', form):
        out[m.group(1)] = m.group(2)
    for m in re.finditer(r'<select name="([^"]+)".*?</select>', form, re.DOTALL):
        chosen = re.search(r'<option value="([^"]*)" selected>', m.group(0))
        out[m.group(1)] = chosen.group(1) if chosen else ""
    for m in re.finditer(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.DOTALL):
        out[m.group(1)] = m.group(2)
    return {k: v.replace("&gt;", ">").replace("&lt;", "<").replace("&#39;", "'") for k, v in out.items()}


def _sends(page: str) -> list[str]:
    listed = page.split('id="next-sends"')[1].split("</ol>")[0]
    return re.findall(r"<time datetime=\"[^\"]+\">([^<]+)</time>", listed)


async def test_an_admin_sees_the_protocol_with_its_next_five_sends_in_a_chosen_zone(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    proto = await _protocol(rt)
    await _sign_in(client, ADMIN)
    listed = await client.get("/protocols")
    assert f'href="/protocols/{proto.id}"' in listed.text
    assert 'id="quiet-start"' in listed.text
    page = await client.get(f"/protocols/{proto.id}?tz=Europe/London")
    assert page.status_code == 200
    fields = _fields(page.text)
    assert fields["schedule"] == "0 10 * * MON,THU"
    assert fields["q1.ask_if"] == "back_pain >= 1"
    assert fields["q2.concepts"] == "limb_weakness, numbness"
    # START is Monday 23 November 2026, 12:00 UTC: noon in London, after Monday's 10:00.
    assert _sends(page.text) == [
        "Thu 26 Nov 2026, 10:00 GMT",
        "Mon 30 Nov 2026, 10:00 GMT",
        "Thu 03 Dec 2026, 10:00 GMT",
        "Mon 07 Dec 2026, 10:00 GMT",
        "Thu 10 Dec 2026, 10:00 GMT",
    ]
    bad_zone = await client.get(f"/protocols/{proto.id}?tz=Mars/Olympus")
    assert "unknown time zone &#39;Mars/Olympus&#39;" in bad_zone.text


async def test_the_send_times_cross_the_spring_change_in_the_patients_zone(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    from datetime import UTC, datetime

    clock.set(datetime(2027, 3, 9, 12, 0, tzinfo=UTC))  # Tuesday; New York springs forward on the 14th
    proto = await _protocol(rt)
    await _sign_in(client, NURSE)
    page = await client.get(f"/protocols/{proto.id}")  # the clinic's zone: America/New_York
    assert _sends(page.text) == [
        "Thu 11 Mar 2027, 10:00 EST",
        "Mon 15 Mar 2027, 10:00 EDT",
        "Thu 18 Mar 2027, 10:00 EDT",
        "Mon 22 Mar 2027, 10:00 EDT",
        "Thu 25 Mar 2027, 10:00 EDT",
    ]


async def test_an_admin_edits_the_schedule_and_a_question_and_the_sends_and_the_audit_follow(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    proto = await _protocol(rt)
    csrf = await _sign_in(client, ADMIN)
    fields = _fields((await client.get(f"/protocols/{proto.id}")).text)
    fields.update({"csrf": csrf, "schedule": "30 9 * * TUE", "q2.text": "Any new weakness in your legs?"})
    r = await client.post(f"/protocols/{proto.id}", data={**fields, "op": "save", "tz": "Europe/London"})
    assert (r.status_code, r.headers["location"]) == (303, f"/protocols/{proto.id}?tz=Europe%2FLondon")
    page = await client.get(r.headers["location"])
    assert "Saved: schedule: 0 10 * * MON,THU → 30 9 * * TUE; question neuro: text." in page.text
    assert "3 enrolled patient(s)" in page.text
    assert _sends(page.text)[0] == "Tue 24 Nov 2026, 09:30 GMT"
    async with rt.db.session() as session:
        saved = await session.get(Protocol, proto.id)
        assert saved is not None
        assert saved.questions[2]["text"]["en"] == "Any new weakness in your legs?"
        assert saved.questions[2]["text"]["es"].startswith("¿Tiene debilidad")  # the Spanish kept
        due = set(await session.scalars(select(Enrolment.next_due_at)))
        [event] = await session.scalars(select(AuditEvent).where(AuditEvent.subject_type == "protocol"))
    assert {d.strftime("%a %H:%M") for d in due if d} == {"Tue 14:30"}  # 09:30 in New York
    assert (event.actor, event.action, event.detail["key"]) == (ADMIN, "update", "nsclc-weekly")
    audit = await client.get("/admin/audit?subject=protocol")
    assert "question neuro: text" in audit.text


async def test_a_refused_protocol_keeps_what_was_typed_and_says_why_beside_each_field(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    proto = await _protocol(rt)
    csrf = await _sign_in(client, ADMIN)
    fields = _fields((await client.get(f"/protocols/{proto.id}")).text)
    bad_fields = {"schedule": "every monday", "q3.kind": "choice", "q2.concepts": "limb_weakness, sudden"}
    html = await _refused(client, proto, {**fields, "csrf": csrf, **bad_fields})
    assert "'every monday' is not a five-field cron expression" in html
    assert 'aria-invalid="true" aria-describedby="f-schedule-problem1"' in html
    assert "<code>questions[2].concepts[1]</code>: 'sudden' is a modifier" in html
    assert 'aria-describedby="q2-concepts-problem1"' in html
    assert 'id="q3-problem">a choice question needs choices' in html
    assert 'value="every monday"' in html  # what was typed stays
    # Once each question is right, how they go together; once all is, the timers together.
    html = await _refused(client, proto, {**fields, "csrf": csrf, "q1.ask_if": "neuro >= 1"})
    assert "<code>questions[1].ask_if</code>: question back_pain_onset: ask_if names ['neuro']" in html
    assert 'id="q1-ask_if-problem1"' in html
    html = await _refused(client, proto, {**fields, "csrf": csrf, "remind_after": "2d"})
    assert "<code>remind_after</code>: remind_after must be shorter than expire_after" in html
    assert 'aria-describedby="f-remind_after-problem1"' in html
    async with rt.db.session() as session:
        unchanged = await session.get(Protocol, proto.id)
    assert unchanged is not None
    assert unchanged.schedule == "0 10 * * MON,THU"


async def _refused(client: httpx.AsyncClient, proto: Protocol, fields: dict[str, str]) -> str:
    """The page's refusal, having checked that the import refuses the same protocol in a file
    with the same key paths and words, and no others."""
    r = await client.post(f"/protocols/{proto.id}", data={**fields, "op": "save"})
    assert r.status_code == 422
    html = unescape(r.text)
    whole = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    whole["protocols"] = [protocols.from_form({**fields, "key": "nsclc-weekly"})]
    with pytest.raises(clinic_file.ImportError_) as imported:
        clinic_file.parse(yaml.safe_dump(whole), "c.yaml")
    said = []
    for line in imported.value.lines:
        found = re.fullmatch(r"c\.yaml:\d+: protocols\[0\]\.(\S+): (.*)", line)
        assert found, line
        said.append(f"<li><code>{found.group(1)}</code>: {found.group(2)}</li>")
    listed = html.split('id="form-problems"')[1].split("</ul>")[0]
    assert re.findall(r"<li>.*?</li>", listed) == said
    return html


async def test_questions_are_added_moved_and_removed_in_the_form_then_saved(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    proto = await _protocol(rt)
    csrf = await _sign_in(client, ADMIN)
    fields = {**_fields((await client.get(f"/protocols/{proto.id}")).text), "csrf": csrf}
    page = await client.post(f"/protocols/{proto.id}", data={**fields, "op": "add"})
    assert page.status_code == 200
    assert "Not saved yet" in page.text
    fields = {
        **_fields(page.text),
        "csrf": csrf,
        "q4.key": "fever",
        "q4.kind": "choice",
        "q4.text": "Have you had a fever?",
        "q4.text_es": "¿Ha tenido fiebre?",  # Rosa, enrolled, speaks Spanish
        "q4.choices": "no\nyes, below 38\nyes, 38 or more",
        "q4.choices_es": "no\nsi, menos de 38\nsi, 38 o mas",
        "q4.concepts": "fever",
    }
    page = await client.post(f"/protocols/{proto.id}", data={**fields, "op": "up:4"})
    fields = {**_fields(page.text), "csrf": csrf}
    assert fields["q3.key"] == "fever"
    assert fields["q3.choices"] == "no\nyes, below 38\nyes, 38 or more"
    page = await client.post(f"/protocols/{proto.id}", data={**fields, "op": "remove:0"})
    fields = {**_fields(page.text), "csrf": csrf}
    assert fields["q0.key"] == "back_pain_onset"
    async with rt.db.session() as session:  # nothing saved yet
        still = await session.get(Protocol, proto.id)
        assert still is not None
        assert next(q["key"] for q in still.questions) == "back_pain"
    refused = await client.post(f"/protocols/{proto.id}", data={**fields, "op": "save"})
    assert refused.status_code == 422  # back_pain_onset asks about back_pain, now gone
    assert "ask_if names [&#39;back_pain&#39;], which is not an earlier question" in refused.text
    fields["q0.ask_if"] = ""
    r = await client.post(f"/protocols/{proto.id}", data={**fields, "op": "save"})
    assert r.status_code == 303
    async with rt.db.session() as session:
        saved = await session.get(Protocol, proto.id)
        assert saved is not None
    assert [q["key"] for q in saved.questions] == ["back_pain_onset", "neuro", "fever", "anything_else"]
    assert saved.questions[2]["choices"] == {
        "en": ["no", "yes, below 38", "yes, 38 or more"],
        "es": ["no", "si, menos de 38", "si, 38 o mas"],
    }


async def test_a_question_without_the_language_of_an_enrolled_patient_is_refused_beside_its_field(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    proto = await _protocol(rt)
    csrf = await _sign_in(client, ADMIN)
    fields = {**_fields((await client.get(f"/protocols/{proto.id}")).text), "csrf": csrf}
    fields["q2.text_es"] = ""  # Rosa Delgado, enrolled, speaks Spanish
    refused = await client.post(f"/protocols/{proto.id}", data={**fields, "op": "save"})
    assert refused.status_code == 422
    assert "patient MRN-101552 speaks es, but protocol &#39;nsclc-weekly&#39; has no es text" in refused.text
    assert 'id="q2-text-es" rows="2" maxlength="480" lang="es" aria-invalid="true"' in refused.text


async def test_what_the_page_saves_the_export_gives_back_and_importing_it_changes_nothing(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    proto = await _protocol(rt)
    csrf = await _sign_in(client, ADMIN)
    fields = _fields((await client.get(f"/protocols/{proto.id}")).text)
    fields.update(
        {
            "csrf": csrf,
            "op": "save",
            "schedule": "0 18 * * WED",
            "remind_after": "90m",
            "expire_after": "1d",
            "flag_after_missed": "3",
            "q3.kind": "choice",
            "q3.choices": "nothing\nsomething: I will write",
            "q3.choices_es": "nada\nalgo: lo escribo",
            "q1.ask_if": "back_pain >= 4",
        }
    )
    assert (await client.post(f"/protocols/{proto.id}", data=fields)).status_code == 303
    r = await client.post("/protocols/quiet-hours", data={"csrf": csrf, "start": "22:00", "end": "7:30"})
    assert r.status_code == 303
    exported = (await client.get("/admin/export.yaml")).text
    assert "remind_after: 90m" in exported
    assert "end: 07:30" in exported or "end: '07:30'" in exported
    async with rt.db.session() as session:
        before = protocol_data(await session.get(Protocol, proto.id))  # type: ignore[arg-type]
        due_before = sorted(d for d in await session.scalars(select(Enrolment.next_due_at)) if d)
    clock.advance(hours=5)
    summary = await clinic_import.apply(rt.db, clinic_file.parse(exported, "export.yaml"), clock)
    assert str(summary) == "nothing changed"
    async with rt.db.session() as session:
        assert protocol_data(await session.get(Protocol, proto.id)) == before  # type: ignore[arg-type]
        assert sorted(d for d in await session.scalars(select(Enrolment.next_due_at)) if d) == due_before
        clinic_id = await session.scalar(select(Clinic.id))
        assert clinic_id is not None
        assert await export_clinic(session, clinic_id) == exported


async def test_a_new_protocol_is_made_on_the_page_and_its_key_cannot_be_taken_twice(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    page = await client.get("/protocols/new")
    assert page.status_code == 200
    form = {
        "csrf": csrf,
        "op": "save",
        "key": "post-chemo",
        "name": "After chemotherapy, daily",
        "schedule": "0 9 * * *",
        "expire_after": "12h",
        "q0.key": "temp",
        "q0.kind": "text",
        "q0.text": "What is your temperature today?",
        "q0.concepts": "fever",
    }
    r = await client.post("/protocols/new", data=form)
    assert r.status_code == 303
    assert "After chemotherapy, daily created." in (await client.get(r.headers["location"])).text
    again = await client.post("/protocols/new", data=form)
    assert again.status_code == 422
    assert "post-chemo is already a protocol of this clinic" in again.text
    async with rt.db.session() as session:
        [event] = await session.scalars(
            select(AuditEvent).where(AuditEvent.subject_type == "protocol", AuditEvent.action == "create")
        )
    assert event.detail["changed"] == ["created"]


async def test_a_nurse_reads_protocols_and_quiet_hours_but_cannot_change_them(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    proto = await _protocol(rt)
    csrf = await _sign_in(client, NURSE)
    listed = await client.get("/protocols")
    assert "New protocol" not in listed.text
    assert "From 21:00 until 08:00." in listed.text
    page = await client.get(f"/protocols/{proto.id}?tz=Asia/Tokyo")
    assert page.status_code == 200
    assert "Only a clinic admin changes protocols" in page.text
    assert '<fieldset class="plain" disabled>' in page.text
    assert len(_sends(page.text)) == 5
    assert 'value="save"' not in page.text
    fields: dict[str, Any] = {**_fields(page.text), "csrf": csrf, "op": "save", "schedule": "0 3 * * *"}
    assert (await client.post(f"/protocols/{proto.id}", data=fields)).status_code == 403
    assert (await client.post(f"/protocols/{proto.id}", data={**fields, "op": "add"})).status_code == 403
    assert (await client.post("/protocols/new", data=fields)).status_code == 403
    assert (await client.get("/protocols/new")).status_code == 403
    r = await client.post("/protocols/quiet-hours", data={"csrf": csrf, "start": "", "end": ""})
    assert r.status_code == 403
    async with rt.db.session() as session:
        assert (await session.get(Protocol, proto.id)).schedule == "0 10 * * MON,THU"  # type: ignore[union-attr]


async def test_protocol_forms_need_the_csrf_token(rt: Runtime, client: httpx.AsyncClient) -> None:
    proto = await _protocol(rt)
    await _sign_in(client, ADMIN)
    fields = _fields((await client.get(f"/protocols/{proto.id}")).text)
    assert (await client.post(f"/protocols/{proto.id}", data={**fields, "csrf": "x"})).status_code == 403
    assert (await client.post("/protocols/quiet-hours", data={"start": "", "end": ""})).status_code == 403


async def test_bad_quiet_hours_say_why_beside_the_field(rt: Runtime, client: httpx.AsyncClient) -> None:
    csrf = await _sign_in(client, ADMIN)
    r = await client.post("/protocols/quiet-hours", data={"csrf": csrf, "start": "9pm", "end": "08:00"})
    assert r.status_code == 422
    assert 'id="quiet-start-problem">&#39;9pm&#39; is not a time of day (HH:MM)' in r.text
    assert 'value="9pm"' in r.text


async def test_protocol_pages_need_a_signed_in_person_and_a_real_id(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    for path in ("/protocols", "/protocols/new", "/protocols/1"):
        r = await client.get(path, headers={"accept": "text/html"})
        assert (r.status_code, r.headers["location"]) == (303, "/login"), path
    await _sign_in(client, NURSE)
    for path in ("/protocols/999", "/protocols/abc", "/protocols/99999999999999"):
        assert (await client.get(path)).status_code == 404, path


async def test_a_send_the_quiet_hours_move_says_when_it_was_due(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    proto = await _protocol(rt)
    csrf = await _sign_in(client, ADMIN)
    fields = {**_fields((await client.get(f"/protocols/{proto.id}")).text), "csrf": csrf}
    page = await client.post(
        f"/protocols/{proto.id}", data={**fields, "schedule": "30 22 * * MON", "op": "preview"}
    )
    assert "These are the send times of the schedule as typed" in page.text
    assert _sends(page.text)[0] == "Tue 24 Nov 2026, 08:00 EST"
    assert "(due 22:30, in the quiet hours)" in page.text


async def test_a_blank_new_protocol_form_shows_no_error_before_anything_is_typed(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    await _sign_in(client, ADMIN)
    page = await client.get("/protocols/new")
    assert page.status_code == 200
    assert 'id="times-error"' not in page.text
    assert "cannot be read" not in page.text
    assert 'aria-invalid="true"' not in page.text
    assert _sends(page.text) == []


async def test_a_schedule_that_never_fires_is_refused_beside_the_field(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    page = await client.get(f"/protocols/{(await _protocol(rt)).id}")
    form = {**_fields(page.text), "csrf": csrf, "op": "save", "schedule": "0 10 31 2 *"}
    r = await client.post(f"/protocols/{(await _protocol(rt)).id}", data=form)
    assert r.status_code == 422
    assert "&#39;0 10 31 2 *&#39; never fires" in r.text
    assert (await _protocol(rt)).schedule != "0 10 31 2 *"
