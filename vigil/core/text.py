"""Text from outside, made safe to store: PostgreSQL refuses NUL, and no control
character but newline and tab belongs in a message."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value: str) -> str:
    return _CONTROL.sub("", value)
