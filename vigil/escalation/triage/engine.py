"""The triage engine: loads a language's data once, then reads messages."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Final

import yaml

from . import lexicon as lexicon_mod
from . import questions
from .drafts import CONTEXT_OF, Draft, Reading
from .model import Assessment, Finding, Level
from .reader import Reader
from .rules import Rule, evaluate, load_rules
from .spelling import Normaliser

DATA_FILES = ("lexicon.yaml", "rules.yaml", "advice.yaml")
# The context key that says who wrote a message: "carer" when it is one of the patient's carers.
WRITER: Final = "writer"
# Rules are language-free: a language without its own rules.yaml reads these.
SHARED_FROM: Final = {"rules.yaml": "en"}


_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses ~10x faster


class _DataLoader(_SafeLoader):  # type: ignore[misc]
    """YAML 1.2 booleans only: in a lexicon "no", "yes", "on" and "off" are words."""


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def load_data(text: str) -> Any:
    return yaml.load(text, Loader=_DataLoader)  # noqa: S506 - a SafeLoader subclass


class TriageEngine:
    """Reads one patient message and decides how fast a nurse must act."""

    def __init__(
        self,
        lexicon_data: Mapping[str, Any],
        rules_data: Mapping[str, Any],
        advice_data: Mapping[str, Any],
        version: str,
    ) -> None:
        self.lexicon = lexicon_mod.build(lexicon_data)
        self.concepts = frozenset(str(c) for c in rules_data.get("concepts") or ())
        self.rules: list[Rule] = load_rules(rules_data, self.concepts)
        self.advice = {str(k): str(v) for k, v in (advice_data.get("levels") or {}).items()}
        self.rule_advice = {str(k): str(v) for k, v in (advice_data.get("rules") or {}).items()}
        self.advice_defaults = {str(k): str(v) for k, v in (advice_data.get("defaults") or {}).items()}
        self.other_advice = str(advice_data.get("other_person") or "")
        self.version = version
        self.reader = Reader(self.lexicon, Normaliser(self.lexicon))
        self._question = lru_cache(maxsize=1024)(self._analyse_question)

    @classmethod
    def load(cls, language: str = "en") -> TriageEngine:
        """The engine for a language from the data shipped in this package."""
        data_root = resources.files(__package__) / "data"
        folder = data_root / language
        texts = {}
        for name in DATA_FILES:
            path = folder / name
            if not path.is_file() and name in SHARED_FROM and (folder / "lexicon.yaml").is_file():
                path = data_root / SHARED_FROM[name] / name
            try:
                texts[name] = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                raise ValueError(f"no triage data for language {language!r}") from None
        digest = hashlib.sha256("".join(texts[n] for n in DATA_FILES).encode()).hexdigest()[:10]
        data = {n: load_data(t) or {} for n, t in texts.items()}
        version = f"{language}-{data['rules.yaml'].get('version', '0')}-{digest}"
        return cls(data["lexicon.yaml"], data["rules.yaml"], data["advice.yaml"], version)

    def _analyse_question(self, text: str) -> questions.Question:
        return questions.analyse(self.reader, text)

    def question(self, text: str) -> questions.Question:
        """What a question asks about (cached)."""
        return self._question(text)

    def assess(
        self,
        text: str,
        question: str | None = None,
        context: Mapping[str, Any] | None = None,
        *,
        emergency_number: str | None = None,
        crisis_line: str | None = None,
        asked: questions.Question | None = None,
    ) -> Assessment:
        """Read a message (and the question it answers) into an assessment.

        `asked` is the question already analysed (by the engine of the question's own
        language, when the answer is written in another); it stands for `question`."""
        # The caller's context may say who wrote: `"writer": "carer"` (one of the patient's
        # carers, docs/triage.md "Carers"). Data in, like the treatment flags; not a rule's input.
        carer = (context or {}).get(WRITER) == "carer"
        answers = asked is not None or bool(question and question.strip())
        reading = self.reader.read(text, carer=carer, answer=answers)
        if asked is not None:
            questions.apply_answer(self.reader, asked, reading)
        elif question and question.strip():
            questions.apply_answer(self.reader, self._question(question), reading)
        ctx = {str(k): bool(v) for k, v in (context or {}).items() if k != WRITER}
        for d in reading.drafts:
            if d.concept in CONTEXT_OF and d.status == "present":
                # The patient says treatment is recent, or the cancer is in the bones; that can
                # only add to what the record says.
                ctx[CONTEXT_OF[d.concept]] = True
        reading.drafts = [d for d in reading.drafts if d.concept not in CONTEXT_OF]
        findings = self._findings(text, reading)
        fired = evaluate(self.rules, findings, ctx)
        level = self._level(fired, findings)
        return Assessment(
            level=level,
            findings=findings,
            rules=tuple(r.id for r in fired),
            advice=self.render_advice(
                level, [r.id for r in fired], emergency_number=emergency_number, crisis_line=crisis_line
            ),
            ruleset=self.version,
            rule_levels={r.id: r.level for r in fired},
            rule_concepts={r.id: r.concepts for r in fired},
            context=ctx,
            other_person_level=self.other_person_level(findings),
        )

    @staticmethod
    def _level(fired: Sequence[Rule], findings: Sequence[Finding]) -> Level:
        if fired:
            return max(r.level for r in fired)
        return Level.ROUTINE if any(f.present for f in findings) else Level.NONE

    def other_person_level(self, findings: Sequence[Finding]) -> Level:
        """The level someone else's findings would have if they were the patient's.

        Their context (treatment, metastases) is unknown, so none is assumed.
        """
        theirs = [dataclasses.replace(f, status="present") for f in findings if f.status == "other"]
        if not theirs:
            return Level.NONE
        return self._level(evaluate(self.rules, theirs, {}), theirs)

    def other_person_advice(self, *, emergency_number: str | None = None) -> str:
        """Words for a writer who describes someone else who may be unwell now; the caller
        sends them when `Assessment.other_person_level` is urgent or higher."""
        values = dict(self.advice_defaults)
        if emergency_number:
            values["emergency_number"] = emergency_number
        return self.other_advice.format_map(values)

    def render_advice(
        self,
        level: Level,
        rules: list[str],
        *,
        emergency_number: str | None = None,
        crisis_line: str | None = None,
    ) -> str:
        """The patient-facing words for a level, with the clinic's numbers filled in."""
        values = dict(self.advice_defaults)
        if emergency_number:
            values["emergency_number"] = emergency_number
        if crisis_line:
            values["crisis_line"] = crisis_line
        parts = [self.advice.get(level.label, "")]
        parts += [self.rule_advice[r] for r in rules if r in self.rule_advice]
        return " ".join(p for p in parts if p).format_map(values)

    @staticmethod
    def _findings(text: str, reading: Reading) -> tuple[Finding, ...]:
        tokens = reading.tokens
        merged: dict[tuple[str, str, int, int], Draft] = {}
        for d in reading.drafts:
            if d.start >= d.end or d.end > len(tokens):
                continue
            key = (d.concept, d.status, d.start, d.end)
            prev = merged.get(key)
            if prev is None:
                merged[key] = d
            else:
                prev.mods |= d.mods
                prev.score = d.score if prev.score is None else prev.score
                prev.count = d.count if prev.count is None else prev.count
        out = []
        for d in sorted(merged.values(), key=lambda d: (d.start, d.concept)):
            start, end = tokens[d.start].start, tokens[d.end - 1].end
            out.append(
                Finding(
                    concept=d.concept,
                    status=d.status,
                    start=start,
                    end=end,
                    evidence=text[start:end],
                    modifiers=tuple(sorted(d.mods)),
                    value_c=d.value_c,
                    score=d.score,
                    count=d.count,
                    from_question=d.from_question,
                )
            )
        return tuple(out)


@cache
def default_engine(language: str = "en") -> TriageEngine:
    return TriageEngine.load(language)


def assess(text: str, question: str | None = None, context: Mapping[str, Any] | None = None) -> Assessment:
    """Assess with the shipped English engine."""
    return default_engine().assess(text, question, context)
