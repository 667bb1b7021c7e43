"""Phone numbers: read in the clinic's country, never guessed into another."""

from __future__ import annotations

import pytest

from vigil.core.phones import e164


def test_a_national_number_is_read_as_the_clinics_country() -> None:
    assert e164("(617) 555-0101", "US") == "+16175550101"


def test_a_number_with_its_country_code_keeps_it() -> None:
    assert e164("+44 7911 123456", "US") == "+447911123456"


@pytest.mark.parametrize("typed", ["447911123456", "0044 7911 123456"])
def test_a_foreign_number_without_plus_is_refused_with_the_number_it_may_be(typed: str) -> None:
    with pytest.raises(ValueError) as refused:
        e164(typed, "US")
    assert "needs its +country code: did you mean +44 7911 123456?" in str(refused.value)


def test_a_number_too_short_anywhere_gets_no_suggestion() -> None:
    with pytest.raises(ValueError) as refused:
        e164("555 0123", "US")
    assert "did you mean" not in str(refused.value)
