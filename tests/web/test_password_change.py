"""A temporary password (an invite, a reset) opens only the page that replaces it; choosing
one's own ends every other session, is audited, and is open to any signed-in staff member."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent, Staff, StaffSession

from ..conftest import NURSE, PASSWORD, make_token

ADMIN = "admin@riverside.example"
BEN = "ben.okafor@riverside.example"
MINE = "a kettle of my own choosing"


def _csrf(html: str) -> str:
    return html.split('name="csrf" value="')[1].split('"')[0]


def _client(client: httpx.AsyncClient) -> httpx.AsyncClient:
    """Another browser on the same app."""
    return httpx.AsyncClient(transport=client._transport, base_url=str(client.base_url))


async def _sign_in(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    page = await client.get("/login")
    return await client.post("/login", data={"email": email, "password": password, "csrf": _csrf(page.text)})


async def _reset(rt: Runtime, client: httpx.AsyncClient, email: str = BEN) -> str:
    """An admin resets the password over the API; the temporary one it answers."""
    admin = {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}
    async with rt.db.session() as session:
        staff_id = await session.scalar(select(Staff.id).where(Staff.email == email))
    r = await client.post(f"/api/v1/staff/{staff_id}/password", headers=admin)
    assert r.status_code == 200, r.text
    return str(r.json()["temporary_password"])


async def _change(
    client: httpx.AsyncClient, current: str, new: str, again: str | None = None
) -> httpx.Response:
    page = await client.get("/account/password")
    assert page.status_code == 200
    return await client.post(
        "/account/password",
        data={
            "csrf": _csrf(page.text),
            "current": current,
            "new": new,
            "again": new if again is None else again,
        },
    )


async def test_after_a_reset_the_first_sign_in_leads_to_choosing_a_password_then_the_queue(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    temporary = await _reset(rt, client)
    async with _client(client) as ben:
        r = await _sign_in(ben, BEN, temporary)
        assert (r.status_code, r.headers["location"]) == (303, "/account/password")
        for path in ("/", "/patients", "/history", "/admin/staff", "/analytics", "/cases/1"):
            r = await ben.get(path)
            assert (r.status_code, r.headers.get("location")) == (303, "/account/password"), path
        page = await ben.get("/account/password")
        assert "You signed in with a temporary password" in page.text
        r = await _change(ben, temporary, MINE)
        assert (r.status_code, r.headers["location"]) == (303, "/")
        queue = await ben.get("/")
        assert queue.status_code == 200
        assert "Your password is changed" in queue.text
        assert (await ben.get("/patients")).status_code == 200
    async with _client(client) as again:
        assert (await _sign_in(again, BEN, temporary)).status_code == 401  # the temporary one is gone
    async with _client(client) as again:
        r = await _sign_in(again, BEN, MINE)
        assert (r.status_code, r.headers["location"]) == (303, "/")
    async with rt.db.session() as session:
        ben_row = await session.scalar(select(Staff).where(Staff.email == BEN))
        entry = await session.scalar(select(AuditEvent).where(AuditEvent.action == "password_changed"))
    assert ben_row is not None
    assert ben_row.must_change_password is False
    assert entry is not None
    assert (entry.actor, entry.subject_id, entry.detail["was_temporary"]) == (BEN, str(ben_row.id), True)
    assert MINE not in str(entry.detail)
    assert temporary not in str(entry.detail)


async def test_an_invited_nurse_must_choose_a_password_at_the_first_sign_in(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}
    r = await client.post(
        "/api/v1/staff",
        headers=admin,
        json={"email": "nia@riverside.example", "name": "Nia New", "role": "nurse"},
    )
    temporary = r.json()["temporary_password"]
    listed = (await client.get("/api/v1/staff", headers=admin)).json()["staff"]
    assert [s["must_change_password"] for s in listed if s["email"] == "nia@riverside.example"] == [True]
    async with _client(client) as nia:
        r = await _sign_in(nia, "nia@riverside.example", temporary)
        assert r.headers["location"] == "/account/password"
        assert (await _change(nia, temporary, MINE)).status_code == 303
        assert (await nia.get("/")).status_code == 200
    listed = (await client.get("/api/v1/staff", headers=admin)).json()["staff"]
    assert [s["must_change_password"] for s in listed if s["email"] == "nia@riverside.example"] == [False]


async def test_a_new_password_is_refused_with_the_reason_and_nothing_changes(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    temporary = await _reset(rt, client)
    async with _client(client) as ben:
        await _sign_in(ben, BEN, temporary)
        cases = [
            ("wrong one given", MINE, MINE, "that is not your present password"),
            (temporary, "short", "short", "at least 10 characters"),
            (temporary, temporary, temporary, "other than the one you were given"),
            (temporary, MINE, MINE + "!", "the two new passwords differ"),
        ]
        for current, new, again, reason in cases:
            r = await _change(ben, current, new, again)
            assert r.status_code == 422, reason
            assert reason in r.text
            assert 'aria-invalid="true"' in r.text
        await ben.get("/account/password")
        r = await ben.post(
            "/account/password", data={"csrf": "forged", "current": temporary, "new": MINE, "again": MINE}
        )
        assert r.status_code == 403  # no CSRF token, no change
        assert (await ben.get("/")).headers.get("location") == "/account/password"
    async with rt.db.session() as session:
        ben_row = await session.scalar(select(Staff).where(Staff.email == BEN))
        refused = list(
            await session.scalars(
                select(AuditEvent.action, AuditEvent.detail)
                .where(AuditEvent.action.like("password_change_%"))
                .order_by(AuditEvent.id)
            )
        )
    assert ben_row is not None
    assert ben_row.must_change_password is True
    assert list(refused) == ["password_change_failed"] + ["password_change_refused"] * 3


async def test_with_a_temporary_password_the_api_and_live_streams_refuse_a_session_but_tokens_work(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    temporary = await _reset(rt, client)
    token = {"Authorization": f"Bearer {await make_token(rt, BEN)}"}
    async with _client(client) as ben:
        await _sign_in(ben, BEN, temporary)
        r = await ben.get("/api/v1/cases")
        assert r.status_code == 403
        assert "choose your own password first" in r.json()["detail"]
        for path in ("/queue/rows", "/events/queue"):
            r = await ben.get(path)
            assert r.status_code == 403, path
            assert "/account/password" in r.text
        r = await ben.get("/patients", headers={"accept": "application/json"})
        assert r.status_code == 403
    assert (await client.get("/api/v1/cases", headers=token)).status_code == 200  # tokens are unaffected
    async with _client(client) as stranger:
        assert (await stranger.get("/api/v1/cases")).status_code == 401  # no session: as before


async def test_any_signed_in_nurse_can_change_their_password_and_their_other_sessions_end(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    async with _client(client) as laptop, _client(client) as phone:
        assert (await _sign_in(phone, NURSE, PASSWORD)).status_code == 303
        assert (await _sign_in(laptop, NURSE, PASSWORD)).status_code == 303
        queue = await laptop.get("/")
        assert '<a href="/account/password">Change my password</a>' in queue.text
        assert "temporary password" not in (await laptop.get("/account/password")).text
        r = await _change(laptop, PASSWORD, MINE)
        assert r.status_code == 303
        assert (await laptop.get("/")).status_code == 200  # this browser goes on
        assert (await phone.get("/")).headers.get("location") == "/login"  # the other one is signed out
    async with rt.db.session() as session:
        live = list(await session.scalars(select(StaffSession).where(StaffSession.revoked_at.is_(None))))
    assert len(live) == 1


async def test_guessing_the_present_password_is_stopped_after_five_tries(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    async with _client(client) as borrowed:
        await _sign_in(borrowed, NURSE, PASSWORD)
        for guess in range(5):
            assert (await _change(borrowed, f"guess {guess}", MINE)).status_code == 422
        r = await _change(borrowed, PASSWORD, MINE)
        assert r.status_code == 429  # even the right one, until the window passes
        assert "too many wrong tries" in r.text
        clock.advance(minutes=16)
        assert (await _change(borrowed, PASSWORD, MINE)).status_code == 303
