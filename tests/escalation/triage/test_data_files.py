"""The triage data files name each key once: YAML keeps the last of two, so a list written
twice silently loses the first (the Spanish `and_words` once lost "además" that way)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parents[3] / "vigil" / "escalation" / "triage" / "data"


class _Strict(yaml.SafeLoader):
    twice: list[str]


def _mapping(loader: _Strict, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    keys = Counter(loader.construct_object(k) for k, _ in node.value)  # type: ignore[no-untyped-call]
    loader.twice += [f"{k} (line {node.start_mark.line + 1})" for k, n in keys.items() if n > 1]
    return loader.construct_mapping(node, deep)


_Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("path", sorted(DATA.glob("*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_data_file_names_each_key_once(path: Path) -> None:
    loader = _Strict(path.read_text(encoding="utf-8"))
    loader.twice = []
    try:
        loader.get_single_data()
    finally:
        loader.dispose()
    assert loader.twice == []
