"""clinic conversation window: how far back triage pools a patient's messages

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 21:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clinic", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("conversation_window_hours", sa.Integer(), nullable=False, server_default="48")
        )


def downgrade() -> None:
    with op.batch_alter_table("clinic", schema=None) as batch_op:
        batch_op.drop_column("conversation_window_hours")
