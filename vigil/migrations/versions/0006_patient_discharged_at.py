"""patient discharged_at

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 06:33:24.210047
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


import vigil.core.db

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.add_column(sa.Column('discharged_at', vigil.core.db.UTCDateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.drop_column('discharged_at')

