"""patient list indexes: a clinic's patients paged by name, status or date added

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 00:10:00
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_patient_clinic_name", "patient", ["clinic_id", "name", "id"])
    op.create_index("ix_patient_clinic_status", "patient", ["clinic_id", "status", "id"])
    op.create_index("ix_patient_clinic_created", "patient", ["clinic_id", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_patient_clinic_created", table_name="patient")
    op.drop_index("ix_patient_clinic_status", table_name="patient")
    op.drop_index("ix_patient_clinic_name", table_name="patient")
