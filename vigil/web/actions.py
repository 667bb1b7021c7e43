"""Reading a case for the API and the pages, every view audited. (Acting on a case is the use
cases' `Service.act`, shared with Telegram buttons and SMS short codes.)"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from vigil.assembly import Runtime
from vigil.core.audit import staff_did
from vigil.core.models import Staff

from . import views

ACTIONS = ("acknowledge", "claim", "decline", "resolve")


async def view_case(
    rt: Runtime, staff: Staff, case_id: int, channel: str, *, audited: bool = True
) -> dict[str, Any]:
    """A case with its events and transcript, for the staff member's clinic; every view audited."""
    async with rt.db.transaction() as session:
        found = await views.case_detail(session, staff.clinic_id, case_id)
        if found is None:
            raise HTTPException(404, "no such case")
        if audited:
            staff_did(session, staff, "view", "case", case_id, at=rt.clock.now(), channel=channel)
    return found
