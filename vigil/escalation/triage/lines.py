"""`vigil triage` lines: one JSON object in (a message or a conversation), one assessment out."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from . import engines
from .conversation import ConversationReader, Message
from .engine import WRITER, TriageEngine

_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # "minutes" are offsets; any fixed start will do


class LineError(ValueError):
    """The line cannot be read; the message says why, for the `error` field."""


def triage_line(
    engine: TriageEngine | None,
    line: str,
    reader: ConversationReader | None = None,
    *,
    language: str | None = None,
) -> dict[str, Any]:
    """The output object for one input line (an `error` object when it cannot be read).

    A line may name its `"language"` (the patient's: `en`, `es`; else `language`); the message
    is then read in the language(s) it is written in, with that one for what shows none. A line
    with neither is read by `engine` when one is given, else in the language detected."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"not valid JSON: {exc.msg} at column {exc.colno}"}
    except RecursionError:
        return {"id": None, "error": "not valid JSON: nested too deeply"}
    if not isinstance(item, dict):
        return {"id": None, "error": "each line must be a JSON object"}
    ident = item.get("id")
    try:
        context = _context(item.get("context"))
        language = _language(item.get("language")) or language
        if "messages" in item:
            messages = _messages(item["messages"])
            if language is None and engine is not None:
                reading = (reader or ConversationReader(engine)).read(messages, context)
            else:
                reading = engines.read_conversation(messages, context, language)
            return {"id": ident, **reading.assessment.to_dict()}
        text = item.get("text")
        if not isinstance(text, str):
            raise LineError('missing "text" or "messages"' if text is None else '"text" must be a string')
        question = _question(item.get("question"))
    except LineError as exc:
        return {"id": ident, "error": str(exc)}
    if language is None and engine is not None:
        return {"id": ident, **engine.assess(text, question, context).to_dict()}
    return {"id": ident, **engines.assess(text, question, context, language).to_dict()}


def _language(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in engines.available():
        known = ", ".join(engines.available())
        raise LineError(f'"language" must be one of {known}, or left out to detect it')
    return value


def _context(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(v, bool) or (k == WRITER and isinstance(v, str)) for k, v in value.items()
    ):
        raise LineError('"context" must be an object of true/false values (and "writer")')
    return {str(k): v for k, v in value.items()}


def _message_context(value: Any, i: int) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(v, bool) or (k == WRITER and isinstance(v, str)) for k, v in value.items()
    ):
        raise LineError(f'messages[{i}].context must be an object of true/false values (and "writer")')
    return {str(k): v for k, v in value.items()} or None


def _question(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise LineError('"question" must be a string')
    return value


def _messages(value: Any) -> list[Message]:
    if not isinstance(value, list) or not value:
        raise LineError('"messages" must be a non-empty list')
    out: list[Message] = []
    start: datetime | None = None
    for i, raw in enumerate(value):
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            raise LineError(f'messages[{i}] must be an object with a "text" string')
        at = raw.get("at")
        minutes = raw.get("minutes")
        if at is not None:
            if not isinstance(at, str):
                raise LineError(f"messages[{i}].at must be an ISO-8601 time")
            try:
                when = datetime.fromisoformat(at.replace("Z", "+00:00"))
            except ValueError:
                raise LineError(f"messages[{i}].at must be an ISO-8601 time") from None
            when = when if when.tzinfo else when.replace(tzinfo=UTC)
        elif minutes is not None:
            if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or not -1e7 < minutes < 1e7:
                raise LineError(f"messages[{i}].minutes must be a number of minutes")
            when = (start or _EPOCH) + timedelta(minutes=minutes)
        elif i == 0:
            when = _EPOCH
        else:
            raise LineError(f'messages[{i}] needs "minutes" or "at"')
        if start is None:
            start = when - timedelta(minutes=minutes) if at is None and minutes is not None else when
        if out and when < out[-1].at:
            raise LineError(f"messages[{i}] is earlier than the message before it")
        # A message's own context: `{"writer": "carer"}` when a carer wrote it (TRIAGE.md, "Carers").
        own = _message_context(raw.get("context"), i)
        out.append(Message(raw["text"], when, _question(raw.get("question")), own))
    return out
