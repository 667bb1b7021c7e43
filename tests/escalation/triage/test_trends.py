"""Reading across weeks: a 0-10 answer against the patient's own baseline (TRIAGE.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from vigil.escalation.triage import Level, TriageEngine
from vigil.escalation.triage.trends import Score, baseline, trend, with_trends

START = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
BACK = "How bad is any back pain today, from 0 (none) to 10 (worst)?"
BREATH = "How breathless have you been today, from 0 (none) to 10 (worst)?"


def weekly(*values: float) -> list[Score]:
    return [Score(v, START + timedelta(weeks=i)) for i, v in enumerate(values)]


def test_the_baseline_is_the_median_of_the_first_three_answers() -> None:
    assert baseline(weekly(1, 5, 2, 9, 9)) == 2
    assert baseline(weekly(4, 4, 3), default=7) == 4


def test_the_baseline_reads_answers_in_time_order_whatever_order_they_come_in() -> None:
    scores = weekly(1, 2, 3, 8)
    assert baseline(list(reversed(scores))) == 2


def test_a_rise_of_two_over_the_baseline_is_worsening() -> None:
    found = trend(weekly(2, 2, 2, 4))
    assert found.worsening
    assert found.baseline == 2
    assert found.why is not None
    assert "2 above baseline 2" in found.why


def test_a_rise_of_one_is_not_worsening() -> None:
    assert not trend(weekly(2, 2, 2, 3)).worsening


def test_a_high_score_that_is_the_patients_usual_is_not_worsening() -> None:
    assert not trend(weekly(7, 8, 7, 8)).worsening


def test_three_answers_in_a_row_each_higher_than_the_last_are_worsening() -> None:
    found = trend(weekly(5, 5, 5, 4, 5, 6))  # 6 is only 1 above the baseline of 5
    assert found.worsening
    assert found.why is not None
    assert "4, 5, 6" in found.why


def test_a_run_broken_by_a_level_answer_is_not_worsening() -> None:
    assert not trend(weekly(5, 5, 5, 4, 5, 5, 6)).worsening


def test_the_answer_judged_is_the_latest_even_when_given_out_of_order() -> None:
    scores = weekly(2, 2, 2, 6)
    assert trend([scores[3], *scores[:3]]).worsening


def test_with_fewer_than_three_earlier_answers_the_clinic_default_is_the_baseline() -> None:
    found = trend(weekly(1, 4), default_baseline=2)
    assert found.worsening
    assert found.baseline == 2
    assert found.why is not None
    assert "clinic default" in found.why
    assert not trend(weekly(1, 3), default_baseline=2).worsening


def test_without_a_clinic_default_only_a_rising_run_counts_before_three_answers() -> None:
    assert trend(weekly(1, 9)).baseline is None
    assert not trend(weekly(1, 9)).worsening
    assert not trend(weekly(9, 1, 9)).worsening
    rising = trend(weekly(1, 2, 3))
    assert rising.worsening
    assert rising.baseline is None


def test_the_answer_that_makes_the_third_is_still_judged_against_the_default() -> None:
    # Two earlier answers: the baseline is not theirs yet, the clinic's default stands.
    assert trend(weekly(5, 5, 5), default_baseline=2).worsening
    assert not trend(weekly(5, 5, 5)).worsening


def test_no_answers_say_nothing() -> None:
    assert not trend([]).worsening


def test_a_worsening_back_pain_answer_fires_the_spinal_pain_rule(engine: TriageEngine) -> None:
    now = START + timedelta(weeks=3)
    alone = engine.assess("5", BACK)
    assert alone.level == Level.ROUTINE
    read = with_trends(alone, {"back_pain": weekly(2, 2, 2)}, now, engine.rules, advice=engine.render_advice)
    assert read.level == Level.URGENT
    assert "spinal-pain-flags" in read.rules
    (finding,) = read.present
    assert "worsening" in finding.modifiers
    (reason,) = read.reasons()
    assert reason["rule"] == "spinal-pain-flags"
    assert "worsening" in reason["trend"]
    assert read.advice == engine.render_advice(Level.URGENT, list(read.rules))


def test_a_steady_answer_leaves_the_assessment_as_it_was(engine: TriageEngine) -> None:
    alone = engine.assess("3", BACK)
    now = START + timedelta(weeks=3)
    assert with_trends(alone, {"back_pain": weekly(2, 3, 2)}, now, engine.rules) is alone


def test_only_answers_to_a_check_in_question_are_judged(engine: TriageEngine) -> None:
    # A score in free text is not a check-in answer: no baseline to compare it with.
    alone = engine.assess("my back pain is 5 out of 10")
    now = START + timedelta(weeks=3)
    assert with_trends(alone, {"back_pain": weekly(1, 1, 1)}, now, engine.rules) is alone


def test_a_no_to_the_scale_question_is_never_worsening(engine: TriageEngine) -> None:
    alone = engine.assess("0", BACK)
    now = START + timedelta(weeks=3)
    assert with_trends(alone, {"back_pain": weekly(1, 2, 3)}, now, engine.rules) is alone


def test_a_concept_without_history_or_clinic_default_is_not_judged(engine: TriageEngine) -> None:
    alone = engine.assess("5", BACK)
    now = START + timedelta(weeks=3)
    assert with_trends(alone, {"dyspnea": weekly(1, 1, 1)}, now, engine.rules) is alone


def test_a_first_answer_is_judged_against_the_clinic_default(engine: TriageEngine) -> None:
    alone = engine.assess("4", BACK)
    read = with_trends(alone, {}, START, engine.rules, default_baseline=2)
    assert read.level == Level.URGENT
    assert with_trends(alone, {}, START, engine.rules, default_baseline=3) is alone


def test_breathlessness_rising_three_answers_in_a_row_fires_the_dyspnea_rule(
    engine: TriageEngine,
) -> None:
    alone = engine.assess("3", BREATH)
    now = START + timedelta(weeks=2)
    read = with_trends(alone, {"dyspnea": weekly(1, 2)}, now, engine.rules)
    assert read.level == Level.URGENT
    assert "dyspnea-new" in read.rules
