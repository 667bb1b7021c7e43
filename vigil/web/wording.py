"""Words for what the pages show: a case event's kind and a finding's concept as a nurse
would say them.

The one place they are worded: the case page, the queue, the history and the pager use the
`event_words` and `concept_words` filters. The API keeps the names themselves (`reason_added`,
`unrecognised`).
"""

from __future__ import annotations

from jinja2 import Environment

EVENT_WORDS = {
    "opened": "opened",
    "raised": "raised",
    "reason_added": "reason added",
    "paged": "paged",
    "tier_skipped": "tier skipped",
    "acknowledged": "acknowledged",
    "claimed": "claimed",
    "declined": "declined",
    "replied": "replied",
    "resolved": "resolved",
    "released": "released",
    "taken_over": "taken over",
    "reminded": "reminded",
    "unreachable": "patient unreachable",
    "escalation_restarted": "escalation restarted",
    "schedule_rewound": "escalation times rewound",
    "finding_changed": "finding changed",
    "nurse_requested": "nurse requested",
    "follow_up_asked": "red-flag questions asked",
    "follow_up_unanswered": "red-flag questions not answered",
    "follow_up_stopped": "red-flag questions stopped",
    "follow_up_not_sent": "red-flag questions not sent",
    "follow_up_late": "red-flag question answered late",
    "checkin_stopped": "check-in stopped",
    "opted_out": "patient sent STOP: no more messages to them",
    "paused": "patient paused check-ins",
    "opted_in": "patient sent START: messages to them again",
}


def event_words(kind: str | None) -> str:
    """`reason_added` → "reason added"; a kind not listed yet still reads as words."""
    return _worded(EVENT_WORDS, kind)


# A concept whose name is no words a nurse would use (docs/triage.md: "not understood — please
# read"); the others read as their names with spaces.
CONCEPT_WORDS = {"unrecognised": "not understood — please read"}


def concept_words(name: str | None) -> str:
    """`back_pain` → "back pain"; `unrecognised` → "not understood — please read"."""
    return _worded(CONCEPT_WORDS, name)


def _worded(table: dict[str, str], name: str | None) -> str:
    """A name's words from `table`, else the name with spaces for underscores."""
    if not name:
        return ""
    return table.get(name, name.replace("_", " "))


# What a later message did to an earlier finding (a `finding_changed` event's status).
CHANGE_WORDS = {
    "negated": "taken back",
    "other_person": "about someone else",
    "resolved": "got better",
    "hypothetical": "only a what-if",
}


def change_words(status: str | None) -> str:
    """`other_person` → "about someone else"."""
    return _worded(CHANGE_WORDS, status)


# The languages patients speak, as the pages name them.
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def language_name(code: str | None) -> str:
    """`es` → "Spanish"."""
    return LANGUAGE_NAMES.get(code or "", code or "")


def install(env: Environment) -> None:
    env.filters["language_name"] = language_name
    env.filters["event_words"] = event_words
    env.filters["concept_words"] = concept_words
    env.filters["change_words"] = change_words
