"""Escalation with a simulated clock: tiers paged on time, stopped by an acknowledgement,
skipped when empty, restarted when a case rises. No sleeping anywhere."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select, update

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import OutboundMessage, Staff
from vigil.escalation.models import CaseEvent
from vigil.scheduler.tick import Tick
from vigil.usecases.service import Service

from ..conftest import DEMO, DUE, NURSE, PG_URL, search_path

DR = "dr.lee@riverside.example"
BEN = "ben.okafor@riverside.example"


async def pages(rt: Runtime) -> list[tuple[str, int]]:
    """(recipient, tier) of every page event so far, in order."""
    async with rt.db.session() as session:
        rows = await session.scalars(
            select(CaseEvent).where(CaseEvent.kind == "paged").order_by(CaseEvent.id)
        )
        return [(e.detail["recipient"], e.detail["tier"]) for e in rows]


async def open_unpaged(rt: Runtime, messages: list[tuple[str, str]]) -> None:
    """Open cases without paging them, so the escalation is due for every worker at once."""
    conversation = rt.service.conversation
    public_url, conversation.public_url = conversation.public_url, None
    try:
        for external_id, text in messages:
            patient = await rt.service.patient(1, external_id)
            assert patient is not None
            await rt.service.receive(patient, "simulator", f"x-{external_id}", text)
    finally:
        conversation.public_url = public_url


async def emergency(client: httpx.AsyncClient, auth: dict[str, str], text: str = "I passed out") -> int:
    r = await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": text}
    )
    assert r.status_code == 202
    return int(r.json()["case_id"])


async def test_an_unacknowledged_emergency_climbs_the_chain_on_time(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)  # Monday 10:00 in New York: Ana holds the nurses' rotation
    await emergency(client, auth)
    assert await pages(rt) == [(NURSE, 1)]  # at once, without waiting for a tick
    clock.advance(minutes=4, seconds=59)
    await rt.tick()
    assert await pages(rt) == [(NURSE, 1)]
    clock.advance(seconds=16)  # 5 minutes, within one 15-second tick
    await rt.tick()
    assert await pages(rt) == [(NURSE, 1), (DR, 2)]
    clock.advance(minutes=5)
    await rt.tick()
    assert await pages(rt) == [(NURSE, 1), (DR, 2), (NURSE, 3), (BEN, 3)]
    clock.advance(minutes=10)  # the last tier repeats every 10 minutes
    await rt.tick()
    assert (await pages(rt))[-2:] == [(NURSE, 3), (BEN, 3)]
    assert len(await pages(rt)) == 6


async def test_an_acknowledgement_at_three_minutes_means_no_second_tier(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    clock.advance(minutes=3)
    r = await client.post(f"/api/v1/cases/{case_id}/acknowledge", headers=auth)
    assert r.status_code == 200
    for _ in range(8):
        clock.advance(minutes=5)
        await rt.tick()
    assert await pages(rt) == [(NURSE, 1)]


async def test_decline_pages_the_next_tier_at_once(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    clock.advance(seconds=30)
    r = await client.post(f"/api/v1/cases/{case_id}/decline", headers=auth)
    assert r.status_code == 200
    assert [e["kind"] for e in r.json()["events"]][-2:] == ["declined", "paged"]
    assert await pages(rt) == [(NURSE, 1), (DR, 2)]


async def test_a_tier_with_nobody_reachable_is_skipped_at_once(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    async with rt.db.transaction() as session:
        await session.execute(
            update(Staff).where(Staff.email == NURSE).values(telegram_chat_id=None, phone=None)
        )
    clock.set(DUE)
    case_id = await emergency(client, auth)
    assert await pages(rt) == [(DR, 2)]
    events = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()["events"]
    skipped = [e for e in events if e["kind"] == "tier_skipped"]
    assert [(e["detail"]["tier"], e["detail"]["target"]) for e in skipped] == [(1, "rotation:nurses")]


async def test_routine_never_pages(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    await emergency(client, auth, "bit of a cough today")
    for _ in range(4):
        clock.advance(hours=1)
        await rt.tick()
    assert await pages(rt) == []


async def test_a_rising_level_restarts_escalation_under_the_new_policy(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth, "a few streaks of blood in my phlegm")  # urgent
    assert await pages(rt) == [(NURSE, 1)]
    await client.post(f"/api/v1/cases/{case_id}/acknowledge", headers=auth)
    clock.advance(minutes=10)
    await emergency(client, auth, "now I'm coughing up a cupful of blood")  # emergency
    assert await pages(rt) == [(NURSE, 1), (NURSE, 1)]
    case = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()
    assert (case["level"], case["status"]) == ("emergency", "open")
    clock.advance(minutes=5, seconds=1)  # emergency's 5 minutes, not urgent's 30
    await rt.tick()
    assert (await pages(rt))[-1] == (DR, 2)


async def test_pages_carry_a_case_number_and_a_link_never_the_patient(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth, "Maria here, I passed out in the kitchen")
    async with rt.db.session() as session:
        texts = list(
            await session.scalars(select(OutboundMessage.text).where(OutboundMessage.kind == "page"))
        )
    assert texts == [
        f"Vigil: EMERGENCY case #{case_id} needs a nurse. "
        f"Open {rt.settings.public_url}/cases/{case_id} to acknowledge."
    ]
    assert all("Maria" not in t and "kitchen" not in t for t in texts)


COVER = {
    "rotation": "nurses",
    "email": BEN,
    "starts_at": "2026-11-23T14:00:00Z",
    "ends_at": "2026-11-23T18:00:00Z",
}


async def test_an_admin_override_changes_who_is_paged(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    from ..conftest import make_token

    clock.set(DUE)
    admin = {"Authorization": f"Bearer {await make_token(rt, 'admin@riverside.example')}"}
    body = dict(COVER)
    assert (await client.post("/api/v1/oncall/overrides", headers=auth, json=body)).status_code == 403
    r = await client.post("/api/v1/oncall/overrides", headers=admin, json=body)
    assert r.status_code == 201
    oncall = (await client.get("/api/v1/oncall", headers=auth)).json()["rotations"]
    assert oncall[0]["now"]["email"] == BEN
    assert oncall[0]["now"]["override"] is True
    assert oncall[0]["next"]["email"] == NURSE
    await emergency(client, auth)
    assert await pages(rt) == [(BEN, 1)]
    bad = await client.post("/api/v1/oncall/overrides", headers=admin, json={**body, "rotation": "nobody"})
    assert bad.status_code == 422


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"email": "admin@riverside.example"}, "cannot be paged"),  # no phone, no Telegram
        ({"starts_at": "2026-11-23T14:00:00", "ends_at": "2026-11-23T18:00:00"}, "UTC offset"),
        ({"starts_at": "2020-01-01T00:00:00Z", "ends_at": "2020-01-02T00:00:00Z"}, "already be over"),
    ],
)
async def test_cover_that_could_not_work_is_refused(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, change: dict[str, str], says: str
) -> None:
    from ..conftest import make_token

    clock.set(DUE)
    admin = {"Authorization": f"Bearer {await make_token(rt, 'admin@riverside.example')}"}
    body = {**COVER, **change}
    r = await client.post("/api/v1/oncall/overrides", headers=admin, json=body)
    assert r.status_code == 422
    assert says in r.json()["detail"]


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="VIGIL_TEST_POSTGRES_URL is not set")
@pytest.mark.parametrize("db", ["postgres"], indirect=True)
async def test_two_processes_ticking_over_the_same_cases_page_each_once(
    rt: Runtime, clock: ManualClock, db: Database
) -> None:
    clock.set(DUE)
    schema = await search_path(db)
    await open_unpaged(rt, [("MRN-100871", "I passed out"), ("MRN-100234", "coughing up a cupful of blood")])
    other_db = Database(PG_URL or "", connect_args={"server_settings": {"search_path": schema}})
    try:
        other = Service(other_db, clock, rt.engine, rt.hub, public_url=rt.settings.public_url)
        for _ in range(3):
            await asyncio.gather(rt.service.escalate(), other.escalate(), rt.service.escalate())
            clock.advance(minutes=5, seconds=1)
    finally:
        await other_db.dispose()
    async with db.session() as session:
        events = list(await session.scalars(select(CaseEvent).where(CaseEvent.kind == "paged")))
    counts: dict[tuple[int, int], int] = {}
    for e in events:
        key = (e.case_id, int(e.detail["tier"]))
        counts[key] = counts.get(key, 0) + 1
    assert counts
    for (_, tier), n in counts.items():
        assert n == (2 if tier == 3 else 1), counts  # tier 3 pages both nurses, once


async def test_a_held_case_reminds_its_owner_once(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)
    clock.advance(minutes=59)
    await rt.tick()
    clock.advance(minutes=2)  # the clinic's default: an hour after it was taken
    await rt.tick()
    clock.advance(hours=3)
    await rt.tick()
    events = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()["events"]
    reminders = [e for e in events if e["kind"] == "reminded"]
    assert [(e["recipient"], e["channel"]) for e in reminders] == [(NURSE, "telegram")]


async def test_the_queue_shows_who_is_on_call(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    clock.set(DUE)
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    await client.post("/login", data={"email": NURSE, "password": "correct horse battery", "csrf": csrf})
    queue = await client.get("/")
    assert "On call" in queue.text
    assert "now Ana Reyes" in queue.text
    assert "next Ben Okafor" in queue.text


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="VIGIL_TEST_POSTGRES_URL is not set")
@pytest.mark.parametrize("db", ["postgres"], indirect=True)
async def test_two_os_processes_escalating_the_same_cases_write_each_page_once(
    rt: Runtime, clock: ManualClock, db: Database
) -> None:
    import multiprocessing

    from .paging_worker import escalate

    clock.set(DUE)
    schema = await search_path(db)
    await open_unpaged(rt, [("MRN-100871", "I passed out"), ("MRN-100234", "I had a seizure")])
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        args = [(PG_URL, schema, DUE.isoformat(), 3)] * 2
        written = await asyncio.to_thread(pool.starmap, escalate, args)
    assert sum(written) == 2  # tier 1 of each case, once, whichever process got there
    assert sorted(await pages(rt)) == [(NURSE, 1), (NURSE, 1)]


async def test_cover_can_be_listed_and_taken_back(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    from ..conftest import make_token

    clock.set(DUE)
    admin = {"Authorization": f"Bearer {await make_token(rt, 'admin@riverside.example')}"}
    made = (await client.post("/api/v1/oncall/overrides", headers=admin, json=COVER)).json()
    listed = (await client.get("/api/v1/oncall/overrides", headers=auth)).json()["overrides"]
    assert [(o["id"], o["email"], o["rotation"]) for o in listed] == [(made["id"], BEN, "nurses")]

    assert (await client.delete(f"/api/v1/oncall/overrides/{made['id']}", headers=auth)).status_code == 403
    assert (await client.delete(f"/api/v1/oncall/overrides/{made['id']}", headers=admin)).status_code == 204
    assert (await client.delete(f"/api/v1/oncall/overrides/{made['id']}", headers=admin)).status_code == 404
    assert (await client.get("/api/v1/oncall/overrides", headers=auth)).json()["overrides"] == []
    oncall = (await client.get("/api/v1/oncall", headers=auth)).json()["rotations"]
    assert oncall[0]["now"]["email"] == NURSE  # the rotation's own shift again


async def test_a_sweep_run_as_if_tomorrow_does_not_hold_back_the_next_tier(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    assert await pages(rt) == [(NURSE, 1)]
    # Another process ticks with a clock a day ahead: it pages Dr Lee "tomorrow" (a page that
    # waits in the outbox until then) and sets the next tier for tomorrow.
    ahead = Service(
        rt.db, ManualClock(DUE + timedelta(days=1)), rt.engine, rt.hub, public_url=rt.service.public_url
    )
    await Tick(ahead.sweeps())()
    assert await pages(rt) == [(NURSE, 1), (DR, 2)]
    clock.advance(minutes=4, seconds=50)
    await rt.tick()
    assert len(await pages(rt)) == 2  # tier 1's five minutes are not up yet
    clock.advance(seconds=15)
    await rt.tick()  # five minutes after Ana's page: Dr Lee, really, now
    assert await pages(rt) == [(NURSE, 1), (DR, 2), (DR, 2)]
    async with rt.db.session() as session:
        rows = (
            await session.execute(
                select(OutboundMessage.status, OutboundMessage.next_attempt_at)
                .where(OutboundMessage.kind == "page")
                .order_by(OutboundMessage.id)
            )
        ).all()
        rewound = await session.scalar(
            select(func.count())
            .select_from(CaseEvent)
            .where(CaseEvent.case_id == case_id, CaseEvent.kind == "schedule_rewound")
        )
    # The page queued for tomorrow is withdrawn; the one written now goes out now.
    assert [status for status, _ in rows] == ["pending", "failed", "pending"]
    assert rows[-1][1] == clock.now()
    clock.advance(minutes=5)
    await rt.tick()
    assert (await pages(rt))[-2:] == [(NURSE, 3), (BEN, 3)]  # and on up the chain, on time
    assert rewound == 1
    clock.advance(minutes=10)
    await rt.tick()
    async with rt.db.session() as session:
        again = await session.scalar(
            select(func.count()).select_from(CaseEvent).where(CaseEvent.kind == "schedule_rewound")
        )
    assert again == 1  # put right once, not on every tick


async def test_every_tier_of_an_urgent_request_for_a_nurse_says_the_patient_asks_for_a_nurse(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    body = {"external_id": "MRN-100871", "text": "I need to speak to someone urgently"}
    assert (await client.post("/api/v1/simulator/messages", headers=auth, json=body)).status_code == 202
    clock.advance(timedelta(hours=2))
    await rt.tick()
    async with rt.db.session() as session:
        texts = list(
            await session.scalars(
                select(OutboundMessage.text)
                .where(OutboundMessage.kind == "page")
                .order_by(OutboundMessage.id)
            )
        )
    assert len(texts) >= 2  # tier 1, then tier 2
    assert all("asks for a nurse" in t for t in texts), texts
    assert not any("needs a nurse" in t for t in texts)


async def test_a_tier_whose_wait_the_clinic_file_gives_in_seconds_pages_the_next_tier_on_time(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    """`ack_within: 300` in the clinic file is 300 seconds; it is stored as '300', which the
    paging sweep once read as 30 of a unit '0' and failed on."""
    text = DEMO.read_text().replace(
        '{notify: "rotation:nurses", ack_within: 5m}', '{notify: "rotation:nurses", ack_within: 300}'
    )
    assert "ack_within: 300" in text
    await clinic_import.apply(rt.db, clinic_file.parse(text), clock)
    clock.set(DUE)
    await emergency(client, auth)
    assert await pages(rt) == [(NURSE, 1)]
    clock.advance(minutes=4, seconds=59)
    await rt.tick()
    assert await pages(rt) == [(NURSE, 1)]
    clock.advance(seconds=16)
    await rt.tick()
    assert await pages(rt) == [(NURSE, 1), (DR, 2)]
