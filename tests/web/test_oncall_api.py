"""The on-call configuration over the API: the pages' rules and the import's reasons, for
scripts; nurses read, admins change, changes are audited; the calendar as JSON."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.models import AuditEvent

from ..conftest import NURSE, OTHER_NURSE, make_token
from .test_admin_pages import ADMIN

NURSES = {
    "key": "nurses",
    "members": [OTHER_NURSE, NURSE],
    "shift_hours": 8,
    "handoff": "06:00",
    "starts": "2026-11-02",
}


async def _as(rt: Runtime, email: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {await make_token(rt, email)}"}


async def test_an_admin_changes_a_rotation_and_the_calendar_follows(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _as(rt, ADMIN)
    r = await client.put("/api/v1/oncall/rotations/nurses", headers=admin, json=NURSES)
    assert r.status_code == 200, r.text
    assert r.json()["changed"]["rotations[0].handoff"] == ["07:00", "06:00"]
    assert r.json()["oncall"]["rotations"][0] == NURSES
    cal = (await client.get("/api/v1/oncall/calendar?start=2026-11-23&days=1", headers=admin)).json()
    slots = cal["days"][0]["rotations"]["nurses"]
    # 8-hour shifts from 06:00 New York time on the 2nd, Ben first: shift 62 began at 22:00 on the 22nd.
    assert [(s["starts_at"], s["name"]) for s in slots] == [
        ("2026-11-23T05:00:00Z", "Ben Okafor"),
        ("2026-11-23T11:00:00Z", "Ana Reyes"),
        ("2026-11-23T19:00:00Z", "Ben Okafor"),
        ("2026-11-24T03:00:00Z", "Ana Reyes"),
    ]
    assert (cal["start"], cal["timezone"], cal["gaps"]) == ("2026-11-23", "America/New_York", 0)
    async with rt.db.session() as session:
        entry = await session.scalar(select(AuditEvent).where(AuditEvent.action == "oncall_changed"))
    assert entry is not None
    assert (entry.actor, entry.subject_id, entry.detail["channel"]) == (ADMIN, "rotation:nurses", "api")


async def test_refusals_carry_the_imports_reasons_by_field(rt: Runtime, client: httpx.AsyncClient) -> None:
    admin = await _as(rt, ADMIN)
    r = await client.put(
        "/api/v1/oncall/rotations/nurses",
        headers=admin,
        json={**NURSES, "members": ["nobody@riverside.example"]},
    )
    assert r.status_code == 422
    assert r.json()["detail"] == [
        {"field": "rotations.nurses", "reason": "nobody@riverside.example is not in staff"}
    ]
    r = await client.post("/api/v1/oncall/rotations", headers=admin, json=NURSES)
    assert r.status_code == 422
    assert r.json()["detail"] == [{"field": "rotations.nurses", "reason": "appears twice"}]
    r = await client.put("/api/v1/oncall/rotations/nurses", headers=admin, json={**NURSES, "key": "other"})
    assert r.status_code == 422
    r = await client.delete("/api/v1/oncall/rotations/nurses", headers=admin)
    assert r.status_code == 422
    assert {"field": "escalation.emergency[0]", "reason": "no rotation 'nurses'"} in r.json()["detail"]
    r = await client.put(
        "/api/v1/oncall/escalation", headers=admin, json={"urgent": [{"notify": "all:nurse"}]}
    )
    assert r.status_code == 422  # the tier's own model: exactly one of ack_within or repeat_every
    assert (await client.get("/api/v1/oncall/rotations/nights", headers=admin)).status_code == 404


async def test_an_admin_replaces_a_policy_and_the_whole_section(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _as(rt, ADMIN)
    r = await client.put(
        "/api/v1/oncall/escalation",
        headers=admin,
        json={"urgent": [{"notify": "all:nurse", "repeat_every": "10m"}]},
    )
    assert r.status_code == 200, r.text
    oncall = r.json()["oncall"]
    assert oncall["escalation"]["urgent"] == [{"notify": "all:nurse", "repeat_every": "10m"}]
    assert len(oncall["escalation"]["emergency"]) == 3  # kept
    whole = {**oncall, "remind_owner_after": "2h"}
    r = await client.put("/api/v1/oncall/config", headers=admin, json=whole)
    assert r.status_code == 200, r.text
    assert r.json()["changed"] == {"remind_owner_after": [None, "2h"]}
    got = await client.get("/api/v1/oncall/config", headers=admin)
    assert got.json()["oncall"] == whole


async def test_nurses_read_the_configuration_and_cannot_change_it(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    nurse = await _as(rt, NURSE)
    assert (await client.get("/api/v1/oncall/config", headers=nurse)).status_code == 200
    assert (await client.get("/api/v1/oncall/calendar", headers=nurse)).status_code == 200
    assert (await client.get("/api/v1/oncall/rotations/nurses", headers=nurse)).status_code == 200
    for method, path, body in (
        ("PUT", "/api/v1/oncall/rotations/nurses", NURSES),
        ("POST", "/api/v1/oncall/rotations", {**NURSES, "key": "nights"}),
        ("DELETE", "/api/v1/oncall/rotations/nurses", None),
        ("PUT", "/api/v1/oncall/escalation", {"urgent": []}),
    ):
        r = await client.request(method, path, headers=nurse, json=body)
        assert r.status_code == 403, (method, path, r.text)


async def test_the_routes_are_in_the_openapi_schema(rt: Runtime, client: httpx.AsyncClient) -> None:
    schema = (await client.get("/api/v1/openapi.json", headers=await _as(rt, NURSE))).json()
    for path in (
        "/oncall/config",
        "/oncall/rotations",
        "/oncall/rotations/{rotation_key}",
        "/oncall/calendar",
    ):
        assert path in schema["paths"], path
    assert "put" in schema["paths"]["/oncall/escalation"]


async def test_deleting_a_rotation_takes_its_cover_with_it(rt: Runtime, client: httpx.AsyncClient) -> None:
    from datetime import timedelta

    from vigil.core.models import Staff
    from vigil.escalation.models import OncallOverride

    from ..conftest import START

    admin = await _as(rt, ADMIN)
    added = await client.post(
        "/api/v1/oncall/rotations", headers=admin, json={**NURSES, "key": "nights", "members": [NURSE]}
    )
    assert added.status_code == 201, added.text
    async with rt.db.transaction() as session:
        ana = await session.scalar(select(Staff).where(Staff.email == NURSE))
        assert ana is not None
        for key in ("nights", "nurses"):
            session.add(
                OncallOverride(
                    clinic_id=1,
                    rotation_key=key,
                    staff_id=ana.id,
                    starts_at=START,
                    ends_at=START + timedelta(hours=4),
                    created_by=ADMIN,
                    created_at=START,
                )
            )
    assert (await client.delete("/api/v1/oncall/rotations/nights", headers=admin)).status_code == 204
    async with rt.db.session() as session:
        left = list(await session.scalars(select(OncallOverride.rotation_key)))
        entry = await session.scalar(
            select(AuditEvent)
            .where(AuditEvent.subject_id == "rotation:nights")
            .order_by(AuditEvent.id.desc())
        )
    assert left == ["nurses"]
    assert entry is not None
    assert entry.detail["cover_removed"] == 1
