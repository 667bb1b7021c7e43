"""Reading cases, events and transcripts for the API and the pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.bot.models import InboundMessage
from vigil.clinic import carers
from vigil.core.models import Carer, OutboundMessage, Patient, Staff
from vigil.escalation.models import LEVEL_RANK, Assessment, Case, CaseEvent, CaseReason
from vigil.scheduler.models import Enrolment, Protocol
from vigil.scheduler.scores import scale_series

from .charts import charts

CASE_STATUSES = ("open", "acknowledged", "resolved")
NAMED = ("recipient", "previous_owner")  # event details that hold a staff email


def iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


async def _emails(session: AsyncSession, ids: set[int]) -> dict[int, Staff]:
    if not ids:
        return {}
    rows = await session.scalars(select(Staff).where(Staff.id.in_(ids)))
    return {s.id: s for s in rows}


async def list_cases(
    session: AsyncSession, clinic_id: int, statuses: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Cases most urgent first, then oldest first."""
    rows = (
        await session.execute(
            select(Case, Patient)
            .join(Patient, Patient.id == Case.patient_id)
            .where(Case.clinic_id == clinic_id, Case.status.in_(statuses))
            .order_by(Case.level_rank.desc(), Case.opened_at, Case.id)
        )
    ).all()
    if not rows:
        return []
    case_ids = [c.id for c, _ in rows]
    reasons: dict[int, list[CaseReason]] = {}
    for r in await session.scalars(
        select(CaseReason).where(CaseReason.case_id.in_(case_ids)).order_by(CaseReason.id)
    ):
        reasons.setdefault(r.case_id, []).append(r)
    staff = await _emails(session, {i for c, _ in rows for i in (c.acknowledged_by_id, c.claimed_by_id) if i})
    # Red-flag questions nobody answered: the queue shows them, the nurse may want to call.
    unanswered: dict[int, list[str]] = {}
    for case_id, detail in await session.execute(
        select(CaseEvent.case_id, CaseEvent.detail).where(
            CaseEvent.case_id.in_(case_ids), CaseEvent.kind == "follow_up_unanswered"
        )
    ):
        unanswered.setdefault(case_id, []).append(str((detail or {}).get("family", "")))
    out = [case_dict(c, p, reasons.get(c.id, []), staff) for c, p in rows]
    last = await _last_events(session, case_ids)
    for case in out:
        # When it reached its present level: it opened there, or last rose to it.
        since = max((at for k in ("opened", "raised") if (at := last.get((case["id"], k)))), default=None)
        case["questions_unanswered"] = unanswered.get(case["id"], [])
        case["level_since"] = iso(since) or case["opened_at"]
        skipped, paged = last.get((case["id"], "tier_skipped")), last.get((case["id"], "paged"))
        case["nobody_paged"] = case["status"] == "open" and unpaged(skipped, paged, since)
    return out


async def _last_events(session: AsyncSession, case_ids: list[int]) -> dict[tuple[int, str], datetime]:
    """When each case last opened, rose, paged and skipped a tier: one read for the queue."""
    rows = await session.execute(
        select(CaseEvent.case_id, CaseEvent.kind, func.max(CaseEvent.at))
        .where(
            CaseEvent.case_id.in_(case_ids), CaseEvent.kind.in_(("opened", "raised", "paged", "tier_skipped"))
        )
        .group_by(CaseEvent.case_id, CaseEvent.kind)
    )
    return {(int(c), str(k)): at for c, k, at in rows.all() if at is not None}


def unpaged(skipped: datetime | None, paged: datetime | None, reached: datetime | None) -> bool:
    """The last pass over the chain, at the case's present level, skipped a tier and paged no
    one: a tier skipped and the next one paged in the same pass is a page."""
    if skipped is None or (reached is not None and skipped < reached):
        return False
    return paged is None or paged < skipped


def case_dict(
    case: Case, patient: Patient, reasons: list[CaseReason], staff: dict[int, Staff]
) -> dict[str, Any]:
    def email(staff_id: int | None) -> str | None:
        return staff[staff_id].email if staff_id is not None and staff_id in staff else None

    def name(staff_id: int | None) -> str | None:
        return staff[staff_id].name if staff_id is not None and staff_id in staff else None

    return {
        "id": case.id,
        "patient": {
            "external_id": patient.external_id,
            "name": patient.name,
            "channel": patient.channel,
            "language": patient.language or "en",  # whoever calls back speaks it, or finds help
            "status": patient.status,  # "unreachable" or "opted_out": the nurse has to call
            "discharged": patient.discharged_at is not None,  # no longer on the clinic's list
            "phone": patient.phone,  # the safety advice promised a call
            "context": patient.context or {},  # why a finding counted as it did
        },
        "level": case.level,
        "status": case.status,
        "opened_at": iso(case.opened_at),
        "acknowledged_at": iso(case.acknowledged_at),
        "acknowledged_by": email(case.acknowledged_by_id),
        "acknowledged_by_name": name(case.acknowledged_by_id),
        "claimed_by": email(case.claimed_by_id),
        "claimed_by_name": name(case.claimed_by_id),
        "claimed_at": iso(case.claimed_at),
        "resolved_at": iso(case.resolved_at),
        "disposition": case.disposition,
        "note": case.note,
        "reasons": [
            {
                "concept": r.concept,
                "evidence": r.evidence,
                "rule": r.rule,
                "level": r.level,
                "message_id": r.message_id,
                "start": r.start,
                "end": r.end,
                "at": iso(r.at),
                **({"trend": r.trend} if r.trend else {}),
            }
            # the reasons that set the level first, so a short list shows them
            for r in sorted(reasons, key=lambda r: -LEVEL_RANK.get(r.level, 0))
        ],
    }


async def staff_names(session: AsyncSession, clinic_id: int, emails: set[str]) -> dict[str, str]:
    """The names of the clinic's staff with these emails (whoever else is left out)."""
    wanted = {e for e in emails if "@" in e}
    if not wanted:
        return {}
    rows = await session.execute(
        select(Staff.email, Staff.name).where(Staff.clinic_id == clinic_id, Staff.email.in_(wanted))
    )
    return {str(email): str(name) for email, name in rows.all()}


async def case_detail(session: AsyncSession, clinic_id: int, case_id: int) -> dict[str, Any] | None:
    row = (
        await session.execute(
            select(Case, Patient)
            .join(Patient, Patient.id == Case.patient_id)
            .where(Case.id == case_id, Case.clinic_id == clinic_id)
        )
    ).first()
    if row is None:
        return None
    case, patient = row
    reasons = list(
        await session.scalars(select(CaseReason).where(CaseReason.case_id == case.id).order_by(CaseReason.id))
    )
    staff = await _emails(session, {i for i in (case.acknowledged_by_id, case.claimed_by_id) if i})
    out = case_dict(case, patient, reasons, staff)
    events = list(
        await session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.at, CaseEvent.id)
        )
    )
    # Staff are named on the page; events keep the email they were written with (the API's).
    emails = {e.actor for e in events} | {str(e.detail[k]) for e in events for k in NAMED if e.detail.get(k)}
    names = await staff_names(session, clinic_id, emails)
    if any(e.actor.startswith("carer:") for e in events):
        # A carer's message moved the case: name them as the transcript does, "Ana (daughter)".
        of_patient = await session.scalars(select(Carer).where(Carer.patient_id == patient.id))
        names.update({f"carer:{c.id}": c.label for c in of_patient})
    out["events"] = [
        {
            "kind": e.kind,
            "at": iso(e.at),
            "actor": e.actor,
            "actor_name": names.get(e.actor, e.actor),
            "channel": e.channel,
            "detail": e.detail,
            **{k: v for k, v in e.detail.items() if k in ("recipient", "tier")},
            **{f"{k}_name": names.get(str(v), v) for k, v in e.detail.items() if k in NAMED},
        }
        for e in events
    ]
    resolved = [e for e in out["events"] if e["kind"] == "resolved"]
    out["resolved_by"] = resolved[-1]["actor"] if resolved and case.status == "resolved" else None
    out["resolved_by_name"] = resolved[-1]["actor_name"] if resolved and case.status == "resolved" else None
    out["messages"] = await transcript(session, patient.id)
    inbound = {m["id"]: m for m in out["messages"] if m["direction"] == "in"}
    _sources(out["reasons"], inbound)
    _answers(out["events"], inbound)

    def last(kinds: tuple[str, ...]) -> datetime | None:
        return max((e.at for e in events if e.kind in kinds), default=None)

    out["nobody_paged"] = case.status == "open" and unpaged(
        last(("tier_skipped",)), last(("paged",)), last(("opened", "raised"))
    )
    return out


def _answers(events: list[dict[str, Any]], inbound: dict[Any, dict[str, Any]]) -> None:
    """A red-flag question answered neither yes nor no shows the answer the patient wrote."""
    for e in events:
        if e["kind"] == "follow_up_unanswered" and e["detail"].get("message_id") in inbound:
            e["answer"] = inbound[e["detail"]["message_id"]]["text"]


def _sources(reasons: list[dict[str, Any]], inbound: dict[Any, dict[str, Any]]) -> None:
    """Each reason names the message it came from (`inbound`: the transcript's messages in, by
    id), with its evidence's place in that text."""
    for r in reasons:
        m = inbound.get(r.get("message_id"))
        if m is None:
            continue
        text: str = m["text"]
        start, end, evidence = r.get("start"), r.get("end"), r.get("evidence") or ""
        if not (isinstance(start, int) and isinstance(end, int) and text[start:end] == evidence and evidence):
            # Offsets of another reading of the text: find the evidence itself, if it is there.
            found = text.find(evidence) if evidence else -1
            start, end = (found, found + len(evidence)) if found >= 0 else (None, None)
        r["message"] = {
            "id": m["id"],
            "at": m["at"],
            "channel": m["channel"],
            "from": m["from"],
            "question": m.get("question"),
            "text": text,
            "highlights": [] if start is None else [{"start": start, "end": end}],
        }


async def score_charts(session: AsyncSession, patient: Patient) -> list[dict[str, Any]]:
    """The patient's 0-10 answers over time, a chart per concept."""
    from vigil.core.models import Clinic

    found = select(Clinic.trend_baseline_default).where(Clinic.id == patient.clinic_id)
    default = await session.scalar(found)
    return charts(await scale_series(session, patient.id), default)


async def patient_detail(session: AsyncSession, clinic_id: int, patient_id: int) -> dict[str, Any] | None:
    """A patient of this clinic: who, their status and protocols, their open case, their scores."""
    patient = await session.get(Patient, patient_id)
    if patient is None or patient.clinic_id != clinic_id:
        return None
    protocols = await session.scalars(
        select(Protocol.name)
        .join(Enrolment, Enrolment.protocol_id == Protocol.id)
        .where(Enrolment.patient_id == patient.id, Enrolment.active.is_(True))
        .order_by(Protocol.name)
    )
    case = (
        await session.execute(
            select(Case.id, Case.level).where(Case.patient_id == patient.id, Case.status != "resolved")
        )
    ).first()
    return {
        "id": patient.id,
        "external_id": patient.external_id,
        "name": patient.name,
        "channel": patient.channel,
        "phone": patient.phone,  # an urgent call-back starts here
        "status": patient.status,
        "discharged": patient.discharged_at is not None,
        "context": patient.context or {},
        "protocols": list(protocols),
        "open_case": {"id": case.id, "level": case.level} if case is not None else None,
        "charts": await score_charts(session, patient),
        "carers": [carers.describe(c) for c in await carers.of_patient(session, patient.id)],
    }


async def transcript(session: AsyncSession, patient_id: int) -> list[dict[str, Any]]:
    """The patient's messages both ways, oldest first, with triage evidence on inbound ones."""
    inbound = (
        await session.execute(
            select(InboundMessage, Assessment)
            .outerjoin(Assessment, Assessment.message_id == InboundMessage.id)
            .where(InboundMessage.patient_id == patient_id)
        )
    ).all()
    outbound = list(
        await session.scalars(select(OutboundMessage).where(OutboundMessage.patient_id == patient_id))
    )
    senders = await _emails(session, {o.staff_id for o in outbound if o.staff_id is not None})
    # Who wrote each message, and whom each answer went to: the patient, or one of their carers.
    carers = {c.id: c for c in await session.scalars(select(Carer).where(Carer.patient_id == patient_id))}

    def writer(carer_id: int | None) -> dict[str, Any]:
        carer = carers.get(carer_id) if carer_id is not None else None
        if carer is None:
            return {"kind": "patient"}
        return {
            "kind": "carer",
            "id": carer.id,
            "name": carer.name,
            "relationship": carer.relationship,
            "label": carer.label,
        }

    items: list[tuple[datetime, int, dict[str, Any]]] = []
    for m, a in inbound:
        items.append(
            (
                m.received_at,
                0,
                {
                    "id": m.id,
                    "direction": "in",
                    "text": m.text,
                    "at": iso(m.received_at),
                    "channel": m.channel,
                    "from": writer(m.carer_id),
                    "status": "processed" if m.processed_at else "received",
                    "level": a.level if a else None,
                    # the check-in or red-flag question it answered: a bare "yes" means nothing alone
                    "question": a.question if a else None,
                    "highlights": [
                        {"start": f["start"], "end": f["end"], "concept": f["concept"]}
                        for f in (a.findings if a else [])
                        if not f.get("negated") and not f.get("from_question")
                    ],
                },
            )
        )
    for o in outbound:
        items.append(
            (
                o.created_at,
                1,
                {
                    "id": o.id,
                    "direction": "out",
                    "text": o.text,
                    "at": iso(o.created_at),
                    "channel": o.channel,
                    "to": writer(o.carer_id),
                    "status": o.status,
                    "kind": o.kind,
                    # A nurse's reply names the nurse (by name: emails are for the API's actors).
                    **({"sent_by": senders[o.staff_id].name} if o.staff_id in senders else {}),
                    # Fixed answers offered with it (Telegram shows them as buttons).
                    "buttons": [label for row in o.buttons or () for label, _ in row],
                },
            )
        )
    items.sort(key=lambda t: (t[0], t[1], t[2]["id"]))
    return [i for _, _, i in items]


async def oncall_summary(session: AsyncSession, clinic_id: int, now: datetime) -> list[dict[str, Any]]:
    """Who is on call now and next, per rotation."""
    from vigil.core.models import Clinic
    from vigil.escalation.oncall import Oncall, next_on_call, on_call
    from vigil.escalation.paging import _overrides

    clinic = await session.get(Clinic, clinic_id)
    if clinic is None:
        return []
    overrides = await _overrides(session, clinic_id, now)
    people = {s.email: s for s in await session.scalars(select(Staff).where(Staff.clinic_id == clinic_id))}

    def who(shift: Any) -> dict[str, Any] | None:
        if shift is None:
            return None
        staff = people.get(shift.email)
        return {
            "email": shift.email,
            "name": staff.name if staff else shift.email,
            "from": iso(shift.starts_at),
            "until": iso(shift.ends_at),
            "override": shift.override,
        }

    out = []
    for rotation in Oncall.of(clinic.oncall).rotations:
        out.append(
            {
                "key": rotation.key,
                "now": who(on_call(rotation, clinic.timezone, now, overrides)),
                "next": who(next_on_call(rotation, clinic.timezone, now, overrides)),
            }
        )
    return out


async def list_overrides(session: AsyncSession, clinic_id: int, now: datetime) -> list[dict[str, Any]]:
    """Cover set by admins that has not ended yet, soonest first."""
    from vigil.escalation.models import OncallOverride

    rows = await session.execute(
        select(OncallOverride, Staff)
        .join(Staff, Staff.id == OncallOverride.staff_id)
        .where(OncallOverride.clinic_id == clinic_id, OncallOverride.ends_at > now)
        .order_by(OncallOverride.starts_at, OncallOverride.id)
    )
    return [
        {
            "id": o.id,
            "rotation": o.rotation_key,
            "email": s.email,
            "name": s.name,
            "starts_at": iso(o.starts_at),
            "ends_at": iso(o.ends_at),
            "created_by": o.created_by,
        }
        for o, s in rows.all()
    ]
