"""Rules as data: conditions over present findings and context, each with a level.

A condition is one of:
  concept                       a present finding of that concept
  {concept: c, modifiers: [..], without: [..], score_min: n, count_min: n}
  {any: [..]}  {all: [..]}  {at_least: n, of: [..]}  {not: cond}
  {context: key}  {not_context: key}
A rule may say `unless: [rule, ..]`: it stands down when one of those fires.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Finding, Level

Facts = tuple[Mapping[str, Sequence[Finding]], Mapping[str, bool]]
Condition = Callable[[Facts], bool]


class RuleError(ValueError):
    """The rules data is malformed."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    level: Level
    when: Condition
    unless: tuple[str, ...]
    concepts: frozenset[str] = frozenset()  # the concepts its condition reads
    needs_one: bool = False  # it cannot fire unless one of `concepts` is present


def concepts_in(spec: Any) -> set[str]:
    """Every concept a condition's data names."""
    if isinstance(spec, str):
        return {spec}
    if isinstance(spec, Mapping):
        if "concept" in spec:
            return {str(spec["concept"])}
        return set().union(
            *(
                concepts_in(v)
                for v in spec.values()
                if isinstance(v, (list, Mapping, str)) and not isinstance(v, str)
            )
        )
    if isinstance(spec, list):
        return set().union(*(concepts_in(v) for v in spec)) if spec else set()
    return set()


def _finding_condition(spec: Mapping[str, Any], where: str, concepts: frozenset[str]) -> Condition:
    allowed = {"concept", "modifiers", "without", "score_min", "count_min"}
    unknown = set(spec) - allowed
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
    concept = str(spec["concept"])
    if concepts and concept not in concepts:
        raise RuleError(f"{where}: unknown concept {concept!r}")
    any_mods = frozenset(spec.get("modifiers") or ())
    no_mods = frozenset(spec.get("without") or ())
    score_min = spec.get("score_min")
    count_min = spec.get("count_min")

    def check(facts: Facts) -> bool:
        for f in facts[0].get(concept, ()):
            if any_mods and any_mods.isdisjoint(f.modifiers):
                continue
            if no_mods and not no_mods.isdisjoint(f.modifiers):
                continue
            if score_min is not None and (f.score is None or f.score < score_min):
                continue
            if count_min is not None and (f.count is None or f.count < count_min):
                continue
            return True
        return False

    return check


def compile_condition(spec: Any, where: str, concepts: frozenset[str] = frozenset()) -> Condition:
    """Turn one condition's data into a function of the facts."""
    if isinstance(spec, str):
        return _finding_condition({"concept": spec}, where, concepts)
    if not isinstance(spec, Mapping):
        raise RuleError(f"{where}: a condition is a concept name or a mapping")
    if "concept" in spec:
        return _finding_condition(spec, where, concepts)
    if len(spec) == 1 and ("any" in spec or "all" in spec):
        key = next(iter(spec))
        parts = [
            compile_condition(c, f"{where}.{key}[{i}]", concepts)
            for i, c in enumerate(_as_list(spec[key], where))
        ]
        if key == "any":
            return lambda facts: any(p(facts) for p in parts)
        return lambda facts: all(p(facts) for p in parts)
    if set(spec) == {"at_least", "of"}:
        need = int(spec["at_least"])
        parts = [
            compile_condition(c, f"{where}.of[{i}]", concepts)
            for i, c in enumerate(_as_list(spec["of"], where))
        ]
        return lambda facts: sum(1 for p in parts if p(facts)) >= need
    if set(spec) == {"not"}:
        inner = compile_condition(spec["not"], f"{where}.not", concepts)
        return lambda facts: not inner(facts)
    if set(spec) == {"context"}:
        key = str(spec["context"])
        return lambda facts: bool(facts[1].get(key))
    if set(spec) == {"not_context"}:
        key = str(spec["not_context"])
        return lambda facts: not facts[1].get(key)
    raise RuleError(f"{where}: cannot read condition {dict(spec)!r}")


def _as_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise RuleError(f"{where}: expected a list")
    return value


def load_rules(data: Mapping[str, Any], concepts: frozenset[str] = frozenset()) -> list[Rule]:
    rules = []
    seen: set[str] = set()
    for idx, raw in enumerate(data.get("rules") or []):
        where = f"rules[{idx}]"
        try:
            rule_id = str(raw["id"])
            level = Level.parse(str(raw["level"]))
            when = raw["when"]
        except (KeyError, TypeError, ValueError) as exc:
            raise RuleError(f"{where}: needs id, level and when ({exc})") from exc
        if rule_id in seen:
            raise RuleError(f"{where}: duplicate rule id {rule_id!r}")
        seen.add(rule_id)
        unless = tuple(str(u) for u in raw.get("unless") or ())
        rules.append(
            Rule(
                rule_id,
                level,
                compile_condition(when, rule_id, concepts),
                unless,
                frozenset(concepts_in(when)),
                needs_one="not" not in repr(when),  # a negative condition may fire on an absence
            )
        )
    for rule in rules:
        missing = set(rule.unless) - seen
        if missing:
            raise RuleError(f"{rule.id}: unless names unknown rules {sorted(missing)}")
    return rules


def evaluate(rules: Sequence[Rule], findings: Sequence[Finding], context: Mapping[str, bool]) -> list[Rule]:
    """The rules that fire, in file order."""
    present: dict[str, list[Finding]] = {}
    for f in findings:
        if f.present:
            present.setdefault(f.concept, []).append(f)
    if not present:
        return []
    facts: Facts = (present, context)
    # A rule that needs one of its concepts present is not worth evaluating without one.
    fired = [r for r in rules if not (r.needs_one and r.concepts.isdisjoint(present)) and r.when(facts)]
    ids = {r.id for r in fired}
    return [r for r in fired if ids.isdisjoint(r.unless)]
