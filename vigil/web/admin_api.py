"""The admin's part of the JSON API: the clinic's export, its audit log, and its staff.

Mounted on the API app beside the other routes (api.py includes `router`). What the admin
pages (pages/admin.py) do, for scripts: the same rules (vigil/clinic/staff.py), the same
errors (403 not an admin, 404 not of this clinic, 422 with the reason).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import staff as staff_admin
from vigil.clinic.export import export_clinic
from vigil.core.audit import staff_did
from vigil.core.models import Clinic, Staff
from vigil.scheduler.schedule import zone
from vigil.usecases import audit_log
from vigil.usecases.invites import InviteError, invite_staff

from .deps import ApiStaff, RowId, RuntimeDep
from .security import hash_password

router = APIRouter()

Role = Literal["nurse", "physician", "admin"]


class StaffIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    email: str = Field(min_length=3, max_length=254, examples=["new.nurse@clinic.example"])
    name: str = Field(min_length=1, max_length=200)
    role: Role
    # How a page reaches them, as in the clinic file (read by its code, refused in its words).
    phone: str | None = Field(default=None, max_length=40, examples=["+1 617 555 0199"])
    notify_by: str | None = Field(default=None, max_length=20, description="sms or telegram")
    telegram_chat_id: int | None = Field(
        default=None, description="as the clinic file's; else the invite link"
    )


class StaffChange(BaseModel):
    """The fields given change; `null` clears phone, notify_by or telegram_chat_id."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    notify_by: str | None = Field(default=None, max_length=20, description="sms or telegram")
    telegram_chat_id: int | None = None


class RoleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Role


def need_admin(staff: Staff) -> None:
    if staff.role != "admin":
        raise HTTPException(403, "only a clinic admin can do this")


def staff_json(s: Staff) -> dict[str, Any]:
    return {
        "id": s.id,
        "email": s.email,
        "name": s.name,
        "role": s.role,
        "active": s.active,
        "phone": s.phone,
        "notify_by": s.notify_by,
        "telegram_linked": s.telegram_chat_id is not None,
        "must_change_password": s.must_change_password,  # a temporary password not yet replaced
    }


async def export_text(rt: Runtime, me: Staff, channel: str) -> tuple[str, str]:
    """The clinic file's text and the clinic's slug; the export is audited (it holds every
    patient's name and number)."""
    need_admin(me)
    async with rt.db.transaction() as session:
        clinic = await session.get(Clinic, me.clinic_id)
        if clinic is None:
            raise HTTPException(404, "no such clinic")
        text = await export_clinic(session, me.clinic_id)
        staff_did(session, me, "export", "clinic", me.clinic_id, at=rt.clock.now(), channel=channel)
        return text, clinic.slug


def yaml_download(text: str, slug: str) -> Response:
    return Response(
        text,
        media_type="application/yaml; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{slug}.yaml"'},
    )


async def read_audit(
    rt: Runtime, me: Staff, filters: audit_log.AuditFilters, page: int, channel: str
) -> tuple[audit_log.AuditPage, str]:
    """A page of the audit log; reading it is audited too (its filters, not what it showed)."""
    need_admin(me)
    async with rt.db.transaction() as session:
        tz = await session.scalar(select(Clinic.timezone).where(Clinic.id == me.clinic_id))
        found = await audit_log.search(session, me.clinic_id, filters, zone(str(tz or "UTC")), page)
        staff_did(
            session,
            me,
            "list",
            "audit_log",
            me.clinic_id,
            at=rt.clock.now(),
            channel=channel,
            filters=filters.query(),
        )
    return found, str(tz or "UTC")


def staff_http(exc: staff_admin.StaffError) -> HTTPException:
    if exc.problems:  # refused fields, each named
        return HTTPException(exc.status, [{"field": k, "reason": v} for k, v in exc.problems])
    return HTTPException(exc.status, str(exc))


async def telegram_link(rt: Runtime, me: Staff, staff_id: int) -> dict[str, Any]:
    """The staff member's single-use Telegram link (as `vigil staff invite`), for an admin."""
    async with rt.db.session() as session:
        try:
            found = await staff_admin.member(session, me, staff_id)
        except staff_admin.StaffError as exc:
            raise staff_http(exc) from None
    try:
        made = await invite_staff(rt.service, found.email, me.email)
    except InviteError as exc:
        raise HTTPException(exc.status, str(exc)) from None
    return {"link": made.link, "expires_at": made.expires_at.isoformat()}


@router.get("/clinic/export", response_class=Response, summary="The whole clinic as a clinic file (YAML)")
async def export(rt: RuntimeDep, staff: ApiStaff) -> Response:
    """The clinic file `vigil import` reads: importing it as it is changes nothing. Admins only."""
    text, slug = await export_text(rt, staff, "api")
    return yaml_download(text, slug)


@router.get("/audit", summary="The clinic's audit log, newest first")
async def audit(
    rt: RuntimeDep,
    staff: ApiStaff,
    actor: Annotated[str | None, Query(max_length=254, description="part of the actor's email")] = None,
    action: Annotated[str | None, Query(max_length=40, description="an action, e.g. staff_role")] = None,
    subject: Annotated[
        str | None, Query(max_length=40, description="a subject kind: case, staff, ...")
    ] = None,
    first: Annotated[
        str | None, Query(alias="from", max_length=10, description="first day, YYYY-MM-DD")
    ] = None,
    last: Annotated[str | None, Query(alias="to", max_length=10, description="last day, YYYY-MM-DD")] = None,
    page: Annotated[int, Query(ge=1, le=audit_log.MAX_PAGE)] = 1,
) -> dict[str, Any]:
    """Who did what, when, and what changed (`detail`); dates are the clinic's days, both
    included; 50 entries a page. Admins only."""
    try:
        filters = audit_log.AuditFilters.read(actor, action, subject, first, last)
    except audit_log.AuditQueryError as exc:
        raise HTTPException(422, str(exc)) from None
    found, _ = await read_audit(rt, staff, filters, page, "api")
    return {"entries": found.entries, "total": found.total, "page": found.page, "pages": found.pages}


@router.get("/staff", summary="The clinic's staff")
async def list_staff(rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    async with rt.db.session() as session:
        return {"staff": [staff_json(s) for s in await staff_admin.list_staff(session, staff.clinic_id)]}


@router.post("/staff", status_code=201, summary="Invite a staff member")
async def invite(body: StaffIn, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """Adds them with a temporary password, returned once: hand it to them. Admins only."""
    try:
        async with rt.db.transaction() as session:
            made, password = await staff_admin.invite(
                session,
                staff,
                body.email,
                body.name,
                body.role,
                hash_password,
                rt.clock.now(),
                "api",
                body.model_dump(include=set(staff_admin.CONTACT)),
            )
            out = staff_json(made)
    except staff_admin.StaffError as exc:
        raise staff_http(exc) from None
    return {"staff": out, "temporary_password": password}


@router.patch("/staff/{staff_id}", summary="Change a staff member's name, phone or how pages reach them")
async def change(staff_id: RowId, body: StaffChange, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """The fields given, read and stored as `vigil import` reads and stores them (the phone in
    the clinic's country unless it has its +country code; `notify_by` sms needs a phone).
    Returns the staff member with `changed` ({field: [was, now]}). Admins only."""
    given = body.model_dump(include=body.model_fields_set)
    try:
        async with rt.db.transaction() as session:
            found, changed = await staff_admin.change(session, staff, staff_id, given, rt.clock.now(), "api")
            return {"staff": staff_json(found), "changed": changed}
    except staff_admin.StaffError as exc:
        raise staff_http(exc) from None


@router.post("/staff/{staff_id}/role", summary="Change a staff member's role")
async def change_role(staff_id: RowId, body: RoleIn, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    try:
        async with rt.db.transaction() as session:
            changed = await staff_admin.change_role(
                session, staff, staff_id, body.role, rt.clock.now(), "api"
            )
            return {"staff": staff_json(changed)}
    except staff_admin.StaffError as exc:
        raise staff_http(exc) from None


@router.post("/staff/{staff_id}/deactivate", summary="Deactivate a staff member")
async def deactivate(staff_id: RowId, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """No sign-in, tokens or pages any more; the cases they held page again. Not yourself,
    not the last admin, not someone the on-call configuration names."""
    try:
        async with rt.db.transaction() as session:
            released = await staff_admin.deactivate(session, staff, staff_id, rt.clock.now(), "api")
    except staff_admin.StaffError as exc:
        raise staff_http(exc) from None
    rt.hub.publish(f"clinic:{staff.clinic_id}", {"type": "changed"})
    return {"deactivated": staff_id, "released_cases": released}


@router.post("/staff/{staff_id}/password", summary="Reset a staff member's password")
async def reset_password(staff_id: RowId, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """A new temporary password, returned once; their sessions end."""
    try:
        async with rt.db.transaction() as session:
            _, password = await staff_admin.reset_password(
                session, staff, staff_id, hash_password, rt.clock.now(), "api"
            )
    except staff_admin.StaffError as exc:
        raise staff_http(exc) from None
    return {"temporary_password": password}


@router.post("/staff/{staff_id}/telegram", status_code=201, summary="A link that ties their Telegram")
async def link_telegram(staff_id: RowId, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """A single-use link, as `vigil staff invite`: opened in Telegram, pages reach them there."""
    return await telegram_link(rt, staff, staff_id)
