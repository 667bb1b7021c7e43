"""An answer to a 0-10 check-in question, read against the patient's earlier answers.

Triage judges the trend (`vigil.escalation.triage.trends`, pure); this reads what it needs:
the open question, the patient's earlier answers for its concepts, the clinic's default
baseline.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from vigil.escalation.triage import Assessment, TriageEngine
from vigil.escalation.triage.trends import Score, with_trends
from vigil.scheduler import checkins
from vigil.scheduler.questions import question_text
from vigil.scheduler.scores import scale_series

from .context import Context


async def judged(
    session: AsyncSession, engine: TriageEngine, ctx: Context, text: str, at: datetime
) -> Assessment | None:
    """The message alone, as the conversation reader would assess it, with its trend; None
    when it does not answer a 0-10 question with a score (the reader then reads it itself)."""
    question = checkins.current_question(*ctx.pending) if ctx.pending else None
    if question is None or question.get("kind") != "scale":
        return None
    asked = question_text(question, ctx.patient.language or "en")
    alone = engine.assess(text, asked, ctx.writer_context)
    scored = {f.concept for f in alone.findings if f.present and f.from_question and f.score is not None}
    if not scored:
        return alone
    series = await scale_series(session, ctx.patient.id, scored)
    history = {s.key: [Score(p.value, p.at) for p in s.points] for s in series}
    # An earlier answer stored after this message arrived (a queue's delay) is still earlier.
    latest = max([at, *(p.at for s in series for p in s.points)])
    return with_trends(
        alone,
        history,
        latest,
        engine.rules,
        default_baseline=ctx.clinic.trend_baseline_default,
        advice=partial(engine.render_advice, emergency_number=ctx.clinic.emergency_number),
    )
