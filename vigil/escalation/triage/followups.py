"""Follow-up questions: which red-flag family a reading shows, and what to ask about it.

Pure, like the rest of triage: the caller says what the conversation holds and what was
asked already today; this says which questions to ask, from each language's data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from .model import Finding

Kind = Literal["yes_no", "temperature"]


@dataclass(frozen=True, slots=True)
class Ask:
    """One screening question: its words, what answer it wants, what it asks about."""

    text: str
    kind: Kind
    asks: tuple[str, ...]
    unless: str | None = None
    even_if_said: bool = False  # "breathless at rest?" after "a bit breathless"


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    label: str
    when: frozenset[str]
    questions: tuple[Ask, ...]
    unless_temperature: bool = False


@dataclass(frozen=True, slots=True)
class FollowUps:
    """A language's follow-up questions and the words around them."""

    families: tuple[Family, ...]
    intro: str
    closing: str
    hints: Mapping[str, str]
    buttons: Mapping[str, tuple[str, ...]]

    def family(self, name: str) -> Family | None:
        return next((f for f in self.families if f.name == name), None)

    def shown(self, findings: Iterable[Finding]) -> list[Family]:
        """The families this message's present findings belong to, in the data's order."""
        present = [f for f in findings if f.present]
        out = []
        for family in self.families:
            hits = [f for f in present if f.concept in family.when]
            if family.unless_temperature:
                # A fever with a number already says how high it is.
                hits = [f for f in hits if f.value_c is None]
            if hits:
                out.append(family)
        return out

    def to_ask(
        self, family: Family, findings: Sequence[Finding], context: Mapping[str, Any] | None = None
    ) -> list[Ask]:
        """The family's questions the conversation has not answered yet."""
        ctx = context or {}
        said = {f.concept for f in findings}
        temperature = any(f.concept == "fever" and f.value_c is not None for f in findings)
        out = []
        for ask in family.questions:
            if ask.unless == "temperature_given" and temperature:
                continue
            if ask.unless and ask.unless != "temperature_given" and ctx.get(ask.unless):
                continue
            if ask.asks and not ask.even_if_said and set(ask.asks) & said:
                continue  # the conversation already says yes or no to it
            out.append(ask)
        return out

    def text(self, words: str, kind: str, *, first: bool) -> str:
        """A question as sent: the intro before the first, its answer hint after."""
        asked = f"{words} {self.hints.get(kind, '')}".strip()
        return f"{self.intro} {asked}" if first else asked

    def answer_buttons(self, kind: str) -> tuple[str, ...]:
        return self.buttons.get(kind, ())


def _ask(raw: Mapping[str, Any]) -> Ask:
    kind = raw.get("kind", "yes_no")
    if kind not in ("yes_no", "temperature"):
        raise ValueError(f"follow-up question kind {kind!r} is not yes_no or temperature")
    return Ask(
        text=str(raw["text"]),
        kind=kind,
        asks=tuple(raw.get("asks") or ()),
        unless=raw.get("unless"),
        even_if_said=bool(raw.get("even_if_said", False)),
    )


@cache
def load(language: str = "en") -> FollowUps:
    """A language's follow-up questions from the data shipped with triage."""
    path = resources.files(__package__) / "data" / language / "followups.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    families = tuple(
        Family(
            name=str(f["name"]),
            label=str(f.get("label", f["name"])),
            when=frozenset(f["when"]),
            questions=tuple(_ask(q) for q in f["questions"]),
            unless_temperature=bool(f.get("unless_temperature", False)),
        )
        for f in data["families"]
    )
    return FollowUps(
        families=families,
        intro=str(data.get("intro", "")),
        closing=str(data.get("closing", "")),
        hints={str(k): str(v) for k, v in (data.get("hints") or {}).items()},
        buttons={str(k): tuple(v) for k, v in (data.get("buttons") or {}).items()},
    )
