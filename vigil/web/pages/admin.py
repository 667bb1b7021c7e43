"""The admin's pages: staff (invite, role, deactivate, password, Telegram), the audit log,
and the clinic's export. Rules in vigil/clinic/staff.py; the API twin is web/admin_api.py.

Staff is readable by everyone signed in (nurses see who is who), changed by admins only
(403); the audit log and the export are admins' only. A temporary password or a Telegram link
is shown once, on the page the POST answers with (never stored in the session cookie).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import staff as staff_admin
from vigil.core.models import Staff
from vigil.usecases import audit_log

from ..admin_api import export_text, need_admin, read_audit, telegram_link, yaml_download
from ..deps import RowId, RuntimeDep, check_csrf
from ..security import hash_password
from .common import PageStaff, _need, _render

router = APIRouter()


async def _staff_page(
    request: Request, rt: Runtime, me: Staff, status: int = 200, **shown: Any
) -> HTMLResponse:
    async with rt.db.session() as session:
        people = await staff_admin.list_staff(session, me.clinic_id)
    return await _render(
        request,
        rt,
        "admin_staff.html",
        me,
        status=status,
        people=people,
        roles=staff_admin.ROLES,
        notify_by=staff_admin.NOTIFY_BY,
        telegram_on=bool(rt.settings.telegram_token),
        **shown,
    )


def _problems(exc: staff_admin.StaffError) -> dict[str, str]:
    return dict(exc.problems)


@router.get("/admin/staff", response_class=HTMLResponse)
async def staff_page(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    return await _staff_page(request, rt, _need(staff))


@router.post("/admin/staff", response_class=HTMLResponse)
async def invite(
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
    email: Annotated[str, Form(max_length=254)] = "",
    name: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=20)] = "nurse",
    phone: Annotated[str, Form(max_length=40)] = "",
    notify_by: Annotated[str, Form(max_length=20)] = "",
    telegram_chat_id: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    me = _need(staff)
    check_csrf(request, csrf)
    contact = {"phone": phone, "notify_by": notify_by, "telegram_chat_id": telegram_chat_id}
    try:
        async with rt.db.transaction() as session:
            made, password = await staff_admin.invite(
                session, me, email, name, role, hash_password, rt.clock.now(), "web", contact
            )
            who = made.name
    except staff_admin.StaffError as exc:
        if exc.status == 403:
            raise HTTPException(403, str(exc)) from None
        return await _staff_page(
            request,
            rt,
            me,
            422,
            refused=f"Not invited: {exc}",
            form={"email": email, "name": name, "role": role, **contact},
            problems=_problems(exc),
        )
    return await _staff_page(request, rt, me, secret=(who, password), done=f"{who} is on the staff.")


async def _change(request: Request, rt: Runtime, me: Staff, done: str, apply: Any) -> Response:
    """Run one change; a refusal goes back to the page with the reason (403 and 404 as such)."""
    try:
        async with rt.db.transaction() as session:
            outcome = await apply(session)
    except staff_admin.StaffError as exc:
        if exc.status in (403, 404):
            raise HTTPException(exc.status, str(exc)) from None
        return await _staff_page(request, rt, me, 422, refused=str(exc))
    if isinstance(outcome, tuple):  # (staff, temporary password): shown once, here
        return await _staff_page(request, rt, me, secret=(outcome[0].name, outcome[1]), done=done)
    request.session["flash"] = (done, "ok")
    return RedirectResponse("/admin/staff", status_code=303)


@router.post("/admin/staff/{staff_id}/edit", response_model=None)
async def edit(
    staff_id: RowId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
    name: Annotated[str, Form(max_length=200)] = "",
    phone: Annotated[str, Form(max_length=40)] = "",
    notify_by: Annotated[str, Form(max_length=20)] = "",
    telegram_chat_id: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Their name and how pages reach them, as the form has them (blank: none)."""
    me = _need(staff)
    check_csrf(request, csrf)
    given = {"name": name, "phone": phone, "notify_by": notify_by, "telegram_chat_id": telegram_chat_id}
    try:
        async with rt.db.transaction() as session:
            found, changed = await staff_admin.change(session, me, staff_id, given, rt.clock.now(), "web")
            who = found.name
    except staff_admin.StaffError as exc:
        if exc.status in (403, 404):
            raise HTTPException(exc.status, str(exc)) from None
        return await _staff_page(
            request,
            rt,
            me,
            422,
            refused=f"Not saved: {exc}",
            edit={"id": staff_id, "form": given, "problems": _problems(exc)},
        )
    fields = ", ".join(k.replace("_", " ") for k in changed)
    said = f"{who}: {fields} saved." if changed else "Nothing changed."
    request.session["flash"] = (said, "ok")
    return RedirectResponse("/admin/staff", status_code=303)


@router.post("/admin/staff/{staff_id}/role", response_model=None)
async def change_role(
    staff_id: RowId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
    role: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    me = _need(staff)
    check_csrf(request, csrf)
    now = rt.clock.now()
    return await _change(
        request,
        rt,
        me,
        f"Role changed to {role}.",
        lambda s: staff_admin.change_role(s, me, staff_id, role, now, "web"),
    )


@router.post("/admin/staff/{staff_id}/deactivate", response_model=None)
async def deactivate(
    staff_id: RowId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    me = _need(staff)
    check_csrf(request, csrf)
    now = rt.clock.now()
    answer = await _change(
        request,
        rt,
        me,
        "Deactivated: they can no longer sign in or be paged; cases they held are back in the queue.",
        lambda s: staff_admin.deactivate(s, me, staff_id, now, "web"),
    )
    rt.hub.publish(f"clinic:{me.clinic_id}", {"type": "changed"})
    return answer


@router.post("/admin/staff/{staff_id}/password", response_model=None)
async def reset_password(
    staff_id: RowId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    me = _need(staff)
    check_csrf(request, csrf)
    now = rt.clock.now()
    return await _change(
        request,
        rt,
        me,
        "Password reset; they are signed out everywhere.",
        lambda s: staff_admin.reset_password(s, me, staff_id, hash_password, now, "web"),
    )


@router.post("/admin/staff/{staff_id}/telegram", response_class=HTMLResponse)
async def link_telegram(
    staff_id: RowId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    me = _need(staff)
    check_csrf(request, csrf)
    try:
        made = await telegram_link(rt, me, staff_id)
    except HTTPException as exc:
        if exc.status_code in (403, 404):
            raise
        return await _staff_page(request, rt, me, exc.status_code, refused=f"No link: {exc.detail}")
    async with rt.db.session() as session:
        found = await session.scalar(select(Staff.name).where(Staff.id == staff_id))
    return await _staff_page(request, rt, me, link=(found, made["link"], made["expires_at"]))


@router.get("/admin/audit", response_class=HTMLResponse)
async def audit_page(
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    actor: Annotated[str | None, Query(max_length=254)] = None,
    action: Annotated[str | None, Query(max_length=40)] = None,
    subject: Annotated[str | None, Query(max_length=40)] = None,
    first: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    last: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    page: Annotated[int, Query(ge=1, le=audit_log.MAX_PAGE)] = 1,
) -> HTMLResponse:
    me = _need(staff)
    need_admin(me)
    try:
        filters = audit_log.AuditFilters.read(actor, action, subject, first, last)
    except audit_log.AuditQueryError as exc:
        request.session["flash"] = (f"Filter not applied: {exc}", "error")
        filters = audit_log.AuditFilters.read(actor, action, subject, None, None)
    found, _ = await read_audit(rt, me, filters, page, "web")
    async with rt.db.session() as session:
        actions, subjects = await audit_log.kinds(session, me.clinic_id)
        people = (
            await session.execute(
                select(Staff.id, Staff.email, Staff.name).where(Staff.clinic_id == me.clinic_id)
            )
        ).all()
    names = {email: name for _, email, name in people}
    staff_names = {str(staff_id): name for staff_id, _, name in people}  # a staff subject, by name
    return await _render(
        request,
        rt,
        "admin_audit.html",
        me,
        found=found,
        filters=filters,
        raw={"from": first or "", "to": last or ""},
        actions=actions,
        subjects=subjects,
        names=names,
        staff_names=staff_names,
        query=filters.query(),
    )


@router.get("/admin/export.yaml", response_class=Response)
async def export(rt: RuntimeDep, staff: PageStaff) -> Response:
    text, slug = await export_text(rt, _need(staff), "web")
    return yaml_download(text, slug)
