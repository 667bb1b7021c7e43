"""patient timeline indexes: a patient's rows of each kind paged newest first

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 01:46:00
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_checkin_patient_opened", "checkin", ["patient_id", "opened_at", "id"])
    op.create_index("ix_inbound_patient_received", "inbound_message", ["patient_id", "received_at", "id"])
    op.create_index("ix_outbound_patient_created", "outbound_message", ["patient_id", "created_at", "id"])
    op.create_index("ix_follow_up_patient_started", "follow_up", ["patient_id", "started_at", "id"])
    op.create_index("ix_case_patient_opened", "case", ["patient_id", "opened_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_case_patient_opened", table_name="case")
    op.drop_index("ix_follow_up_patient_started", table_name="follow_up")
    op.drop_index("ix_outbound_patient_created", table_name="outbound_message")
    op.drop_index("ix_inbound_patient_received", table_name="inbound_message")
    op.drop_index("ix_checkin_patient_opened", table_name="checkin")
