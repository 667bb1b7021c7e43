"""What Twilio's error codes mean for Vigil: retry later, tell the operator, or stop writing
to the patient. Decided here, once, for both the REST API's errors and the status webhook's."""

from __future__ import annotations

from dataclasses import dataclass

OPTED_OUT = 21610  # the handset replied STOP
INVALID_NUMBER = frozenset({21211, 21614, 30005, 30006})
RETRY_LATER = frozenset({30003})  # the handset was unreachable
ALERT = frozenset({30007, 30032, 30034})  # carrier filtering, unregistered sender: the operator's job


@dataclass(frozen=True)
class Meaning:
    retry_later: bool = False
    alert: bool = False
    patient_status: str | None = None  # "opted_out" or "unreachable": stop writing to them


def patient_status(code: int | None) -> str | None:
    if code == OPTED_OUT:
        return "opted_out"
    if code in INVALID_NUMBER:
        return "unreachable"
    return None


def meaning(code: int) -> Meaning:
    if code in RETRY_LATER:
        return Meaning(retry_later=True)
    if code in ALERT:
        return Meaning(alert=True)
    return Meaning(patient_status=patient_status(code))
