"""Texts that are not from a patient: a nurse answering a page with a short code
("12a" acknowledges case 12, "12c" claims it), or a number we do not know. Parsing is the
channel's; acting and answering are the use cases'."""

from __future__ import annotations

from vigil.core.models import Staff
from vigil.escalation.cases import CaseError
from vigil.escalation.paging import HOW, SHORT_CODE
from vigil.escalation.triage.texts import say
from vigil.usecases.service import Service

STRANGER = say("stranger_sms")
MAX_REPLY = 300  # two SMS segments at most


async def from_staff(service: Service, staff: Staff, sid: str, body: str) -> None:
    """Act on a short code from a staff member's phone and answer them; a repeat is a no-op."""
    found = SHORT_CODE.match(body)
    reply = HOW
    if found is not None:
        case_id = int(found.group(1))
        action = "acknowledge" if found.group(2).lower() == "a" else "claim"
        if not await service.case_in_clinic(staff, case_id):
            reply = f"There is no case #{case_id} in your clinic."
        else:
            try:
                # The receipt commits with the action, so a redelivered text acts once.
                if not await service.act(staff, case_id, action, "sms", receipt=("sms", sid)):
                    return
            except CaseError as exc:
                reply = f"Case #{case_id}: {exc}"
            else:
                done = "acknowledged" if action == "acknowledge" else "claimed"
                await service.answer_staff(staff, "sms", staff.phone or "", f"Case #{case_id} {done}.")
                return
    await service.answer_staff(staff, "sms", staff.phone or "", reply[:MAX_REPLY], receipt=("sms", sid))


async def from_stranger(service: Service, number: str, sid: str) -> None:
    await service.answer_stranger("sms", number, STRANGER, receipt=("sms", sid))


async def staff_by_phone(service: Service, number: str) -> Staff | None:
    return await service.staff_at("sms", number)
