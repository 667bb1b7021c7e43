"""carers: people who write for a patient, and who wrote each message

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 01:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import vigil.core.db

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# (table, ondelete) of the tables that name a carer.
NAMED = (
    ("inbound_message", "SET NULL"),
    ("outbound_message", "SET NULL"),
    ("invite", "CASCADE"),
    ("follow_up", "SET NULL"),
)


def upgrade() -> None:
    at = vigil.core.db.UTCDateTime(timezone=True)
    op.create_table(
        "carer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clinic_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relationship", sa.String(length=60), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("telegram_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("consent_recorded_at", at, nullable=True),
        sa.Column("consent_recorded_by", sa.String(length=254), nullable=True),
        sa.Column("opted_out_at", at, nullable=True),
        sa.Column("created_at", at, nullable=False),
        sa.Column("removed_at", at, nullable=True),
        sa.ForeignKeyConstraint(
            ["clinic_id"], ["clinic.id"], name="fk_carer_clinic_id_clinic", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patient.id"], name="fk_carer_patient_id_patient", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_carer"),
    )
    op.create_index("ix_carer_clinic_id", "carer", ["clinic_id"])
    op.create_index("ix_carer_phone", "carer", ["phone"])
    op.create_index("ix_carer_telegram_chat_id", "carer", ["telegram_chat_id"])
    op.create_index("ix_carer_patient", "carer", ["patient_id", "removed_at"])
    for table, ondelete in NAMED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("carer_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                f"fk_{table}_carer_id_carer", "carer", ["carer_id"], ["id"], ondelete=ondelete
            )


def downgrade() -> None:
    for table, _ in reversed(NAMED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f"fk_{table}_carer_id_carer", type_="foreignkey")
            batch_op.drop_column("carer_id")
    op.drop_index("ix_carer_patient", table_name="carer")
    op.drop_index("ix_carer_telegram_chat_id", table_name="carer")
    op.drop_index("ix_carer_phone", table_name="carer")
    op.drop_index("ix_carer_clinic_id", table_name="carer")
    op.drop_table("carer")
