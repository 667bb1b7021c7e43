"""score trends: a clinic's default baseline for 0-10 answers, and a case reason's trend

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 23:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clinic", schema=None) as batch_op:
        batch_op.add_column(sa.Column("trend_baseline_default", sa.Double(), nullable=True))
    with op.batch_alter_table("case_reason", schema=None) as batch_op:
        batch_op.add_column(sa.Column("trend", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_reason", schema=None) as batch_op:
        batch_op.drop_column("trend")
    with op.batch_alter_table("clinic", schema=None) as batch_op:
        batch_op.drop_column("trend_baseline_default")
