from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from vigil.escalation.triage import Assessment, TriageEngine, default_engine

# Contexts the tests give often: a carer wrote it; the patient is on treatment.
CARER = {"writer": "carer"}
ON_TX = {"on_active_treatment": True}


@pytest.fixture(scope="session")
def engine() -> TriageEngine:
    return default_engine()


def present(a: Assessment) -> set[str]:
    return {f.concept for f in a.findings if f.present}


def status_of(a: Assessment, concept: str) -> set[str]:
    return {f.status for f in a.findings if f.concept == concept}


def assess(text: str, question: str | None = None, context: Mapping[str, Any] | None = None) -> Assessment:
    return default_engine().assess(text, question, context)
