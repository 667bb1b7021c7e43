"""Re-admitting a discharged patient is checked as adding a new one is: a number (theirs, or a
carer's) that a listed patient or carer took while they were off the list is refused, by the
API and the pages, by the CSV enrolment and by `vigil import`, with nothing written, so two
people never answer at one number and the clinic's export always imports."""

from __future__ import annotations

import httpx
import pytest
import yaml
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.clinic.export import export_clinic, to_yaml
from vigil.core.clock import ManualClock
from vigil.core.models import Clinic, Patient

from ..conftest import PASSWORD, make_token

ADMIN = "admin@riverside.example"


async def _admin(rt: Runtime) -> dict[str, str]:
    return {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}


async def _patient(rt: Runtime, external_id: str) -> Patient:
    async with rt.db.session() as session:
        found = await session.scalar(select(Patient).where(Patient.external_id == external_id))
    assert found is not None
    return found


async def _export(rt: Runtime) -> str:
    async with rt.db.session() as session:
        clinic_id = await session.scalar(select(Clinic.id).where(Clinic.slug == "riverside-thoracic"))
        assert clinic_id is not None
        return await export_clinic(session, clinic_id)


async def _number_taken_meanwhile(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    """MRN-001 texted by SMS at +1 312 555 0142 is discharged; MRN-002 is then given the number."""
    first = {"external_id": "MRN-001", "name": "Ann One", "channel": "sms", "phone": "+1 312 555 0142"}
    assert (await client.post("/api/v1/patients", headers=admin, json=first)).status_code == 201
    assert (await client.post("/api/v1/patients/MRN-001/discharge", headers=admin)).status_code == 200
    second = {"external_id": "MRN-002", "name": "Bo Two", "channel": "sms", "phone": "312 555 0142"}
    assert (await client.post("/api/v1/patients", headers=admin, json=second)).status_code == 201


async def test_readmitting_a_patient_whose_phone_another_patient_now_has_is_refused(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    await _number_taken_meanwhile(client, admin)
    r = await client.post("/api/v1/patients/MRN-001/readmit", headers=admin)
    assert (r.status_code, r.json()) == (
        422,
        {"detail": [{"field": "phone", "reason": "+13125550142 is already patient MRN-002's"}]},
    )
    assert (await _patient(rt, "MRN-001")).discharged_at is not None
    # Given another number first, they come back.
    assert (
        await client.patch("/api/v1/patients/MRN-001", headers=admin, json={"phone": "+1 312 555 0177"})
    ).status_code == 200
    r = await client.post("/api/v1/patients/MRN-001/readmit", headers=admin)
    assert r.status_code == 200, r.text
    assert (await _patient(rt, "MRN-001")).discharged_at is None


async def test_readmitting_from_the_page_a_patient_whose_phone_is_taken_says_why_and_changes_nothing(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    await _number_taken_meanwhile(client, admin)
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    await client.post("/login", data={"email": ADMIN, "password": PASSWORD, "csrf": csrf})
    ann = await _patient(rt, "MRN-001")
    edit = await client.get(f"/patients/{ann.id}/edit")
    csrf = edit.text.split('name="csrf" value="')[1].split('"')[0]
    r = await client.post(
        f"/patients/{ann.id}/status", data={"action": "readmit", "csrf": csrf}, follow_redirects=True
    )
    assert r.status_code == 200
    assert "Not done: phone: +13125550142 is already patient MRN-002&#39;s" in r.text
    assert (await _patient(rt, "MRN-001")).discharged_at is not None


async def test_readmitting_a_patient_on_another_channel_after_an_sms_patient_took_their_number_is_refused(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    """The export lists MRN-001 (added first) before MRN-002, texted by SMS at the same number:
    the import would refuse MRN-002, so the re-admission is refused."""
    admin = await _admin(rt)
    first = {"external_id": "MRN-001", "name": "Ann One", "channel": "simulator", "phone": "+1 312 555 0142"}
    assert (await client.post("/api/v1/patients", headers=admin, json=first)).status_code == 201
    assert (await client.post("/api/v1/patients/MRN-001/discharge", headers=admin)).status_code == 200
    second = {"external_id": "MRN-002", "name": "Bo Two", "channel": "sms", "phone": "+1 312 555 0142"}
    assert (await client.post("/api/v1/patients", headers=admin, json=second)).status_code == 201
    r = await client.post("/api/v1/patients/MRN-001/readmit", headers=admin)
    assert r.status_code == 422
    assert r.json()["detail"] == [{"field": "phone", "reason": "+13125550142 is already patient MRN-002's"}]
    exported = await _export(rt)
    assert str(await clinic_import.apply(rt.db, clinic_file.parse(exported), clock)) == "nothing changed"


async def test_readmitting_a_patient_whose_carers_number_another_patient_now_has_is_refused(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    first = {"external_id": "MRN-001", "name": "Ann One", "channel": "simulator"}
    assert (await client.post("/api/v1/patients", headers=admin, json=first)).status_code == 201
    carer = {"name": "Ana", "relationship": "daughter", "channel": "sms", "phone": "+1 312 555 0150"}
    assert (
        await client.post("/api/v1/patients/MRN-001/carers", headers=admin, json=carer)
    ).status_code == 201
    assert (await client.post("/api/v1/patients/MRN-001/discharge", headers=admin)).status_code == 200
    second = {"external_id": "MRN-002", "name": "Bo Two", "channel": "sms", "phone": "+1 312 555 0150"}
    assert (await client.post("/api/v1/patients", headers=admin, json=second)).status_code == 201
    r = await client.post("/api/v1/patients/MRN-001/readmit", headers=admin)
    assert (r.status_code, r.json()["detail"]) == (
        422,
        [{"field": "carers.Ana", "reason": "+13125550150 is already patient MRN-002's"}],
    )
    assert (await _patient(rt, "MRN-001")).discharged_at is not None


async def test_a_csv_row_readmitting_a_patient_whose_phone_another_patient_now_has_is_refused(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    await _number_taken_meanwhile(client, admin)
    rows = (
        "external_id,name,channel,phone\n"
        "MRN-001,Ann One,sms,+1 312 555 0142\n"  # back, at MRN-002's number: refused
        "MRN-003,Cy Three,sms,+1 312 555 0143\n"  # a new patient: added all the same
    )
    r = await client.post("/api/v1/patients/import?dry_run=false", headers=admin, content=rows)
    assert r.status_code == 200, r.text
    plan = r.json()
    assert [(row["external_id"], row["outcome"]) for row in plan["rows"]] == [
        ("MRN-001", "refuse"),
        ("MRN-003", "add"),
    ]
    assert plan["rows"][0]["reasons"] == {"phone": "+13125550142 is already patient MRN-002's"}
    assert (await _patient(rt, "MRN-001")).discharged_at is not None


async def test_a_csv_row_readmitting_a_patient_ahead_of_an_sms_patient_on_their_number_is_refused(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    """Not SMS themself, but added before the SMS patient who has the number now: the export
    would list them first, and its import refuse the SMS patient."""
    admin = await _admin(rt)
    first = {"external_id": "MRN-001", "name": "Ann One", "channel": "simulator", "phone": "+1 312 555 0142"}
    assert (await client.post("/api/v1/patients", headers=admin, json=first)).status_code == 201
    assert (await client.post("/api/v1/patients/MRN-001/discharge", headers=admin)).status_code == 200
    second = {"external_id": "MRN-002", "name": "Bo Two", "channel": "sms", "phone": "+1 312 555 0142"}
    assert (await client.post("/api/v1/patients", headers=admin, json=second)).status_code == 201
    rows = "external_id,name,channel,phone\nMRN-001,Ann One,simulator,+1 312 555 0142\n"
    plan = (await client.post("/api/v1/patients/import?dry_run=false", headers=admin, content=rows)).json()
    assert plan["rows"][0]["outcome"] == "refuse"
    assert plan["rows"][0]["reasons"] == {"phone": "+13125550142 is already patient MRN-002's"}
    exported = await _export(rt)
    assert str(await clinic_import.apply(rt.db, clinic_file.parse(exported), clock)) == "nothing changed"


async def test_a_csv_row_at_a_listed_carers_number_is_refused(rt: Runtime, client: httpx.AsyncClient) -> None:
    admin = await _admin(rt)
    carer = {"name": "Ana", "relationship": "daughter", "channel": "sms", "phone": "+1 617 555 0150"}
    assert (
        await client.post("/api/v1/patients/MRN-100871/carers", headers=admin, json=carer)
    ).status_code == 201
    june = "+16175550150"
    rows = f"external_id,name,channel,phone\nMRN-003,Cy Three,sms,{june}\n"
    plan = (await client.post("/api/v1/patients/import", headers=admin, content=rows)).json()
    assert plan["rows"][0]["outcome"] == "refuse"
    assert plan["rows"][0]["reasons"] == {"phone": f"{june} is already the carer Ana of MRN-100871's"}


async def test_importing_a_file_that_readmits_a_patient_ahead_of_the_sms_patient_on_their_number_is_refused(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    """The file lists the SMS patient first, so it reads well; but the patient it lists again
    was added first and keeps their place, so the export would list them first and its import
    would refuse the SMS patient. The whole import is refused, nothing written."""
    admin = await _admin(rt)
    first = {"external_id": "MRN-001", "name": "Ann One", "channel": "simulator", "phone": "+1 312 555 0142"}
    assert (await client.post("/api/v1/patients", headers=admin, json=first)).status_code == 201
    assert (await client.post("/api/v1/patients/MRN-001/discharge", headers=admin)).status_code == 200
    second = {"external_id": "MRN-002", "name": "Bo Two", "channel": "sms", "phone": "+1 312 555 0142"}
    assert (await client.post("/api/v1/patients", headers=admin, json=second)).status_code == 201
    exported = await _export(rt)
    data = yaml.safe_load(exported)
    ann = {"external_id": "MRN-001", "name": "Ann One", "phone": "+13125550142", "channel": "simulator"}
    again = to_yaml({**data, "patients": [*data["patients"], ann]})
    parsed = clinic_file.parse(again)  # the file alone reads well
    with pytest.raises(clinic_file.ImportError_) as refused:
        await clinic_import.apply(rt.db, parsed, clock)
    assert refused.value.lines == [
        "patients.MRN-002.phone: +13125550142 is already patient MRN-001's "
        "(MRN-001 was added here before MRN-002)"
    ]
    assert (await _patient(rt, "MRN-001")).discharged_at is not None
    assert await _export(rt) == exported
    # Listed after, not before: the same file with MRN-001 given another number imports.
    fixed = to_yaml({**data, "patients": [*data["patients"], {**ann, "phone": "+13125550177"}]})
    await clinic_import.apply(rt.db, clinic_file.parse(fixed), clock)
    assert (await _patient(rt, "MRN-001")).discharged_at is None
    exported = await _export(rt)
    assert str(await clinic_import.apply(rt.db, clinic_file.parse(exported), clock)) == "nothing changed"


async def test_readmitting_a_patient_whose_telegram_chat_another_patient_now_has_is_refused(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    """A message from a chat is read as one patient's: two listed patients at one chat would
    have one's red flags filed on the other's record."""
    admin = await _admin(rt)
    first = {"external_id": "MRN-001", "name": "Ann One", "channel": "telegram", "telegram_chat_id": 900001}
    assert (await client.post("/api/v1/patients", headers=admin, json=first)).status_code == 201
    assert (await client.post("/api/v1/patients/MRN-001/discharge", headers=admin)).status_code == 200
    second = {"external_id": "MRN-002", "name": "Bo Two", "channel": "telegram", "telegram_chat_id": 900001}
    assert (await client.post("/api/v1/patients", headers=admin, json=second)).status_code == 201
    r = await client.post("/api/v1/patients/MRN-001/readmit", headers=admin)
    assert (r.status_code, r.json()["detail"]) == (
        422,
        [{"field": "telegram_chat_id", "reason": "chat 900001 is already patient MRN-002's"}],
    )
    assert (await _patient(rt, "MRN-001")).discharged_at is not None
    rows = "external_id,name,channel\nMRN-001,Ann One,telegram\n"  # the CSV re-admits with the chat kept
    plan = (await client.post("/api/v1/patients/import", headers=admin, content=rows)).json()
    assert plan["rows"][0]["outcome"] == "refuse"
    assert plan["rows"][0]["reasons"] == {"telegram_chat_id": "chat 900001 is already patient MRN-002's"}


async def test_a_new_patient_at_a_telegram_chat_a_listed_patient_has_is_refused(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = await _admin(rt)
    first = {"external_id": "MRN-001", "name": "Ann One", "channel": "telegram", "telegram_chat_id": 900001}
    assert (await client.post("/api/v1/patients", headers=admin, json=first)).status_code == 201
    second = {**first, "external_id": "MRN-002", "name": "Bo Two"}
    r = await client.post("/api/v1/patients", headers=admin, json=second)
    assert (r.status_code, r.json()["detail"]) == (
        422,
        [{"field": "telegram_chat_id", "reason": "chat 900001 is already patient MRN-001's"}],
    )
    third = {"external_id": "MRN-003", "name": "Cy Three", "channel": "telegram", "telegram_chat_id": 900003}
    assert (await client.post("/api/v1/patients", headers=admin, json=third)).status_code == 201
    r = await client.patch("/api/v1/patients/MRN-003", headers=admin, json={"telegram_chat_id": 900001})
    assert r.status_code == 422
    rows = "external_id,name,channel,telegram_chat_id\nMRN-004,Di Four,telegram,900001\n"
    plan = (await client.post("/api/v1/patients/import", headers=admin, content=rows)).json()
    assert plan["rows"][0]["reasons"] == {"telegram_chat_id": "chat 900001 is already patient MRN-001's"}


async def test_readmitting_a_patient_whose_carers_number_another_carer_now_has_is_refused(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    """The clinic file gave a listed patient's carer the number of a carer of a patient it no
    longer lists; listing that patient again by the API would put two carers at one number."""
    admin = await _admin(rt)
    first = {"external_id": "MRN-001", "name": "Ann One", "channel": "simulator"}
    assert (await client.post("/api/v1/patients", headers=admin, json=first)).status_code == 201
    carer = {"name": "Ana", "relationship": "daughter", "channel": "sms", "phone": "+1 312 555 0150"}
    assert (
        await client.post("/api/v1/patients/MRN-001/carers", headers=admin, json=carer)
    ).status_code == 201
    data = yaml.safe_load(await _export(rt))
    data["patients"] = [
        {**p, "carers": [{"name": "Max", "relationship": "son", "channel": "sms", "phone": "+13125550150"}]}
        if p["external_id"] == "MRN-100871"
        else p
        for p in data["patients"]
        if p["external_id"] != "MRN-001"
    ]
    await clinic_import.apply(rt.db, clinic_file.parse(to_yaml(data)), clock)  # Ann discharged
    r = await client.post("/api/v1/patients/MRN-001/readmit", headers=admin)
    assert (r.status_code, r.json()["detail"]) == (
        422,
        [{"field": "carers.Ana", "reason": "+13125550150 is already the carer Max of MRN-100871's"}],
    )
    assert (await _patient(rt, "MRN-001")).discharged_at is not None


async def test_importing_a_file_that_readmits_a_patient_at_a_telegram_chat_a_listed_patient_has_is_refused(
    rt: Runtime, client: httpx.AsyncClient, clock: ManualClock
) -> None:
    """The file leaves the chat out (it unlinks none by omission): the patient keeps theirs."""
    admin = await _admin(rt)
    first = {"external_id": "MRN-001", "name": "Ann One", "channel": "telegram", "telegram_chat_id": 900001}
    assert (await client.post("/api/v1/patients", headers=admin, json=first)).status_code == 201
    assert (await client.post("/api/v1/patients/MRN-001/discharge", headers=admin)).status_code == 200
    second = {"external_id": "MRN-002", "name": "Bo Two", "channel": "telegram", "telegram_chat_id": 900001}
    assert (await client.post("/api/v1/patients", headers=admin, json=second)).status_code == 201
    exported = await _export(rt)
    data = yaml.safe_load(exported)
    ann = {"external_id": "MRN-001", "name": "Ann One", "channel": "telegram"}
    with pytest.raises(clinic_file.ImportError_) as refused:
        await clinic_import.apply(
            rt.db, clinic_file.parse(to_yaml({**data, "patients": [*data["patients"], ann]})), clock
        )
    assert refused.value.lines == [
        "patients.MRN-001.telegram_chat_id: chat 900001 is already patient MRN-002's"
    ]
    assert (await _patient(rt, "MRN-001")).discharged_at is not None
    assert await _export(rt) == exported
