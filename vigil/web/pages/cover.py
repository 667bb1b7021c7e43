"""On-call cover from the queue page: an admin sets or takes back cover (rules in escalation.cover)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from vigil.core.models import Clinic
from vigil.escalation import cover
from vigil.scheduler.schedule import zone

from ..deps import RowId, RuntimeDep, check_csrf
from .common import PageStaff, _need

router = APIRouter()
SHOWN = "%a %d %b %H:%M"


@router.post("/oncall/overrides/{override_id}/remove")
async def drop_override(
    override_id: RowId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
) -> RedirectResponse:
    me = _need(staff)
    check_csrf(request, csrf)
    try:
        await rt.service.remove_cover(me, override_id, "web")
        request.session["flash"] = ("Cover removed.", "ok")
    except cover.CoverError as exc:
        request.session["flash"] = (f"Cover not removed: {exc}", "error")
    return RedirectResponse("/", status_code=303)


@router.post("/oncall/overrides")
async def add_override(
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
    rotation: Annotated[str, Form(max_length=64)] = "",
    email: Annotated[str, Form(max_length=254)] = "",
    starts_at: Annotated[str, Form(max_length=40)] = "",
    hours: Annotated[float, Form(gt=0, le=24 * 14)] = 12,
) -> RedirectResponse:
    me = _need(staff)
    check_csrf(request, csrf)

    async with rt.db.session() as session:
        clinic = await session.get(Clinic, me.clinic_id)
    try:
        start = datetime.fromisoformat(starts_at) if starts_at else rt.clock.now()
    except ValueError:
        raise HTTPException(422, "the start is not a date and time") from None
    if start.tzinfo is None and clinic is not None:
        start = start.replace(tzinfo=zone(clinic.timezone))  # a form's time is the clinic's local time
    end = start + timedelta(hours=hours)
    try:
        made = await rt.service.add_cover(me, rotation, email, start, end, "web")
    except cover.CoverError as exc:  # back to the form with the reason, not a bare error page
        request.session["flash"] = (f"Cover not set: {exc}", "error")
        return RedirectResponse("/", status_code=303)
    tz = zone(clinic.timezone) if clinic is not None else None
    shown, until = start.astimezone(tz), end.astimezone(tz)
    said = f"{email} is on call for {rotation} from {shown:%a %d %b %H:%M} until {until:%a %d %b %H:%M %Z}."
    if made.overlaps:  # set, but the admin should know: while both run, the one set last wins
        others = "; ".join(
            f"{o.name} from {o.starts_at.astimezone(tz):{SHOWN}} until {o.ends_at.astimezone(tz):{SHOWN}}"
            for o in made.overlaps
        )
        said += f" It overlaps other cover of {rotation} ({others}): this cover wins while both run."
    request.session["flash"] = (said, "warn" if made.overlaps else "ok")
    return RedirectResponse("/", status_code=303)
