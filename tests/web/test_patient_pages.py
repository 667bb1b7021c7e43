"""The patient page and the case page: 0-10 scores as charts, each reason with its message."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent, Clinic, Patient

from ..bot.test_trends import MARIA, answer_check_ins
from ..conftest import DUE, NURSE

PASSWORD = "correct horse battery"


def _csrf(page: httpx.Response) -> str:
    return page.text.split('name="csrf" value="')[1].split('"')[0]


async def _sign_in(client: httpx.AsyncClient) -> None:
    page = await client.get("/login")
    r = await client.post("/login", data={"email": NURSE, "password": PASSWORD, "csrf": _csrf(page)})
    assert (r.status_code, r.headers["location"]) == (303, "/")


async def _maria(rt: Runtime) -> Patient:
    patient = await rt.service.patient(1, MARIA)
    assert patient is not None
    return patient


async def _say(client: httpx.AsyncClient, auth: dict[str, str], text: str) -> None:
    body = {"external_id": MARIA, "text": text}
    assert (await client.post("/api/v1/simulator/messages", headers=auth, json=body)).status_code == 202


async def _case_id(client: httpx.AsyncClient, auth: dict[str, str]) -> int:
    [case] = (await client.get("/api/v1/cases", headers=auth)).json()["cases"]
    return int(case["id"])


def _chart(page: str, key: str) -> str:
    found = re.search(rf'<figure class="chart[^"]*" id="chart-{key}">(.*?)</figure>', page, re.DOTALL)
    assert found, f"no chart for {key}"
    return found.group(1)


async def test_the_patient_page_shows_who_they_are_and_their_scores_as_a_chart(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    await answer_check_ins(rt, clock, client, auth, "2", "2", "2", "5")
    maria = await _maria(rt)
    await _sign_in(client)

    page = await client.get(f"/patients/{maria.id}")
    assert page.status_code == 200
    html = page.text
    assert "Maria Santos" in html
    assert "NSCLC weekly symptom check" in html  # her protocol
    assert "<dt>Phone</dt><dd>none on record</dd>" in html  # she is on Telegram only
    assert "active" in html
    chart = _chart(html, "back_pain")
    assert "<svg" in chart
    assert chart.count("<circle") == 4  # one point an answer
    assert "<polyline" in chart
    assert 'class="baseline"' in chart  # the median of her first three
    assert 'class="point worse"' in chart  # the 5 worsened against it
    assert "worsening" in chart
    assert "<script" not in chart
    assert not re.search(r"\sstyle\s*=", html)  # the strict CSP may block inline styles


async def test_the_patient_page_gives_the_number_to_call_back(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    maria = await _maria(rt)
    async with rt.db.transaction() as session:
        found = await session.get(Patient, maria.id)
        assert found is not None
        found.phone = "+16175550188"
    await _sign_in(client)

    html = (await client.get(f"/patients/{maria.id}")).text

    assert '<a href="tel:+16175550188">+16175550188</a>' in html


async def test_viewing_a_patient_is_audited(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    maria = await _maria(rt)
    await _sign_in(client)
    assert (await client.get(f"/patients/{maria.id}")).status_code == 200
    async with rt.db.session() as session:
        views = list(
            await session.scalars(
                select(AuditEvent).where(AuditEvent.action == "view", AuditEvent.subject_type == "patient")
            )
        )
    assert [(v.actor, v.subject_id, v.clinic_id) for v in views] == [(NURSE, str(maria.id), 1)]


async def test_a_patient_of_another_clinic_is_not_found(rt: Runtime, client: httpx.AsyncClient) -> None:
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
        stranger = Patient(
            clinic_id=other.id,
            external_id="MRN-ELSEWHERE",
            name="Someone Else",
            channel="simulator",
            created_at=rt.clock.now(),
        )
        session.add(stranger)
        await session.flush()
        stranger_id = stranger.id
    await _sign_in(client)
    page = await client.get(f"/patients/{stranger_id}")
    assert page.status_code == 404
    assert "Someone Else" not in page.text
    assert (await client.get("/patients/999999")).status_code == 404
    async with rt.db.session() as session:
        # (The demo's import audited its opt-in notices as the system; no staff view is audited.)
        audited = await session.scalar(
            select(AuditEvent).where(AuditEvent.subject_type == "patient", AuditEvent.actor != "system")
        )
    assert audited is None


async def test_the_patient_page_needs_a_signed_in_nurse(rt: Runtime, client: httpx.AsyncClient) -> None:
    maria = await _maria(rt)
    r = await client.get(f"/patients/{maria.id}", headers={"accept": "text/html"})
    assert (r.status_code, r.headers["location"]) == (303, "/login")


async def test_the_case_page_links_the_patient_page_and_charts_their_scores(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    await answer_check_ins(rt, clock, client, auth, "2", "2", "2", "5")
    maria = await _maria(rt)
    await _sign_in(client)
    page = (await client.get(f"/cases/{await _case_id(client, auth)}")).text
    assert f'href="/patients/{maria.id}"' in page
    assert "<circle" in _chart(page, "back_pain")
    # The reason the trend raised the case says so.
    assert "spinal-pain-flags" in page
    assert "worsening: 5 is 3 above baseline 2" in page


async def test_a_case_raised_by_two_messages_shows_each_with_its_evidence_marked(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    await _say(client, auth, "spine's sore since I carried the shopping in")
    clock.advance(timedelta(hours=3))
    await _say(client, auth, "now my left foot feels dead")
    case_id = await _case_id(client, auth)

    detail = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()
    inbound = [m for m in detail["messages"] if m["direction"] == "in"]
    by_concept = {r["concept"]: r for r in detail["reasons"] if r["rule"] == "mscc-neuro"}
    for concept, message in (("back_pain", inbound[0]), ("numbness", inbound[1])):
        source = by_concept[concept]["message"]
        assert source["id"] == message["id"]
        assert source["text"] == message["text"]
        assert source["at"] == message["at"]
        [mark] = source["highlights"]
        assert source["text"][mark["start"] : mark["end"]] == by_concept[concept]["evidence"]

    await _sign_in(client)
    for url in (f"/cases/{case_id}", f"/cases/{case_id}/live"):
        html = (await client.get(url)).text
        reasons = html.split('id="case-reasons"')[1].split("</ul>")[0]
        quotes = re.findall(r'<blockquote class="source" data-message-id="(\d+)">(.*?)</blockquote>', reasons)
        assert {int(i) for i, _ in quotes} >= {inbound[0]["id"], inbound[1]["id"]}
        shown = {int(i): q for i, q in quotes}
        back = by_concept["back_pain"]["evidence"].replace("'", "&#39;")
        numb = by_concept["numbness"]["evidence"]
        assert f"<mark>{back}</mark>" in shown[inbound[0]["id"]]
        assert "carried the shopping in" in shown[inbound[0]["id"]]
        assert f"<mark>{numb}</mark>" in shown[inbound[1]["id"]]
        assert f'href="#msg-in-{inbound[1]["id"]}"' in reasons
        assert f'id="msg-in-{inbound[1]["id"]}"' in html  # the link lands on the transcript's message


async def test_a_reasons_message_is_escaped_around_its_marked_evidence(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    hostile = (
        "<img src=x onerror=alert(1)> my back is killing me & my legs feel weak <script>alert(2)</script>"
    )
    await _say(client, auth, hostile)
    case_id = await _case_id(client, auth)
    await _sign_in(client)
    html = (await client.get(f"/cases/{case_id}")).text
    reasons = html.split('id="case-reasons"')[1].split("</ul>")[0]
    assert "<mark>legs feel weak</mark>" in reasons
    assert "&lt;img src=x onerror=alert(1)&gt;" in reasons
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in reasons
    assert "<img" not in html
    assert "<script>alert" not in html
    assert "</mark> &amp; my <mark>" in reasons  # one quote of the message, both findings marked


async def test_a_message_with_two_findings_is_quoted_once_with_its_rules_in_words(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    await _say(client, auth, "my back is killing me and my legs feel weak")
    case_id = await _case_id(client, auth)
    await _sign_in(client)
    html = (await client.get(f"/cases/{case_id}")).text
    reasons = html.split('id="case-reasons"')[1].split("</ul>")[0]
    assert reasons.count("<blockquote") == 1
    assert "back pain, limb weakness" in reasons
    assert "spinal pain with nerve signs: possible cord compression <code>mscc-neuro</code>" in reasons
    assert reasons.count("<code>mscc-neuro</code>") == 1


async def test_a_bare_yes_among_the_reasons_is_shown_with_the_question_it_answered(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    await _say(client, auth, "my back has been aching since the weekend")
    await _say(client, auth, "yes")  # to the first red-flag question, about the legs
    case_id = await _case_id(client, auth)
    detail = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()
    assert detail["level"] == "emergency"
    [asked] = {r["message"]["question"] for r in detail["reasons"] if r["message"]["text"] == "yes"}
    assert asked
    assert "legs" in asked
    await _sign_in(client)
    reasons = (await client.get(f"/cases/{case_id}")).text.split('id="case-reasons"')[1].split("</ul>")[0]
    assert f"answering “{asked}”" in reasons.replace("&#39;", "'")


async def test_a_finding_changed_by_the_patient_says_which_and_how_and_is_marked_among_the_reasons(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    await _say(client, auth, "coughing up blood this morning, just streaks")
    clock.advance(timedelta(hours=2))
    await _say(client, auth, "oops, that last one was about my mum")
    case_id = await _case_id(client, auth)
    await _sign_in(client)
    html = (await client.get(f"/cases/{case_id}")).text
    events = html.split('id="case-events"')[1].split("</ol>")[0]
    assert "finding changed</strong> by patient via simulator: hemoptysis — about someone else" in events
    reasons = html.split('id="case-reasons"')[1].split("</ul>")[0]
    assert '<span class="changed">hemoptysis: about someone else, said later</span>' in reasons


async def test_a_yes_to_a_compound_question_is_one_quote_with_the_question_it_answered(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    rosa = {"external_id": "MRN-101552"}  # Spanish: her "Sí" to the compound question reads as both
    for text in ("me duele la espalda desde el fin de semana", "no", "Sí"):
        r = await client.post("/api/v1/simulator/messages", headers=auth, json={**rosa, "text": text})
        assert r.status_code == 202
    case_id = await _case_id(client, auth)
    detail = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()
    yes = [r for r in detail["reasons"] if r["message"]["text"] == "Sí"]
    assert {r["concept"] for r in yes} >= {"numbness", "saddle_numbness"}
    await _sign_in(client)
    reasons = (await client.get(f"/cases/{case_id}")).text.split('id="case-reasons"')[1].split("</ul>")[0]
    # One answer, quoted once, under the compound question it answered: not two separate findings.
    asked = "answering “¿Tiene las piernas dormidas, o adormecida la zona entre las piernas o las nalgas?”"
    assert reasons.count(asked) == 1
    assert reasons.count("<blockquote") == 2  # the back pain, and the one yes
