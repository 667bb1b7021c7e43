"""Second session of 2026-12-07, from conversations written to be hard: "them" after a body part
is the body part, not a person of a story told before; a correction that gives what was said to
someone else also gives them what it tells of "him" or "her"; in Spanish, a bleed said with how
long it has gone on ("llevo 40 minutos sangrando") keeps its bleeding word."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigil.escalation.triage import default_engine
from vigil.escalation.triage.conversation import ConversationReader, Message
from vigil.escalation.triage.model import Assessment, Level

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _read(*texts: str, language: str = "en") -> Assessment:
    messages = [Message(t, T0 + timedelta(minutes=90 * i)) for i, t in enumerate(texts)]
    return ConversationReader(default_engine(language)).read(messages).assessment


# --- "them" for the body part just named ------------------------------------------------------


@pytest.mark.parametrize(
    "later",
    [
        "now both my feet... no, both hands, gone all pins and needles, like you've slept on them",
        "both arms tingling, shook them and it won't go",
        "legs have gone numb, can hardly stand on them",
    ],
)
def test_them_after_a_body_part_is_the_body_part_after_a_story(later: str) -> None:
    a = _read("neck's been stiff and sore since yesterday", "watching the rugby with my nephew", later)
    assert a.level is Level.EMERGENCY
    assert "mscc-neuro" in a.rules


def test_a_person_in_the_story_still_has_what_the_story_tells() -> None:
    a = _read(
        "neck's a bit sore", "watching a film, the poor man in it can't feel his legs, they had to carry him"
    )
    assert a.level is not Level.EMERGENCY


# --- a correction to someone else, and what it tells of them ---------------------------------


@pytest.mark.parametrize(
    "correction",
    [
        "sorry, that last one was about my wife not me, she's been poorly too",
        "oops wrong person, that was my husband, he's been coughing as well",
        "ignore that, it's my dad I meant, he's been sick twice",
    ],
)
def test_a_correction_to_someone_else_gives_them_what_it_tells_of_them(correction: str) -> None:
    a = _read("my back's ached all week, constant", "legs have gone weak and wobbly", correction)
    assert a.level is Level.URGENT, a.findings
    assert "mscc-neuro" not in a.rules


def test_the_writer_telling_of_their_own_after_the_correction_keeps_it() -> None:
    a = _read(
        "my back's ached all week, constant",
        "legs gone weak",
        "sorry that was my husband, but I've been coughing",
    )
    assert a.level >= Level.URGENT  # the writer's cough stays theirs


# --- Spanish: how long a bleed has gone on --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "llevo media hora sangrando por la nariz",
        "lleva 25 minutos sangrando de la encía, no le para",
        "ya van 40 minutos sangrando por la boca",
        "sangrando de la nariz desde hace una hora",
    ],
)
def test_a_bleed_that_has_gone_on_for_a_while_is_an_emergency(text: str) -> None:
    a = _read(text, language="es")
    assert a.level is Level.EMERGENCY, a.findings
    assert "bleeding-major" in a.rules


@pytest.mark.parametrize(
    "text", ["me sangró un poquito la nariz esta mañana", "llevo una hora en la fila del banco"]
)
def test_a_bleed_of_a_while_ago_or_a_wait_is_not_one_that_goes_on(text: str) -> None:
    assert _read(text, language="es").level is not Level.EMERGENCY
