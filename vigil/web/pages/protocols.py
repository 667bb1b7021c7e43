"""The protocol editor: the clinic's protocols and quiet hours; a protocol's schedule (with its
next five send times in a chosen patient time zone), reminder and expiry, and questions (add,
move up and down, remove, edit kind, answers, `ask_if`). Everyone signed in sees; only an
admin changes (403). The rules and the words are the clinic file's (vigil/clinic/protocols.py):
the page refuses what `vigil import` refuses, with the same key paths and reasons.

One form holds the whole protocol. Adding, moving and removing a question, and showing the
send times of the schedule being typed, re-render the form with nothing saved; Save validates
and writes it all at once, as the import writes a protocol."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import protocols
from vigil.clinic.export import protocol_data
from vigil.clinic.protocols import NotAllowed, NotFound, ProtocolError
from vigil.core.models import Clinic, Staff
from vigil.scheduler.models import Protocol
from vigil.scheduler.schedule import ScheduleError, zone
from vigil.web.wording import language_name

from ..deps import RowId, RuntimeDep, check_csrf
from .common import PageStaff, _need, _render

router = APIRouter()

NEW = {"questions": [{"kind": "scale"}], "expire_after": "24h"}


def _admin(me: Staff) -> None:
    try:
        protocols.require_admin(me)
    except NotAllowed as exc:
        raise HTTPException(403, str(exc)) from None


async def _form(request: Request) -> dict[str, Any]:
    form = await request.form()
    check_csrf(request, str(form.get("csrf") or "") or None)
    return {k: str(v) for k, v in form.multi_items()}


def _shown(times: list[tuple[datetime, datetime]], tz: str) -> list[dict[str, str]]:
    z = zone(tz)
    out = []
    for fire, send in times:
        local = send.astimezone(z)
        shown = {"iso": send.isoformat(), "local": f"{local:%a %d %b %Y, %H:%M} {local.tzname()}"}
        if fire != send:  # the quiet hours moved it
            shown["moved_from"] = f"{fire.astimezone(z):%H:%M}"
        out.append(shown)
    return out


def _at(problems: dict[str, str]) -> Any:
    """For the template: the problems at a key path and under it (questions[1].concepts[0])."""

    def at(path: str) -> list[str]:
        return [v for k, v in problems.items() if k == path or k.startswith(path + "[")]

    return at


async def _page(
    request: Request,
    rt: Runtime,
    me: Staff,
    protocol: Protocol | None,
    data: dict[str, Any],
    *,
    tz: str | None = None,
    problems: dict[str, str] | None = None,
    unsaved: str = "",
    status: int = 200,
) -> HTMLResponse:
    """The editor (a nurse's copy is read-only), with the next send times of `data`'s schedule."""
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, me.clinic_id)
        assert clinic is not None
        zones = await protocols.zones_of_clinic(session, clinic)
        enrolled = await protocols.enrolled_in(session, protocol.id) if protocol else 0
    chosen = (tz or "").strip() or clinic.timezone
    times: list[dict[str, str]] = []
    times_error = None
    try:
        protocols.check_zone(chosen)
    except ProtocolError as exc:
        times_error = f"Time zone: {exc.problems['timezone']}."
        chosen = clinic.timezone
    schedule = str(data.get("schedule") or "").strip()
    try:
        # Nothing typed yet (a fresh form) is no schedule to read, and no error to show.
        if schedule:
            times = _shown(protocols.planned(schedule, chosen, clinic, rt.clock.now()), chosen)
    except ScheduleError as exc:
        times_error = f"The schedule cannot be read: {exc}."
    return await _render(
        request,
        rt,
        "protocol.html",
        me,
        status=status,
        protocol={"id": protocol.id, "key": protocol.key, "name": protocol.name, "enrolled": enrolled}
        if protocol
        else None,
        values=protocols.form_of(data),
        problems=problems or {},
        at=_at(problems or {}),
        unsaved=unsaved,
        editing=me.role == "admin",
        kinds=protocols.KINDS,
        other_languages=[(lang, language_name(lang)) for lang in protocols.OTHER_LANGUAGES],
        zone_name=chosen,
        zones=zones,
        times=times,
        times_error=times_error,
        quiet=protocols.quiet_of(clinic),
        concepts=sorted(clinic_file.triage_concepts()),
    )


@router.get("/protocols", response_class=HTMLResponse)
async def protocol_list(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    async with rt.db.session() as session:
        rows = await protocols.list_protocols(session, me.clinic_id)
        clinic = await session.get(Clinic, me.clinic_id)
    return await _render(
        request,
        rt,
        "protocols.html",
        me,
        rows=rows,
        quiet=protocols.quiet_of(clinic) if clinic else None,
        values={},
        problems={},
        editing=me.role == "admin",
    )


@router.post("/protocols/quiet-hours", response_model=None)
async def quiet_hours(request: Request, rt: RuntimeDep, staff: PageStaff) -> Response:
    me = _need(staff)
    form = await _form(request)
    _admin(me)
    start, end = form.get("start", ""), form.get("end", "")
    try:
        async with rt.db.transaction() as session:
            said = await protocols.set_quiet_hours(session, me, start, end, rt.clock.now(), "web")
    except ProtocolError as exc:
        async with rt.db.session() as session:
            rows = await protocols.list_protocols(session, me.clinic_id)
            clinic = await session.get(Clinic, me.clinic_id)
        return await _render(
            request,
            rt,
            "protocols.html",
            me,
            status=422,
            rows=rows,
            quiet=protocols.quiet_of(clinic) if clinic else None,
            values={"start": start, "end": end},
            problems={k.removeprefix("quiet_hours."): v for k, v in exc.problems.items()},
            editing=True,
        )
    request.session["flash"] = (
        f"Saved: {said[0]}; every patient's next check-in was moved out of them."
        if said
        else "Nothing changed.",
        "ok",
    )
    return RedirectResponse("/protocols", status_code=303)


@router.get("/protocols/new", response_class=HTMLResponse)
async def new_protocol(request: Request, rt: RuntimeDep, staff: PageStaff, tz: str = "") -> HTMLResponse:
    me = _need(staff)
    _admin(me)
    return await _page(request, rt, me, None, dict(NEW), tz=tz[:64])


async def _mine(rt: Runtime, me: Staff, protocol_id: int) -> Protocol:
    async with rt.db.session() as session:
        try:
            return await protocols.of_clinic(session, me.clinic_id, protocol_id=protocol_id)
        except NotFound:
            raise HTTPException(404, "no such protocol") from None


@router.get("/protocols/{protocol_id}", response_class=HTMLResponse)
async def protocol_page(
    protocol_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff, tz: str = ""
) -> HTMLResponse:
    me = _need(staff)
    protocol = await _mine(rt, me, protocol_id)
    return await _page(request, rt, me, protocol, protocol_data(protocol), tz=tz[:64])


async def _edit(request: Request, rt: Runtime, me: Staff, protocol: Protocol | None) -> Response:
    form = await _form(request)
    _admin(me)
    op = form.get("op", "save")
    tz = form.get("tz", "")[:64]
    data = protocols.from_form(form)
    if protocol is not None:
        data["key"] = protocol.key
    if op != "save":  # add, move, remove a question, or show the send times: nothing saved
        return await _page(request, rt, me, protocol, protocols.rearranged(data, op), tz=tz, unsaved=op)
    try:
        async with rt.db.transaction() as session:
            mine = (
                await protocols.of_clinic(session, me.clinic_id, protocol_id=protocol.id)
                if protocol
                else None
            )
            whole = protocols.with_unshown(data, protocol_data(mine)) if mine else data
            saved = await protocols.save(session, me, whole, rt.clock.now(), "web", mine)
            saved_id = saved.protocol.id
    except ProtocolError as exc:
        return await _page(request, rt, me, protocol, data, tz=tz, problems=exc.problems, status=422)
    if saved.created:
        said = f"{data.get('name')} created."
    elif saved.changed:
        said = "Saved: " + "; ".join(saved.changed) + "."
        if saved.rescheduled:
            said += (
                f" The next check-in of {saved.rescheduled} enrolled patient(s) moved to the new schedule."
            )
    else:
        said = "Nothing changed."
    request.session["flash"] = (said, "ok")
    query = "?" + urlencode({"tz": tz}) if tz else ""
    return RedirectResponse(f"/protocols/{saved_id}{query}", status_code=303)


@router.post("/protocols/new", response_model=None)
async def add_protocol(request: Request, rt: RuntimeDep, staff: PageStaff) -> Response:
    return await _edit(request, rt, _need(staff), None)


@router.post("/protocols/{protocol_id}", response_model=None)
async def save_protocol(protocol_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> Response:
    me = _need(staff)
    protocol = await _mine(rt, me, protocol_id)
    return await _edit(request, rt, me, protocol)
