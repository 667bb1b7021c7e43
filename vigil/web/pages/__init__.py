"""Server-rendered pages, one module each: sign in, one's own password, the live queue, on-call
cover and the on-call editor, resolved cases and hand-over, the simulator's pager, a case, a
patient, the patient simulator, the admin's staff, audit log and export, the protocol editor.
`common` holds what they share; web/app mounts `router`."""

from fastapi import APIRouter

from . import (
    account,
    admin,
    carers,
    case,
    cover,
    handover,
    oncall,
    pager,
    patient,
    patients,
    protocols,
    queue,
    signin,
    simulator,
)
from .common import LoginRequired, templates

router = APIRouter()
# handover before case: the case page's POST /cases/{id}/{action} would take release and
# take-over; pager before simulator: /simulator/{external_id} would take /simulator/staff;
# patients before patient: /patients/{id} would take /patients/new and /patients/import.
for _page in (
    signin,
    account,
    queue,
    cover,
    oncall,
    handover,
    pager,
    case,
    patients,
    patient,
    carers,
    simulator,
    admin,
    protocols,
):
    router.include_router(_page.router)

__all__ = ["LoginRequired", "router", "templates"]
