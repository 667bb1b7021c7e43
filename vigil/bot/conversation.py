"""The conversation: keywords, the answer to the pending question, the next question, and
free text at any hour — every inbound text through triage, with the question and context."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from prometheus_client import Counter
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from vigil.core.audit import audit, patient_did
from vigil.core.db import table
from vigil.core.models import OutboundMessage, to_writer
from vigil.escalation import cases, paging, requests
from vigil.escalation.models import LEVEL_RANK, CaseEvent
from vigil.escalation.triage import Assessment, Finding, Level, TriageEngine, engines
from vigil.escalation.triage.conversation import ConversationReader, Message, Reading
from vigil.escalation.triage.texts import say
from vigil.scheduler import checkins
from vigil.scheduler.questions import question_text

from . import enrolment, followups, trends
from .context import Context, earlier_messages
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
    # Spanish, as carriers and patients use them; English ones work for every patient.
    "parar": "stop",
    "alto": "stop",
    "cancelar": "stop",
    "baja": "stop",
    "comenzar": "start",
    "inicio": "start",
    "ayuda": "help",
    "enfermera": "nurse",
    "enfermero": "nurse",
    "pausa": "pause",
}
PRIORITY_SAFETY = 0
PRIORITY_REPLY = 3
_OUTBOX = insert(table(OutboundMessage))  # built once: most messages are answered
_EVENT = insert(table(CaseEvent))
CARER = {"writer": "carer"}  # a message's own context for triage: one of the patient's carers wrote it


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
    said_since: int = 0  # the first message of the conversation sent in the last day


def keyword(text: str) -> str | None:
    word = text.strip().strip(".!").lower()
    return KEYWORDS.get(word)


class Conversation:
    def __init__(self, engine: TriageEngine, public_url: str | None = "http://localhost:8000") -> None:
        # None leaves a new case's first page to the next escalation pass instead.
        self.engine = engine
        self.reader = ConversationReader(engine)
        self.public_url = public_url

    async def _read(
        self, session: AsyncSession, message: InboundMessage, ctx: Context, question: str | None
    ) -> tuple[Reading, list[int], list[datetime]]:
        """The patient after this message, read with their earlier ones in the clinic's window."""
        window = timedelta(hours=ctx.clinic.conversation_window_hours or 48)
        at = message.received_at
        earlier = await earlier_messages(session, ctx.patient.id, message.id, at - window, at)
        # What a carer wrote is about the patient: triage is told who wrote each message.
        messages = [Message(e.text, e.at, e.question, CARER if e.carer_id else None) for e in earlier]
        messages.append(Message(message.text, at, question, CARER if ctx.carer is not None else None))
        language = ctx.language
        if language != "en" or any(engines.languages_of(m.text, language) != ("en",) for m in messages):
            # Another language than English, or mixed, as bilingual people write: each
            # message is read in the language(s) it is written in (triage/engines.py); a 0-10
            # answer is judged against the patient's earlier ones in the patient's language.
            speaks = engines.engine(language) if language in engines.available() else self.engine
            judged = await trends.judged(session, speaks, ctx, message.text, at)
            reading = engines.read_conversation(
                messages,
                ctx.patient.context,
                language,
                window=window,
                emergency_number=ctx.clinic.emergency_number,
                last={language: judged} if judged is not None else None,
            )
        else:
            # A 0-10 answer is read against the patient's earlier ones (TRIAGE.md, "Reading
            # across weeks").
            last = await trends.judged(session, self.engine, ctx, message.text, at)
            reading = self.reader.read(
                messages,
                ctx.patient.context,
                window=window,
                emergency_number=ctx.clinic.emergency_number,
                singles=[*([None] * len(earlier)), last],
            )
        return reading, [e.id for e in earlier] + [message.id], [m.at for m in messages]

    async def _changed(
        self,
        session: AsyncSession,
        case_id: int,
        reading: Reading,
        ids: list[int],
        message: InboundMessage,
        now: datetime,
        actor: str,
    ) -> None:
        """A later message took back or resolved an earlier finding: the case keeps its level,
        and the nurse sees what changed."""
        for change in reading.changes:
            detail = {
                "concept": change.concept,
                "status": "other_person" if change.status == "other" else change.status,
                "message_id": ids[change.message],
                "by_message_id": ids[change.by],
            }
            await session.execute(
                _EVENT,
                {
                    "case_id": case_id,
                    "kind": "finding_changed",
                    "at": now,
                    "actor": actor,
                    "channel": message.channel,
                    "detail": detail,
                },
            )

    async def _nurse_again(
        self,
        session: AsyncSession,
        ctx: Context,
        channel: str,
        now: datetime,
        out: Outcome,
        *,
        urgent: bool,
        repeat: bool,
    ) -> None:
        """A nurse asked for while the case is open: say what is true now, and page again.
        `repeat`: they had asked on this case before (only then does the reply say "again")."""
        assert ctx.case is not None
        number = ctx.clinic.emergency_number
        done = await requests.nurse_requested(
            session,
            ctx.case.id,
            ctx.clinic,
            now,
            self.public_url,
            channel,
            urgent=urgent,
            actor=_actor(ctx, "patient"),
        )
        if done is None:
            return
        out.pages += done.pages
        out.case_id = ctx.case.id
        out.topics.add(f"clinic:{ctx.clinic.id}")
        lang = ctx.language
        if done.held_by:
            status = say("nurse_held" if repeat else "nurse_held_first", lang, nurse=done.held_by)
        elif done.pages:
            status = say("nurse_paged", lang)
        else:
            status = say("nurse_waiting", lang)
        if done.level == "emergency":  # told to call already: nothing here may read as "wait"
            text = say("nurse_again_emergency", lang, status=status, emergency_number=number)
        else:
            level = say(f"level_{done.level}", lang)
            text = say("nurse_again", lang, level=level, status=status, emergency_number=number)
        await self._say(session, ctx, "info", text, now, PRIORITY_REPLY, out)

    def _render(self, ctx: Context, level: Level, rules: list[str]) -> str:
        """The advice for a level and rules, in the patient's language."""
        lang = ctx.language
        speaks = engines.engine(lang) if lang in engines.available() else self.engine
        return speaks.render_advice(level, rules, emergency_number=ctx.clinic.emergency_number)

    @staticmethod
    async def _truthful(session: AsyncSession, ctx: Context, level: Level, advice: str, now: datetime) -> str:
        """The advice with what happens now: a case at this level pages the clinic's chain for
        it (docs/design.md), so "we have alerted the nurse" is said only where that chain
        reaches someone now, and no promise names an hour the nurse may not keep (it is 23:00
        somewhere)."""
        if level < Level.URGENT or not advice:
            return advice
        # A case already open at this level that has paged someone needs no more asking (the
        # busiest path: more on an open emergency); one that has paged nobody asks again.
        case = ctx.case
        paged = case is not None and case.paged and LEVEL_RANK[case.level] >= LEVEL_RANK[level.label]
        chain = paging.policy_for(ctx.clinic, level.label)
        if chain and (paged or await paging.reachable(session, ctx.clinic, level.label, now)):
            status = say(f"paged_{level.label}", ctx.language)
        else:
            status = say(f"unpaged_{level.label}", ctx.language)
        return f"{advice} {status}".strip()

    async def _say(
        self,
        session: AsyncSession,
        ctx: Context,
        kind: str,
        text: str,
        now: datetime,
        priority: int,
        out: Outcome,
    ) -> None:
        """Answer whoever wrote: the patient, or the carer who wrote for them."""
        carer = ctx.carer
        stopped = carer.opted_out_at is not None if carer is not None else ctx.patient.status == "opted_out"
        if stopped and kind not in ("info", "safety"):
            # They said STOP: only confirmations and safety advice answer them; the case opens.
            return
        row = to_writer(ctx.patient, carer, kind=kind, text=text, now=now, priority=priority)
        await session.execute(_OUTBOX, row)
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
            actor = _actor(ctx, "system")
            event = {"kind": "checkin_stopped", "at": now, "actor": actor, "channel": message.channel}
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
            actor=_actor(ctx, "system"),
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
        if (
            question is not None
            and ctx.carer is None
            and await followups.to_the_nurse(session, patient, message)
        ):
            question = None  # the check-in's question waits for its own answer
        # A check-in question comes first; a follow-up question waits for it to close.
        follow_up = ctx.follow_up if question is None else None
        if follow_up is not None and follow_up.due_at <= message.received_at:
            follow_up = None  # written after the question lapsed: not an answer in time
        if question is None and follow_up is None:
            # A bare yes or no after the question lapsed, with nothing newer sent since, still
            # answers it ("sí" an hour after "are your legs weak?").
            follow_up = await followups.late_answer(
                session, patient, ctx.carer, message.text, message.received_at, now
            )
        lang = patient.language or "en"
        # Triage reads the answer with the question as the patient was asked it.
        asked = question_text(question, lang) if question else (follow_up.question if follow_up else None)
        reading, ids, times = await self._read(session, message, ctx, asked)
        # What the patient said in the last day answers a red-flag question; older words do not.
        out.said_since = next((i for i, t in enumerate(times) if t >= now - followups.DAY), len(times))
        result = reading.last
        # What the open case stands for: a nurse has dealt with the findings of a case they
        # resolved, which still sit in the window (docs/design.md, "What a reply may say").
        held = Level[ctx.case.level.upper()] if ctx.case is not None else Level.NONE
        level = reading.level
        fresh = set(reading.assessment.rules) - set(reading.before.rules)
        # A rule this message completed with findings of a resolved case is news to the nurse:
        # the earlier findings kept the conversation's level up, so it never "rose".
        renewed = max((reading.assessment.rule_levels[r] for r in fresh), default=Level.NONE)
        renewed = renewed if renewed > max(level, held) else Level.NONE
        level = max(level, renewed)
        ASSESSED.labels(level.label).inc()
        # A message that completed a rule with earlier ones is stored at the level it raised the
        # case to, with the rules it completed (its own findings are still its own): the
        # transcript must not badge "my foot feels dead" ROUTINE on an emergency case.
        completed = (reading.rose or renewed > Level.NONE) and level > result.level
        stored = await cases.store_assessment(
            session,
            patient_id=patient.id,
            message_id=message.id,
            question=asked,
            result=replace(result, level=level, rules=reading.assessment.rules) if completed else result,
            now=now,
        )
        out.level = level.label
        if reading.changes and ctx.case is not None:
            await self._changed(session, ctx.case.id, reading, ids, message, now, _actor(ctx, "patient"))
        if (
            follow_up is not None
            and reading.changes
            and not followups.still_shown(lang, follow_up.family, reading.assessment.findings)
        ):
            # "sorry, ignore that, wrong chat": what started the round is taken back, so its
            # questions stop, and this message is no answer to them.
            await followups.stop_family(session, patient.id, follow_up.family, now)
            follow_up = None

        word = keyword(message.text)
        if word is not None and level < Level.URGENT:
            await self._keyword(session, word, ctx, now, out, said=message.text.strip())
            return out
        if await self._consent(session, message, ctx, level, question is None and follow_up is None, now):
            out.outbox += 1  # the thanks, or the confirmation of the opt-out
            return out

        advised = result.level
        if reading.rose and result.level <= reading.assessment.level:
            # This message completed a rule with earlier ones: the pooled reasons, each naming
            # its message, and the conversation's advice.
            reasons = [_with_message(r, ids) for r in reading.assessment.reasons()]
            advice, advised = reading.assessment.advice, reading.assessment.level
        else:
            reasons, advice = result.reasons(), result.advice
            # A rule this message completed with earlier ones, the level unchanged ("and my
            # back is sore" after weak legs): the case must still name it, and its messages.
            if fresh:
                every = reading.assessment.reasons()
                reasons += [_with_message(r, ids) for r in every if r["rule"] in fresh]
            # Told to call the emergency number an hour ago, a milder red flag now must not
            # read as "a nurse will contact you": the advice of the case still open stands. A
            # case a nurse resolved stands for nothing: what it was about has been dealt with.
            standing = max(renewed, min(reading.assessment.level, held))
            if standing > result.level:
                advised = standing
                if standing == reading.assessment.level:
                    advice = reading.assessment.advice
                else:
                    rules = [r for r in fresh if reading.assessment.rule_levels[r] == standing]
                    advice = self._render(ctx, standing, rules)
        advice = await self._truthful(session, ctx, advised, advice, now)
        nurse = _nurse_request(result)
        # Read before this message's own request joins the case.
        case_id = ctx.case.id if ctx.case is not None else None
        repeat = nurse is not None and case_id is not None and await requests.asked_before(session, case_id)
        if level >= Level.ROUTINE:
            flagged = await self._flag(
                session,
                ctx,
                level.label,
                out,
                reasons=reasons,
                now=now,
                channel=message.channel,
                assessment_id=stored,
                message_id=message.id,
            )
            out.escalate = flagged.opened or flagged.raised
            # On an open case, or urgently ("I need to speak to someone urgently") on a new
            # one: never "the next working day", and on call hears of it.
            again = nurse is not None and (nurse or not (flagged.opened or flagged.raised))
            if again and level < Level.URGENT:
                await self._nurse_again(
                    session, ctx, message.channel, now, out, urgent=bool(nurse), repeat=repeat
                )
                return out
        if level >= Level.EMERGENCY:
            # They must call now: questions would only delay them.
            await followups.stop(session, patient.id, now, "emergency")
        if level >= Level.URGENT:
            # The safety reply goes first; the check-in stops so a nurse can take over.
            await self._say(session, ctx, "safety", advice, now, PRIORITY_SAFETY, out)
            if pending:
                await checkins.record_answer(
                    session,
                    pending[0],
                    pending[1],
                    patient,
                    message.text,
                    _value(question, result),
                    now,
                    say=say,
                    stop=True,
                )
                if pending[0].status == "stopped":  # else that was its last question
                    out.unasked = _after(pending[1].questions, question)
            if level < Level.EMERGENCY:
                # Urgent is not yet the worst: the red-flag questions may find an emergency.
                await self._offer(session, ctx, reading, now, out, wait=False)
                if follow_up is not None:
                    out.outbox += await followups.answered(session, patient, clinic, follow_up.id, now)
            return out
        lang = ctx.language
        if pending and question is not None:
            nxt = await checkins.record_answer(
                session, pending[0], pending[1], patient, message.text, _value(question, result), now, say=say
            )
            out.outbox += 1 if nxt else 0
            if nxt is None:
                closing = say("checkin_done", lang)
                if level == Level.ROUTINE or out.case_id:
                    closing += say("checkin_done_seen", lang)
                closing += say("checkin_done_tail", lang, emergency_number=clinic.emergency_number)
                await self._say(session, ctx, "closing", closing, now, PRIORITY_REPLY, out)
            # Red-flag questions wait for the check-in to close (at the latest when it expires),
            # then follow it.
            until = pending[0].expires_at
            await self._offer(session, ctx, reading, now, out, wait=nxt is not None, until=until)
            if nxt is None:
                pooled = reading.assessment
                said = _said(pooled, out.said_since)
                out.outbox += await followups.resume(session, patient, now, said, pooled.context)
            return out
        if follow_up is not None:
            # An answer to a red-flag question: the next one, or thanks. Families the answer
            # shows wait for this round to end.
            await self._offer(session, ctx, reading, now, out, wait=True)
            if not result.findings:
                # "not sure", "no sé": neither yes nor no; the nurse sees the question unanswered.
                await followups.unclear(session, patient, follow_up.id, now, message.id)
            out.outbox += await followups.answered(session, patient, clinic, follow_up.id, now)
            return out
        # Free text outside a check-in.
        if result.other_person_level >= Level.URGENT:
            # "my husband is coughing up blood": no case for the patient, but the writer must
            # hear at once to call for that person.
            known = lang in engines.available()
            speaks = engines.engine(lang) if known else self.engine
            words = speaks.other_person_advice(emergency_number=clinic.emergency_number)
            await self._say(session, ctx, "safety", words, now, PRIORITY_SAFETY, out)
        if level == Level.ROUTINE:
            await self._say(session, ctx, "reply", advice, now, PRIORITY_REPLY, out)
            await self._offer(session, ctx, reading, now, out, wait=False)
        elif await self._offer(session, ctx, reading, now, out, wait=False):
            pass  # the question is the answer
        elif result.other_person_level >= Level.URGENT:
            pass  # the advice to call for them is the answer
        else:
            if ctx.case is not None:
                text = say("with_open_case", lang, emergency_number=clinic.emergency_number)
            else:
                text = say("not_watched", lang, emergency_number=clinic.emergency_number)
            await self._say(session, ctx, "reply", text, now, PRIORITY_REPLY, out)
        return out

    async def _offer(
        self,
        session: AsyncSession,
        ctx: Context,
        reading: Reading,
        now: datetime,
        out: Outcome,
        *,
        wait: bool,
        until: datetime | None = None,
    ) -> int:
        """Ask the red-flag questions of the families this message shows (TRIAGE.md); `until`:
        when the open check-in they wait behind expires."""
        pooled = reading.assessment
        if pooled.level >= Level.EMERGENCY or (ctx.case is not None and ctx.case.level == "emergency"):
            return 0  # never after an emergency: they have been told to call
        said = _said(pooled, out.said_since)
        shown = reading.last.findings
        sent = await followups.offer(
            session, ctx.patient, shown, said, pooled.context, now, wait=wait, until=until, carer=ctx.carer
        )
        out.outbox += sent
        return sent

    async def _consent(
        self,
        session: AsyncSession,
        message: InboundMessage,
        ctx: Context,
        level: Level,
        unasked: bool,
        now: datetime,
    ) -> bool:
        """A typed YES or NO from the patient, with no question of ours open, answers the
        consent question or the opt-in notice (read by triage first, like every message).
        A NO opts out as STOP does."""
        patient = ctx.patient
        if ctx.carer is not None or not unasked or level >= Level.URGENT:
            return False
        agreed = enrolment.answer(message.text)
        if agreed is None or not await enrolment.answers_now(session, patient):
            return False
        if not agreed:
            await followups.stop(session, patient.id, now)
        return await enrolment.consent(session, patient, agreed, now)

    async def _keyword(
        self, session: AsyncSession, word: str, ctx: Context, now: datetime, out: Outcome, *, said: str = ""
    ) -> None:
        patient, clinic = ctx.patient, ctx.clinic
        lang = ctx.language
        values = {"clinic": clinic.name, "emergency_number": clinic.emergency_number}

        async def info(key: str, **more: str) -> None:
            text = say(key, lang, **values, **more)
            await self._say(session, ctx, "info", text, now, PRIORITY_REPLY, out)

        as_said = said[:40]  # the keyword as they wrote it, for the case's events and the audit log
        if ctx.carer is not None and word in ("stop", "start", "pause", "help"):
            # A carer's keywords are about the carer: STOP stops only them, and the patient
            # keeps their check-ins. (NURSE is for the patient, from whoever asks.)
            carer = ctx.carer

            def carer_did(action: str) -> None:
                # Consent to be texted is the carer's own: when they gave or took it back is kept.
                audit(
                    session,
                    at=now,
                    actor=f"carer:{carer.id}",
                    action=action,
                    subject_type="carer",
                    subject_id=carer.id,
                    clinic_id=patient.clinic_id,
                    channel=patient.channel,
                    keyword=as_said,
                )

            if word == "stop" and carer.opted_out_at is None:
                carer.opted_out_at = now
                await followups.stop_carer(session, carer.id, now)
                carer_did("opted_out")
                await info("carer_stop")
            elif word == "start" and carer.opted_out_at is not None:
                carer.opted_out_at = None
                carer_did("opted_in")
                await info("carer_start")
            elif word in ("help", "pause", "start"):
                await info("carer_help")
            return

        async def tell_case(kind: str) -> None:
            # Whoever holds the open case must know that texting them has stopped (or restarted)
            # before they write: the case page's events are where they look.
            if ctx.case is not None:
                event = {"kind": kind, "at": now, "actor": "patient", "channel": patient.channel}
                detail = {"keyword": as_said}
                await session.execute(_EVENT, {**event, "case_id": ctx.case.id, "detail": detail})

        def patient_said(action: str) -> None:
            # When and how a patient stopped or restarted texting is the record of their consent.
            patient_did(session, patient, action, at=now, channel=patient.channel, keyword=as_said)

        if word in ("stop", "pause"):
            await followups.stop(session, patient.id, now)
        if word == "stop":
            await checkins.stop_open(session, patient.id, now)
            if patient.status != "opted_out":
                patient.status = "opted_out"
                await tell_case("opted_out")
                patient_said("opted_out")
                again = "" if patient.discharged_at else say("keyword_stop_again", lang)
                await info("keyword_stop", again=again)
        elif word in ("start", "pause", "help") and patient.discharged_at is not None:
            # Taken off the clinic's list: nothing here can turn check-ins back on.
            await info("keyword_ended")
        elif word == "pause":
            await checkins.stop_open(session, patient.id, now)
            if patient.status != "paused":
                await tell_case("paused")
                patient_said("paused")
            patient.status = "paused"
            await info("keyword_pause")
        elif word == "start":
            if patient.status in ("opted_out", "paused"):
                await tell_case("opted_in")
            if patient.status != "active":
                patient_said("opted_in")
            patient.status = "active"
            if patient.consented_at is None:
                patient.consented_at = now  # START is an explicit yes, as the consent button is
            patient.consent_owed_at = None  # and it came from this very number
            await info("keyword_start")
        elif word == "help":
            await info("keyword_help")
        elif word == "nurse":
            had_case = ctx.case is not None
            repeat = ctx.case is not None and await requests.asked_before(session, ctx.case.id)
            await self._flag(
                session,
                ctx,
                "routine",
                out,
                # the word as they wrote it ("ENFERMERA", "nurse please"), not our keyword's name
                reasons=[
                    {
                        "concept": "nurse_request",
                        "evidence": said[:40] or "NURSE",
                        "rule": None,
                        "level": "routine",
                    }
                ],
                now=now,
                channel=patient.channel,
            )
            if had_case:
                await self._nurse_again(session, ctx, patient.channel, now, out, urgent=False, repeat=repeat)
                return
            await info("nurse_first")


def _said(pooled: Assessment, since: int) -> list[Finding]:
    """The pooled findings from messages of the last day: they answer red-flag questions."""
    return [f for f in pooled.findings if f.message is None or f.message >= since]


def _actor(ctx: Context, otherwise: str) -> str:
    """Whose message moved the case: the carer who wrote it (`carer:<id>`, as the audit names
    them), else `otherwise` ("patient" for their own words, "system" for Vigil's reading)."""
    return f"carer:{ctx.carer.id}" if ctx.carer is not None else otherwise


def _nurse_request(result: Assessment) -> bool | None:
    """None when the message asks for no nurse; else whether it says it is urgent."""
    asks = [f for f in result.present if f.concept == "nurse_request"]
    if not asks:
        return None
    return any("urgent_request" in f.modifiers for f in asks)


def _with_message(reason: dict[str, Any], ids: list[int]) -> dict[str, Any]:
    """A pooled reason names the stored message it came from."""
    index = reason.pop("message", None)
    if index is not None and 0 <= index < len(ids):
        reason["message_id"] = ids[index]
    return reason


def _after(questions: list[dict[str, Any]], question: dict[str, Any] | None) -> list[str]:
    """The texts of the questions after this one (each might have been asked), for the nurse:
    in the clinic's own words (English where the protocol has it)."""
    keys = [q.get("key") for q in questions]
    if question is None or question.get("key") not in keys:
        return []
    return [question_text(q) for q in questions[keys.index(question.get("key")) + 1 :]]


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
