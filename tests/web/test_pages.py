"""Dashboard pages: sessions that end when they should, times in the clinic's zone."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent
from vigil.escalation.models import Case

from ..conftest import DUE, NURSE, OTHER_NURSE, bearer, emergency_case

PASSWORD = "correct horse battery"


def _csrf(page: httpx.Response) -> str:
    return page.text.split('name="csrf" value="')[1].split('"')[0]


async def _sign_in(client: httpx.AsyncClient) -> None:
    page = await client.get("/login")
    r = await client.post("/login", data={"email": NURSE, "password": PASSWORD, "csrf": _csrf(page)})
    assert (r.status_code, r.headers["location"]) == (303, "/")


async def test_signing_out_ends_the_session_even_for_a_copied_cookie(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    await _sign_in(client)
    copied = client.cookies["vigil_session"]
    queue = await client.get("/")
    assert queue.status_code == 200

    r = await client.post("/logout", data={"csrf": _csrf(queue)})
    assert (r.status_code, r.headers["location"]) == (303, "/login")

    client.cookies.set("vigil_session", copied)  # someone kept the cookie from before
    again = await client.get("/", headers={"accept": "text/html"})
    assert (again.status_code, again.headers["location"]) == (303, "/login")
    async with rt.db.session() as session:
        actions = list(await session.scalars(select(AuditEvent.action).where(AuditEvent.actor == NURSE)))
    assert "logout" in actions


async def test_a_session_ends_after_a_shift(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    await _sign_in(client)
    clock.advance(hours=11, minutes=59)
    assert (await client.get("/")).status_code == 200
    clock.advance(minutes=2)
    r = await client.get("/", headers={"accept": "text/html"})
    assert (r.status_code, r.headers["location"]) == (303, "/login")


async def test_two_sign_ins_are_two_sessions_and_signing_out_one_keeps_the_other(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    await _sign_in(client)
    other = httpx.AsyncClient(transport=client._transport, base_url=str(client.base_url))
    async with other:
        await _sign_in(other)
        queue = await client.get("/")
        await client.post("/logout", data={"csrf": _csrf(queue)})
        assert (await other.get("/")).status_code == 200


async def test_times_on_pages_are_in_the_clinics_zone(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    clock.set(DUE)  # 15:00 UTC is 10:00 in New York
    walter = await rt.service.patient(1, "MRN-100234")
    assert walter is not None
    received = await rt.service.receive(walter, "simulator", "w1", "I coughed up a lot of blood")
    assert received.outcome is not None
    await _sign_in(client)

    rows = (await client.get("/queue/rows")).text
    case = (await client.get(f"/cases/{received.outcome.case_id}")).text
    transcript = (await client.get(f"/cases/{received.outcome.case_id}/transcript")).text
    assert "Mon 23 Nov 10:00 EST" in rows
    assert "Mon 23 Nov 10:00:00 EST" in case  # events, to the second
    assert "Mon 23 Nov 10:00 EST" in transcript
    for page in (rows, case, transcript):
        assert " 15:00" not in page  # the machine-readable datetime attribute stays ISO
        assert " UTC" not in page


async def test_the_live_parts_of_a_case_show_who_holds_it_now(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    case_id = await emergency_case(rt)
    await _sign_in(client)
    before = (await client.get(f"/cases/{case_id}/live")).text
    assert 'id="case-head"' in before
    assert 'href="tel:+16175550199"' in before  # the nurse can call from the case
    assert "on active treatment · bone metastases" in before  # why findings counted as they did
    assert 'id="case-start"' in before  # where this case begins in the patient's history
    assert "held by" not in before

    ben = await bearer(rt, OTHER_NURSE)
    assert (await client.post(f"/api/v1/cases/{case_id}/claim", headers=ben)).status_code == 200
    after = (await client.get(f"/cases/{case_id}/live")).text
    assert "held by Ben Okafor" in after  # a name, not an email
    assert "claimed" in after  # the event
    assert ">Claim</button>" not in after


async def test_a_case_stream_of_another_clinic_is_not_found(rt: Runtime, client: httpx.AsyncClient) -> None:
    await _sign_in(client)
    assert (await client.get("/events/case/999")).status_code == 404
    assert (await client.get("/cases/999/live")).status_code == 404


async def test_a_new_password_or_leaving_the_clinic_signs_out_everywhere(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    from vigil.core.models import Staff
    from vigil.web.sessions import revoke_all

    await _sign_in(client)
    assert (await client.get("/")).status_code == 200
    async with rt.db.transaction() as session:
        staff = await session.scalar(select(Staff).where(Staff.email == NURSE))
        assert staff is not None
        await revoke_all(session, staff.id, rt.clock.now())
    r = await client.get("/", headers={"accept": "text/html"})
    assert (r.status_code, r.headers["location"]) == (303, "/login")


async def test_the_cover_form_says_why_cover_was_refused(rt: Runtime, client: httpx.AsyncClient) -> None:
    page = await client.get("/login")
    data = {"email": "admin@riverside.example", "password": PASSWORD, "csrf": _csrf(page)}
    assert (await client.post("/login", data=data)).status_code == 303
    queue = await client.get("/")
    form = {"csrf": _csrf(queue), "rotation": "nurses", "email": "admin@riverside.example", "hours": "4"}
    r = await client.post("/oncall/overrides", data=form)
    assert (r.status_code, r.headers["location"]) == (303, "/")
    assert "Cover not set: admin@riverside.example cannot be paged" in (await client.get("/")).text
    form["email"] = OTHER_NURSE
    await client.post("/oncall/overrides", data=form)
    flash = (await client.get("/")).text
    assert f"{OTHER_NURSE} is on call for nurses from" in flash
    assert "until" in flash


async def test_an_admin_sees_cover_on_the_queue_and_can_remove_it(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    page = await client.get("/login")
    data = {"email": "admin@riverside.example", "password": PASSWORD, "csrf": _csrf(page)}
    await client.post("/login", data=data)
    queue = await client.get("/")
    form = {"csrf": _csrf(queue), "rotation": "nurses", "email": OTHER_NURSE, "hours": "4"}
    await client.post("/oncall/overrides", data=form)
    listed = (await client.get("/")).text
    assert "nurses: Ben Okafor from" in listed
    override_id = listed.split('action="/oncall/overrides/')[1].split("/")[0]
    r = await client.post(f"/oncall/overrides/{override_id}/remove", data={"csrf": _csrf(queue)})
    assert (r.status_code, r.headers["location"]) == (303, "/")
    after = (await client.get("/")).text
    assert "Cover removed." in after
    assert "nurses: Ben Okafor from" not in after


async def test_the_simulator_shows_a_red_flag_question_with_its_buttons_and_a_press_answers_it(
    client: httpx.AsyncClient, rt: Runtime
) -> None:
    await _sign_in(client)
    page = await client.get("/simulator/MRN-100871")
    r = await client.post(
        "/simulator/MRN-100871", data={"text": "my back has been aching for days", "csrf": _csrf(page)}
    )
    assert r.status_code == 303
    page = await client.get("/simulator/MRN-100871")
    assert "Reply YES or NO." in page.text  # what an SMS patient reads
    assert 'class="quick-answers"' in page.text  # what a Telegram patient taps
    assert '<button type="submit" name="text" value="Yes">Yes</button>' in page.text
    r = await client.post("/simulator/MRN-100871", data={"text": "Yes", "csrf": _csrf(page)})
    assert r.status_code == 303
    async with rt.db.session() as session:
        level = await session.scalar(select(Case.level).where(Case.status != "resolved"))
    assert level == "emergency"


async def test_red_flag_questions_nobody_answered_show_on_the_case_and_in_the_queue(
    client: httpx.AsyncClient, rt: Runtime, clock: ManualClock
) -> None:
    await _sign_in(client)
    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    await rt.service.receive(maria, "simulator", "m1", "my back has been aching for days")
    clock.advance(timedelta(minutes=31))
    await rt.tick()
    queue = await client.get("/")
    assert "red-flag questions not answered" in queue.text
    async with rt.db.session() as session:
        case_id = await session.scalar(select(Case.id).where(Case.status != "resolved"))
    page = await client.get(f"/cases/{case_id}")
    assert "red-flag questions not answered" in page.text
    assert "(back or neck pain)" in page.text


async def test_the_case_page_names_every_rule_that_fired_not_only_the_top_one(
    client: httpx.AsyncClient, rt: Runtime, clock: ManualClock
) -> None:
    await _sign_in(client)
    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    await rt.service.receive(maria, "simulator", "m1", "I am short of breath and it is getting worse")
    clock.advance(timedelta(minutes=5))
    await rt.service.receive(maria, "simulator", "m2", "and now a sudden crushing chest pain")
    async with rt.db.session() as session:
        case_id = await session.scalar(select(Case.id).where(Case.status != "resolved"))
    page = (await client.get(f"/cases/{case_id}")).text
    for rule in ("dyspnea-new", "breathing", "chest-pain"):  # urgent, and both emergency rules
        assert f"<code>{rule}</code>" in page


async def test_a_message_triage_could_not_place_reads_as_not_understood_on_the_queue_and_the_case(
    client: httpx.AsyncClient, rt: Runtime
) -> None:
    await _sign_in(client)
    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    await rt.service.receive(maria, "simulator", "m1", "my elbow has gone a funny colour")
    queue = await client.get("/")
    assert "not understood — please read" in queue.text
    assert ">unrecognised<" not in queue.text
    async with rt.db.session() as session:
        case_id = await session.scalar(select(Case.id).where(Case.status != "resolved"))
    page = await client.get(f"/cases/{case_id}")
    assert "not understood — please read" in page.text


async def test_a_case_says_which_language_the_patient_speaks(rt: Runtime, client: httpx.AsyncClient) -> None:
    """The nurse who calls back should know before dialling that the patient speaks Spanish."""
    rosa = await rt.service.patient(1, "MRN-101552")
    assert rosa is not None
    await rt.service.receive(rosa, "simulator", "r1", "me duele la espalda desde ayer")
    async with rt.db.session() as session:
        case_id = await session.scalar(select(Case.id).where(Case.patient_id == rosa.id))
    listed = (await client.get(f"/api/v1/cases/{case_id}", headers=await bearer(rt))).json()
    assert listed["patient"]["language"] == "es"
    await _sign_in(client)
    head = (await client.get(f"/cases/{case_id}/live")).text
    assert "speaks Spanish" in head
    walter = (await client.get(f"/cases/{await emergency_case(rt)}/live")).text
    assert "speaks" not in walter  # English, the clinic's own: nothing to warn of


async def test_a_red_flag_question_answered_neither_yes_nor_no_shows_what_the_patient_wrote(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    maria = await rt.service.patient(1, "MRN-100871")
    assert maria is not None
    await rt.service.receive(maria, "simulator", "m1", "my back has been aching for a few days")
    await rt.service.receive(maria, "simulator", "m2", "hard to say <b>really</b>")
    async with rt.db.session() as session:
        case_id = await session.scalar(select(Case.id).where(Case.patient_id == maria.id))
    await _sign_in(client)
    page = (await client.get(f"/cases/{case_id}")).text
    assert "(answered neither yes nor no: “hard to say &lt;b&gt;really&lt;/b&gt;”)" in page


async def test_the_simulator_lists_a_discharged_patient_as_discharged_not_active(
    client: httpx.AsyncClient, rt: Runtime
) -> None:
    await _sign_in(client)
    admin = await bearer(rt, "admin@riverside.example")
    r = await client.post("/api/v1/patients/MRN-100871/discharge", headers=admin)
    assert r.status_code == 200, r.text
    listed = (await client.get("/simulator")).text
    # Still listed (what they write is still read, so a red flag still gets advice), but not active.
    row = listed.split('href="/simulator/MRN-100871"')[1].split("</li>")[0]
    assert "· discharged" in row
    assert "· active" not in row
    other = listed.split('href="/simulator/MRN-100234"')[1].split("</li>")[0]
    assert "· active" in other


async def test_the_queue_says_when_nobody_on_the_chain_was_paged(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    from sqlalchemy import update

    from vigil.core.models import Staff

    async with rt.db.transaction() as session:
        await session.execute(update(Staff).values(phone=None, telegram_chat_id=None))
    case_id = await emergency_case(rt)
    auth = await bearer(rt)
    [listed] = (await client.get("/api/v1/cases?status=open", headers=auth)).json()["cases"]
    assert (listed["id"], listed["nobody_paged"]) == (case_id, True)
    await _sign_in(client)
    assert "nobody paged" in (await client.get("/")).text
    case_page = (await client.get(f"/cases/{case_id}")).text
    assert "tier skipped</strong> (tier 1: rotation:nurses): nobody reachable" in case_page
    assert "by system via system" not in case_page
    assert "nobody paged" in case_page.split('id="case-head"')[1].split("</h1>")[0]
    # Someone on the chain can be reached again: the next pass pages them, and the mark goes.
    async with rt.db.transaction() as session:
        await session.execute(
            update(Staff).where(Staff.email == NURSE).values(phone="+16175550100", telegram_chat_id=4242)
        )
    clock.advance(timedelta(minutes=10))
    await rt.tick()
    [listed] = (await client.get("/api/v1/cases?status=open", headers=auth)).json()["cases"]
    assert listed["nobody_paged"] is False
    assert "nobody paged" not in (await client.get("/")).text
    assert "nobody paged" not in (await client.get(f"/cases/{case_id}/live")).text


async def test_resolving_without_saying_how_asks_in_words_not_keys(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    case_id = await emergency_case(rt)
    await _sign_in(client)
    page = await client.get(f"/cases/{case_id}")
    r = await client.post(f"/cases/{case_id}/resolve", data={"csrf": _csrf(page), "disposition": ""})
    assert r.status_code == 303
    shown = (await client.get(f"/cases/{case_id}")).text
    assert "choose how the case was resolved first" in shown.lower()
    assert "advice_given" not in shown.split("<select")[0]
    async with rt.db.session() as session:
        assert await session.scalar(select(Case.status).where(Case.id == case_id)) != "resolved"
