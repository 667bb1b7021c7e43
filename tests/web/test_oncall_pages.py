"""The on-call pages: an admin edits rotations and escalation policies with the import's own
checks and messages, every change audited; nurses read; the calendar shows who is on call,
cover and gaps, from the pager's own computation."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx
import yaml
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.clinic.export import export_clinic
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent, Clinic, Staff
from vigil.escalation.models import OncallOverride

from ..conftest import DEMO, NURSE, OTHER_NURSE, START, make_token
from .test_admin_pages import ADMIN, _sign_in

NURSES = {
    "original": "nurses",
    "key": "nurses",
    "members": [NURSE, OTHER_NURSE],
    "shift_hours": "12",
    "handoff": "07:00",
    "starts": "2026-11-02",
}


async def _oncall(rt: Runtime) -> dict[str, object]:
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, 1)
        assert clinic is not None
        return dict(clinic.oncall)


async def test_an_admin_reorders_a_rotation_and_saves_it_and_the_change_is_audited(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    page = await client.get("/oncall")
    assert page.status_code == 200
    assert 'aria-label="Move Ana Reyes down"' in page.text
    moved = await client.post("/oncall/rotations", data={"csrf": csrf, **NURSES, "do": "down:0"})
    assert moved.status_code == 200
    assert "Not saved yet" in moved.text
    assert moved.text.index('value="ben.okafor') < moved.text.index('value="ana.reyes')
    # The keyboard stays with Ana: the page comes back focused on her next move.
    assert 'aria-label="Move Ana Reyes up" autofocus>' in moved.text
    assert (await _oncall(rt))["rotations"][0]["members"] == [NURSE, OTHER_NURSE]  # type: ignore[index]

    saved = await client.post(
        "/oncall/rotations",
        data={"csrf": csrf, **NURSES, "members": [OTHER_NURSE, NURSE], "handoff": "08:00", "do": "save"},
    )
    assert saved.status_code == 303
    rotation = (await _oncall(rt))["rotations"][0]  # type: ignore[index]
    assert (rotation["members"], rotation["handoff"]) == ([OTHER_NURSE, NURSE], "08:00")
    assert "Rotation nurses saved: handoff, members changed." in (await client.get("/oncall")).text
    async with rt.db.session() as session:
        entry = await session.scalar(select(AuditEvent).where(AuditEvent.action == "oncall_changed"))
    assert entry is not None
    assert (entry.actor, entry.subject_type, entry.subject_id) == (ADMIN, "oncall", "rotation:nurses")
    assert entry.detail["changed"]["rotations[0].handoff"] == ["07:00", "08:00"]
    assert entry.detail["changed"]["rotations[0].members"] == [[NURSE, OTHER_NURSE], [OTHER_NURSE, NURSE]]
    assert entry.detail["channel"] == "web"


async def test_a_refused_rotation_says_why_beside_each_field_in_the_imports_words(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    before = await _oncall(rt)
    r = await client.post(
        "/oncall/rotations",
        data={"csrf": csrf, **NURSES, "shift_hours": "0", "handoff": "25:00", "do": "save"},
    )
    assert r.status_code == 422
    # The same reasons `vigil import` gives for the same values in the file.
    text = (
        DEMO.read_text()
        .replace("shift_hours: 12", "shift_hours: 0")
        .replace('handoff: "07:00"', 'handoff: "25:00"')
    )
    try:
        clinic_file.parse(text, "c.yaml")
    except clinic_file.ImportError_ as exc:
        imported = {line.split(": ", 2)[1]: line.split(": ", 2)[2] for line in exc.lines}
    shift, handoff = imported["oncall.rotations[0].shift_hours"], imported["oncall.rotations[0].handoff"]
    assert f'id="rotation-nurses-shift-problem">{shift}' in r.text
    assert f'id="rotation-nurses-handoff-problem">{handoff.replace(chr(39), "&#39;")}' in r.text
    assert 'aria-describedby="rotation-nurses-handoff-problem"' in r.text
    assert await _oncall(rt) == before


async def test_a_new_rotation_cannot_take_a_key_already_used(rt: Runtime, client: httpx.AsyncClient) -> None:
    csrf = await _sign_in(client, ADMIN)
    r = await client.post("/oncall/rotations", data={"csrf": csrf, **NURSES, "original": "", "do": "save"})
    assert r.status_code == 422
    assert 'id="rotation-new-key-problem">appears twice' in r.text
    fresh = {
        **NURSES,
        "original": "",
        "key": "nights",
        "members": [NURSE],
        "add_member": "dr.lee@riverside.example",
    }
    r = await client.post("/oncall/rotations", data={"csrf": csrf, **fresh, "do": "save"})
    assert r.status_code == 303
    added = (await _oncall(rt))["rotations"][1]  # type: ignore[index]
    assert added["key"] == "nights"
    assert added["members"] == [NURSE, "dr.lee@riverside.example"]
    # Someone a page cannot reach may be a member, with a warning beside their name.
    fresh = {**fresh, "original": "", "key": "admins", "members": [ADMIN], "add_member": ""}
    assert (
        await client.post("/oncall/rotations", data={"csrf": csrf, **fresh, "do": "save"})
    ).status_code == 303
    shown = _squash((await client.get("/oncall")).text).split('id="rotation-admins"')[1]
    assert 'Clinic Admin</span> <strong class="warn">cannot be paged (no phone or Telegram)' in shown


async def test_a_rotation_a_tier_pages_cannot_be_deleted(rt: Runtime, client: httpx.AsyncClient) -> None:
    csrf = await _sign_in(client, ADMIN)
    r = await client.post("/oncall/rotations", data={"csrf": csrf, **NURSES, "do": "delete"})
    assert r.status_code == 422
    assert "escalation.emergency[0]: no rotation &#39;nurses&#39;" in r.text


async def test_an_admin_edits_a_policy_and_its_tiers_say_why_they_are_refused(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    tiers = {
        "level": "urgent",
        "notify": ["rotation:nurses", "staff:dr.lee@riverside.example"],
        "timer": ["ack_within", "ack_within"],
        "wait": ["30m", "30m"],
    }
    r = await client.post("/oncall/escalation", data={"csrf": csrf, **tiers, "do": "add"})
    assert r.status_code == 200
    assert "Not saved yet" in r.text
    r = await client.post(
        "/oncall/escalation",
        data={"csrf": csrf, **tiers, "wait": ["30 minutes", "30m"], "do": "save"},
    )
    assert r.status_code == 422
    assert 'id="level-urgent-0-wait-problem">&#39;30 minutes&#39; is not a duration' in r.text
    r = await client.post(
        "/oncall/escalation",
        data={
            "csrf": csrf,
            **tiers,
            "notify": ["staff:dr.lee@riverside.example", "rotation:nurses", "all:nurse"],
            "timer": ["ack_within", "ack_within", "repeat_every"],
            "wait": ["10m", "20m", "15m"],
            "do": "save",
        },
    )
    assert r.status_code == 303
    assert (await _oncall(rt))["escalation"]["urgent"] == [  # type: ignore[index]
        {"notify": "staff:dr.lee@riverside.example", "ack_within": "10m", "repeat_every": None},
        {"notify": "rotation:nurses", "ack_within": "20m", "repeat_every": None},
        {"notify": "all:nurse", "ack_within": None, "repeat_every": "15m"},
    ]


async def test_nurses_read_the_rota_and_cannot_change_it(rt: Runtime, client: httpx.AsyncClient) -> None:
    csrf = await _sign_in(client, NURSE)
    page = await client.get("/oncall")
    assert page.status_code == 200
    assert "Ana Reyes" in page.text
    assert "Only an admin changes it." in page.text
    assert 'action="/oncall/rotations"' not in page.text
    assert (await client.get("/oncall/calendar")).status_code == 200
    before = await _oncall(rt)
    for path, data in (
        ("/oncall/rotations", {**NURSES, "handoff": "09:00", "do": "save"}),
        ("/oncall/escalation", {"level": "urgent", "notify": "all:nurse", "wait": "5m", "do": "save"}),
        ("/oncall/reminder", {"remind_owner_after": "2h"}),
    ):
        assert (await client.post(path, data={"csrf": csrf, **data})).status_code == 403
    assert await _oncall(rt) == before


async def test_what_the_editor_saves_the_export_writes_and_importing_it_changes_nothing(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    csrf = await _sign_in(client, ADMIN)
    edits = [
        ("/oncall/rotations", {**NURSES, "members": [OTHER_NURSE, NURSE], "shift_hours": "8", "do": "save"}),
        (
            "/oncall/rotations",
            {
                **NURSES,
                "original": "",
                "key": "physicians",
                "members": "dr.lee@riverside.example",
                "shift_hours": "24",
                "handoff": "7:30",
                "starts": "2026-12-01",
                "do": "save",
            },
        ),
        (
            "/oncall/escalation",
            {
                "level": "emergency",
                "notify": ["rotation:physicians", "all:nurse"],
                "timer": ["ack_within", "repeat_every"],
                "wait": ["5m", "10m"],
                "do": "save",
            },
        ),
        ("/oncall/reminder", {"remind_owner_after": "90m"}),
    ]
    for path, data in edits:
        r = await client.post(path, data={"csrf": csrf, **data})
        assert r.status_code == 303, r.text[:2000]
    async with rt.db.session() as session:
        text = await export_clinic(session, 1)
    oncall = yaml.safe_load(text)["oncall"]
    assert oncall["rotations"][1] == {
        "key": "physicians",
        "members": ["dr.lee@riverside.example"],
        "shift_hours": 24,
        "handoff": "07:30",
        "starts": "2026-12-01",
    }
    assert oncall["remind_owner_after"] == "90m"
    summary = await clinic_import.apply(rt.db, clinic_file.parse(text), clock)
    assert not summary.changed, str(summary)


async def test_the_calendar_shows_two_weeks_of_shifts_with_cover_and_gaps(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    async with rt.db.transaction() as session:
        ben = await session.scalar(select(Staff).where(Staff.email == OTHER_NURSE))
        admin = await session.scalar(select(Staff).where(Staff.email == ADMIN))
        assert ben is not None
        assert admin is not None
        ben.phone, ben.notify_by = None, None  # Ben can no longer be paged: his shifts are gaps
        admin.phone = "+16175550104"  # the admin covers, and can be paged
        session.add(
            OncallOverride(
                clinic_id=1,
                rotation_key="nurses",
                staff_id=admin.id,
                starts_at=START + timedelta(days=2, hours=3),
                ends_at=START + timedelta(days=2, hours=5),
                created_by=ADMIN,
                created_at=START,
            )
        )
    await _sign_in(client, NURSE)
    r = await client.get("/oncall/calendar?start=2026-11-23")
    assert r.status_code == 200
    assert r.text.count('<li class="day') == 14
    assert "Mon 23 Nov" in r.text
    assert "Sun 06 Dec" in r.text
    # Ana 07:00-19:00 on the 23rd (New York), Ben the nights: shift 0 of the rotation began on the 2nd.
    day = _squash(r.text.split('datetime="2026-11-23"')[1].split('<li class="day')[0])
    assert '07:00–19:00</span> <span class="person">Ana Reyes' in day
    assert '19:00–24:00</span> <span class="person">Ben Okafor' in day
    assert "cannot be paged: no phone or Telegram" in day
    cover = _squash(r.text.split('datetime="2026-11-25"')[1].split('<li class="day')[0])
    assert '<li class="slot cover" data-rotation="nurses"> <span class="time">10:00–12:00' in cover
    assert '<span class="person">Clinic Admin</span> <span class="tag cover-tag">cover' in cover
    assert "gaps in these two weeks" in r.text


def _squash(html: str) -> str:
    return " ".join(html.split())


async def test_the_calendar_starts_on_the_clinics_today_by_the_injected_clock(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    clock.set(datetime(2027, 3, 10, 2, tzinfo=UTC))  # still the 9th in New York
    await _sign_in(client, NURSE)
    r = await client.get("/oncall/calendar")
    assert r.status_code == 200
    days = re.findall(r'<time datetime="([0-9-]+)">', r.text)
    assert (days[0], days[-1], len(days)) == ("2027-03-09", "2027-03-22", 14)
    sunday = _squash(r.text.split('datetime="2027-03-14"')[1].split('<li class="day')[0])
    # Spring forward: the night shift hands over at 07:00 local all the same.
    assert re.findall(r'class="time">([0-9:–]+)</span> <span class="person">([^<]+)<', sunday) == [
        ("00:00–07:00", "Ben Okafor"),
        ("07:00–19:00", "Ana Reyes"),
        ("19:00–24:00", "Ben Okafor"),
    ]
    assert (await client.get("/oncall/calendar?start=not-a-day")).status_code == 400


async def test_the_audit_log_shows_what_changed_was_and_now(rt: Runtime, client: httpx.AsyncClient) -> None:
    csrf = await _sign_in(client, ADMIN)
    r = await client.post(
        "/oncall/rotations", data={"csrf": csrf, **NURSES, "handoff": "08:00", "do": "save"}
    )
    assert r.status_code == 303
    log = _squash((await client.get("/admin/audit?subject=oncall")).text)
    assert "oncall changed" in log
    assert "<code>rotations[0].handoff</code>: 07:00 &rarr; 08:00" in log


async def test_a_save_over_another_admins_change_is_refused_and_shows_theirs(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    page = (await client.get("/oncall")).text
    was = page.split('id="rotation-nurses"')[1].split('name="was" value="')[1].split('"')[0]
    level_was = page.split('id="level-urgent"')[1].split('name="was" value="')[1].split('"')[0]
    other = {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}
    theirs = {k: v for k, v in NURSES.items() if k != "original"} | {"handoff": "09:00", "shift_hours": 12}
    assert (
        await client.put("/api/v1/oncall/rotations/nurses", headers=other, json=theirs)
    ).status_code == 200
    # Moving people about still works on the page (nothing is saved)...
    moved = await client.post("/oncall/rotations", data={"csrf": csrf, **NURSES, "was": was, "do": "down:0"})
    assert f'name="was" value="{was}"' in moved.text
    # ...but saving over their change is refused, and the page shows the rotation as it is now.
    r = await client.post("/oncall/rotations", data={"csrf": csrf, **NURSES, "was": was, "do": "save"})
    assert r.status_code == 409
    assert "rotation nurses changed since this page was opened" in r.text
    assert 'name="handoff" type="time" value="09:00"' in r.text
    assert (await _oncall(rt))["rotations"][0]["handoff"] == "09:00"  # type: ignore[index]
    # A level saved on what the page showed goes through.
    r = await client.post(
        "/oncall/escalation",
        data={
            "csrf": csrf,
            "level": "urgent",
            "was": level_was,
            "notify": "all:nurse",
            "wait": "5m",
            "do": "save",
        },
    )
    assert r.status_code == 303


async def test_strangers_are_sent_to_sign_in_and_forms_need_their_csrf_token(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    for path in ("/oncall", "/oncall/calendar"):
        r = await client.get(path, headers={"accept": "text/html"})
        assert (r.status_code, r.headers["location"]) == (303, "/login")
    csrf = await _sign_in(client, ADMIN)
    before = await _oncall(rt)
    for path in ("/oncall/rotations", "/oncall/escalation", "/oncall/reminder"):
        r = await client.post(path, data={**NURSES, "handoff": "09:00", "remind_owner_after": "3h"})
        assert r.status_code == 403, path
    r = await client.post(
        "/oncall/escalation", data={"csrf": csrf, "level": "someday", "notify": "all:nurse"}
    )
    assert r.status_code == 422
    r = await client.post("/oncall/reminder", data={"csrf": csrf, "remind_owner_after": "soon"})
    assert r.status_code == 422
    assert 'id="reminder-problem">&#39;soon&#39; is not a duration' in r.text
    assert await _oncall(rt) == before
