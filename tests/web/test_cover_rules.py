"""Cover is given to someone of the clinic's staff in a role the rotation allows, and an
overlap with other cover is set with a warning."""

from __future__ import annotations

import httpx

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock

from ..conftest import DUE, OTHER_NURSE, PASSWORD, make_token

ADMIN = "admin@riverside.example"
NURSE = "ana.reyes@riverside.example"
COVER = {"rotation": "nurses", "starts_at": "2026-11-23T14:00:00Z", "ends_at": "2026-11-23T18:00:00Z"}


def _csrf(page: httpx.Response) -> str:
    return page.text.split('name="csrf" value="')[1].split('"')[0]


async def _admin_page(client: httpx.AsyncClient) -> str:
    page = await client.get("/login")
    data = {"email": ADMIN, "password": PASSWORD, "csrf": _csrf(page)}
    assert (await client.post("/login", data=data)).status_code == 303
    return _csrf(await client.get("/"))


async def test_a_physician_cannot_cover_a_nurses_rotation(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    clock.set(DUE)
    admin = {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}
    r = await client.post(
        "/api/v1/oncall/overrides", headers=admin, json={**COVER, "email": "dr.lee@riverside.example"}
    )
    assert r.status_code == 422
    assert r.json()["detail"] == "Dr. Grace Lee is a physician; rotation nurses is covered by nurses only"
    assert (await client.get("/api/v1/oncall/overrides", headers=admin)).json()["overrides"] == []
    csrf = await _admin_page(client)
    form = {"csrf": csrf, "rotation": "nurses", "email": "dr.lee@riverside.example", "hours": "4"}
    r = await client.post("/oncall/overrides", data=form)
    assert (r.status_code, r.headers["location"]) == (303, "/")
    assert "Cover not set: Dr. Grace Lee is a physician" in (await client.get("/")).text


async def test_overlapping_cover_is_set_with_a_warning_naming_the_other_cover(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    clock.set(DUE)
    admin = {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}
    first = await client.post("/api/v1/oncall/overrides", headers=admin, json={**COVER, "email": OTHER_NURSE})
    assert (first.status_code, first.json()["overlaps"]) == (201, [])
    later = {**COVER, "email": NURSE, "starts_at": "2026-11-23T16:00:00Z", "ends_at": "2026-11-23T20:00:00Z"}
    second = await client.post("/api/v1/oncall/overrides", headers=admin, json=later)
    assert second.status_code == 201
    assert [(o["email"], o["starts_at"], o["ends_at"]) for o in second.json()["overlaps"]] == [
        (OTHER_NURSE, "2026-11-23T14:00:00Z", "2026-11-23T18:00:00Z")
    ]
    apart = {**COVER, "email": NURSE, "starts_at": "2026-11-23T18:00:00Z", "ends_at": "2026-11-23T19:00:00Z"}
    touching = await client.post("/api/v1/oncall/overrides", headers=admin, json=apart)
    assert [o["email"] for o in touching.json()["overlaps"]] == [NURSE]  # only the 16-20 cover

    csrf = await _admin_page(client)
    form = {
        "csrf": csrf,
        "rotation": "nurses",
        "email": OTHER_NURSE,
        "starts_at": "2026-11-23T12:00",
        "hours": "2",
    }
    await client.post("/oncall/overrides", data=form)
    page = (await client.get("/")).text
    assert 'class="flash warn"' in page
    assert (
        "It overlaps other cover of nurses (Ben Okafor from Mon 23 Nov 09:00 until Mon 23 Nov 13:00" in page
    )


async def test_the_cover_form_picks_the_person_from_the_clinics_staff(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    await _admin_page(client)
    page = (await client.get("/")).text
    form = page.split('action="/oncall/overrides" class="inline">')[1].split("</form>")[0]
    assert '<select name="email" required>' in form
    assert '<option value="ben.okafor@riverside.example">Ben Okafor (nurse)</option>' in form
    assert 'type="email"' not in form
