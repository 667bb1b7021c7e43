"""A patient's carers in the API and the pages, and the case naming who wrote each message."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.models import AuditEvent, OutboundMessage

from ..conftest import NURSE, PASSWORD, make_token

ADMIN = "admin@riverside.example"
WALTER = "MRN-100234"
CARERS = f"/api/v1/patients/{WALTER}/carers"


async def _admin(rt: Runtime) -> dict[str, str]:
    return {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}


async def _actions(rt: Runtime) -> list[str]:
    async with rt.db.session() as session:
        return list(await session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


async def test_an_admin_adds_a_carer_records_consent_changes_and_removes_them_all_audited(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    body = {"name": "Ana", "relationship": "daughter", "channel": "sms", "phone": "617 555 0142"}
    r = await client.post(CARERS, json=body, headers=admin)
    assert r.status_code == 201, r.text
    carer = r.json()
    assert (carer["phone"], carer["status"], carer["label"]) == (
        "+16175550142",
        "awaiting_consent",
        "Ana (daughter)",
    )
    r = await client.post(f"{CARERS}/{carer['id']}/consent", headers=admin)
    assert r.json()["status"] == "active"
    assert r.json()["consent"]["by"] == ADMIN
    r = await client.patch(f"{CARERS}/{carer['id']}", json={"language": "es"}, headers=admin)
    assert (r.json()["language"], r.json()["changed"]) == ("es", ["language"])
    listed = (await client.get(CARERS, headers=admin)).json()["carers"]
    assert [c["name"] for c in listed] == ["June Brennan", "Ana"]  # the demo's, and the new one
    r = await client.delete(f"{CARERS}/{carer['id']}", headers=admin)
    assert r.json()["status"] == "removed"
    assert [c["name"] for c in (await client.get(CARERS, headers=admin)).json()["carers"]] == ["June Brennan"]
    actions = await _actions(rt)
    for done in ("add_carer", "carer_consent", "change_carer", "remove_carer"):
        assert done in actions


async def test_only_an_admin_changes_carers_and_a_bad_phone_is_named(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    nurse = {"Authorization": f"Bearer {await make_token(rt)}"}
    body = {"name": "Ana", "relationship": "daughter", "channel": "sms", "phone": "+16175550142"}
    assert (await client.post(CARERS, json=body, headers=nurse)).status_code == 403
    assert (await client.get(CARERS, headers=nurse)).status_code == 200
    admin = await _admin(rt)
    r = await client.post(CARERS, json={**body, "phone": "12"}, headers=admin)
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "phone"
    r = await client.post(CARERS, json={**body, "phone": "+1 617 555 0199"}, headers=admin)  # Walter's own
    assert r.status_code == 422
    assert "patient's own number" in r.json()["detail"][0]["reason"]


async def test_the_case_names_the_carer_who_wrote_and_the_advice_went_to_them(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    body = {"name": "Ana", "relationship": "daughter", "channel": "simulator", "consent": True}
    carer = (await client.post(CARERS, json=body, headers=admin)).json()
    r = await client.post(
        "/api/v1/simulator/messages",
        json={"external_id": WALTER, "text": "he can't feel his legs", "carer_id": carer["id"]},
        headers=admin,
    )
    assert r.status_code == 202, r.text
    assert r.json()["level"] == "emergency"
    case = (await client.get(f"/api/v1/cases/{r.json()['case_id']}", headers=admin)).json()
    said = [m for m in case["messages"] if m["direction"] == "in"]
    assert said[-1]["from"] == {
        "kind": "carer",
        "id": carer["id"],
        "name": "Ana",
        "relationship": "daughter",
        "label": "Ana (daughter)",
    }
    [safety] = [m for m in case["messages"] if m.get("kind") == "safety"]
    assert safety["to"]["label"] == "Ana (daughter)"
    assert case["reasons"][0]["message"]["from"]["label"] == "Ana (daughter)"
    # Her message opened the case: the event is hers, as the audit names carers, not Vigil's.
    [opened] = [e for e in case["events"] if e["kind"] == "opened"]
    assert (opened["actor"], opened["actor_name"]) == (f"carer:{carer['id']}", "Ana (daughter)")
    assert all(e["actor"] != "system" for e in case["events"] if e["kind"] in ("opened", "checkin_stopped"))
    async with rt.db.session() as session:
        row = await session.scalar(select(OutboundMessage).where(OutboundMessage.kind == "safety"))
    assert row is not None
    assert row.carer_id == carer["id"]
    # The page says it too.
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    await client.post("/login", data={"email": ADMIN, "password": PASSWORD, "csrf": csrf})
    html = (await client.get(f"/cases/{case['id']}")).text
    assert "from Ana (daughter)" in html
    assert "written by Ana (daughter)" in html
    events = html.split('id="case-events"')[1].split("</ol>")[0]
    assert "by Ana (daughter) via simulator" in events


async def test_a_carer_without_consent_cannot_be_simulated(rt: Runtime, client: httpx.AsyncClient) -> None:
    admin = await _admin(rt)
    body = {"name": "Ana", "relationship": "daughter", "channel": "simulator"}
    carer = (await client.post(CARERS, json=body, headers=admin)).json()
    r = await client.post(
        "/api/v1/simulator/messages",
        json={"external_id": WALTER, "text": "he can't feel his legs", "carer_id": carer["id"]},
        headers=admin,
    )
    assert r.status_code == 404


async def test_the_patient_page_lists_carers_and_an_admin_adds_one_with_consent(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    await client.post("/login", data={"email": ADMIN, "password": PASSWORD, "csrf": csrf})
    walter = await rt.service.patient(1, WALTER)
    assert walter is not None
    html = (await client.get(f"/patients/{walter.id}")).text
    assert "June Brennan (wife)" in html  # the demo's
    csrf = html.split('name="csrf" value="')[1].split('"')[0]
    form = {
        "csrf": csrf,
        "name": "June",
        "relationship": "wife",
        "channel": "sms",
        "phone": "+1 617 555 0142",
    }
    r = await client.post(f"/patients/{walter.id}/carers", data={**form, "language": "en"})
    assert r.status_code == 303
    html = (await client.get(f"/patients/{walter.id}")).text
    assert "June (wife)" in html
    assert "not recorded" in html
    admin = await _admin(rt)
    [june] = [c for c in (await client.get(CARERS, headers=admin)).json()["carers"] if c["name"] == "June"]
    r = await client.post(f"/patients/{walter.id}/carers/{june['id']}/consent", data={"csrf": csrf})
    assert r.status_code == 303
    assert "is heard from now on" in (await client.get(f"/patients/{walter.id}")).text
    r = await client.post(f"/patients/{walter.id}/carers/{june['id']}/remove", data={"csrf": csrf})
    names = [c["name"] for c in (await client.get(CARERS, headers=admin)).json()["carers"]]
    assert names == ["June Brennan"]


async def test_the_nurse_replies_to_the_patient_the_carer_or_both_and_it_is_audited(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    body = {"name": "Ana", "relationship": "daughter", "channel": "simulator", "consent": True}
    carer = (await client.post(CARERS, json=body, headers=admin)).json()
    sent = await client.post(
        "/api/v1/simulator/messages",
        json={"external_id": WALTER, "text": "he can't feel his legs", "carer_id": carer["id"]},
        headers=admin,
    )
    case_id = sent.json()["case_id"]
    nurse = {"Authorization": f"Bearer {await make_token(rt)}"}
    r = await client.post(
        f"/api/v1/cases/{case_id}/reply", json={"text": "calling you now", "to": "carer"}, headers=nurse
    )
    assert r.status_code == 200, r.text
    r = await client.post(
        f"/api/v1/cases/{case_id}/reply",
        json={"text": "an ambulance is coming", "to": "both", "carer_id": carer["id"]},
        headers=nurse,
    )
    assert r.status_code == 200, r.text
    r = await client.post(f"/api/v1/cases/{case_id}/reply", json={"text": "hello"}, headers=nurse)
    async with rt.db.session() as session:
        rows = (
            await session.execute(
                select(OutboundMessage.text, OutboundMessage.carer_id)
                .where(OutboundMessage.kind == "reply", OutboundMessage.staff_id.is_not(None))
                .order_by(OutboundMessage.id)
            )
        ).all()
        details = list(
            await session.scalars(
                select(AuditEvent.detail).where(AuditEvent.action == "reply").order_by(AuditEvent.id)
            )
        )
    assert [tuple(r) for r in rows] == [
        ("calling you now", carer["id"]),
        ("an ambulance is coming", None),
        ("an ambulance is coming", carer["id"]),
        ("hello", None),
    ]
    assert [d.get("to") for d in details] == ["carer", "both", "patient"]
    events = [e for e in r.json()["events"] if e["kind"] == "replied"]
    assert [e["detail"]["to"] for e in events] == ["carer", "both", "patient"]
    # A carer of another patient, or none at all, is refused.
    r = await client.post(
        f"/api/v1/cases/{case_id}/reply", json={"text": "x", "to": "carer", "carer_id": 999}, headers=nurse
    )
    assert r.status_code == 422


async def test_the_case_page_offers_the_carer_as_whom_to_reply_to(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    body = {"name": "Ana", "relationship": "daughter", "channel": "simulator", "consent": True}
    carer = (await client.post(CARERS, json=body, headers=admin)).json()
    sent = await client.post(
        "/api/v1/simulator/messages",
        json={"external_id": WALTER, "text": "he can't feel his legs", "carer_id": carer["id"]},
        headers=admin,
    )
    case_id = sent.json()["case_id"]
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    await client.post("/login", data={"email": ADMIN, "password": PASSWORD, "csrf": csrf})
    html = (await client.get(f"/cases/{case_id}")).text
    assert f'<option value="carer:{carer["id"]}">Ana (daughter)</option>' in html
    csrf = html.split('name="csrf" value="')[1].split('"')[0]
    r = await client.post(
        f"/cases/{case_id}/reply", data={"csrf": csrf, "text": "on my way", "to": f"carer:{carer['id']}"}
    )
    assert r.status_code == 303
    async with rt.db.session() as session:
        row = await session.scalar(select(OutboundMessage).where(OutboundMessage.text == "on my way"))
    assert row is not None
    assert row.carer_id == carer["id"]


async def test_the_simulated_phone_writes_as_the_patients_carer(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    body = {"name": "Ana", "relationship": "daughter", "channel": "simulator", "consent": True}
    carer = (await client.post(CARERS, json=body, headers=admin)).json()
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    await client.post("/login", data={"email": ADMIN, "password": PASSWORD, "csrf": csrf})
    html = (await client.get(f"/simulator/{WALTER}")).text
    assert f'<option value="{carer["id"]}">as Ana (daughter)</option>' in html
    csrf = html.split('name="csrf" value="')[1].split('"')[0]
    r = await client.post(
        f"/simulator/{WALTER}",
        data={"csrf": csrf, "text": "he can't feel his legs", "carer": str(carer["id"])},
    )
    assert r.status_code == 303
    html = (await client.get(f"/simulator/{WALTER}")).text
    assert "from Ana (daughter)" in html
    assert "to Ana (daughter)" in html


async def test_the_patient_page_invites_a_telegram_carer_once_and_says_so_while_telegram_is_off(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    class Links:
        async def link_name(self) -> str:
            return "vigil_test_bot"

    admin = await _admin(rt)
    body = {"name": "Ana", "relationship": "daughter", "channel": "telegram", "consent": True}
    carer = (await client.post(CARERS, json=body, headers=admin)).json()
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    await client.post("/login", data={"email": ADMIN, "password": PASSWORD, "csrf": csrf})
    walter = await rt.service.patient(1, WALTER)
    assert walter is not None
    html = (await client.get(f"/patients/{walter.id}")).text
    assert f'action="/patients/{walter.id}/carers/{carer["id"]}/invite"' in html
    csrf = html.split('name="csrf" value="')[1].split('"')[0]
    invite = f"/patients/{walter.id}/carers/{carer['id']}/invite"
    off = await client.post(invite, data={"csrf": csrf})
    assert off.status_code == 409
    assert "Telegram is off" in off.text
    rt.service.invite_links = Links()  # type: ignore[assignment]
    made = await client.post(invite, data={"csrf": csrf})
    assert made.status_code == 200
    assert "https://t.me/vigil_test_bot?start=" in made.text
    svg = made.text.split('id="carer-invite-qr">')[1].split("</figure>")[0]
    assert svg.startswith("<svg")
    assert "carer-invite-link" not in (await client.get(f"/patients/{walter.id}")).text
    nobody = await client.post(f"/patients/{walter.id}/carers/999999/invite", data={"csrf": csrf})
    assert nobody.status_code == 404
    async with rt.db.session() as session:
        invites = select(AuditEvent.actor).where(
            AuditEvent.action == "invite", AuditEvent.subject_type == "carer"
        )
        audited = list(await session.scalars(invites))
    assert audited == [ADMIN]


async def test_a_nurse_cannot_invite_a_carer_from_the_patient_page(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    await client.post("/login", data={"email": NURSE, "password": PASSWORD, "csrf": csrf})
    walter = await rt.service.patient(1, WALTER)
    assert walter is not None
    html = (await client.get(f"/patients/{walter.id}")).text
    assert "Telegram invite" not in html
    csrf = html.split('name="csrf" value="')[1].split('"')[0]
    refused = await client.post(f"/patients/{walter.id}/carers/1/invite", data={"csrf": csrf})
    assert refused.status_code == 403
    assert "admin" in refused.text  # not the form's expiry: the csrf is the session's
