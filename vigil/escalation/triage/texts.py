"""The texts Vigil sends to patients (and to people it does not know), per language, kept
beside the triage advice in data/<language>/texts.yaml. Pure: a key and the values to fill
in go in, the sentence comes out; a missing key or value is an error, never a blank."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def _texts(language: str) -> dict[str, str]:
    path = resources.files(__package__) / "data" / language / "texts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}


def names(language: str = "en") -> list[str]:
    """Every text's key, for tests that check them all."""
    return sorted(_texts(language))


def say(key: str, language: str = "en", **values: object) -> str:
    """The text `key` in `language`, its {placeholders} filled from `values`."""
    return _texts(language)[key].format(**values)
