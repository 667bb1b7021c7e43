"""A patient is never put on a protocol not written in their language: the pages, the patients
API and the CSV enrolment refuse it with the words of the clinic file's refusal."""

from __future__ import annotations

import html

import httpx

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import

from ..conftest import DEMO, PASSWORD, make_token

ADMIN = "admin@riverside.example"
# The demo clinic with a second protocol written in English only.
ENGLISH_ONLY = (
    "  - key: english-only\n"
    "    name: English only\n"
    '    schedule: "0 10 * * FRI"\n'
    "    expire_after: 24h\n"
    "    questions:\n"
    "      - key: mood\n"
    "        kind: text\n"
    '        text: "How is your mood?"\n'
)
WHY = (
    "patient {who} speaks es, but protocol 'english-only' has no es text for question mood: write it "
    "per language (text: {{en: ..., es: ...}}), or choose another protocol or language"
)


async def _with_english_only(rt: Runtime) -> None:
    text = DEMO.read_text().replace("\npatients:\n", "\n" + ENGLISH_ONLY + "\npatients:\n")
    await clinic_import.apply(rt.db, clinic_file.parse(text), rt.clock)


async def _admin(rt: Runtime) -> dict[str, str]:
    return {"Authorization": f"Bearer {await make_token(rt, ADMIN)}"}


async def test_the_api_refuses_a_spanish_speaker_on_a_protocol_with_no_spanish_in_the_files_words(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    await _with_english_only(rt)
    admin = await _admin(rt)
    new = {"external_id": "MRN-300002", "name": "Ines Soto", "channel": "simulator", "language": "es"}
    r = await client.post("/api/v1/patients", headers=admin, json={**new, "protocol": "english-only"})
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == [{"field": "language", "reason": WHY.format(who="MRN-300002")}]
    # Rosa (Spanish) moved onto it, or Walter (English, on it) made Spanish: refused the same way.
    r = await client.patch("/api/v1/patients/MRN-101552", headers=admin, json={"protocol": "english-only"})
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == [{"field": "language", "reason": WHY.format(who="MRN-101552")}]
    ok = await client.patch("/api/v1/patients/MRN-100234", headers=admin, json={"protocol": "english-only"})
    assert ok.status_code == 200, ok.text
    r = await client.patch("/api/v1/patients/MRN-100234", headers=admin, json={"language": "es"})
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == [{"field": "language", "reason": WHY.format(who="MRN-100234")}]
    # A protocol written in Spanish takes her.
    r = await client.post("/api/v1/patients", headers=admin, json={**new, "protocol": "nsclc-weekly"})
    assert r.status_code == 201, r.text


async def test_the_page_and_the_csv_refuse_it_in_the_same_words(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    await _with_english_only(rt)
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    await client.post("/login", data={"email": ADMIN, "password": PASSWORD, "csrf": csrf})
    form = (await client.get("/patients/new")).text
    csrf = form.split('name="csrf" value="')[1].split('"')[0]
    r = await client.post(
        "/patients/new",
        data={
            "external_id": "MRN-300003",
            "name": "Ines Soto",
            "channel": "simulator",
            "language": "es",
            "protocol": "english-only",
            "csrf": csrf,
        },
    )
    assert r.status_code == 422
    assert WHY.format(who="MRN-300003") in html.unescape(r.text)

    csv = (
        "external_id,name,channel,language,protocol\n"
        "MRN-300004,Ines Soto,simulator,es,english-only\n"
        "MRN-300005,Ana Gil,simulator,es,nsclc-weekly\n"
    )
    plan = (await client.post("/api/v1/patients/import", headers=await _admin(rt), content=csv)).json()
    refused, added = plan["rows"]
    assert (refused["outcome"], refused["reasons"]) == ("refuse", {"language": WHY.format(who="MRN-300004")})
    assert added["outcome"] == "add"
