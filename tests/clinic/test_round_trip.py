"""A clinic built through the API with every feature the clinic file holds, exported, imported
into a fresh database and exported again, gives the same file: what the pages and the API
store, the export writes, and the import reads back unchanged: each patient's state (paused,
opted out, awaiting consent, consented, owed the opt-in) and each carer's STOP too."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from vigil.assembly import Runtime
from vigil.bot import enrolment, links
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.clinic.export import export_clinic
from vigil.core.clock import ManualClock
from vigil.core.db import Database
from vigil.core.models import Carer, Clinic, OutboundMessage, Patient

from ..conftest import START, PgSchemas, SqliteTemplates, _pg, _reset_pg, _sqlite_url, make_token

ADMIN = "admin@riverside.example"


async def _ok(r: httpx.Response, status: int = 200) -> Any:
    assert r.status_code == status, (r.request.method, r.request.url.path, r.text)
    return (
        r.json() if r.content and r.headers.get("content-type", "").startswith("application/json") else None
    )


async def _build(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    """Every part of the clinic file, written through the API."""
    api = "/api/v1"
    await _ok(await client.put(f"{api}/quiet-hours", headers=admin, json={"start": "22:30", "end": "07:15"}))

    # Staff: reached by SMS, by Telegram, by neither; renamed, promoted, one who left.
    cara = await _ok(
        await client.post(
            f"{api}/staff",
            headers=admin,
            json={
                "email": "Cara.Night@Riverside.example",
                "name": "Cara Night",
                "role": "nurse",
                "phone": "(617) 555-0104",
                "notify_by": "sms",
            },
        ),
        201,
    )
    doc = await _ok(
        await client.post(
            f"{api}/staff",
            headers=admin,
            json={
                "email": "dr.moss@riverside.example",
                "name": "Dr Moss",
                "role": "physician",
                "telegram_chat_id": 700000199,
                "notify_by": "telegram",
            },
        ),
        201,
    )
    await _ok(
        await client.patch(f"{api}/staff/{doc['staff']['id']}", headers=admin, json={"name": "Dr. Ada Moss"})
    )
    clerk = await _ok(
        await client.post(
            f"{api}/staff",
            headers=admin,
            json={"email": "clerk@riverside.example", "name": "Clerk", "role": "nurse"},
        ),
        201,
    )
    await _ok(
        await client.post(f"{api}/staff/{clerk['staff']['id']}/role", headers=admin, json={"role": "admin"})
    )
    gone = await _ok(
        await client.post(
            f"{api}/staff",
            headers=admin,
            json={"email": "left@riverside.example", "name": "Left", "role": "nurse"},
        ),
        201,
    )
    await _ok(await client.post(f"{api}/staff/{gone['staff']['id']}/deactivate", headers=admin))

    # On call: a rotation, tiers of every kind, the owner reminder, and cover (not in the file).
    email = cara["staff"]["email"]
    await _ok(
        await client.post(
            f"{api}/oncall/rotations",
            headers=admin,
            json={
                "key": "nights",
                "members": [email, "ana.reyes@riverside.example"],
                "shift_hours": 24,
                "handoff": "19:30",
                "starts": "2026-11-30",
            },
        ),
        201,
    )
    await _ok(
        await client.put(
            f"{api}/oncall/escalation",
            headers=admin,
            json={
                "urgent": [
                    {"notify": "rotation:nights", "ack_within": "45m"},
                    {"notify": "staff:dr.moss@riverside.example", "ack_within": "1h"},
                    {"notify": "all:physician", "repeat_every": "90m"},
                ]
            },
        )
    )
    config = (await _ok(await client.get(f"{api}/oncall/config", headers=admin)))["oncall"]
    await _ok(
        await client.put(f"{api}/oncall/config", headers=admin, json={**config, "remind_owner_after": "2h"})
    )
    await _ok(
        await client.post(
            f"{api}/oncall/overrides",
            headers=admin,
            json={
                "rotation": "nights",
                "email": "ben.okafor@riverside.example",
                "starts_at": "2026-12-01T00:00:00+00:00",
                "ends_at": "2026-12-02T00:00:00+00:00",
            },
        ),
        201,
    )

    # Protocols: per-language text and choices, every kind, ask_if, reminders; one changed.
    protocol = {
        "key": "post-chemo",
        "name": "After chemotherapy",
        "schedule": "30 9 * * MON-FRI",
        "remind_after": "90m",
        "expire_after": "1d",
        "flag_after_missed": 3,
        "questions": [
            {
                "key": "fever",
                "kind": "yes_no",
                "text": {"en": "Any fever since yesterday?", "es": "¿Ha tenido fiebre desde ayer?"},
                "concepts": ["fever"],
            },
            {
                "key": "temp",
                "kind": "text",
                "text": {"en": "What was your temperature?", "es": "¿Qué temperatura tuvo?"},
                "ask_if": "fever == 1",
            },
            {
                "key": "pain",
                "kind": "scale",
                "text": {"en": "Pain today, 0 to 10?", "es": "¿Dolor hoy, de 0 a 10?"},
                "concepts": ["back_pain", "chest_pain"],
            },
            {
                "key": "mood",
                "kind": "choice",
                "text": {"en": "How do you feel?", "es": "¿Cómo se siente?"},
                "choices": {"en": ["Better", "Same", "Worse"], "es": ["Mejor", "Igual", "Peor"]},
            },
        ],
    }
    await _ok(await client.post(f"{api}/protocols", headers=admin, json=protocol), 201)
    short = {
        "key": "monthly",
        "name": "Monthly",
        "schedule": "0 11 1 * *",
        "expire_after": "36h",
        "questions": [{"key": "ok", "kind": "choice", "text": "All well?", "choices": ["Yes", "Not really"]}],
    }
    await _ok(await client.post(f"{api}/protocols", headers=admin, json=short), 201)
    await _ok(
        await client.put(f"{api}/protocols/monthly", headers=admin, json={**short, "schedule": "0 12 1 * *"})
    )

    # Patients on every channel, language and protocol, by the API and by CSV; changed,
    # paused, discharged, re-admitted; carers with and without consent, changed, taken off.
    patients = [
        {
            "external_id": "MRN-500001",
            "name": "Iris Vale",
            "channel": "sms",
            "phone": "617-555-0160",
            "timezone": "America/Chicago",
            "protocol": "post-chemo",
            "context": {"on_active_treatment": True, "known_bone_metastases": True},
        },
        {
            "external_id": "MRN-500002",
            "name": "Tomás Ruiz",
            "channel": "telegram",
            "telegram_chat_id": 800000002,
            "language": "es",
            "protocol": "post-chemo",
        },
        {"external_id": "MRN-500003", "name": "Ned Ward", "channel": "telegram", "phone": "+1 617 555 0163"},
        {"external_id": "mrn.500004", "name": "Lou Park", "channel": "simulator", "protocol": "monthly"},
        {"external_id": "MRN-500005", "name": "Gone Soon", "channel": "sms", "phone": "+16175550165"},
    ]
    for p in patients:
        await _ok(await client.post(f"{api}/patients", headers=admin, json=p), 201)
    await _ok(
        await client.patch(
            f"{api}/patients/mrn.500004",
            headers=admin,
            json={"protocol": "nsclc-weekly", "context": {"known_brain_metastases": True}},
        )
    )
    await _ok(await client.post(f"{api}/patients/MRN-500001/pause", headers=admin))
    await _ok(await client.post(f"{api}/patients/MRN-500005/discharge", headers=admin))
    await _ok(await client.post(f"{api}/patients/MRN-100871/discharge", headers=admin))
    await _ok(
        await client.post(f"{api}/patients/MRN-100871/readmit", headers=admin, json={"protocol": "monthly"})
    )
    rows = (
        "external_id,name,channel,phone,telegram_chat_id,timezone,language,protocol,on_active_treatment\n"
        "MRN-500006,Ola Nordmann,sms,+1 617 555 0166 ,,Europe/Oslo,en,monthly,yes\n"
        "MRN-500007,Eva Solis,telegram,,800000007,,es,post-chemo,no\n"
        "MRN-500001,Iris Vale,sms,617-555-0160,,America/Chicago,en,post-chemo,yes\n"
    )
    await _ok(await client.post(f"{api}/patients/import?dry_run=false", headers=admin, content=rows))
    carers = f"{api}/patients/MRN-500001/carers"
    ana = await _ok(
        await client.post(
            carers,
            headers=admin,
            json={
                "name": "Ana Vale",
                "relationship": "daughter",
                "channel": "sms",
                "phone": "617 555 0170",
                "language": "es",
                "consent": True,
            },
        ),
        201,
    )
    await _ok(
        await client.patch(f"{carers}/{ana['id']}", headers=admin, json={"relationship": "eldest daughter"})
    )
    tom = await _ok(
        await client.post(
            carers,
            headers=admin,
            json={
                "name": "Tom Vale",
                "relationship": "son",
                "channel": "telegram",
                "telegram_chat_id": 800000170,
            },
        ),
        201,
    )
    await _ok(await client.post(f"{carers}/{tom['id']}/consent", headers=admin))
    await _ok(
        await client.post(
            carers,
            headers=admin,
            json={"name": "Kim", "relationship": "friend", "channel": "simulator", "phone": "+16175550171"},
        ),
        201,
    )
    old = await _ok(
        await client.post(
            carers, headers=admin, json={"name": "Old", "relationship": "neighbour", "channel": "simulator"}
        ),
        201,
    )
    await _ok(await client.delete(f"{carers}/{old['id']}", headers=admin))


async def _patient(rt: Runtime, external_id: str) -> Patient:
    async with rt.db.session() as session:
        found = await session.scalar(select(Patient).where(Patient.external_id == external_id))
        assert found is not None, external_id
        return found


async def _states(rt: Runtime, client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    """Every state a patient or carer can be in, reached by the product's own paths: the
    file carries them all (a restore must neither write to who said STOP nor send the opt-in
    again)."""
    api = "/api/v1"
    # Said STOP; said YES to the opt-in notice; a carer said STOP.
    await rt.service.receive(await _patient(rt, "mrn.500004"), "simulator", "rt-stop", "STOP")
    await rt.service.receive(await _patient(rt, "MRN-101552"), "simulator", "rt-yes", "SÍ")
    async with rt.db.session() as session:
        ana = await session.scalar(select(Carer).where(Carer.name == "Ana Vale"))
    assert ana is not None
    await rt.service.receive(await _patient(rt, "MRN-500001"), "sms", "rt-ana", "STOP", carer=ana)
    # Paused (by the admin, before _states) and given a new number: owed the opt-in.
    await _ok(await client.patch(f"{api}/patients/MRN-500001", headers=admin, json={"phone": "617-555-0169"}))
    # A Telegram patient who opened their link and has not agreed yet; one who never opened it.
    now = rt.clock.now()
    ned = await _patient(rt, "MRN-500003")
    async with rt.db.transaction() as session:
        token, _ = await links.create(
            session, clinic_id=ned.clinic_id, now=now, created_by="test", patient_id=ned.id
        )
        assert (await enrolment.link(session, token, "telegram", 800000003, now)).kind == "patient"
    await _ok(
        await client.post(
            f"{api}/patients",
            headers=admin,
            json={"external_id": "MRN-500008", "name": "Una Linked", "channel": "telegram"},
        ),
        201,
    )
    # Unreachable: the provider said the number cannot be reached (as Service.delivery_report
    # stores it).
    async with rt.db.transaction() as session:
        eva = await session.scalar(select(Patient).where(Patient.external_id == "MRN-500007"))
        assert eva is not None
        eva.status = "unreachable"


async def _fresh(request: pytest.FixtureRequest, db: Database, tmp_path: Path) -> Database:
    """An empty migrated database of the same kind as `db`."""
    if request.node.callspec.params["db"] == "sqlite":
        templates: SqliteTemplates = request.getfixturevalue("sqlite_templates")
        path = tmp_path / "fresh.db"
        shutil.copyfile(templates.empty, path)
        return Database(_sqlite_url(path))
    schemas: PgSchemas = request.getfixturevalue("pg_schemas")
    fresh = _pg(schemas.work)
    await _reset_pg(fresh, schemas, seeded=False)  # the same schema, emptied: `db` is done
    return fresh


async def _export(db: Database) -> str:
    async with db.session() as session:
        clinic_id = await session.scalar(select(Clinic.id).where(Clinic.slug == "riverside-thoracic"))
        assert clinic_id is not None
        return await export_clinic(session, clinic_id)


async def test_a_clinic_built_through_the_api_with_every_feature_round_trips_through_export_and_import(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    admin = {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}
    await _build(client, admin)
    await _states(rt, client, admin)
    r = await client.get("/api/v1/clinic/export", headers=admin)
    assert r.status_code == 200
    exported = r.text
    for part in (
        "quiet_hours",
        "dr.moss@",
        "nights",
        "remind_owner_after",
        "post-chemo",
        "Ana Vale",
        "MRN-500007",
        "status: opted_out",
        "status: paused",
        "status: awaiting_consent",
        "status: invited",
        "status: unreachable",
        "status: active",
        "given_at:",
        "asked_at:",
        "owed_since:",
        "opted_out_at:",
    ):
        assert part in exported, part
    assert "left@riverside.example" not in exported
    assert "MRN-500005" not in exported
    assert "Old" not in exported

    # Into the same database: nothing changes.
    clock.advance(hours=1)
    same = await clinic_import.apply(rt.db, clinic_file.parse(exported, "export.yaml"), clock)
    assert str(same) == "nothing changed"

    # Into a fresh one: the same clinic, exported as the same text.
    async with rt.db.session() as session:
        states = {
            p.external_id: _state(p) for p in await session.scalars(select(Patient).order_by(Patient.id))
        }
        carers = {
            c.name: (c.opted_out_at, c.consent_recorded_at) for c in await session.scalars(select(Carer))
        }
    fresh = await _fresh(request, rt.db, tmp_path)
    try:
        await clinic_import.apply(fresh, clinic_file.parse(exported, "export.yaml"), clock)
        assert await _export(fresh) == exported
        async with fresh.session() as session:
            # The same state for everyone listed (discharged patients and removed carers are
            # not in the file), and not one message queued: nobody is written to again.
            for p in await session.scalars(select(Patient)):
                assert _state(p) == states[p.external_id], p.external_id
            for c in await session.scalars(select(Carer)):
                assert (c.opted_out_at, c.consent_recorded_at) == carers[c.name], c.name
            assert await session.scalar(select(func.count()).select_from(OutboundMessage)) == 0
        again = await clinic_import.apply(fresh, clinic_file.parse(exported, "export.yaml"), clock)
        assert str(again) == "nothing changed"
    finally:
        await fresh.dispose()


def _state(p: Patient) -> tuple[object, ...]:
    return (p.status, p.consent_asked_at, p.consent_reminded_at, p.consented_at, p.consent_owed_at)


FILE = """
clinic: {slug: c, name: C, timezone: America/New_York, emergency_number: '911'}
staff: [{email: a@c.example, name: A, role: nurse}]
oncall:
  escalation:
    urgent: [{notify: "all:nurse", ack_within: 300}, {notify: "all:nurse", repeat_every: 900}]
  remind_owner_after: 3600
protocols:
  - key: p
    name: P
    schedule: "0 10 * * *"
    remind_after: 5400
    expire_after: 86400
    questions: [{key: q, kind: text, text: Hi}]
"""


async def test_durations_the_clinic_file_gives_in_seconds_import_and_their_export_imports_unchanged(
    db: Database,
) -> None:
    clock = ManualClock(START)
    await clinic_import.apply(db, clinic_file.parse(FILE), clock)
    async with db.session() as session:
        clinic_id = await session.scalar(select(Clinic.id).where(Clinic.slug == "c"))
        assert clinic_id is not None
        exported = await export_clinic(session, clinic_id)
    assert "remind_after: 90m" in exported
    assert "expire_after: 1d" in exported
    assert str(await clinic_import.apply(db, clinic_file.parse(exported), clock)) == "nothing changed"


def test_a_duration_of_yes_or_no_is_refused_by_the_clinic_file() -> None:
    """YAML reads `ack_within: yes` as true, which Python counts as 1: it is no duration."""
    with pytest.raises(clinic_file.ImportError_) as bad:
        clinic_file.parse(FILE.replace("ack_within: 300", "ack_within: yes"))
    assert any(
        "oncall.escalation.urgent[0].ack_within: True is not a duration" in line for line in bad.value.lines
    )


async def test_a_name_holding_a_character_yaml_reads_as_a_line_break_comes_back_as_it_was(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    """U+0085 (a Windows-1252 ellipsis read as Latin-1) in a name: written bare inside quotes,
    YAML read it back as a space, so importing the export renamed the patient."""
    admin = {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}
    for name in ("Ana\x85Lía Soto", "Ben\u2028Cruz"):
        body = {"external_id": f"MRN-6{len(name)}", "name": name, "channel": "simulator"}
        await _ok(await client.post("/api/v1/patients", headers=admin, json=body), 201)
    exported = (await client.get("/api/v1/clinic/export", headers=admin)).text
    assert str(await clinic_import.apply(rt.db, clinic_file.parse(exported), clock)) == "nothing changed"
