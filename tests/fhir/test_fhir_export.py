"""The FHIR R4 export: every resource validates with fhir.resources' model for its type, a
round trip keeps every answer and case, `$everything` is one patient's record and only
theirs, `--since` leaves out what did not change, and the command line writes the files."""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.detectedissue import DetectedIssue
from fhir.resources.R4B.domainresource import DomainResource
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from sqlalchemy import event, select

from vigil.assembly import Runtime
from vigil.cli.commands import main
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent, Clinic
from vigil.escalation.models import Case, CaseReason
from vigil.fhir import codes, export
from vigil.fhir.checkins import answer_of
from vigil.scheduler.models import CheckIn, CheckInAnswer

from ..conftest import START
from ..web import analytics_data
from .demo_record import MARIA, WALTER, demo_record, say

EVERYTHING = "/api/v1/fhir/Patient/{}/$everything"


async def _since(rt: Runtime, clinic: Clinic, since: Any, batch: int = 500) -> list[DomainResource]:
    return [r async for r in export.since(rt.db, clinic, since, batch=batch)]


def _parsed(resources: list[DomainResource]) -> list[DomainResource]:
    """Each resource as an EHR would read it: its JSON, parsed by the library's model for
    the resourceType it names (a shape that does not fit raises)."""
    out = []
    for resource in resources:
        data = json.loads(resource.model_dump_json())
        model = get_fhir_model_class(data["resourceType"])
        out.append(model.model_validate(data))
    return out


def _references(value: Any) -> list[str]:
    """Every literal reference ("Type/id") anywhere in a resource's JSON."""
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [r for v in value.values() for r in _references(v)]
    if isinstance(value, list):
        return [r for v in value for r in _references(v)]
    return []


async def test_every_resource_of_the_demo_clinics_export_validates_and_every_reference_resolves(
    rt: Runtime, clock: ManualClock
) -> None:
    record = await demo_record(rt, clock)
    async with rt.db.transaction() as session:  # another clinic's patients are not this export's
        await analytics_data.clinic(session, "elsewhere", patients=3, at=START)
    resources = _parsed(await _since(rt, record.clinic, START - timedelta(days=1), batch=2))
    kinds = Counter(export.kind(r) for r in resources)
    assert set(kinds) == set(export.TYPES), kinds
    assert kinds["Patient"] == 3  # Walter, Maria and Rosa
    assert kinds["Questionnaire"] == 1
    assert kinds["QuestionnaireResponse"] == 3  # Rosa's is open, unanswered
    assert kinds["Flag"] == kinds["DetectedIssue"] == 2
    keys = [f"{export.kind(r)}/{r.id}" for r in resources]
    assert len(keys) == len(set(keys)), "ids are unique per resource type"
    for resource in resources:
        for reference in _references(json.loads(resource.model_dump_json())):
            assert reference in keys, f"{export.kind(resource)}/{resource.id} names {reference}, not exported"


def _reasons(issue: DetectedIssue) -> list[tuple[Any, ...]]:
    """A DetectedIssue's evidence read back: (level, rule, concept, words, start, end) each."""
    out = []
    for e in issue.evidence or ():
        coded = {c.coding[0].system: c.coding[0].code for c in e.code}
        out.append(
            (
                codes.ext_value(e.extension, codes.REASON_LEVEL),
                coded.get(codes.RULE),
                coded.get(codes.CONCEPT),
                codes.ext_value(e.extension, codes.EVIDENCE_TEXT),
                codes.ext_value(e.extension, codes.EVIDENCE_START),
                codes.ext_value(e.extension, codes.EVIDENCE_END),
            )
        )
    return out


async def test_a_round_trip_keeps_every_check_in_answer_and_every_case(
    rt: Runtime, clock: ManualClock
) -> None:
    record = await demo_record(rt, clock)
    lines = [r.model_dump_json() for r in await _since(rt, record.clinic, START)]
    back = [
        get_fhir_model_class(json.loads(line)["resourceType"]).model_validate_json(line) for line in lines
    ]
    async with rt.db.session() as session:
        joined = select(CheckIn.id, CheckInAnswer).join(CheckInAnswer, CheckInAnswer.checkin_id == CheckIn.id)
        answers = (await session.execute(joined)).all()
        cases = list(await session.scalars(select(Case)))
        reasons = list(await session.scalars(select(CaseReason).order_by(CaseReason.at, CaseReason.id)))
    # Every answer: its check-in, its question, the patient's words and the value Vigil read.
    stored = sorted((codes.checkin_rid(cid), a.question_key, a.text, a.value) for cid, a in answers)
    exported = sorted(
        (r.id, item.linkId, *answer_of(item.answer[0]))
        for r in back
        if isinstance(r, QuestionnaireResponse)
        for item in r.item or ()
    )
    assert exported == stored
    assert len(stored) == 5  # Maria's four, Walter's "8" (urgent: his check-in stopped there)
    # Every case: its level, each reason's rule and evidence, the nurse's disposition and note.
    issues = {r.id: r for r in back if isinstance(r, DetectedIssue)}
    assert len(issues) == len(cases) == 2
    for case in cases:
        issue = issues[codes.case_rid(case.id)]
        assert issue.code.coding[0].code == case.level
        assert _reasons(issue) == [
            (r.level, r.rule, r.concept, r.evidence, r.start, r.end) for r in reasons if r.case_id == case.id
        ]
        said = [
            (m.action.coding[0].code, codes.ext_value(m.extension, codes.DISPOSITION_NOTE))
            for m in issue.mitigation or ()
        ]
        assert said == ([(case.disposition, case.note)] if case.disposition else [])
    assert {c.id: (c.level, c.disposition) for c in cases} == {
        record.walter_case: ("emergency", None),
        record.maria_case: ("routine", "advice_given"),
    }
    walter = _reasons(issues[codes.case_rid(record.walter_case)])
    assert {"mscc-neuro", "spinal-pain-flags"} <= {rule for _, rule, *_ in walter}


async def test_everything_is_one_patients_record_as_a_bundle_and_is_audited(
    rt: Runtime,
    clock: ManualClock,
    client: httpx.AsyncClient,
    auth: dict[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    await demo_record(rt, clock)
    caplog.set_level(logging.DEBUG)
    r = await client.get(EVERYTHING.format(WALTER), headers=auth)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/fhir+json"
    bundle = Bundle.model_validate_json(r.text)
    assert (bundle.type, bundle.total) == ("searchset", 1)  # the patient; the rest are included
    resources = _parsed([e.resource for e in bundle.entry])
    patient = resources[0]
    assert export.kind(patient) == "Patient"
    assert patient.identifier[0].value == WALTER
    assert bundle.entry[0].search.mode == "match"
    mine = f"Patient/{patient.id}"
    here = {f"{export.kind(x)}/{x.id}" for x in resources}
    for resource in resources[1:]:
        assert set(_references(json.loads(resource.model_dump_json()))) <= here, "the record is whole"
        patients = {
            x for x in _references(json.loads(resource.model_dump_json())) if x.startswith("Patient/")
        }
        # Every resource but the protocol is about the patient, and about no one else.
        assert patients == (set() if export.kind(resource) == "Questionnaire" else {mine}), export.kind(
            resource
        )
    texts = [p.contentString for x in resources if export.kind(x) == "Communication" for p in x.payload]
    assert "and now my legs feel weak" in texts
    assert "Calling you now, stay where you are." in texts
    assert not any("paracetamol" in t or "thanks" in t for t in texts), (
        "Maria's words are not Walter's record"
    )
    flag = next(x for x in resources if export.kind(x) == "Flag")
    assert (flag.status, flag.code.coding[0].code) == ("active", "emergency")
    reply = next(
        x
        for x in resources
        if export.kind(x) == "Communication" and x.payload[0].contentString.startswith("Calling")
    )
    assert reply.sender.display == "Ana Reyes"
    scores = [x for x in resources if export.kind(x) == "Observation"]
    assert [(s.valueInteger, s.code.coding[0].system, s.code.coding[0].code) for s in scores] == [
        (8, codes.LOINC, "72514-3")
    ]
    async with rt.db.session() as session:
        logged = list(await session.scalars(select(AuditEvent).where(AuditEvent.action == "export")))
    assert [(e.subject_type, e.actor, e.detail["external_id"]) for e in logged] == [
        ("fhir", "ana.reyes@riverside.example", WALTER)
    ]
    assert "legs" not in json.dumps([e.detail for e in logged])
    assert "legs" not in caplog.text, "what patients wrote goes into the export, never into a log"


async def test_a_patient_of_another_clinic_or_no_patient_is_not_found(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    assert (await client.get(EVERYTHING.format("MRN-NOBODY"), headers=auth)).status_code == 404
    assert (await client.get(EVERYTHING.format(WALTER))).status_code == 401


async def test_since_leaves_out_what_did_not_change(rt: Runtime, clock: ManualClock) -> None:
    record = await demo_record(rt, clock)
    later = clock.now()
    await say(rt, clock, MARIA, "feeling better today")
    resources = await _since(rt, record.clinic, later)
    kinds = Counter(export.kind(r) for r in resources)
    maria = await rt.service.patient(1, MARIA)
    assert maria is not None
    # Her message and what Vigil answered, her and the protocol: no check-in or case of last week.
    assert kinds["QuestionnaireResponse"] == kinds["Flag"] == kinds["Observation"] == 0, kinds
    assert kinds["Patient"] == 1
    assert kinds["Questionnaire"] == 1
    assert [r.id for r in resources if export.kind(r) == "Patient"] == [codes.patient_rid(maria.id)]
    said = [r.payload[0].contentString for r in resources if export.kind(r) == "Communication"]
    assert "feeling better today" in said
    assert await _since(rt, record.clinic, clock.now() + timedelta(minutes=1)) == [
        r for r in resources if export.kind(r) == "Questionnaire"
    ]


async def test_the_command_line_writes_a_file_per_type_and_audits_the_export(
    rt: Runtime,
    clock: ManualClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if rt.db.postgres:
        pytest.skip("the command line reaches the test database by URL: SQLite's file")
    await demo_record(rt, clock)
    async with rt.db.transaction() as session:  # a second clinic, its patients new since the date
        await analytics_data.clinic(session, "elsewhere", patients=3, at=START)
    monkeypatch.setenv("VIGIL_DATABASE_URL", rt.db.url)
    out = tmp_path / "fhir"
    which = await asyncio.to_thread(main, ["export", "fhir", "--since", "2026-11-01", "--out", str(out)])
    assert which == 2
    assert (
        "name the clinic with --clinic SLUG (here: elsewhere, riverside-thoracic)" in capsys.readouterr().err
    )
    code = await asyncio.to_thread(
        main, ["export", "fhir", "--since", "2026-11-01", "--clinic", "riverside-thoracic", "--out", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    assert "riverside-thoracic" in said
    assert "Patient.ndjson (3)" in said
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.ndjson" for t in export.TYPES)
    for path in out.iterdir():
        for line in path.read_text(encoding="utf-8").splitlines():
            data = json.loads(line)
            assert data["resourceType"] == path.stem
            get_fhir_model_class(path.stem).model_validate(data)
            assert "elsewhere" not in line
    again = await asyncio.to_thread(
        main, ["export", "fhir", "--since", "2026-11-01", "--clinic", "elsewhere", "--out", str(out)]
    )
    assert again == 2
    assert "already holds" in capsys.readouterr().err
    bad = await asyncio.to_thread(
        main,
        ["export", "fhir", "--since", "last week", "--clinic", "elsewhere", "--out", str(tmp_path / "x")],
    )
    assert bad == 2
    assert "is not a date" in capsys.readouterr().err
    async with rt.db.session() as session:
        logged = list(await session.scalars(select(AuditEvent).where(AuditEvent.subject_type == "fhir")))
    assert len(logged) == 1
    assert logged[0].actor.startswith("cli")
    assert logged[0].detail["since"] == "2026-11-01T00:00:00-04:00"


async def test_the_clinic_export_streams_a_batch_at_a_time(rt: Runtime, clock: ManualClock) -> None:
    """The first resources come after a few queries of one batch each, not after every row
    of the clinic was read: a clinic of 20,000 patients is never in memory at once."""
    record = await demo_record(rt, clock)
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    event.listen(rt.db.engine.sync_engine, "before_cursor_execute", count)
    try:
        stream = export.since(rt.db, record.clinic, START, batch=1)
        first = await anext(stream)
        assert export.kind(first) == "QuestionnaireResponse"
        # The protocols, one check-in, its answers: nothing else has been read yet.
        assert len(statements) == 3, statements
        assert all(" LIMIT " in s for s in statements if "FROM checkin" in s and "JOIN enrolment" in s)
        rest = [r async for r in stream]
    finally:
        event.remove(rt.db.engine.sync_engine, "before_cursor_execute", count)
    assert len(rest) + 1 == len(await _since(rt, record.clinic, START))


async def test_a_resource_that_does_not_fit_says_where_and_never_the_patients_words(
    rt: Runtime, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = await demo_record(rt, clock)
    from fhir.resources.R4B.communication import CommunicationPayload

    from vigil.fhir import messages

    def broken(contentString: str) -> CommunicationPayload:  # a mapping bug, on Walter's words
        if "legs" not in contentString:
            return CommunicationPayload(contentString=contentString)
        return CommunicationPayload(contentString=contentString, contentReference=contentString)

    monkeypatch.setattr(messages, "CommunicationPayload", broken)
    with pytest.raises(export.ShapeError) as raised:
        await _since(rt, record.clinic, START)
    assert "CommunicationPayload.contentReference" in str(raised.value)
    assert "legs" in str(raised.value.__context__), "the library's own error quotes the value"
    assert "legs" not in str(raised.value)
    assert raised.value.__suppress_context__, "the library's error, which quotes the value, is not chained"


async def test_a_message_with_no_words_is_a_communication_without_a_payload(
    rt: Runtime, clock: ManualClock
) -> None:
    record = await demo_record(rt, clock)
    await say(rt, clock, MARIA, "")
    said = [r for r in await _since(rt, record.clinic, clock.now()) if export.kind(r) == "Communication"]
    assert [r.payload for r in said if r.id.startswith("message-in-")] == [None]
