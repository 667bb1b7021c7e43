"""The conversation: keywords, the answer to the pending question, the next question, and
free text at any hour — every inbound text through triage, with the question and context."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from prometheus_client import Counter
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.db import table
from vigil.core.models import OutboundMessage, Patient, to_patient
from vigil.escalation import cases, paging
from vigil.escalation.models import LEVEL_RANK, CaseEvent
from vigil.escalation.triage import Assessment, Level, TriageEngine
from vigil.scheduler import checkins

from .context import Context
from .models import InboundMessage

ASSESSED = Counter("vigil_assessments_total", "Inbound messages assessed, by level", ["level"])

# SMS carriers' keywords too: exact single words, any case.
KEYWORDS = {
    "stop": "stop",
    "stopall": "stop",
    "unsubscribe": "stop",
    "cancel": "stop",
    "end": "stop",
    "quit": "stop",
    "revoke": "stop",
    "optout": "stop",
    "start": "start",
    "unstop": "start",
    "help": "help",
    "info": "help",
    "nurse": "nurse",
    "pause": "pause",
}
PRIORITY_SAFETY = 0
PRIORITY_REPLY = 3
_OUTBOX = insert(table(OutboundMessage))  # built once: most messages are answered
_EVENT = insert(table(CaseEvent))


@dataclass
class Outcome:
    """What handling one message did, for the caller to announce after commit."""

    level: str = "none"
    case_id: int | None = None
    opened: bool = False
    raised: bool = False
    outbox: int = 0
    pages: int = 0
    escalate: bool = False  # the case opened or rose on triage: start its escalation chain
    unasked: list[str] = field(default_factory=list)  # questions a stopped check-in never asked
    topics: set[str] = field(default_factory=set)


def keyword(text: str) -> str | None:
    word = text.strip().strip(".!").lower()
    return KEYWORDS.get(word)


class Conversation:
    def __init__(self, engine: TriageEngine, public_url: str | None = "http://localhost:8000") -> None:
        # None leaves a new case's first page to the next escalation pass instead.
        self.engine = engine
        self.public_url = public_url

    async def _say(
        self,
        session: AsyncSession,
        patient: Patient,
        kind: str,
        text: str,
        now: datetime,
        priority: int,
        out: Outcome,
    ) -> None:
        if patient.status == "opted_out" and kind not in ("info", "safety"):
            # They said STOP: only confirmations and safety advice answer them; the case opens.
            return
        await session.execute(_OUTBOX, to_patient(patient, kind=kind, text=text, now=now, priority=priority))
        out.outbox += 1

    async def handle(
        self, session: AsyncSession, message: InboundMessage, ctx: Context, now: datetime
    ) -> Outcome:
        """Handle a stored message; `ctx` is what this transaction read about its patient."""
        out = await self._handle(session, message, ctx, now)
        if out.case_id is not None and out.escalate and LEVEL_RANK[out.level] >= LEVEL_RANK["urgent"]:
            # Paged in this transaction, after the safety reply is queued: the case, the
            # patient's advice and the first page commit together. (A routine case never
            # pages, and one that just opened already has its empty policy.)
            out.pages = await paging.start(session, out.case_id, out.level, ctx.clinic, now, self.public_url)
        if out.case_id is not None and out.unasked:
            # The nurse should know what the check-in stopped before asking.
            event = {"kind": "checkin_stopped", "at": now, "actor": "system", "channel": message.channel}
            await session.execute(
                _EVENT, {**event, "case_id": out.case_id, "detail": {"unasked": out.unasked}}
            )
        return out

    async def _flag(
        self, session: AsyncSession, ctx: Context, level: str, out: Outcome, **kwargs: Any
    ) -> cases.Flag:
        flagged = await cases.flag(
            session,
            clinic_id=ctx.clinic.id,
            patient_id=ctx.patient.id,
            level=level,
            current=ctx.case,
            **kwargs,
        )
        if flagged.case_id is not None and flagged.level is not None:
            ctx.case = cases.OpenCase(flagged.case_id, flagged.level, LEVEL_RANK[flagged.level])
            out.case_id, out.opened, out.raised = flagged.case_id, flagged.opened, flagged.raised
            out.topics.add(f"clinic:{ctx.clinic.id}")
        return flagged

    async def _handle(
        self, session: AsyncSession, message: InboundMessage, ctx: Context, now: datetime
    ) -> Outcome:
        patient, clinic, pending = ctx.patient, ctx.clinic, ctx.pending
        out = Outcome(topics={f"patient:{patient.id}"})
        question = checkins.current_question(*pending) if pending else None
        result = self.engine.assess(
            message.text,
            question["text"] if question else None,
            patient.context,
            emergency_number=clinic.emergency_number,
        )
        ASSESSED.labels(result.level.label).inc()
        stored = await cases.store_assessment(
            session,
            patient_id=patient.id,
            message_id=message.id,
            question=question["text"] if question else None,
            result=result,
            now=now,
        )
        out.level = result.level.label

        word = keyword(message.text)
        if word is not None and result.level < Level.URGENT:
            await self._keyword(session, word, ctx, now, out)
            return out

        if result.level >= Level.ROUTINE:
            flagged = await self._flag(
                session,
                ctx,
                result.level.label,
                out,
                reasons=result.reasons(),
                now=now,
                channel=message.channel,
                assessment_id=stored,
                message_id=message.id,
            )
            out.escalate = flagged.opened or flagged.raised
        if result.level >= Level.URGENT:
            # The safety reply goes first; the check-in stops so a nurse can take over.
            await self._say(session, patient, "safety", result.advice, now, PRIORITY_SAFETY, out)
            if pending:
                await checkins.record_answer(
                    session,
                    pending[0],
                    pending[1],
                    patient,
                    message.text,
                    _value(question, result),
                    now,
                    stop=True,
                )
                out.unasked = _after(pending[1].questions, question)
            return out
        if pending and question is not None:
            nxt = await checkins.record_answer(
                session, pending[0], pending[1], patient, message.text, _value(question, result), now
            )
            out.outbox += 1 if nxt else 0
            if nxt is None:
                closing = "Thank you, that is everything for this check-in."
                if result.level == Level.ROUTINE or out.case_id:
                    closing += " Your care team will look at your answers."
                closing += (
                    f" If anything gets worse, contact the clinic, or call {clinic.emergency_number}"
                    " in an emergency."
                )
                await self._say(session, patient, "closing", closing, now, PRIORITY_REPLY, out)
            return out
        # Free text outside a check-in.
        if result.level == Level.ROUTINE:
            await self._say(session, patient, "reply", result.advice, now, PRIORITY_REPLY, out)
        else:
            if ctx.case is not None:
                text = (
                    "Thank you, your care team can see this message with your open case. In an "
                    f"emergency call {clinic.emergency_number}."
                )
            else:
                text = (
                    "Thank you for your message. This line is for check-ins and is not watched all "
                    "the time. Reply NURSE if you would like a nurse to contact you. In an emergency "
                    f"call {clinic.emergency_number}."
                )
            await self._say(session, patient, "reply", text, now, PRIORITY_REPLY, out)
        return out

    async def _keyword(
        self, session: AsyncSession, word: str, ctx: Context, now: datetime, out: Outcome
    ) -> None:
        patient, clinic = ctx.patient, ctx.clinic
        number = clinic.emergency_number
        # Taken off the clinic's list: nothing here can turn check-ins back on.
        ended = (
            f"Check-ins from {clinic.name} have ended. If you need the clinic, contact them "
            f"directly. In an emergency call {number}."
        )
        if word == "stop":
            await checkins.stop_open(session, patient.id, now)
            if patient.status != "opted_out":
                patient.status = "opted_out"
                again = "" if patient.discharged_at else " Reply START to turn them back on."
                await self._say(
                    session,
                    patient,
                    "info",
                    f"You will get no more check-ins from {clinic.name}.{again} "
                    f"In an emergency call {number}.",
                    now,
                    PRIORITY_REPLY,
                    out,
                )
        elif word in ("start", "pause", "help") and patient.discharged_at is not None:
            await self._say(session, patient, "info", ended, now, PRIORITY_REPLY, out)
        elif word == "pause":
            await checkins.stop_open(session, patient.id, now)
            patient.status = "paused"
            await self._say(
                session,
                patient,
                "info",
                f"Check-ins are paused. Reply START to turn them back on. In an emergency call {number}.",
                now,
                PRIORITY_REPLY,
                out,
            )
        elif word == "start":
            patient.status = "active"
            if patient.consented_at is None:
                patient.consented_at = now  # START is an explicit yes, as the consent button is
            await self._say(
                session,
                patient,
                "info",
                f"Check-ins from {clinic.name} are on again. Reply STOP to stop them, HELP for help.",
                now,
                PRIORITY_REPLY,
                out,
            )
        elif word == "help":
            await self._say(
                session,
                patient,
                "info",
                f"This is {clinic.name}'s check-in service. Answer our "
                "questions or tell us how you feel at any time. Reply NURSE for a nurse to contact "
                f"you, STOP to stop. In an emergency call {number}.",
                now,
                PRIORITY_REPLY,
                out,
            )
        elif word == "nurse":
            await self._flag(
                session,
                ctx,
                "routine",
                out,
                reasons=[{"concept": "nurse_request", "evidence": "NURSE", "rule": None, "level": "routine"}],
                now=now,
                channel=patient.channel,
            )
            if ctx.case is not None and ctx.case.level_rank >= LEVEL_RANK["urgent"]:
                await self._say(
                    session,
                    patient,
                    "info",
                    "Thank you. A nurse is already looking at your "
                    f"case and will contact you. If it cannot wait, call {number}.",
                    now,
                    PRIORITY_REPLY,
                    out,
                )
                return
            await self._say(
                session,
                patient,
                "info",
                "Thank you. A nurse will contact you, usually on the next "
                f"working day. If it cannot wait, call {number}.",
                now,
                PRIORITY_REPLY,
                out,
            )


def _after(questions: list[dict[str, Any]], question: dict[str, Any] | None) -> list[str]:
    """The texts of the questions after this one (each might have been asked)."""
    keys = [q.get("key") for q in questions]
    if question is None or question.get("key") not in keys:
        return []
    return [str(q.get("text", "")) for q in questions[keys.index(question.get("key")) + 1 :]]


def _value(question: dict[str, Any] | None, result: Assessment) -> float | None:
    """A number for ask_if: a scale answer's score, 1/0 for yes/no."""
    if question is None:
        return None
    concepts = set(question.get("concepts") or ())
    relevant = [f for f in result.findings if f.from_question or f.concept in concepts]
    if question.get("kind") == "scale":
        scores = [f.score for f in relevant if f.score is not None and f.present]
        if scores:
            return float(max(scores))
        return 0.0 if any(not f.present for f in relevant) else None
    if question.get("kind") == "yes_no":
        if any(f.present for f in relevant):
            return 1.0
        if relevant:
            return 0.0
    return None
