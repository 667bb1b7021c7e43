"""`ask_if` conditions: "back_pain >= 1", joined by `and` / `or`; nothing else is evaluated."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping

_CMP: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}
_TERM = re.compile(r"^\s*([a-z][a-z0-9_]*)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")

Condition = Callable[[Mapping[str, float | None]], bool]


class ConditionError(ValueError):
    """An ask_if that cannot be read."""


def parse(expr: str) -> tuple[Condition, set[str]]:
    """A condition over earlier answers' values, and the question keys it reads."""
    keys: set[str] = set()
    alternatives = []
    for alternative in re.split(r"\s+or\s+", expr.strip()):
        terms = []
        for term in re.split(r"\s+and\s+", alternative):
            m = _TERM.match(term)
            if m is None:
                raise ConditionError(f"cannot read {term.strip()!r} (write e.g. 'back_pain >= 1')")
            key, op, number = m.group(1), _CMP[m.group(2)], float(m.group(3))
            keys.add(key)
            terms.append((key, op, number))
        alternatives.append(terms)

    def check(values: Mapping[str, float | None]) -> bool:
        """Whether the condition may hold: a question not answered (skipped) fails its terms;
        one answered in words with no number ("my back aches" to a 0-10 question, "not sure"
        to a yes/no) might meet them, and the question it guards is asked rather than skipped."""
        for terms in alternatives:
            ok = True
            for key, op, number in terms:
                if key not in values:
                    ok = False
                    break
                value = values[key]
                if value is not None and not op(value, number):
                    ok = False
                    break
            if ok:
                return True
        return False

    return check, keys
