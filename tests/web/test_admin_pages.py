"""An admin runs the clinic's staff, reads its audit log and exports it, from the pages and the
API; nurses see the staff and change nothing."""

from __future__ import annotations

from datetime import timedelta

import httpx
import yaml
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent, Staff

from ..conftest import NURSE, PASSWORD, make_token

ADMIN = "admin@riverside.example"


async def _sign_in(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> str:
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    r = await client.post("/login", data={"email": email, "password": password, "csrf": csrf})
    assert r.status_code == 303, r.text
    return (await client.get("/")).text.split('name="csrf" value="')[1].split('"')[0]


async def _first_sign_in(client: httpx.AsyncClient, email: str, temporary: str) -> str:
    """Sign in with a temporary password: every page leads to choosing one's own first."""
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    r = await client.post("/login", data={"email": email, "password": temporary, "csrf": csrf})
    assert (r.status_code, r.headers["location"]) == (303, "/account/password"), r.text
    form = await client.get("/account/password")
    csrf = form.text.split('name="csrf" value="')[1].split('"')[0]
    mine = {"current": temporary, "new": "a password of my own", "again": "a password of my own"}
    r = await client.post("/account/password", data={"csrf": csrf, **mine})
    assert (r.status_code, r.headers["location"]) == (303, "/"), r.text
    return (await client.get("/")).text.split('name="csrf" value="')[1].split('"')[0]


async def _staff(rt: Runtime, email: str) -> Staff:
    async with rt.db.session() as session:
        found = await session.scalar(select(Staff).where(Staff.email == email))
    assert found is not None
    return found


async def _api(rt: Runtime, email: str = ADMIN) -> dict[str, str]:
    return {"Authorization": f"Bearer {await make_token(rt, email)}"}


def _password_on(page: str) -> str:
    return page.split('<code class="secret">')[1].split("</code>")[0]


async def test_an_admin_invites_a_nurse_who_signs_in_with_the_temporary_password(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    r = await client.post(
        "/admin/staff",
        data={"csrf": csrf, "email": "New.Nurse@Riverside.example", "name": "Nia New", "role": "nurse"},
    )
    assert r.status_code == 200
    assert "Nia New is on the staff." in r.text
    password = _password_on(r.text)
    made = await _staff(rt, "new.nurse@riverside.example")
    assert (made.role, made.active, made.clinic_id) == ("nurse", True, 1)
    async with rt.db.session() as session:
        entry = await session.scalar(select(AuditEvent).where(AuditEvent.action == "staff_invited"))
    assert entry is not None
    assert (entry.actor, entry.subject_id, entry.detail["role"]) == (ADMIN, str(made.id), "nurse")
    async with httpx.AsyncClient(transport=client._transport, base_url=str(client.base_url)) as other:
        await _first_sign_in(other, "new.nurse@riverside.example", password)


async def test_a_bad_invitation_is_refused_with_the_reason_and_writes_nothing(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    r = await client.post(
        "/admin/staff", data={"csrf": csrf, "email": "not-an-email", "name": " ", "role": "nurse"}
    )
    assert r.status_code == 422
    assert "email: give an address like name@clinic.example" in r.text
    assert "name: give the name" in r.text
    r = await client.post("/admin/staff", data={"csrf": csrf, "email": NURSE, "name": "Ana", "role": "nurse"})
    assert r.status_code == 422
    assert "is already on the staff" in r.text
    r = await client.post(
        "/admin/staff", data={"csrf": csrf, "email": "x@y.example", "name": "X", "role": "boss"}
    )
    assert r.status_code == 422
    assert "role: one of nurse, physician, admin" in r.text
    api = await _api(rt)
    r = await client.post(
        "/api/v1/staff", headers=api, json={"email": "x@y.example", "name": "X", "role": "boss"}
    )
    assert r.status_code == 422
    async with rt.db.session() as session:
        assert await session.scalar(select(Staff).where(Staff.email == "x@y.example")) is None


async def test_a_role_change_is_audited_with_what_it_was_and_what_it_became(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    ben = await _staff(rt, "ben.okafor@riverside.example")
    r = await client.post(f"/admin/staff/{ben.id}/role", data={"csrf": csrf, "role": "admin"})
    assert (r.status_code, r.headers["location"]) == (303, "/admin/staff")
    assert (await _staff(rt, ben.email)).role == "admin"
    page = await client.get("/admin/audit?action=staff_role")
    assert "staff role" in page.text
    assert "nurse &rarr; admin" in page.text
    assert "Clinic Admin" in page.text  # who, by name


async def test_the_last_admin_can_neither_be_demoted_nor_deactivate_themselves(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    me = await _staff(rt, ADMIN)
    r = await client.post(f"/admin/staff/{me.id}/role", data={"csrf": csrf, "role": "nurse"})
    assert r.status_code == 422
    assert "the clinic&#39;s last admin" in r.text
    r = await client.post(f"/admin/staff/{me.id}/deactivate", data={"csrf": csrf})
    assert r.status_code == 422
    assert "you cannot deactivate yourself" in r.text
    api = await _api(rt)
    r = await client.post(f"/api/v1/staff/{me.id}/deactivate", headers=api)
    assert (r.status_code, r.json()["detail"]) == (422, "you cannot deactivate yourself: ask another admin")
    assert (await _staff(rt, ADMIN)).active


async def test_someone_on_call_is_taken_out_of_the_rotation_before_they_are_deactivated(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    api = await _api(rt)
    ana = await _staff(rt, NURSE)
    r = await client.post(f"/api/v1/staff/{ana.id}/deactivate", headers=api)
    assert r.status_code == 422
    assert "rotation nurses" in r.json()["detail"]
    assert (await _staff(rt, NURSE)).active


async def test_a_deactivated_nurse_can_no_longer_sign_in_and_the_export_still_imports(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    api = await _api(rt)
    r = await client.post(
        "/api/v1/staff",
        headers=api,
        json={"email": "temp@riverside.example", "name": "Tem P", "role": "nurse"},
    )
    assert r.status_code == 201
    made, password = r.json()["staff"], r.json()["temporary_password"]
    async with httpx.AsyncClient(transport=client._transport, base_url=str(client.base_url)) as theirs:
        await _first_sign_in(theirs, "temp@riverside.example", password)
        assert (await theirs.get("/admin/staff")).status_code == 200
        r = await client.post(f"/api/v1/staff/{made['id']}/deactivate", headers=api)
        assert r.status_code == 200
        assert (await theirs.get("/admin/staff")).headers.get("location") == "/login"  # signed out
    exported = (await client.get("/api/v1/clinic/export", headers=api)).text
    assert "temp@riverside.example" not in exported
    summary = await clinic_import.apply(rt.db, clinic_file.parse(exported), clock)
    assert str(summary) == "nothing changed"


async def test_a_password_reset_ends_the_old_password_and_shows_a_new_one_once(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    ben = await _staff(rt, "ben.okafor@riverside.example")
    r = await client.post(f"/admin/staff/{ben.id}/password", data={"csrf": csrf})
    assert r.status_code == 200
    password = _password_on(r.text)
    async with httpx.AsyncClient(transport=client._transport, base_url=str(client.base_url)) as theirs:
        page = await theirs.get("/login")
        token = page.text.split('name="csrf" value="')[1].split('"')[0]
        old = await theirs.post("/login", data={"email": ben.email, "password": PASSWORD, "csrf": token})
        assert old.status_code == 401
        await _first_sign_in(theirs, ben.email, password)
    assert password not in (await client.get("/admin/staff")).text  # shown once
    assert password not in str(client.cookies)


async def test_a_telegram_link_says_why_when_telegram_is_off_and_gives_a_link_when_on(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    ben = await _staff(rt, "ben.okafor@riverside.example")
    r = await client.post(f"/admin/staff/{ben.id}/telegram", data={"csrf": csrf})
    assert r.status_code == 409
    assert "Telegram is off" in r.text

    class Links:
        async def link_name(self) -> str:
            return "vigil_test_bot"

    rt.service.invite_links = Links()  # type: ignore[assignment]
    r = await client.post(f"/admin/staff/{ben.id}/telegram", data={"csrf": csrf})
    assert r.status_code == 200
    assert "https://t.me/vigil_test_bot?start=" in r.text
    r = await client.post(f"/api/v1/staff/{ben.id}/telegram", headers=await _api(rt))
    assert r.status_code == 201
    assert r.json()["link"].startswith("https://t.me/vigil_test_bot?start=")


async def test_nurses_see_the_staff_but_change_nothing_and_cannot_read_the_audit_log(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, NURSE)
    page = await client.get("/admin/staff")
    assert page.status_code == 200
    assert "Dr. Grace Lee" in page.text
    assert "Deactivate" not in page.text
    assert "Invite someone" not in page.text
    ben = await _staff(rt, "ben.okafor@riverside.example")
    for path, data in (
        ("/admin/staff", {"email": "x@riverside.example", "name": "X", "role": "admin"}),
        (f"/admin/staff/{ben.id}/role", {"role": "admin"}),
        (f"/admin/staff/{ben.id}/deactivate", {}),
        (f"/admin/staff/{ben.id}/password", {}),
        (f"/admin/staff/{ben.id}/telegram", {}),
    ):
        assert (await client.post(path, data={"csrf": csrf, **data})).status_code == 403, path
    assert (await client.get("/admin/audit")).status_code == 403
    assert (await client.get("/admin/export.yaml")).status_code == 403
    api = await _api(rt, NURSE)
    assert (await client.get("/api/v1/audit", headers=api)).status_code == 403
    assert (await client.get("/api/v1/clinic/export", headers=api)).status_code == 403
    assert (await client.get("/api/v1/staff", headers=api)).status_code == 200
    r = await client.post(f"/api/v1/staff/{ben.id}/role", headers=api, json={"role": "admin"})
    assert r.status_code == 403
    assert (await _staff(rt, ben.email)).role == "nurse"


async def test_the_export_downloads_as_the_clinic_file_and_is_audited(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    await _sign_in(client, ADMIN)
    r = await client.get("/admin/export.yaml")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/yaml")
    assert r.headers["content-disposition"] == 'attachment; filename="riverside-thoracic.yaml"'
    assert yaml.safe_load(r.text)["clinic"]["slug"] == "riverside-thoracic"
    assert clinic_file.parse(r.text).staff[0].email == NURSE
    api = (await client.get("/api/v1/clinic/export", headers=await _api(rt))).text
    assert api == r.text
    async with rt.db.session() as session:
        exports = (await session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))).all()
    assert [(e.actor, e.subject_type, e.detail["channel"]) for e in exports] == [
        (ADMIN, "clinic", "web"),
        (ADMIN, "clinic", "api"),
    ]


async def test_the_audit_log_filters_by_actor_action_subject_and_days_a_page_at_a_time(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    api = await _api(rt)
    ben = await _staff(rt, "ben.okafor@riverside.example")
    for role in ("physician", "nurse") * 30:  # 60 role changes
        r = await client.post(f"/api/v1/staff/{ben.id}/role", headers=api, json={"role": role})
        assert r.status_code == 200
    clock.advance(days=3)
    await client.post(f"/api/v1/staff/{ben.id}/password", headers=api)
    got = (await client.get("/api/v1/audit?action=staff_role", headers=api)).json()
    assert (got["total"], got["pages"], len(got["entries"])) == (60, 2, 50)
    second = (await client.get("/api/v1/audit?action=staff_role&page=2", headers=api)).json()
    assert len(second["entries"]) == 10
    newest = got["entries"][0]
    assert (newest["actor"], newest["subject_type"], newest["detail"]["role"]) == (
        ADMIN,
        "staff",
        ["physician", "nurse"],
    )
    assert {
        e["action"]
        for e in (await client.get("/api/v1/audit?actor=ADMIN@River", headers=api)).json()["entries"]
    } >= {
        "staff_role",
        "staff_password_reset",
    }
    assert (await client.get("/api/v1/audit?actor=ana.reyes", headers=api)).json()["total"] == 0
    assert (await client.get("/api/v1/audit?subject=staff", headers=api)).json()["total"] == 61
    today = clock.now().date()
    later = (await client.get(f"/api/v1/audit?from={today}&subject=staff", headers=api)).json()
    assert [e["action"] for e in later["entries"]] == ["staff_password_reset"]
    before = (
        await client.get(f"/api/v1/audit?to={today - timedelta(days=1)}&subject=staff", headers=api)
    ).json()
    assert before["total"] == 60
    r = await client.get("/api/v1/audit?from=2026-13-01", headers=api)
    assert r.status_code == 422
    assert "from must be a date like 2026-11-01" in r.json()["detail"]
    r = await client.get("/api/v1/audit?from=2026-11-02&to=2026-11-01", headers=api)
    assert (r.status_code, r.json()["detail"]) == (422, "to must not be before from")

    await _sign_in(client, ADMIN)
    page = await client.get("/admin/audit?action=staff_role&actor=admin")
    assert page.status_code == 200
    assert "1–50 of 60." in page.text
    assert 'href="/admin/audit?actor=admin&amp;action=staff_role&amp;page=2"' in page.text
    assert "physician &rarr; nurse" in page.text
    bad = await client.get("/admin/audit?from=yesterday")
    assert bad.status_code == 200
    assert "Filter not applied: from must be a date" in bad.text


async def test_reading_the_audit_log_is_itself_audited_with_its_filters(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    api = await _api(rt)
    assert (await client.get("/api/v1/audit?action=export&from=2026-11-01", headers=api)).status_code == 200
    async with rt.db.session() as session:
        read = await session.scalar(select(AuditEvent).where(AuditEvent.subject_type == "audit_log"))
    assert read is not None
    assert (read.actor, read.action, read.detail["channel"]) == (ADMIN, "list", "api")
    assert read.detail["filters"] == {"action": "export", "from": "2026-11-01"}


async def test_the_last_nurse_keeps_the_role_a_tier_pages_everyone_of(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    """The demo's emergency tier 3 pages `all:nurse`: with one nurse left, they stay one."""
    api = await _api(rt)
    ana, ben = await _staff(rt, NURSE), await _staff(rt, "ben.okafor@riverside.example")
    assert (
        await client.post(f"/api/v1/staff/{ben.id}/role", headers=api, json={"role": "admin"})
    ).status_code == 200
    r = await client.post(f"/api/v1/staff/{ana.id}/role", headers=api, json={"role": "physician"})
    assert (r.status_code, r.json()["detail"]) == (
        422,
        "Ana Reyes is the last nurse, and emergency tier 3 pages every nurse",
    )
    assert (await _staff(rt, NURSE)).role == "nurse"


async def test_staff_added_by_the_api_with_a_phone_can_be_paged_and_the_export_imports_unchanged(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    from vigil.escalation.paging import contact

    api = await _api(rt)
    r = await client.post(
        "/api/v1/staff",
        headers=api,
        json={
            "email": "night.nurse@riverside.example",
            "name": "Nel Night",
            "role": "nurse",
            "phone": "(617) 555-0199",  # the clinic's country, as the clinic file reads it
            "notify_by": "sms",
        },
    )
    assert r.status_code == 201, r.text
    assert (r.json()["staff"]["phone"], r.json()["staff"]["notify_by"]) == ("+16175550199", "sms")
    made = await _staff(rt, "night.nurse@riverside.example")
    assert contact(made) == ("sms", "+16175550199")
    async with rt.db.session() as session:
        entry = await session.scalar(select(AuditEvent).where(AuditEvent.action == "staff_invited"))
    assert entry is not None
    assert (entry.detail["phone"], entry.detail["notify_by"]) == ("+16175550199", "sms")

    r = await client.patch(
        f"/api/v1/staff/{made.id}", headers=api, json={"notify_by": "telegram", "telegram_chat_id": 4242}
    )
    assert r.status_code == 200, r.text
    assert r.json()["changed"] == {"notify_by": ["sms", "telegram"], "telegram_chat_id": [None, 4242]}
    assert r.json()["staff"]["telegram_linked"] is True
    assert contact(await _staff(rt, made.email)) == ("telegram", "4242")
    async with rt.db.session() as session:
        changed = await session.scalar(select(AuditEvent).where(AuditEvent.action == "staff_changed"))
    assert changed is not None
    assert (changed.actor, changed.subject_id, changed.detail["notify_by"]) == (
        ADMIN,
        str(made.id),
        ["sms", "telegram"],
    )

    exported = (await client.get("/api/v1/clinic/export", headers=api)).text
    listed = next(s for s in yaml.safe_load(exported)["staff"] if s["email"] == made.email)
    assert listed == {
        "email": made.email,
        "name": "Nel Night",
        "role": "nurse",
        "phone": "+16175550199",
        "telegram_chat_id": 4242,
        "notify_by": "telegram",
    }
    summary = await clinic_import.apply(rt.db, clinic_file.parse(exported), clock)
    assert str(summary) == "nothing changed"


async def test_a_staff_members_bad_phone_or_notify_by_is_refused_by_field_in_the_imports_words(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    api = await _api(rt)
    new = {"email": "x@riverside.example", "name": "X", "role": "nurse"}
    cases = [
        ({"phone": "12"}, "phone", "'12' is not a possible phone number: too short or too long"),
        ({"notify_by": "pager"}, "notify_by", "'pager' is not one of telegram, sms"),
        ({"notify_by": "sms"}, "notify_by", "notify_by sms needs a phone"),
        ({"telegram_chat_id": "abc"}, "telegram_chat_id", None),
    ]
    for extra, field, reason in cases:
        r = await client.post("/api/v1/staff", headers=api, json={**new, **extra})
        assert r.status_code == 422, (extra, r.text)
        [problem] = r.json()["detail"]
        assert problem["field"] == field
        if reason:
            assert problem["reason"] == reason
    async with rt.db.session() as session:
        assert await session.scalar(select(Staff).where(Staff.email == "x@riverside.example")) is None
    ben = await _staff(rt, "ben.okafor@riverside.example")
    r = await client.patch(f"/api/v1/staff/{ben.id}", headers=api, json={"phone": None, "notify_by": "sms"})
    assert (r.status_code, r.json()["detail"]) == (
        422,
        [{"field": "notify_by", "reason": "notify_by sms needs a phone"}],
    )
    assert (await _staff(rt, ben.email)).phone == ben.phone
    nurse = {"Authorization": f"Bearer {await make_token(rt, NURSE)}"}
    r = await client.patch(f"/api/v1/staff/{ben.id}", headers=nurse, json={"phone": "+16175550123"})
    assert r.status_code == 403


async def test_an_admin_adds_and_edits_a_staff_members_phone_and_paging_on_the_staff_page(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client, ADMIN)
    page = await client.get("/admin/staff")
    assert "Telegram link" in page.text.split('id="paging-help"')[1]  # how Telegram is linked
    r = await client.post(
        "/admin/staff",
        data={
            "csrf": csrf,
            "email": "day.nurse@riverside.example",
            "name": "Dee Day",
            "role": "nurse",
            "phone": "617 555 0142",
            "notify_by": "sms",
            "telegram_chat_id": "",
        },
    )
    assert r.status_code == 200, r.text
    made = await _staff(rt, "day.nurse@riverside.example")
    assert (made.phone, made.notify_by, made.telegram_chat_id) == ("+16175550142", "sms", None)

    # A refusal keeps what was typed and says why beside the field; nothing is written.
    form = {"csrf": csrf, "name": "Dee Day", "phone": "12", "notify_by": "sms", "telegram_chat_id": ""}
    r = await client.post(f"/admin/staff/{made.id}/edit", data=form)
    assert r.status_code == 422
    assert f'id="edit-{made.id}-phone" value="12"' in r.text
    assert f'aria-describedby="edit-{made.id}-phone-problem"' in r.text
    problem = "&#39;12&#39; is not a possible phone number: too short or too long"
    assert f'id="edit-{made.id}-phone-problem">{problem}' in r.text
    assert (await _staff(rt, made.email)).phone == "+16175550142"

    r = await client.post(
        f"/admin/staff/{made.id}/edit",
        data={**form, "phone": "", "notify_by": "telegram", "telegram_chat_id": "777"},
    )
    assert (r.status_code, r.headers["location"]) == (303, "/admin/staff")
    changed = await _staff(rt, made.email)
    assert (changed.phone, changed.notify_by, changed.telegram_chat_id) == (None, "telegram", 777)
    async with rt.db.session() as session:
        entry = await session.scalar(select(AuditEvent).where(AuditEvent.action == "staff_changed"))
    assert entry is not None
    assert entry.detail["phone"] == ["+16175550142", None]
    assert entry.detail["channel"] == "web"
    audit = (await client.get("/admin/audit?action=staff_changed")).text
    assert "+16175550142 &rarr; —" in audit
    assert "sms &rarr; telegram" in audit

    bad = await client.post(
        "/admin/staff",
        data={
            "csrf": csrf,
            "email": "sms@riverside.example",
            "name": "S",
            "role": "nurse",
            "notify_by": "sms",
        },
    )
    assert bad.status_code == 422
    assert 'id="invite-notify_by-problem">notify_by sms needs a phone' in bad.text
    assert 'value="sms@riverside.example"' in bad.text
