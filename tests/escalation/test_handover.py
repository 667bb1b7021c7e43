"""Release and take over: a claimed case goes back to the queue, or to a colleague, each with
a reason, as case events and in the audit log. Through the API, as scripts and the pages
reach the same use case."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent

from ..conftest import DUE, NURSE, OTHER_NURSE, bearer
from .test_paging import DR, emergency, pages


async def test_the_holder_releases_a_claimed_case_and_the_chain_is_paged_again_from_the_first_tier(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)  # Ana holds the nurses' rotation
    case_id = await emergency(client, auth)
    assert (await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)).status_code == 200
    clock.advance(minutes=20)
    r = await client.post(
        f"/api/v1/cases/{case_id}/release", headers=auth, json={"reason": "end of my shift"}
    )
    assert r.status_code == 200, r.text
    case = r.json()
    assert (case["status"], case["claimed_by"], case["acknowledged_at"]) == ("open", None, None)
    released = [e for e in case["events"] if e["kind"] == "released"]
    assert [(e["actor"], e["channel"], e["detail"]["reason"]) for e in released] == [
        (NURSE, "api", "end of my shift")
    ]
    assert await pages(rt) == [(NURSE, 1), (NURSE, 1)]  # paged again at once, from tier 1
    clock.advance(minutes=5, seconds=1)
    await rt.tick()
    assert (await pages(rt))[-1] == (DR, 2)  # and nobody acknowledging climbs the chain
    async with rt.db.session() as session:
        audited = await session.scalar(
            select(AuditEvent).where(AuditEvent.action == "release", AuditEvent.subject_id == str(case_id))
        )
    assert audited is not None
    assert (audited.actor, audited.detail["reason"]) == (NURSE, "end of my shift")


async def test_a_colleague_takes_over_a_case_claimed_by_a_nurse_who_went_home(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)
    ben = await bearer(rt, OTHER_NURSE)
    clock.advance(hours=2)
    r = await client.post(
        f"/api/v1/cases/{case_id}/take-over", headers=ben, json={"reason": "Ana has gone home"}
    )
    assert r.status_code == 200, r.text
    case = r.json()
    assert (case["status"], case["claimed_by"], case["claimed_by_name"]) == (
        "acknowledged",
        OTHER_NURSE,
        "Ben Okafor",
    )
    taken = [e for e in case["events"] if e["kind"] == "taken_over"]
    assert [(e["actor"], e["detail"]["previous_owner"], e["detail"]["reason"]) for e in taken] == [
        (OTHER_NURSE, NURSE, "Ana has gone home")
    ]
    # Ben may now resolve it; Ana no longer may.
    refused = await client.post(
        f"/api/v1/cases/{case_id}/resolve", headers=auth, json={"disposition": "other"}
    )
    assert refused.status_code == 409
    ok = await client.post(
        f"/api/v1/cases/{case_id}/resolve", headers=ben, json={"disposition": "advice_given"}
    )
    assert ok.status_code == 200
    async with rt.db.session() as session:
        audited = await session.scalar(select(AuditEvent).where(AuditEvent.action == "take_over"))
    assert audited is not None
    assert (audited.actor, audited.detail["reason"]) == (OTHER_NURSE, "Ana has gone home")


async def test_a_taken_over_case_reminds_its_new_owner_from_when_they_took_it(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)
    clock.advance(minutes=61)
    await rt.tick()  # Ana is reminded
    ben = await bearer(rt, OTHER_NURSE)
    await client.post(f"/api/v1/cases/{case_id}/take-over", headers=ben, json={"reason": "Ana is in theatre"})
    clock.advance(minutes=61)
    await rt.tick()
    events = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()["events"]
    assert [e["recipient"] for e in events if e["kind"] == "reminded"] == [NURSE, OTHER_NURSE]


@pytest.mark.parametrize(
    ("setup", "who", "action", "status", "says"),
    [
        ("open", "ana", "release", 409, "not claimed"),
        ("open", "ben", "take-over", 409, "claim it instead"),
        ("claimed", "ben", "release", 403, "held by Ana Reyes"),
        ("claimed", "ana", "take-over", 409, "already yours"),
        ("resolved", "ana", "release", 409, "resolved"),
        ("resolved", "ben", "take-over", 409, "resolved"),
    ],
)
async def test_release_and_take_over_say_why_they_cannot_happen(
    rt: Runtime,
    clock: ManualClock,
    client: httpx.AsyncClient,
    auth: dict[str, str],
    setup: str,
    who: str,
    action: str,
    status: int,
    says: str,
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    if setup in ("claimed", "resolved"):
        await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)
    if setup == "resolved":
        await client.post(f"/api/v1/cases/{case_id}/resolve", headers=auth, json={"disposition": "other"})
    before = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()
    headers = auth if who == "ana" else await bearer(rt, OTHER_NURSE)
    r = await client.post(
        f"/api/v1/cases/{case_id}/{action}", headers=headers, json={"reason": "handing over"}
    )
    assert r.status_code == status, r.text
    assert says in r.json()["detail"]
    after = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()
    assert (after["status"], after["claimed_by"], len(after["events"])) == (
        before["status"],
        before["claimed_by"],
        len(before["events"]),
    )


@pytest.mark.parametrize(
    "body", [{}, {"reason": ""}, {"reason": "   "}, {"reason": "x" * 1001}, {"why": "x"}]
)
async def test_release_and_take_over_need_a_reason(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str], body: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)
    ben = await bearer(rt, OTHER_NURSE)
    assert (await client.post(f"/api/v1/cases/{case_id}/release", headers=auth, json=body)).status_code == 422
    assert (
        await client.post(f"/api/v1/cases/{case_id}/take-over", headers=ben, json=body)
    ).status_code == 422
    case = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()
    assert case["claimed_by"] == NURSE


async def test_two_nurses_taking_over_from_the_same_colleague_at_once_leave_it_with_exactly_one(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)
    ben = await bearer(rt, OTHER_NURSE)
    dr = await bearer(rt, DR)
    results = await asyncio.gather(
        *(
            client.post(
                f"/api/v1/cases/{case_id}/take-over", headers=h, json={"reason": "cover", "holder": NURSE}
            )
            for h in (ben, dr)
        )
    )
    assert sorted(r.status_code for r in results) == [200, 409]
    refused = next(r for r in results if r.status_code == 409).json()["detail"]
    assert "changed hands" in refused
    case = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()
    assert case["claimed_by"] in (OTHER_NURSE, DR)
    assert [e["kind"] for e in case["events"]].count("taken_over") == 1


async def test_a_take_over_from_a_page_gone_stale_names_who_holds_the_case_now(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    case_id = await emergency(client, auth)
    await client.post(f"/api/v1/cases/{case_id}/claim", headers=auth)
    ben = await bearer(rt, OTHER_NURSE)
    await client.post(f"/api/v1/cases/{case_id}/take-over", headers=ben, json={"reason": "Ana went home"})
    # Dr. Lee's page still said Ana held it: the take-over is refused, not taken from Ben.
    r = await client.post(
        f"/api/v1/cases/{case_id}/take-over",
        headers=await bearer(rt, DR),
        json={"reason": "Ana went home", "holder": NURSE},
    )
    assert (r.status_code, r.json()["detail"]) == (
        409,
        "the case changed hands: it is now held by Ben Okafor",
    )
    # Without `holder` (a script that means whoever holds it) it goes through.
    r = await client.post(
        f"/api/v1/cases/{case_id}/take-over", headers=await bearer(rt, DR), json={"reason": "night cover"}
    )
    assert (r.status_code, r.json()["claimed_by"]) == (200, DR)
