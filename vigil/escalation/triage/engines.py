"""Triage in every language Vigil reads: the engine chosen by the message's own language.

A patient set to Spanish may write in English, and bilingual people mix the two in one
text: the patient's language is a default, never a filter. Each language's engine is loaded
the first time a message needs it. A message written in both languages (or in another than
the patient's) is read by both engines and the more urgent reading stands (on a tie, the
reading of the message's main language): a red flag said in either language is never lost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import timedelta
from importlib import resources
from typing import Any

from .conversation import DEFAULT_WINDOW, ConversationReader, Message, Reading
from .engine import TriageEngine, default_engine
from .language import LANGUAGES, votes
from .model import Assessment, Level, Status
from .rules import evaluate

SHORT_ANSWER = 2  # words of a language at most in an answer read in its question's language too


def available() -> tuple[str, ...]:
    """The languages with triage data shipped in this package."""
    root = resources.files(__package__) / "data"
    return tuple(lang for lang in LANGUAGES if (root / lang / "lexicon.yaml").is_file())


def engine(language: str) -> TriageEngine:
    """The engine of a language, loaded once when first needed."""
    if language not in available():
        raise ValueError(f"no triage data for language {language!r}")
    return default_engine(language)


def languages_of(text: str, patient: str | None = None, default: str = "en") -> tuple[str, ...]:
    """The languages to read a text in, the main one first: one, or both when it is mixed or
    written in another language than the patient's (when the patient's is known)."""
    detected = votes(text)
    main = detected.language or patient or default
    if detected.mixed or (patient is not None and main != patient):
        other = next(lang for lang in LANGUAGES if lang != main)
        return (main, other)
    return (main,)


def assess(
    text: str,
    question: str | None = None,
    context: Mapping[str, Any] | None = None,
    language: str | None = None,
    *,
    default: str = "en",
    emergency_number: str | None = None,
    crisis_line: str | None = None,
) -> Assessment:
    """Assess a message in the language(s) it is written in.

    `language` is the patient's language when known (else `default` stands in): it reads a
    message that shows no language of its own ("7", "ok"; then the question's language reads
    it) and a question that shows none either. A message written in both languages, or in
    another than the patient's, is read by both engines and the more urgent reading stands
    (on a tie, the reading in the message's main language)."""
    asked_in = (votes(question).language or language or default) if question and question.strip() else None
    langs = languages_of(text, language, asked_in or default)
    detected = votes(text)
    if asked_in is not None and asked_in not in langs and detected.en + detected.es <= SHORT_ANSWER:
        # "Y", "ya", "ok" to a question: a word or two answer in the question's language too.
        langs = (asked_in, *langs)
    best: Assessment | None = None
    main: Assessment | None = None
    for lang in langs:
        eng = engine(lang)
        asked = engine(asked_in).question(question) if question and asked_in and asked_in != lang else None
        a = eng.assess(
            text, question, context, emergency_number=emergency_number, crisis_line=crisis_line, asked=asked
        )
        if main is None:
            main = a
        else:
            a = _deferring(eng, a, main, emergency_number, crisis_line)
        if best is None or a.level > best.level:
            best = a
    assert best is not None
    return best


def _deferring(
    eng: TriageEngine,
    a: Assessment,
    main: Assessment,
    emergency_number: str | None,
    crisis_line: str | None,
) -> Assessment:
    """The other language's reading, where the main language's grammar has the last word: a
    concept the main reading saw only denied, resolved, supposed or someone else's ("nada de
    vomiting hoy") is not present because the other engine missed the Spanish "nada de"."""
    present = {f.concept for f in main.findings if f.present}
    said: dict[str, Status] = {f.concept: f.status for f in main.findings if f.concept not in present}
    if not any(f.present and f.concept in said for f in a.findings):
        return a
    findings = tuple(
        replace(f, status=said[f.concept]) if f.present and f.concept in said else f for f in a.findings
    )
    fired = evaluate(eng.rules, findings, a.context)
    unfired = Level.ROUTINE if any(f.present for f in findings) else Level.NONE
    level = max((r.level for r in fired), default=unfired)
    rules = [r.id for r in fired]
    return replace(
        a,
        level=level,
        findings=findings,
        rules=tuple(rules),
        advice=eng.render_advice(level, rules, emergency_number=emergency_number, crisis_line=crisis_line),
        rule_levels={r.id: r.level for r in fired},
        rule_concepts={r.id: r.concepts for r in fired},
    )


def read_conversation(
    messages: Sequence[Message],
    context: Mapping[str, Any] | None = None,
    language: str | None = None,
    *,
    default: str = "en",
    window: timedelta = DEFAULT_WINDOW,
    emergency_number: str | None = None,
    crisis_line: str | None = None,
    last: Mapping[str, Assessment] | None = None,
) -> Reading:
    """A conversation read in the language(s) its messages are written in; `language` is the
    patient's, for messages that show none. `last` may carry the last message already judged
    in a language (with its trend, say), to be used as it is when reading in that language."""
    # The conversation's main language first; any message written otherwise brings its own.
    langs = languages_of(" \n".join(m.text for m in messages), language, default)
    for m in messages:
        langs += tuple(lang for lang in languages_of(m.text, language, langs[0]) if lang not in langs)
    best: Reading | None = None
    for lang in langs:
        known = (last or {}).get(lang)
        singles = [*([None] * (len(messages) - 1)), known] if known is not None else None
        reading = ConversationReader(engine(lang)).read(
            messages,
            context,
            window=window,
            emergency_number=emergency_number,
            crisis_line=crisis_line,
            singles=singles,
        )
        if best is None or reading.assessment.level > best.assessment.level:
            best = reading
    assert best is not None
    return best
