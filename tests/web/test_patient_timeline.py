"""The patient's whole timeline on the patient page and the API: newest first, paged by time,
one query a kind a page, escaped, audited and scoped to the clinic."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import event, select, text

from vigil.assembly import Runtime
from vigil.bot.models import InboundMessage
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent, OutboundMessage, Patient
from vigil.scheduler.models import CheckIn, CheckInAnswer, Enrolment
from vigil.web import timeline

from ..bot.test_trends import MARIA, answer_check_ins
from ..conftest import DUE, NURSE, PASSWORD


def _csrf(page: httpx.Response) -> str:
    return page.text.split('name="csrf" value="')[1].split('"')[0]


async def _sign_in(client: httpx.AsyncClient) -> None:
    page = await client.get("/login")
    r = await client.post("/login", data={"email": NURSE, "password": PASSWORD, "csrf": _csrf(page)})
    assert r.status_code == 303


async def _maria(rt: Runtime) -> Patient:
    patient = await rt.service.patient(1, MARIA)
    assert patient is not None
    return patient


def _entries(html: str) -> list[tuple[str, str, str]]:
    """(kind, id, at) of each timeline entry on the page, in the page's order."""
    return re.findall(
        r'<li class="entry (\w+)" id="t-\w+-(\d+)" data-kind="\w+">\s*<time datetime="([^"]+)"', html
    )


@contextmanager
def counted(rt: Runtime) -> Iterator[list[str]]:
    """The SQL statements run inside the block."""
    seen: list[str] = []

    def note(_c: Any, _cur: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    engine = rt.db.engine.sync_engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


async def test_the_patient_page_shows_check_ins_messages_replies_and_cases_newest_first(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    await answer_check_ins(rt, clock, client, auth, "2", "2", "2", "5")
    clock.advance(minutes=3)
    [case] = (await client.get("/api/v1/cases", headers=auth)).json()["cases"]
    assert (await client.post(f"/api/v1/cases/{case['id']}/acknowledge", headers=auth)).status_code == 200
    clock.advance(minutes=3)
    r = await client.post(
        f"/api/v1/cases/{case['id']}/resolve",
        headers=auth,
        json={"disposition": "advice_given", "note": "ok"},
    )
    assert r.status_code == 200, r.text
    maria = await _maria(rt)
    await _sign_in(client)

    html = (await client.get(f"/patients/{maria.id}")).text
    section = html.split('id="timeline"')[1].split("</section>")[0]
    entries = _entries(section)
    kinds = {k for k, _, _ in entries}
    assert kinds == {"checkin", "message", "outbound", "follow_up", "case"}
    times = [datetime.fromisoformat(at.replace("Z", "+00:00")) for _, _, at in entries]
    assert times == sorted(times, reverse=True)  # newest first
    assert f'<a href="/cases/{case["id"]}">Case #{case["id"]}</a>' in section
    assert re.search(r"<strong>Red-flag questions</strong> \(\w[\w ]*\)", section)
    assert 'opened <span class="badge routine">routine</span>' in section
    assert 'raised to <span class="badge urgent">urgent</span>' in section
    assert "acknowledged by Ana Reyes" in section
    assert "resolved by Ana Reyes" in section
    assert "advice given" in section
    assert section.count("<strong>Check-in</strong>") == 4
    assert "answered" in section
    assert "<dd>5</dd>" in section  # the last back pain answer, with its question
    # The question in words, not the {en: ..., es: ...} mapping a protocol keeps it in.
    assert "<dt>How bad is any back pain today, from 0 (none) to 10 (worst)?</dt>" in section
    assert "{&#39;en&#39;" not in section
    assert "Maria Santos wrote" in section
    assert "Vigil sent question" in section
    assert "delivered" in section or "sent" in section or "pending" in section


async def test_the_timeline_pages_through_two_years_with_the_same_few_queries_a_page(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    """Two years of weekly check-ins with answers, messages and replies: every row comes once,
    in time order, 50 a page, and each page costs the same queries (none a row)."""
    maria = await _maria(rt)
    start = DUE - timedelta(days=730)
    async with rt.db.transaction() as session:
        enrolment = await session.scalar(select(Enrolment).where(Enrolment.patient_id == maria.id))
        assert enrolment is not None
        for week in range(104):
            at = start + timedelta(weeks=week)
            checkin = CheckIn(
                enrolment_id=enrolment.id,
                patient_id=maria.id,
                due_at=at,
                opened_at=at,
                status="completed" if week % 5 else "expired",
                expires_at=at + timedelta(hours=12),
                answered_any=bool(week % 5),
                closed_at=at + timedelta(hours=1),
            )
            session.add(checkin)
            await session.flush()
            if week % 5:
                session.add(
                    CheckInAnswer(
                        checkin_id=checkin.id,
                        question_key="back_pain",
                        text=str(week % 10),
                        value=week % 10,
                        at=at,
                    )
                )
            session.add(
                OutboundMessage(
                    clinic_id=1,
                    patient_id=maria.id,
                    channel="simulator",
                    address=MARIA,
                    kind="question",
                    text="How bad is your back pain today, 0 to 10?",
                    status="delivered",
                    next_attempt_at=at,
                    created_at=at,  # the same instant as its check-in: kept in order by kind
                )
            )
            session.add(
                InboundMessage(
                    clinic_id=1,
                    patient_id=maria.id,
                    channel="simulator",
                    provider_id=f"seeded-{week}",
                    text=f"week {week} <b>fine</b>",
                    received_at=at + timedelta(minutes=30),
                )
            )
    total = 104 * 3 + 1  # and the opt-in notice the demo's import queued for her

    seen: list[tuple[str, int]] = []
    times: list[str] = []
    per_page: list[int] = []
    before: str | None = None
    pages = 0
    while True:
        params = {"before": before} if before else {}
        with counted(rt) as statements:
            r = await client.get(f"/api/v1/patients/{MARIA}/timeline", headers=auth, params=params)
        assert r.status_code == 200, r.text
        body = r.json()
        per_page.append(len([s for s in statements if s.lstrip().upper().startswith("SELECT")]))
        assert len(body["entries"]) <= timeline.PAGE
        seen += [(e["kind"], e["id"]) for e in body["entries"]]
        times += [e["at"] for e in body["entries"]]
        pages += 1
        before = body["next"]
        if before is None:
            break
        assert len(body["entries"]) == timeline.PAGE
    assert len(seen) == len(set(seen)) == total
    assert pages == -(-total // timeline.PAGE)
    assert times == sorted(times, reverse=True)
    # At one instant, the question Vigil sent shows above the check-in it belongs to.
    assert seen[-2:] == [("outbound", seen[-2][1]), ("checkin", seen[-1][1])]
    # A token check, the patient, the kinds' five queries, the answers, the audit: never a query a row.
    assert len(set(per_page)) == 1, per_page
    assert per_page[0] <= 10, per_page

    # The page walks the same way, with an "older" link.
    await _sign_in(client)
    html = (await client.get(f"/patients/{maria.id}")).text
    assert len(_entries(html)) == timeline.PAGE
    older = re.search(r'<a rel="next" href="([^"]+)"', html)
    assert older is not None
    second = await client.get(older.group(1).replace("&amp;", "&"))
    assert second.status_code == 200
    assert _entries(second.text)[0][2] == times[timeline.PAGE]
    assert "&lt;b&gt;fine&lt;/b&gt;" in second.text
    assert "<b>fine</b>" not in second.text
    async with rt.db.session() as session:
        audited = list(
            await session.scalars(
                select(AuditEvent.detail).where(
                    AuditEvent.action == "view", AuditEvent.subject_type == "patient"
                )
            )
        )
    assert len(audited) == pages + 2  # every API page and both page views
    assert {"channel": "api", "part": "timeline"} in audited
    assert any("before" in d for d in audited)


async def test_patient_text_on_the_timeline_is_escaped(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    hostile = "<img src=x onerror=alert(1)> my back hurts & <script>alert(2)</script>"
    r = await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": MARIA, "text": hostile}
    )
    assert r.status_code == 202
    maria = await _maria(rt)
    await _sign_in(client)
    html = (await client.get(f"/patients/{maria.id}")).text
    section = html.split('id="timeline"')[1].split("</section>")[0]
    assert (
        "&lt;img src=x onerror=alert(1)&gt; my back hurts &amp; &lt;script&gt;alert(2)&lt;/script&gt;"
        in section
    )
    assert "<img" not in html
    assert "<script>alert" not in html
    api = (await client.get(f"/api/v1/patients/{MARIA}/timeline", headers=auth)).json()
    assert any(e["kind"] == "message" and e["text"] == hostile for e in api["entries"])


async def test_a_cursor_that_is_not_one_is_refused_with_the_reason(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    for bad in (
        "yesterday",
        "2026-11-23T15:00:00Z~dance~1",
        "2026-11-23T15:00:00~case~1",
        "x~case~1~2",
        "2026-11-23T15:00:00Z~case~99999999999",
        "0001-01-01T00:00:00+14:00~case~1",
    ):
        r = await client.get(f"/api/v1/patients/{MARIA}/timeline", headers=auth, params={"before": bad})
        assert r.status_code == 422, bad
        assert "before" in r.text
    assert (await client.get("/api/v1/patients/MRN-NOBODY/timeline", headers=auth)).status_code == 404
    maria = await _maria(rt)
    await _sign_in(client)
    assert (await client.get(f"/patients/{maria.id}", params={"before": "nonsense"})).status_code == 422


async def test_the_timeline_is_in_the_openapi_schema_with_its_entries(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    schema = (await client.get("/api/v1/openapi.json", headers=auth)).json()
    op = schema["paths"]["/patients/{external_id}/timeline"]["get"]
    ref = op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/TimelineOut")
    assert {"CheckInEntry", "MessageEntry", "OutboundEntry", "FollowUpEntry", "CaseEntry"} <= set(
        schema["components"]["schemas"]
    )


async def test_each_kinds_page_is_read_from_its_index_on_postgresql(rt: Runtime) -> None:
    if rt.db.engine.dialect.name != "postgresql":
        return  # the plan is PostgreSQL's; SQLite's tables are the same but its planner is not
    maria = await _maria(rt)
    cursor = timeline.Cursor(DUE, "case", 10)
    expected = {
        "checkin": "ix_checkin_patient_opened",
        "message": "ix_inbound_patient_received",
        "outbound": "ix_outbound_patient_created",
        "follow_up": "ix_follow_up_patient_started",
        "case": "ix_case_patient_opened",
    }
    async with rt.db.transaction() as session:
        await session.execute(text("SET LOCAL enable_seqscan = off"))
        for kind, q in timeline.queries(maria.id, cursor).items():
            compiled = q.compile(dialect=rt.db.engine.dialect, compile_kwargs={"literal_binds": True})
            plan = "\n".join(str(row[0]) for row in await session.execute(text(f"EXPLAIN {compiled}")))
            assert expected[kind] in plan, (kind, plan)
            assert "Sort" not in plan, (kind, plan)  # newest first straight from the index
