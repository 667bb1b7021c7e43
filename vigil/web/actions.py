"""What a nurse does to a case, the same through the API and the pages."""

from __future__ import annotations

from vigil.core.audit import audit
from vigil.core.models import Staff
from vigil.escalation import cases as case_ops

from .runtime import Runtime

ACTIONS = ("acknowledge", "claim", "decline", "resolve")


async def act(
    rt: Runtime,
    staff: Staff,
    case_id: int,
    action: str,
    channel: str,
    *,
    disposition: str = "",
    note: str | None = None,
) -> None:
    """Acknowledge, claim, decline or resolve, audited; raises CaseError when it cannot happen."""
    now = rt.clock.now()
    async with rt.db.transaction() as session:
        if action == "acknowledge":
            await case_ops.acknowledge(session, case_id, staff, now, channel)
        elif action == "claim":
            await case_ops.claim(session, case_id, staff, now, channel)
        elif action == "decline":
            await case_ops.decline(session, case_id, staff, now, channel)
        elif action == "resolve":
            await case_ops.resolve(session, case_id, staff, now, channel, disposition, note)
        else:
            raise ValueError(f"unknown action {action!r}")
        audit(
            session,
            at=now,
            actor=staff.email,
            action=action,
            subject_type="case",
            subject_id=case_id,
            clinic_id=staff.clinic_id,
            channel=channel,
        )
    rt.hub.publish(f"clinic:{staff.clinic_id}", {"type": "changed", "case": case_id})
    if action == "decline":
        await rt.service.escalate()  # the next tier now
