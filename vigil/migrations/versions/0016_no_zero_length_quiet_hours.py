"""quiet hours of no length (start == end) are cleared: they meant none, and the file refuses them

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-08 01:30:00

Quiet hours from a time to the same time (21:00-21:00) have been refused at save and at import
since they were found to read as quiet hours on the pages while the send times kept to none.
A clinic that stored them before keeps none in fact; this says so in the row, so the pages,
the API and the export say what the schedule does, and the export imports (the file refuses
such a window). The window was no window: clearing it changes no send time, and nothing is
lost that a downgrade could give back.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _minutes(value: str) -> int | str:
    """'21:00', '9:00' or '21:00:00' as minutes of the day; the text itself if it is none."""
    parts = value.strip().split(":")
    try:
        return int(parts[0]) * 60 + int(parts[1])
    except (IndexError, ValueError):
        return value.strip()


def upgrade() -> None:
    clinic = sa.table("clinic", sa.column("id"), sa.column("quiet_start"), sa.column("quiet_end"))
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(clinic.c.id, clinic.c.quiet_start, clinic.c.quiet_end).where(
            clinic.c.quiet_start.is_not(None), clinic.c.quiet_end.is_not(None)
        )
    ).all()
    empty = [row.id for row in rows if _minutes(row.quiet_start) == _minutes(row.quiet_end)]
    if empty:
        conn.execute(
            sa.update(clinic).where(clinic.c.id.in_(empty)).values(quiet_start=None, quiet_end=None)
        )


def downgrade() -> None:
    pass  # a window of no length was none: there is nothing to give back
