"""CSV enrolment: a dry run that says what every row would do and writes nothing, then an
apply that writes every accepted row together or none of them."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from vigil.assembly import Runtime
from vigil.clinic import patients
from vigil.core.models import AuditEvent, Patient

from ..conftest import make_token
from .test_patients import ADMIN, _csrf, _sign_in

CSV = (
    "external_id,name,channel,phone,timezone,language,protocol,on_active_treatment\n"
    "MRN-400001,Ada Lovelace,sms,(617) 555-0161,,en,nsclc-weekly,yes\n"  # add
    # changes the context: no bone metastases any more
    "MRN-100234,Walter Brennan,simulator,+1 617 555 0199,America/New_York,en,nsclc-weekly,yes\n"
    "MRN-400002,Bad Phone,sms,555,,en,,no\n"  # refused: bad phone
    "MRN-400003,No Such Protocol,simulator,,,en,weekly-nope,no\n"  # refused: unknown protocol
    "MRN-400001,Ada Again,sms,+1 617 555 0162,,en,,no\n"  # refused: duplicate id
    "MRN-400004,Luisa Paz,telegram,,Europe/Madrid,es,,no\n"  # add
)


async def _count(rt: Runtime) -> int:
    async with rt.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(Patient)) or 0)


@pytest.fixture
async def admin(rt: Runtime) -> dict[str, str]:
    return {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}


async def test_the_dry_run_lists_every_row_with_its_outcome_and_writes_nothing(
    rt: Runtime, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    r = await client.post("/api/v1/patients/import", headers=admin, content=CSV)
    assert r.status_code == 200, r.text
    plan = r.json()
    assert plan["applied"] is False
    assert plan["counts"] == {"add": 2, "change": 1, "same": 0, "refuse": 3}
    rows = {(row["line"], row["outcome"]): row for row in plan["rows"]}
    assert [(row["line"], row["outcome"]) for row in plan["rows"]] == [
        (2, "add"),
        (3, "change"),
        (4, "refuse"),
        (5, "refuse"),
        (6, "refuse"),
        (7, "add"),
    ]
    assert rows[(3, "change")]["changes"] == ["context"]
    assert "is not a possible phone number" in rows[(4, "refuse")]["reasons"]["phone"]
    assert rows[(5, "refuse")]["reasons"]["protocol"].startswith("no protocol 'weekly-nope'")
    assert rows[(6, "refuse")]["reasons"] == {"external_id": "duplicate id: MRN-400001 is already on line 2"}
    assert await _count(rt) == 3
    async with rt.db.session() as session:
        walter = await session.scalar(select(Patient).where(Patient.external_id == "MRN-100234"))
    assert walter is not None
    assert walter.context["known_bone_metastases"] is True


async def test_applying_writes_every_accepted_row_in_one_go_and_audits_each(
    rt: Runtime, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    digest = (await client.post("/api/v1/patients/import", headers=admin, content=CSV)).json()["digest"]
    r = await client.post(
        f"/api/v1/patients/import?dry_run=false&digest={digest}", headers=admin, content=CSV
    )
    assert r.status_code == 200, r.text
    assert (r.json()["applied"], r.json()["counts"]["add"], r.json()["counts"]["change"]) == (True, 2, 1)
    assert await _count(rt) == 5
    async with rt.db.session() as session:
        ada = await session.scalar(select(Patient).where(Patient.external_id == "MRN-400001"))
        luisa = await session.scalar(select(Patient).where(Patient.external_id == "MRN-400004"))
        audited = list(
            await session.scalars(
                select(AuditEvent.action).where(AuditEvent.detail["channel"].as_string() == "csv")
            )
        )
    assert ada is not None
    assert (ada.phone, ada.name) == ("+16175550161", "Ada Lovelace")
    assert luisa is not None
    assert (luisa.language, luisa.status) == ("es", "invited")
    assert sorted(audited) == ["create", "create", "update"]
    again = (await client.post("/api/v1/patients/import", headers=admin, content=CSV)).json()
    assert again["counts"] == {"add": 0, "change": 0, "same": 3, "refuse": 3}


async def test_an_apply_that_fails_part_way_writes_nothing(
    rt: Runtime, client: httpx.AsyncClient, admin: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = patients.enrol
    calls = 0

    async def failing(*args: object, **kwargs: object) -> str | None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("the database went away")
        return await real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(patients, "enrol", failing)
    with pytest.raises(RuntimeError):
        await client.post("/api/v1/patients/import?dry_run=false", headers=admin, content=CSV)
    assert await _count(rt) == 3
    async with rt.db.session() as session:
        walter = await session.scalar(select(Patient).where(Patient.external_id == "MRN-100234"))
    assert walter is not None
    assert walter.context["known_bone_metastases"] is True


async def test_an_apply_after_the_patients_changed_writes_nothing_and_shows_the_new_plan(
    rt: Runtime, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    digest = (await client.post("/api/v1/patients/import", headers=admin, content=CSV)).json()["digest"]
    await client.post(
        "/api/v1/patients",
        headers=admin,
        json={"external_id": "MRN-400001", "name": "Someone Else", "channel": "simulator"},
    )
    r = await client.post(
        f"/api/v1/patients/import?dry_run=false&digest={digest}", headers=admin, content=CSV
    )
    assert r.status_code == 409
    assert r.json()["rows"][0]["outcome"] == "change"
    assert await _count(rt) == 4


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "the file is empty"),
        (b"\xff\xfeexternal_id", "not UTF-8"),
        (b"external_id,name,channel,shoe_size\n", "unknown columns shoe_size"),
        (b"external_id,name\nA,B\n", "the header lacks channel"),
        (b"external_id,name,channel\n", "a header and no patients"),
    ],
)
async def test_a_file_that_cannot_be_read_is_refused_whole_with_the_reason(
    rt: Runtime, client: httpx.AsyncClient, admin: dict[str, str], body: bytes, reason: str
) -> None:
    r = await client.post("/api/v1/patients/import?dry_run=false", headers=admin, content=body)
    assert r.status_code == 422
    assert reason in r.json()["detail"]
    assert await _count(rt) == 3


async def test_the_template_downloads_and_passes_its_own_dry_run(
    rt: Runtime, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    template = await client.get("/api/v1/patients/import/template", headers=admin)
    assert template.headers["content-type"].startswith("text/csv")
    plan = (await client.post("/api/v1/patients/import", headers=admin, content=template.text)).json()
    assert plan["counts"] == {"add": 2, "change": 0, "same": 0, "refuse": 0}
    await _sign_in(client)
    page = await client.get("/patients/import/template.csv")
    assert page.text == template.text
    assert "attachment" in page.headers["content-disposition"]


async def test_the_page_shows_the_dry_run_then_applies_what_it_showed(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    csrf = await _sign_in(client)
    r = await client.post(
        "/patients/import", data={"csrf": csrf}, files={"file": ("patients.csv", CSV.encode(), "text/csv")}
    )
    assert r.status_code == 200, r.text
    assert "Dry run: nothing is written yet" in r.text
    assert "2 to add · 1 to change · 0 unchanged · 3 refused" in r.text
    assert "duplicate id: MRN-400001 is already on line 2" in r.text
    assert await _count(rt) == 3
    carried = r.text.split('name="data" value="')[1].split('"')[0]
    digest = r.text.split('name="digest" value="')[1].split('"')[0]
    done = await client.post(
        "/patients/import/apply",
        data={"csrf": _csrf(r), "data": carried, "digest": digest},
        files={"none": ("", b"", "application/octet-stream")},
    )
    assert done.status_code == 200, done.text
    assert "Applied: 2 added, 1 changed; 3 refused rows were not written." in done.text
    assert await _count(rt) == 5
    bad = await client.post(
        "/patients/import", data={"csrf": csrf}, files={"file": ("x.csv", b"name\n", "text/csv")}
    )
    assert bad.status_code == 422
    assert "unknown columns" not in bad.text
    assert "the header lacks external_id" in bad.text


async def test_a_row_that_would_text_a_second_patient_at_one_number_is_refused(
    rt: Runtime, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    rows = (
        "external_id,name,channel,phone,timezone,language,protocol,on_active_treatment\n"
        "MRN-400011,Ada Lovelace,sms,(617) 555-0171,,en,nsclc-weekly,no\n"  # add
        "MRN-400012,Charles Babbage,sms,617 555 0171,,en,nsclc-weekly,no\n"  # refused: Ada's number
        "MRN-400013,Mary Somerville,telegram,617 555 0171,,en,,no\n"  # a number for calls: added
    )
    plan = (await client.post("/api/v1/patients/import", headers=admin, content=rows)).json()
    assert [(row["line"], row["outcome"]) for row in plan["rows"]] == [(2, "add"), (3, "refuse"), (4, "add")]
    assert plan["rows"][1]["reasons"] == {"phone": "+16175550171 is already patient MRN-400011's"}


async def test_a_row_texted_at_the_number_of_a_patient_on_another_channel_is_refused_as_the_import_would(
    rt: Runtime, client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    rows = (
        "external_id,name,channel,phone,timezone,language,protocol,on_active_treatment\n"
        "MRN-400021,Ada Lovelace,sms,+1 617 555 0199,,en,,no\n"  # MRN-100234's, on the simulator
    )
    plan = (await client.post("/api/v1/patients/import", headers=admin, content=rows)).json()
    assert plan["rows"][0]["outcome"] == "refuse"
    assert plan["rows"][0]["reasons"] == {"phone": "+16175550199 is already patient MRN-100234's"}
