"""Triage told that a carer wrote (`{"writer": "carer"}`, data, not a lookup): the people the
message names are the patient, unless it says clearly that someone is not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from vigil.escalation.triage import engines
from vigil.escalation.triage.conversation import ConversationReader, Message
from vigil.escalation.triage.engine import default_engine

from .conftest import CARER


def test_my_husband_from_a_carer_is_the_patient_and_from_the_patient_someone_else() -> None:
    text = "my husband can't feel his legs"
    assert engines.assess(text, context=CARER).rules == ("cord-signs",)
    alone = engines.assess(text)
    assert alone.rules == ()
    assert alone.other_person_level.label == "emergency"


def test_mum_and_he_and_spanish_from_a_carer_are_the_patient() -> None:
    assert "hemoptysis-major" in engines.assess("mum is coughing up blood, a cupful", context=CARER).rules
    assert engines.assess("he can't feel his legs", context=CARER).level.label == "emergency"
    assert engines.assess("mi esposo no puede caminar", context=CARER).level.label == "emergency"


def test_someone_clearly_not_the_patient_stays_someone_else_from_a_carer() -> None:
    a = engines.assess("my neighbour is coughing up blood, he is not a patient of yours", context=CARER)
    assert a.rules == ()
    assert a.other_person_level.label == "urgent"


def test_the_writer_is_no_rule_context_and_the_treatment_flags_still_count() -> None:
    a = engines.assess("he has a fever of 38.6", context={**CARER, "on_active_treatment": True})
    assert a.rules == ("neutropenic-fever",)
    assert "writer" not in a.context


def test_a_conversation_reads_each_message_with_its_own_writer() -> None:
    t0 = datetime(2026, 1, 5, 9, tzinfo=UTC)
    reading = ConversationReader(default_engine()).read(
        [
            Message("my back is sore since yesterday", t0),
            Message("my husband says his legs feel weak", t0 + timedelta(hours=1), context=CARER),
        ]
    )
    assert "mscc-neuro" in reading.assessment.rules
