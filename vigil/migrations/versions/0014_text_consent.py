"""text consent: the clinic's opt-in for patients reached by text, and when each was asked

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 04:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import vigil.core.db

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clinic", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("text_consent", sa.String(length=10), nullable=False, server_default="notice")
        )
    # Both empty for the patients already here: they were enrolled under the old rules and
    # hear no notice now (docs/design.md, "Consent by text").
    at = vigil.core.db.UTCDateTime(timezone=True)
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consent_asked_at", at, nullable=True))
        batch_op.add_column(sa.Column("consent_reminded_at", at, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.drop_column("consent_reminded_at")
        batch_op.drop_column("consent_asked_at")
    with op.batch_alter_table("clinic", schema=None) as batch_op:
        batch_op.drop_column("text_consent")
