"""The simulator's staff side: pages to nurses arrive on a pager in the browser, answered with
the same Acknowledge and Claim as Telegram's buttons and the same SMS short codes, so a whole
escalation can be watched with no Telegram or Twilio account. And release and take-over from
the case page."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent, OutboundMessage, Staff
from vigil.escalation.models import Case, CaseEvent

from ..conftest import DUE, NURSE, OTHER_NURSE, bearer
from ..escalation.test_paging import DR, emergency
from .test_oversized_ids import signed_in


async def staff_id(rt: Runtime, email: str) -> int:
    async with rt.db.session() as session:
        found = await session.scalar(select(Staff.id).where(Staff.email == email))
    assert found is not None
    return int(found)


def flash(page: httpx.Response) -> str:
    return page.text.split('class="flash')[1].split(">", 1)[1].split("</p>")[0]


async def test_a_page_to_the_on_call_nurse_arrives_on_her_pager_and_is_acknowledged_there(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)  # Ana holds the nurses' rotation, paged by Telegram (not set up here)
    case_id = await emergency(client, auth)
    csrf = await signed_in(client, OTHER_NURSE)  # anyone of the clinic may open the demo's pagers
    ana = await staff_id(rt, NURSE)

    index = await client.get("/simulator/staff")
    assert index.status_code == 200
    assert f'href="/simulator/staff/{ana}"' in index.text
    assert (
        "Ana Reyes</a> <small>nurse · paged by Telegram at 700000101 (Telegram is not set up here"
        in index.text
    )

    pager = await client.get(f"/simulator/staff/{ana}")
    assert pager.status_code == 200
    assert f"EMERGENCY case #{case_id} needs a nurse" in pager.text
    assert "page · telegram · pending" in pager.text
    assert f'action="/simulator/staff/{ana}/cases/{case_id}/acknowledge"' in pager.text
    assert 'data-live-fragment="/simulator/staff/' in pager.text  # it updates as the clinic's cases do

    r = await client.post(f"/simulator/staff/{ana}/cases/{case_id}/acknowledge", data={"csrf": csrf})
    assert (r.status_code, r.headers["location"]) == (303, f"/simulator/staff/{ana}")
    after = await client.get(f"/simulator/staff/{ana}")
    assert flash(after) == f"Case #{case_id} acknowledged."
    assert "now acknowledged by Ana Reyes" in after.text
    async with rt.db.session() as session:
        case = await session.get(Case, case_id)
        assert case is not None
        assert case.status == "acknowledged"
        acked = await session.scalar(select(CaseEvent).where(CaseEvent.kind == "acknowledged"))
        assert acked is not None
        assert (acked.actor, acked.channel) == (NURSE, "simulator")
        pressed = await session.scalar(select(AuditEvent).where(AuditEvent.action == "simulated_page_answer"))
        assert pressed is not None
        assert (pressed.actor, pressed.detail["as_staff"]) == (OTHER_NURSE, NURSE)  # who really pressed


async def test_an_unanswered_page_climbs_to_the_doctors_pager_who_claims_it_by_short_code(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    clock.advance(minutes=5, seconds=1)
    await rt.tick()  # nobody acknowledged: tier 2 is Dr. Lee, paged by SMS
    csrf = await signed_in(client)
    dr = await staff_id(rt, DR)
    pager = await client.get(f"/simulator/staff/{dr}")
    assert f"Reply {case_id}a to acknowledge, {case_id}c to claim" in pager.text
    assert "page · sms · pending" in pager.text

    await client.post(f"/simulator/staff/{dr}/sms", data={"csrf": csrf, "text": f" {case_id}C "})
    after = await client.get(f"/simulator/staff/{dr}")
    assert flash(after) == f"Case #{case_id} claimed."
    assert "now claimed by Dr. Grace Lee" in after.text
    detail = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()
    assert (detail["claimed_by"], detail["status"]) == (DR, "acknowledged")
    # A claimed case stops the paging: the doctor's pager gets nothing more.
    clock.advance(minutes=30)
    await rt.tick()
    assert (await client.get(f"/simulator/staff/{dr}")).text.count("needs a nurse") == 1


async def test_the_pager_answers_what_an_sms_would_to_a_wrong_code_or_a_case_it_cannot_take(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)
    csrf = await signed_in(client)
    ben = await staff_id(rt, OTHER_NURSE)
    for text, says in [
        ("hello", "To answer a page, reply with its case number"),
        ("999999a", "There is no case #999999 in your clinic."),
        (f"{case_id}c", f"Case #{case_id}: already claimed by Ana Reyes"),
    ]:
        await client.post(f"/simulator/staff/{ben}/sms", data={"csrf": csrf, "text": text})
        assert flash(await client.get(f"/simulator/staff/{ben}")).startswith(says)


async def test_the_pager_needs_the_simulator_a_colleague_and_the_form_token(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    csrf = await signed_in(client)
    ana = await staff_id(rt, NURSE)
    assert (await client.post(f"/simulator/staff/{ana}/cases/{case_id}/claim", data={})).status_code == 403
    assert (
        await client.post(f"/simulator/staff/{ana}/cases/{case_id}/dance", data={"csrf": csrf})
    ).status_code == 404
    assert (await client.get("/simulator/staff/999")).status_code == 404
    rt.settings.simulator = False
    for path in ("/simulator/staff", f"/simulator/staff/{ana}", f"/simulator/staff/{ana}/pages"):
        assert (await client.get(path)).status_code == 404, path
    r = await client.post(f"/simulator/staff/{ana}/cases/{case_id}/claim", data={"csrf": csrf})
    assert r.status_code == 404
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()["claimed_by"] is None


async def test_a_nurse_takes_over_from_the_case_page_and_releases_it_with_a_reason(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)
    csrf = await signed_in(client, OTHER_NURSE)
    page = (await client.get(f"/cases/{case_id}")).text
    assert "Take over from Ana Reyes" in page
    assert f'name="holder" value="{NURSE}"' in page
    assert ">Release</button>" not in page  # only the holder may release

    r = await client.post(f"/cases/{case_id}/take-over", data={"csrf": csrf, "reason": " ", "holder": NURSE})
    assert r.status_code == 303
    assert flash(await client.get(f"/cases/{case_id}")) == "Not taken over: give a reason"
    await client.post(
        f"/cases/{case_id}/take-over", data={"csrf": csrf, "reason": "Ana has gone home", "holder": NURSE}
    )
    page = (await client.get(f"/cases/{case_id}")).text
    assert flash_in(page) == "Taken over: the case is yours."
    assert "held by Ben Okafor" in page
    assert "<strong>taken over</strong> by Ben Okafor via web from Ana Reyes: Ana has gone home" in page
    assert ">Release</button>" in page

    await client.post(f"/cases/{case_id}/release", data={"csrf": csrf, "reason": "Shift over, nobody told"})
    page = (await client.get(f"/cases/{case_id}")).text
    assert flash_in(page).startswith("Released: the case is back in the queue")
    assert "<strong>released</strong> by Ben Okafor via web: Shift over, nobody told" in page
    assert ">Claim</button>" in page
    detail = (await client.get(f"/api/v1/cases/{case_id}", headers=await bearer(rt))).json()
    assert (detail["status"], detail["claimed_by"]) == ("open", None)
    assert detail["events"][-1]["kind"] == "paged"  # the chain starts again at once


def flash_in(page: str) -> str:
    return page.split('class="flash')[1].split(">", 1)[1].split("</p>")[0]


async def test_release_and_take_over_forms_need_the_form_token_and_a_case_of_the_clinic(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)
    csrf = await signed_in(client)
    assert (await client.post(f"/cases/{case_id}/release", data={"reason": "x"})).status_code == 403
    assert (await client.post("/cases/999/release", data={"csrf": csrf, "reason": "x"})).status_code == 404
    assert (await client.post("/cases/999/take-over", data={"csrf": csrf, "reason": "x"})).status_code == 404
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()["claimed_by"] == NURSE


async def test_a_page_the_case_outgrew_before_anyone_acknowledged_it_is_shown_superseded(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)  # Ana holds the nurses' rotation
    case_id = await emergency(client, auth, "coughing up blood this morning, just streaks")  # urgent
    clock.advance(seconds=5)
    assert await emergency(client, auth) == case_id  # "I passed out": the same case, now emergency
    await signed_in(client)
    ana = await staff_id(rt, NURSE)
    pager = (await client.get(f"/simulator/staff/{ana}")).text
    assert f"URGENT case #{case_id} needs a nurse" in pager
    assert f"EMERGENCY case #{case_id} needs a nurse" in pager
    # One thing to acknowledge: the newest page; the older one says it was superseded.
    assert pager.count(f'action="/simulator/staff/{ana}/cases/{case_id}/acknowledge"') == 1
    assert pager.count("superseded by the page at") == 1
    assert pager.index("superseded by the page at") > pager.index(f"URGENT case #{case_id}")


async def test_the_pager_lists_pages_not_the_nurses_own_replies_to_patients(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    r = await client.post(f"/api/v1/cases/{case_id}/reply", headers=auth, json={"text": "Calling you now"})
    assert r.status_code == 200
    await signed_in(client)
    async with rt.db.session() as session:
        repliers = {s for s in await session.scalars(select(OutboundMessage.staff_id)) if s is not None}
    for replier in repliers:  # whoever the token belongs to: their pager shows pages only
        pager = (await client.get(f"/simulator/staff/{replier}")).text
        assert "Calling you now" not in pager
        assert "Maria" not in pager
