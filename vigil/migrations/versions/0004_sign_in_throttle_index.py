"""sign-in throttle index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 05:19:47.003172
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


import vigil.core.db

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_actor_action_at', ['actor', 'action', 'at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_actor_action_at')

