"""A protocol question's words in a patient's language.

A clinic file writes a question's `text` as one string (English, as files always have) or
per language (`text: {en: "...", es: "..."}`), and its `choices` likewise (index-aligned
lists per language). The protocol row keeps what the file said; every reader of a
question's words asks these two helpers, so none of them has to know the two forms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

DEFAULT = "en"  # the language of a question written as one string


def _pick(value: Any, language: str) -> Any:
    """The value for `language`; else English; else the first language given."""
    if not isinstance(value, Mapping):
        return value
    if language in value:
        return value[language]
    if DEFAULT in value:
        return value[DEFAULT]
    return next(iter(value.values()), None)


def question_text(question: Mapping[str, Any], language: str = DEFAULT) -> str:
    """The question's words in `language` (English, or the first given, when it lacks it: the
    import refuses a patient whose protocol lacks their language, so that is a fallback only)."""
    return str(_pick(question.get("text"), language) or "")


def question_choices(question: Mapping[str, Any], language: str = DEFAULT) -> list[str] | None:
    """The question's choices in `language`, in the order every language shares; None without."""
    choices = _pick(question.get("choices"), language)
    if not choices:
        return None
    return [str(c) for c in choices]


def languages_of(question: Mapping[str, Any]) -> frozenset[str]:
    """The languages the question is written in."""
    text = question.get("text")
    return frozenset(str(k) for k in text) if isinstance(text, Mapping) else frozenset({DEFAULT})


def lacking(questions: Sequence[Mapping[str, Any]], language: str) -> list[str]:
    """The keys of the questions not written in `language`, in the protocol's order."""
    return [str(q.get("key", "")) for q in questions if language not in languages_of(q)]
