"""Every event kind the case page words is one the database can store."""

from __future__ import annotations

from vigil.escalation.models import CaseEvent
from vigil.web.wording import EVENT_WORDS


def test_every_worded_event_kind_fits_the_event_kind_column() -> None:
    # A kind longer than the column is refused by PostgreSQL (SQLite stores it anyway), so the
    # event, and the message that wrote it, failed only there: "follow_up_answered_late" did.
    width = CaseEvent.__table__.c.kind.type.length
    assert width is not None
    too_long = [kind for kind in EVENT_WORDS if len(kind) > width]
    assert too_long == []
