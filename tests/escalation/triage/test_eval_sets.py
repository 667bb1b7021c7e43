"""The labelled message sets hold the engine to the targets of the triage issue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vigil.escalation.triage import default_engine

ROOT = Path(__file__).resolve().parents[3]
SETS = [
    ROOT / "bench" / "data" / "dev.jsonl",
    ROOT / "bench" / "data" / "dev_texting.jsonl",
    ROOT / "bench" / "data" / "extra_texting.jsonl",
]
RANK = {"none": 0, "routine": 1, "urgent": 2, "emergency": 3}


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_labelled_set_meets_the_targets(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not here")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    got = [default_engine().assess(r["text"], r.get("question"), r.get("context")).level.label for r in rows]
    want = [r["level"] for r in rows]
    pairs = list(zip(want, got, strict=True))
    emergencies = [g for w, g in pairs if w == "emergency"]
    urgent_up = [g for w, g in pairs if RANK[w] >= 2]
    low = [g for w, g in pairs if RANK[w] <= 1]
    missed = [
        r["id"] for r, g in zip(rows, got, strict=True) if r["level"] == "emergency" and g != "emergency"
    ]
    assert not missed, f"emergencies missed: {missed}"
    assert sum(RANK[g] >= 2 for g in urgent_up) / len(urgent_up) >= 0.97
    assert sum(RANK[g] >= 2 for g in low) / len(low) <= 0.03
    assert sum(w == g for w, g in pairs) / len(pairs) >= 0.90
    assert emergencies
