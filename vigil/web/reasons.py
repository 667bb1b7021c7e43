"""A case's reasons as a nurse reads them: one entry per message, its findings and the rules
they fired named in plain words (the code beside them), the question it answered shown."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

# What each triage rule means, in a nurse's words (docs/triage.md names the codes).
RULE_WORDS = {
    "mscc-neuro": "spinal pain with nerve signs: possible cord compression",
    "cord-signs": "signs of spinal cord compression",
    "breathing": "severe or sudden breathlessness",
    "chest-pain": "severe or sudden chest pain",
    "hemoptysis-major": "major haemoptysis",
    "svc-airway": "SVC obstruction with airway signs",
    "neutropenic-fever": "fever on treatment: possible neutropenic sepsis",
    "neuro-acute": "acute neurological signs",
    "clot": "possible pulmonary embolism",
    "bleeding-major": "heavy bleeding",
    "self-harm": "wish to die or to self-harm",
    "spinal-pain-flags": "spinal pain with red flags",
    "hemoptysis": "coughing up blood",
    "dyspnea-new": "new or worsening breathlessness",
    "chest-pain-any": "chest pain",
    "fever": "fever",
    "svc": "face or neck swelling: possible SVC obstruction",
    "clot-leg": "swollen leg: possible clot",
    "vomiting": "frequent vomiting or no fluids kept down",
    "diarrhea": "frequent diarrhoea",
    "hypercalcemia": "possible high calcium",
    "head": "headache with red flags",
    "pain-severe": "severe pain",
    "missed-checkins": "check-ins missed",
}
RANK = {"none": 0, "routine": 1, "urgent": 2, "emergency": 3}


def rule_words(code: str | None) -> str:
    """`mscc-neuro` → its meaning; a rule not listed yet reads as its code."""
    if not code:
        return ""
    return RULE_WORDS.get(code, code.replace("-", " "))


def grouped(reasons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per source message (or per finding without one), highest level first: the
    same message shown once with all its evidence marked, each concept and rule named once."""
    groups: dict[Any, dict[str, Any]] = {}
    for r in reasons:
        message = r.get("message")
        key = ("message", message["id"]) if message else ("finding", r.get("concept"), r.get("evidence"))
        fresh: dict[str, Any] = {
            "level": r.get("level"),
            "concepts": [],
            "rules": [],
            "trends": [],
            "evidence": [],
            "changed": [],
        }
        group = groups.setdefault(key, {**fresh, "message": None})
        if RANK.get(r.get("level") or "", 0) > RANK.get(group["level"] or "", 0):
            group["level"] = r.get("level")
        for name, field in (("concepts", "concept"), ("rules", "rule"), ("trends", "trend")):
            value = r.get(field)
            if value and value not in group[name]:
                group[name].append(value)
        changed = {"concept": r.get("concept"), "status": r.get("changed")}
        if changed["status"] and changed not in group["changed"]:
            group["changed"].append(changed)
        if message:
            spans = list(group["message"]["highlights"]) if group["message"] else []
            group["message"] = {**message, "highlights": spans + list(message.get("highlights") or ())}
        elif r.get("evidence") and r["evidence"] not in group["evidence"]:
            group["evidence"].append(r["evidence"])
    return sorted(groups.values(), key=lambda g: -RANK.get(g["level"] or "", 0))


def install(env: Environment) -> None:
    env.filters["rule_words"] = rule_words
