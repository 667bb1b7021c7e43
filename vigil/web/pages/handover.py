"""Pages for cases beyond the queue: resolved cases (searched, filtered, a page at a time),
and a claimed case's release and take-over.

Registered before the case page's router (pages/__init__.py): its catch-all `POST /cases/{id}/{action}` would
otherwise answer release and take-over with 404.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from vigil.assembly import Runtime
from vigil.core.models import Staff
from vigil.escalation.cases import DISPOSITIONS, CaseError

from .. import history
from ..case_api import find_cases
from ..deps import RowId, RuntimeDep, check_csrf
from .common import PageStaff, _need, _render

router = APIRouter()
Text = Annotated[str, Query(max_length=200)]


@router.get("/history", response_class=HTMLResponse)
async def resolved_cases(
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    q: Text = "",
    level: Annotated[str, Query(max_length=40)] = "",
    disposition: Annotated[str, Query(max_length=40)] = "",
    nurse: Annotated[str, Query(max_length=254)] = "",
    opened_from: Annotated[str, Query(alias="from", max_length=10)] = "",
    opened_to: Annotated[str, Query(alias="to", max_length=10)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """Resolved cases, newest first, a page at a time; each opens as it was on /cases/{id}."""
    me = _need(staff)
    asked = {"q": q, "level": level, "disposition": disposition, "nurse": nurse}
    asked |= {"from": opened_from, "to": opened_to}
    error: str | None = None
    found: list[dict[str, Any]] = []
    total = 0
    try:
        query = history.parse(
            status="resolved",
            text=q,
            level=level,
            disposition=disposition,
            nurse=nurse,
            opened_from=opened_from,
            opened_to=opened_to,
            offset=(page - 1) * history.PAGE_SIZE,
            limit=history.PAGE_SIZE,
        )
        found, total = await find_cases(rt, me, query, "web", "history")
    except history.QueryError as exc:
        error = str(exc)
    async with rt.db.session() as session:
        people = await history.clinic_staff(session, me.clinic_id)
    kept = {k: v for k, v in asked.items() if v}

    def link(to_page: int) -> str:
        return "/history?" + urlencode({**kept, "page": to_page})

    pages = max(1, -(-total // history.PAGE_SIZE))
    return await _render(
        request,
        rt,
        "history.html",
        me,
        status=422 if error else 200,
        cases=found,
        total=total,
        error=error,
        asked=asked,
        page=page,
        pages=pages,
        first=(page - 1) * history.PAGE_SIZE + 1,
        previous=link(page - 1) if page > 1 else None,
        next=link(page + 1) if page < pages else None,
        levels=history.CASE_LEVELS,
        dispositions=DISPOSITIONS,
        people=people,
    )


HAND_OVERS: dict[str, tuple[str, str]] = {
    # path → (the use case's action, what the nurse is told)
    "release": ("release", "Released: the case is back in the queue and the on-call chain is paged."),
    "take-over": ("take_over", "Taken over: the case is yours."),
}


@router.post("/cases/{case_id}/release")
async def release(
    case_id: RowId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
    reason: Annotated[str, Form(max_length=1000)] = "",
) -> RedirectResponse:
    return await _hand_over(case_id, "release", request, rt, staff, csrf, reason)


@router.post("/cases/{case_id}/take-over")
async def take_over(
    case_id: RowId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
    reason: Annotated[str, Form(max_length=1000)] = "",
    holder: Annotated[str | None, Form(max_length=254)] = None,
) -> RedirectResponse:
    return await _hand_over(case_id, "take-over", request, rt, staff, csrf, reason, holder)


async def _hand_over(
    case_id: int,
    path: str,
    request: Request,
    rt: Runtime,
    staff: Staff | None,
    csrf: str | None,
    reason: str,
    holder: str | None = None,
) -> RedirectResponse:
    me = _need(staff)
    check_csrf(request, csrf)
    action, done = HAND_OVERS[path]
    try:
        await rt.service.act(me, case_id, action, "web", reason=reason, holder=holder)
        request.session["flash"] = (done, "ok")
    except CaseError as exc:
        if exc.status == 404:
            raise HTTPException(404, str(exc)) from None
        request.session["flash"] = (
            f"Not {'released' if action == 'release' else 'taken over'}: {exc}",
            "error",
        )
    return RedirectResponse(f"/cases/{case_id}", status_code=303)
