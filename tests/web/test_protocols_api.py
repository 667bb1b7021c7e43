"""Protocols and quiet hours over the JSON API: the editor's rules and words, for scripts."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.models import AuditEvent
from vigil.scheduler.models import Enrolment

from ..conftest import bearer

ADMIN = "admin@riverside.example"


async def _admin(rt: Runtime) -> dict[str, str]:
    return await bearer(rt, ADMIN)


async def test_everyone_reads_the_protocols_and_their_next_send_times(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    listed = (await client.get("/api/v1/protocols", headers=auth)).json()["protocols"]
    assert [(p["key"], p["schedule"], p["enrolled"]) for p in listed] == [
        ("nsclc-weekly", "0 10 * * MON,THU", 3)
    ]
    one = (await client.get("/api/v1/protocols/nsclc-weekly", headers=auth)).json()
    assert one["questions"][1] == {
        "key": "back_pain_onset",
        "kind": "yes_no",
        "text": {
            "en": "Did the back pain come on suddenly?",
            "es": "¿El dolor de espalda empezó de repente?",
        },
        "concepts": ["back_pain"],
        "ask_if": "back_pain >= 1",
    }
    sends = (
        await client.get("/api/v1/protocols/nsclc-weekly/send-times?tz=Asia/Tokyo&count=3", headers=auth)
    ).json()
    assert sends == {
        "timezone": "Asia/Tokyo",
        "times": ["2026-11-26T01:00:00Z", "2026-11-30T01:00:00Z", "2026-12-03T01:00:00Z"],
    }
    bad = await client.get("/api/v1/protocols/nsclc-weekly/send-times?tz=Mars/Olympus", headers=auth)
    assert bad.status_code == 422
    assert bad.json()["detail"] == [{"field": "timezone", "reason": "unknown time zone 'Mars/Olympus'"}]
    assert (await client.get("/api/v1/protocols/nope", headers=auth)).status_code == 404
    assert (await client.get("/api/v1/quiet-hours", headers=auth)).json() == {
        "start": "21:00",
        "end": "08:00",
    }


async def test_an_admin_replaces_a_protocol_and_is_told_what_changed(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    body: dict[str, Any] = (await client.get("/api/v1/protocols/nsclc-weekly", headers=admin)).json()
    body = {k: v for k, v in body.items() if k not in ("id", "enrolled", "key")}
    body["schedule"] = "0 9 * * TUE"
    body["questions"] = [body["questions"][2], *body["questions"][:2], body["questions"][3]]
    body["questions"][2].pop("ask_if")
    r = await client.put("/api/v1/protocols/nsclc-weekly", headers=admin, json=body)
    assert r.status_code == 200, r.text
    assert r.json()["changed"] == [
        "schedule: 0 10 * * MON,THU → 0 9 * * TUE",
        "question back_pain_onset: ask if",
        "questions reordered: neuro, back_pain, back_pain_onset, anything_else",
    ]
    assert r.json()["rescheduled"] == 3
    async with rt.db.session() as session:
        due = set(await session.scalars(select(Enrolment.next_due_at)))
        [event] = await session.scalars(select(AuditEvent).where(AuditEvent.subject_type == "protocol"))
    assert {d.strftime("%a %H:%M") for d in due if d} == {"Tue 14:00"}
    assert (event.actor, event.detail["channel"]) == (ADMIN, "api")


async def test_a_refused_protocol_names_each_key_path_with_the_imports_words(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    body = {
        "key": "Bad Key",
        "name": "x",
        "schedule": "0 25 * * *",
        "expire_after": "1 day",
        "questions": [{"key": "a", "kind": "choice", "text": "Pick", "concepts": ["nonsense"]}],
        "colour": "blue",
    }
    r = await client.post("/api/v1/protocols", headers=admin, json=body)
    assert r.status_code == 422
    fields = {p["field"]: p["reason"] for p in r.json()["detail"]}
    assert fields["key"] == (
        "'Bad Key' is not a key: lower-case letters, digits, '-' and '_', starting with a letter or digit"
    )
    assert fields["schedule"].startswith("'0 25 * * *': ")
    assert fields["expire_after"] == "'1 day' is not a duration like 30s, 5m, 4h or 1d"
    assert fields["questions[0].concepts[0]"].startswith("'nonsense' is not a concept of docs/triage.md")
    assert fields["colour"].startswith("is not a key allowed here (allowed: key, name, schedule,")
    nul = await client.post("/api/v1/protocols", headers=admin, json={**body, "name": "a\x00b"})
    assert {"field": "name", "reason": "holds characters that are not text"} in nul.json()["detail"]


async def test_an_admin_adds_a_protocol_and_a_nurse_cannot(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    body = {
        "key": "post-chemo",
        "name": "After chemotherapy, daily",
        "schedule": "0 9 * * *",
        "expire_after": "12h",
        "questions": [{"key": "temp", "kind": "text", "text": "What is your temperature today?"}],
    }
    assert (await client.post("/api/v1/protocols", headers=auth, json=body)).status_code == 403
    put = await client.put("/api/v1/protocols/nsclc-weekly", headers=auth, json=body)
    assert put.status_code == 403
    assert (await client.put("/api/v1/quiet-hours", headers=auth, json={})).status_code == 403
    admin = await _admin(rt)
    made = await client.post("/api/v1/protocols", headers=admin, json=body)
    assert made.status_code == 201
    assert made.json()["key"] == "post-chemo"
    again = await client.post("/api/v1/protocols", headers=admin, json=body)
    assert again.json()["detail"] == [
        {"field": "key", "reason": "post-chemo is already a protocol of this clinic"}
    ]
    renamed = await client.put("/api/v1/protocols/post-chemo", headers=admin, json={**body, "key": "other"})
    assert renamed.status_code == 422


async def test_an_admin_sets_and_clears_the_quiet_hours(rt: Runtime, client: httpx.AsyncClient) -> None:
    admin = await _admin(rt)
    r = await client.put("/api/v1/quiet-hours", headers=admin, json={"start": "22:00", "end": "7:00"})
    assert r.json() == {
        "start": "22:00",
        "end": "07:00",
        "changed": ["quiet hours: 21:00–08:00 → 22:00–07:00"],
    }
    bad = await client.put("/api/v1/quiet-hours", headers=admin, json={"start": "22:00"})
    assert bad.json()["detail"] == [{"field": "quiet_hours.end", "reason": "is required here but missing"}]
    cleared = await client.put("/api/v1/quiet-hours", headers=admin, json={"start": None, "end": None})
    assert cleared.json()["start"] is None
    assert (await client.get("/api/v1/quiet-hours", headers=admin)).json() == {"start": None, "end": None}


async def test_a_schedule_that_never_fires_is_refused_and_nothing_is_saved(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    body = {
        "key": "never",
        "name": "The 31st of February",
        "schedule": "0 10 31 2 *",
        "expire_after": "12h",
        "questions": [{"key": "temp", "kind": "text", "text": "What is your temperature today?"}],
    }
    r = await client.post("/api/v1/protocols", headers=admin, json=body)
    assert (r.status_code, r.json()) == (
        422,
        {"detail": [{"field": "schedule", "reason": "'0 10 31 2 *' never fires"}]},
    )
    assert (await client.get("/api/v1/protocols/never", headers=admin)).status_code == 404
    put = await client.put(
        "/api/v1/protocols/nsclc-weekly",
        headers=admin,
        json={
            **(await client.get("/api/v1/protocols/nsclc-weekly", headers=admin)).json(),
            "schedule": "0 10 31 2 *",
        },
    )
    assert put.status_code == 422
    assert {"field": "schedule", "reason": "'0 10 31 2 *' never fires"} in put.json()["detail"]
