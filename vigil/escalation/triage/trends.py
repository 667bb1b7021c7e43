"""Reading across weeks (TRIAGE.md): a 0-10 answer against the patient's own earlier ones.

A check-in answer on a 0-10 scale is compared with the patient's baseline for that concept:
the median of their first three answers, or the clinic's default while there are fewer than
three earlier answers. A rise of `RISE` points or more over the baseline, or `RUN` answers in
a row each higher than the one before (the answer judged being the last of them), is a
`worsening` trend: the finding gets the `worsening` modifier, which rules already read
(`spinal-pain-flags`, `dyspnea-new`).

Pure, like the rest of triage: the caller reads the earlier answers from its store and
passes them in.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from .model import Assessment, Finding, Level
from .rules import Rule, evaluate

RISE = 2  # points over the baseline
RUN = 3  # answers in a row, each higher than the one before
BASELINE_OF = 3  # the baseline is the median of this many first answers
WORSENING = "worsening"
# The advice for a level and the fired rules' ids (the engine's `render_advice`, numbers bound).
AdviceRenderer = Callable[[Level, list[str]], str]


@dataclass(frozen=True, slots=True)
class Score:
    """One 0-10 answer and when it was given."""

    value: float
    at: datetime


@dataclass(frozen=True, slots=True)
class Trend:
    """What the answers say about the latest one."""

    worsening: bool
    baseline: float | None  # None: fewer than three earlier answers and no clinic default
    why: str | None  # for the nurse, when worsening


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def baseline(earlier: Sequence[Score], default: float | None = None) -> float | None:
    """The median of the first three answers (oldest first), else `default`."""
    ordered = sorted(earlier, key=lambda s: s.at)
    if len(ordered) >= BASELINE_OF:
        return float(median(s.value for s in ordered[:BASELINE_OF]))
    return default


def trend(scores: Sequence[Score], default_baseline: float | None = None) -> Trend:
    """Whether the latest of a concept's answers is worsening.

    `scores` are all the patient's answers for the concept, the one judged being the latest
    (they are ordered by time here). Its baseline comes from the answers before it.
    """
    if not scores:
        return Trend(False, default_baseline, None)
    ordered = sorted(scores, key=lambda s: s.at)
    latest = ordered[-1].value
    base = baseline(ordered[:-1], default_baseline)
    reasons = []
    if base is not None and latest - base >= RISE:
        source = "median of the first three answers" if len(ordered) > BASELINE_OF else "clinic default"
        reasons.append(f"{_n(latest)} is {_n(latest - base)} above baseline {_n(base)} ({source})")
    run = [s.value for s in ordered[-RUN:]]
    if len(run) == RUN and all(a < b for a, b in itertools.pairwise(run)):
        reasons.append(f"{RUN} answers in a row each higher: {', '.join(_n(v) for v in run)}")
    if not reasons:
        return Trend(False, base, None)
    return Trend(True, base, "worsening: " + "; ".join(reasons))


def with_trends(
    assessment: Assessment,
    history: Mapping[str, Sequence[Score]],
    at: datetime,
    rules: Sequence[Rule],
    *,
    default_baseline: float | None = None,
    advice: AdviceRenderer | None = None,
) -> Assessment:
    """The assessment of an answer given at `at`, with each 0-10 answer to a check-in question
    judged against `history` (each concept's earlier answers; a concept without them is judged
    against `default_baseline` alone, when there is one): a worsening one gets the
    `worsening` modifier and its reason, and the rules are evaluated again.

    `advice` renders the advice for the new level and rules (the engine's `render_advice`,
    with the clinic's numbers bound); without it the advice is left as it was.
    """
    changed = False
    findings: list[Finding] = []
    for f in assessment.findings:
        earlier = history.get(f.concept, ())
        judged = earlier or default_baseline is not None  # a first answer meets the default
        if f.present and f.from_question and f.score is not None and judged:
            found = trend([*earlier, Score(float(f.score), at)], default_baseline)
            if found.worsening:
                mods = tuple(sorted({*f.modifiers, WORSENING}))
                f = dataclasses.replace(f, modifiers=mods, trend=found.why)
                changed = True
        findings.append(f)
    if not changed:
        return assessment
    fired = evaluate(rules, findings, assessment.context)
    if fired:
        level = max(r.level for r in fired)
    else:
        level = Level.ROUTINE if any(f.present for f in findings) else Level.NONE
    ids = [r.id for r in fired]
    return dataclasses.replace(
        assessment,
        level=level,
        findings=tuple(findings),
        rules=tuple(ids),
        advice=advice(level, ids) if advice is not None else assessment.advice,
        rule_levels={r.id: r.level for r in fired},
        rule_concepts={r.id: r.concepts for r in fired},
    )
