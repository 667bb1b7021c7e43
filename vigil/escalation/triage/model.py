"""What triage returns: levels, findings and the assessment."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Literal

Status = Literal["present", "negated", "resolved", "hypothetical", "other"]


class Level(IntEnum):
    """How fast a nurse must act; ordered so that max() picks the most urgent."""

    NONE = 0
    ROUTINE = 1
    URGENT = 2
    EMERGENCY = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, label: str) -> Level:
        try:
            return cls[label.upper()]
        except KeyError:
            raise ValueError(f"unknown level {label!r}") from None


@dataclass(frozen=True, slots=True)
class Finding:
    """One mention of a concept, with its status and where it stands in the text."""

    concept: str
    status: Status
    start: int
    end: int
    evidence: str
    modifiers: tuple[str, ...] = ()
    value_c: float | None = None
    score: int | None = None
    count: int | None = None
    from_question: bool = False
    message: int | None = None  # in a conversation: the index of the message it came from
    trend: str | None = None  # a 0-10 answer worse than the patient's own baseline: how (trends.py)

    @property
    def present(self) -> bool:
        return self.status == "present"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "concept": self.concept,
            # Every status but "present" keeps a finding from firing a rule, so
            # consumers that only read `negated` still see what is present now.
            "negated": self.status != "present",
            # INTERFACES names it "other_person"; inside, the shorter "other" stays.
            "status": "other_person" if self.status == "other" else self.status,
            "modifiers": list(self.modifiers),
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
        }
        if self.value_c is not None:
            out["value_c"] = self.value_c
        if self.score is not None:
            out["score"] = self.score
        if self.count is not None:
            out["count"] = self.count
        if self.from_question:
            out["from_question"] = True
        if self.message is not None:
            out["message"] = self.message
        if self.trend is not None:
            out["trend"] = self.trend
        return out


@dataclass(frozen=True, slots=True)
class Assessment:
    """The result of reading one message."""

    level: Level
    findings: tuple[Finding, ...]
    rules: tuple[str, ...]
    advice: str
    ruleset: str
    rule_levels: dict[str, Level] = field(default_factory=dict)
    rule_concepts: dict[str, frozenset[str]] = field(default_factory=dict)
    # The level the rules would give if someone else's findings were the patient's: no
    # case is raised for it, but the writer can be told to get that person help.
    other_person_level: Level = Level.NONE
    # The context the rules saw: the record's, plus what the patient said (recent treatment).
    context: dict[str, bool] = field(default_factory=dict)

    def reasons(self) -> list[dict[str, Any]]:
        """Why this level: each present finding with every rule it took part in, highest
        first (a nurse must see the urgent rule beside the emergency one), or with none."""
        out = []
        ranked = sorted(self.rules, key=lambda r: -self.rule_levels.get(r, Level.NONE))
        for f in self.findings:
            if not f.present:
                continue
            rules: list[str | None] = [r for r in ranked if f.concept in self.rule_concepts.get(r, ())]
            for rule in rules or [None]:
                level = self.rule_levels[rule] if rule else Level.ROUTINE
                out.append(
                    {
                        "concept": f.concept,
                        "evidence": f.evidence,
                        "start": f.start,
                        "end": f.end,
                        "rule": rule,
                        "level": level.label,
                        **({"message": f.message} if f.message is not None else {}),
                        **({"trend": f.trend} if f.trend is not None else {}),
                    }
                )
        return out

    @property
    def present(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.present)

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level.label,
            "findings": [f.to_dict() for f in self.findings],
            "rules": list(self.rules),
            "advice": self.advice,
            "ruleset": self.ruleset,
            "other_person_level": self.other_person_level.label,
        }
