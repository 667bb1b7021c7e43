"""Server-rendered pages: sign in, the live queue, a case, the patient simulator."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from markupsafe import Markup, escape
from sqlalchemy import func, select

from vigil.assembly import Runtime
from vigil.core.audit import audit
from vigil.core.models import AuditEvent, Clinic, Patient, Staff, StaffSession
from vigil.core.text import clean
from vigil.escalation import cover
from vigil.escalation.cases import DISPOSITIONS, CaseError
from vigil.escalation.models import Case
from vigil.scheduler.schedule import zone

from . import sessions, views
from .actions import act, view_case
from .api import send_reply, simulate
from .deps import ExternalId, RowId, RuntimeDep, check_csrf, page_staff, session_staff
from .security import check_password_async, new_csrf, new_token, token_hash

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


@pass_context
def _local(ctx: Any, iso: str | None, seconds: bool = False) -> str:
    """An instant in the clinic's time zone ("Mon 23 Nov 10:04 EST"): nurses think in local time."""
    if not iso:
        return ""
    at = datetime.fromisoformat(iso).astimezone(zone(str(ctx.get("tz") or "UTC")))
    fmt = "%a %d %b %H:%M:%S" if seconds else "%a %d %b %H:%M"
    return f"{at:{fmt}} {at.tzname()}"


templates.env.filters["local"] = _local
router = APIRouter()
PageStaff = Annotated[Staff | None, Depends(page_staff)]
RECHECK_SECONDS = 15  # how long a live stream may outlast its session
SESSION_TTL = timedelta(hours=12)  # the same as the cookie's max_age: a shift, then sign in again


class LoginRequired(Exception):
    """Raised by pages that need a signed-in staff member."""


def _need(staff: Staff | None) -> Staff:
    if staff is None:
        raise LoginRequired
    return staff


def _csrf(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = new_csrf()
        request.session["csrf"] = token
    return token


async def _tz(rt: Runtime, staff: Staff) -> str:
    async with rt.db.session() as session:
        found = await session.scalar(select(Clinic.timezone).where(Clinic.id == staff.clinic_id))
    return found or "UTC"


async def _render(
    request: Request, rt: Runtime, name: str, staff: Staff | None, status: int = 200, **ctx: Any
) -> HTMLResponse:
    clinic = None
    if staff is not None:
        async with rt.db.session() as session:
            clinic = await session.get(Clinic, staff.clinic_id)
    flash = request.session.pop("flash", None)
    return templates.TemplateResponse(
        request,
        name,
        {
            "staff": staff,
            "clinic": clinic,
            "tz": clinic.timezone if clinic else "UTC",
            "csrf": _csrf(request),
            "simulator": rt.settings.simulator,
            "flash": flash[0] if flash else None,
            "flash_kind": flash[1] if flash else None,
            **ctx,
        },
        status_code=status,
    )


def highlighted(message: dict[str, Any]) -> Markup:
    """The message text, escaped, with triage evidence marked."""
    text: str = message["text"]
    spans = sorted(
        {
            (h["start"], h["end"])
            for h in message.get("highlights") or ()
            if 0 <= h["start"] < h["end"] <= len(text)
        }
    )
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _with_html(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**m, "html": highlighted(m)} for m in messages]


def _sourced(case: dict[str, Any]) -> dict[str, Any]:
    """The case with each reason's message as escaped HTML, that reason's evidence marked."""
    for r in case["reasons"]:
        if r.get("message"):
            r["message"] = {**r["message"], "html": highlighted(r["message"])}
    return case


# -- sign in ------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request, rt: RuntimeDep) -> HTMLResponse:
    return await _render(request, rt, "login.html", None)


THROTTLE_AFTER = 5  # failed sign-ins for one account from one address...
THROTTLE_WINDOW = timedelta(minutes=15)  # ...within this long stop that address trying it


def _client(request: Request) -> str:
    # Keyed by account AND address: a stranger's guesses must not lock the owner out elsewhere.
    return request.client.host[:64] if request.client is not None else "-"


@router.post("/login", response_model=None)
async def login(
    request: Request,
    rt: RuntimeDep,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    check_csrf(request, csrf)
    email = clean(email)
    who = email.strip().lower()[:254]
    client = _client(request)
    now = rt.clock.now()
    async with rt.db.transaction() as session:
        failures = await session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.actor == who,
                AuditEvent.action == "login_failed",
                AuditEvent.at > now - THROTTLE_WINDOW,
                AuditEvent.detail["client"].as_string() == client,
            )
        )
        throttled = (failures or 0) >= THROTTLE_AFTER
        if throttled:
            # Guessing passwords stops here, before the (deliberately slow) hash is checked.
            audit(
                session,
                at=now,
                actor=who,
                action="login_throttled",
                subject_type="staff",
                subject_id="-",
                clinic_id=None,
                client=client,
            )
    if throttled:
        return await _render(
            request,
            rt,
            "login.html",
            None,
            status=429,
            email=email,
            error="Too many attempts for this account from here. Try again in 15 minutes.",
        )
    async with rt.db.session() as session:
        staff = await session.scalar(select(Staff).where(Staff.email == email.strip().lower()))
    # The hash is checked for unknown and inactive accounts too: the same work for every answer.
    matched = await check_password_async(staff.password_hash if staff is not None else None, password)
    ok = staff is not None and staff.active and matched
    async with rt.db.transaction() as session:
        audit(
            session,
            at=rt.clock.now(),
            actor=who,
            action="login" if ok else "login_failed",
            subject_type="staff",
            subject_id=staff.id if staff else "-",
            clinic_id=staff.clinic_id if staff else None,
            client=client,
        )
    if not ok or staff is None:
        return await _render(
            request,
            rt,
            "login.html",
            None,
            status=401,
            email=email,
            error="That email and password do not match.",
        )
    secret = new_token()
    now = rt.clock.now()
    previous = request.session.get("sid")
    async with rt.db.transaction() as session:
        if isinstance(previous, str) and previous:  # signing in again ends this browser's last one
            await sessions.revoke_secret(session, previous, now)
        session.add(
            StaffSession(
                staff_id=staff.id, token_hash=token_hash(secret), created_at=now, expires_at=now + SESSION_TTL
            )
        )
    request.session.clear()
    request.session["sid"] = secret
    request.session["csrf"] = new_csrf()
    return RedirectResponse("/", status_code=303)


@router.post("/logout")
async def logout(
    request: Request, rt: RuntimeDep, csrf: Annotated[str | None, Form()] = None
) -> RedirectResponse:
    check_csrf(request, csrf)
    secret = request.session.get("sid")
    if isinstance(secret, str) and secret:
        now = rt.clock.now()
        async with rt.db.transaction() as session:
            staff_id = await sessions.revoke_secret(session, secret, now)  # copies stop working too
            staff = await session.get(Staff, staff_id) if staff_id is not None else None
            if staff is not None:
                audit(
                    session,
                    at=now,
                    actor=staff.email,
                    action="logout",
                    subject_type="staff",
                    subject_id=staff.id,
                    clinic_id=staff.clinic_id,
                    channel="web",
                )
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


# -- the queue ----------------------------------------------------------------------------

ACTIVE = ("open", "acknowledged")


@router.get("/", response_class=HTMLResponse)
async def queue(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    async with rt.db.transaction() as session:
        found = await views.list_cases(session, me.clinic_id, ACTIVE)
        oncall = await views.oncall_summary(session, me.clinic_id, rt.clock.now())
        cover = (
            await views.list_overrides(session, me.clinic_id, rt.clock.now()) if me.role == "admin" else []
        )
        audit(
            session,
            at=rt.clock.now(),
            actor=me.email,
            action="list",
            subject_type="cases",
            subject_id="queue",
            clinic_id=me.clinic_id,
            channel="web",
            count=len(found),
        )
    return await _render(request, rt, "queue.html", me, cases=found, oncall=oncall, cover=cover)


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
        await rt.service.add_cover(me, rotation, email, start, end, "web")
    except cover.CoverError as exc:  # back to the form with the reason, not a bare error page
        request.session["flash"] = (f"Cover not set: {exc}", "error")
        return RedirectResponse("/", status_code=303)
    tz = zone(clinic.timezone) if clinic is not None else None
    shown, until = start.astimezone(tz), end.astimezone(tz)
    request.session["flash"] = (
        f"{email} is on call for {rotation} from {shown:%a %d %b %H:%M} until {until:%a %d %b %H:%M %Z}.",
        "ok",
    )
    return RedirectResponse("/", status_code=303)


@router.get("/queue/rows", response_class=HTMLResponse)
async def queue_rows(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    async with rt.db.session() as session:
        found = await views.list_cases(session, me.clinic_id, ACTIVE)
    return templates.TemplateResponse(request, "_queue_rows.html", {"cases": found, "tz": await _tz(rt, me)})


async def _stream(
    request: Request, rt: Runtime, topics: tuple[str, ...], case_id: int | None = None
) -> AsyncIterator[str]:
    secret = str(request.session.get("sid") or "")
    loop = asyncio.get_running_loop()
    checked = loop.time()
    with rt.hub.subscribe(*topics) as queue:
        yield "retry: 3000\n\n"
        while True:
            if await request.is_disconnected():
                return
            if loop.time() - checked >= RECHECK_SECONDS:
                # Signed out (here or elsewhere), expired or deactivated: stop telling.
                if await session_staff(rt, secret) is None:
                    return
                checked = loop.time()
            try:
                note = await asyncio.wait_for(queue.get(), timeout=RECHECK_SECONDS)
            except TimeoutError:
                yield ": keep-alive\n\n"
                continue
            notes = [note]
            while not queue.empty():  # a burst of changes is one refresh
                notes.append(queue.get_nowait())
            if case_id is not None and all(n.get("case", case_id) != case_id for n in notes):
                continue  # another case of the clinic changed
            yield "event: changed\ndata: {}\n\n"


def _sse(request: Request, rt: Runtime, *topics: str, case_id: int | None = None) -> StreamingResponse:
    return StreamingResponse(
        _stream(request, rt, topics, case_id),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


@router.get("/events/queue")
async def queue_events(request: Request, rt: RuntimeDep, staff: PageStaff) -> StreamingResponse:
    me = _need(staff)
    return _sse(request, rt, f"clinic:{me.clinic_id}")


@router.get("/events/patient/{patient_id}")
async def patient_events(
    patient_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff
) -> StreamingResponse:
    me = _need(staff)
    await _of_clinic(rt, me, Patient, patient_id)
    return _sse(request, rt, f"patient:{patient_id}")


async def _of_clinic(rt: Runtime, me: Staff, model: type[Patient] | type[Case], row_id: int) -> Any:
    """The row, if it belongs to this person's clinic; 404 otherwise (never say whose it is)."""
    async with rt.db.session() as session:
        row: Patient | Case | None = await session.get(model, row_id)
    if row is None or row.clinic_id != me.clinic_id:
        raise HTTPException(404, f"no such {model.__tablename__}")
    return row


@router.get("/events/case/{case_id}")
async def case_events(
    case_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff
) -> StreamingResponse:
    me = _need(staff)
    case = await _of_clinic(rt, me, Case, case_id)
    # The patient's messages, and changes to this case (which the clinic's stream announces).
    return _sse(request, rt, f"patient:{case.patient_id}", f"clinic:{me.clinic_id}", case_id=case_id)


# -- a case -------------------------------------------------------------------------------


async def _case_or_404(rt: Runtime, me: Staff, case_id: int, *, audit_view: bool) -> dict[str, Any]:
    return await view_case(rt, me, case_id, "web", audited=audit_view)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
async def case_page(case_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    found = await _case_or_404(rt, me, case_id, audit_view=True)
    async with rt.db.session() as session:
        patient = await session.scalar(
            select(Patient).where(
                Patient.clinic_id == me.clinic_id, Patient.external_id == found["patient"]["external_id"]
            )
        )
        charts = await views.score_charts(session, patient) if patient is not None else []
    return await _render(
        request,
        rt,
        "case.html",
        me,
        case=_sourced(found),
        messages=_with_html(found["messages"]),
        patient_id=patient.id if patient is not None else None,
        charts=charts,
        dispositions=DISPOSITIONS,
    )


@router.get("/cases/{case_id}/live", response_class=HTMLResponse)
async def case_live(case_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    """The parts of a case page that change, for the page to swap in place."""
    me = _need(staff)
    found = await _case_or_404(rt, me, case_id, audit_view=False)  # the page's view was audited
    return templates.TemplateResponse(
        request,
        "_case_live.html",
        {
            "case": _sourced(found),
            "messages": _with_html(found["messages"]),
            "csrf": _csrf(request),
            "tz": await _tz(rt, me),
        },
    )


@router.get("/cases/{case_id}/transcript", response_class=HTMLResponse)
async def case_transcript(case_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    found = await _case_or_404(rt, me, case_id, audit_view=False)
    return templates.TemplateResponse(
        request, "_transcript.html", {"messages": _with_html(found["messages"]), "tz": await _tz(rt, me)}
    )


@router.post("/cases/{case_id}/{action}")
async def case_action(
    case_id: RowId,
    action: str,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    csrf: Annotated[str | None, Form()] = None,
    disposition: Annotated[str, Form(max_length=40)] = "",
    note: Annotated[str, Form(max_length=4000)] = "",
    text: Annotated[str, Form(max_length=1000)] = "",
) -> RedirectResponse:
    me = _need(staff)
    check_csrf(request, csrf)
    if action not in ("acknowledge", "claim", "resolve", "reply", "decline"):
        raise HTTPException(404, "no such action")
    try:
        if action == "reply":
            if not text.strip():
                raise CaseError("write a reply first", 422)
            await send_reply(rt, me, case_id, text.strip(), "web")
            message = "Reply sent."
        else:
            await act(rt, me, case_id, action, "web", disposition=disposition, note=note.strip() or None)
            message = {
                "acknowledge": "Acknowledged.",
                "claim": "Claimed: the case is yours.",
                "resolve": "Resolved.",
                "decline": "Declined: the next person on the chain is being paged.",
            }[action]
        request.session["flash"] = (message, "ok")
    except CaseError as exc:
        if exc.status == 404:
            raise HTTPException(404, str(exc)) from None
        request.session["flash"] = (str(exc), "error")
    return RedirectResponse(f"/cases/{case_id}", status_code=303)


# -- a patient ----------------------------------------------------------------------------


@router.get("/patients/{patient_id}", response_class=HTMLResponse)
async def patient_page(patient_id: RowId, request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    """Who the patient is, their protocol and their 0-10 answers over time; every view audited."""
    me = _need(staff)
    async with rt.db.transaction() as session:
        found = await views.patient_detail(session, me.clinic_id, patient_id)
        if found is None:
            raise HTTPException(404, "no such patient")  # another clinic's is not ours to confirm
        audit(
            session,
            at=rt.clock.now(),
            actor=me.email,
            action="view",
            subject_type="patient",
            subject_id=patient_id,
            clinic_id=me.clinic_id,
            channel="web",
        )
    return await _render(request, rt, "patient.html", me, patient=found, charts=found["charts"])


# -- the patient simulator ------------------------------------------------------------------


def _simulator_on(rt: Runtime) -> None:
    if not rt.settings.simulator:
        raise HTTPException(404, "the simulator channel is off")


@router.get("/simulator", response_class=HTMLResponse)
async def simulator(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    me = _need(staff)
    _simulator_on(rt)
    async with rt.db.session() as session:
        patients = list(
            await session.scalars(
                select(Patient)
                .where(Patient.clinic_id == me.clinic_id, Patient.channel == "simulator")
                .order_by(Patient.name)
            )
        )
    return await _render(request, rt, "simulator.html", me, patients=patients)


async def _sim_patient(rt: Runtime, me: Staff, external_id: str) -> Patient:
    _simulator_on(rt)
    async with rt.db.session() as session:
        patient = await session.scalar(
            select(Patient).where(
                Patient.clinic_id == me.clinic_id,
                Patient.external_id == external_id,
                Patient.channel == "simulator",
            )
        )
    if patient is None:
        raise HTTPException(404, "no simulated patient with that id")
    return patient


async def _sim_transcript(rt: Runtime, me: Staff, external_id: str) -> tuple[Patient, list[dict[str, Any]]]:
    patient = await _sim_patient(rt, me, external_id)
    async with rt.db.session() as session:
        return patient, await views.transcript(session, patient.id)


@router.get("/simulator/{external_id}", response_class=HTMLResponse)
async def simulator_chat(
    external_id: ExternalId, request: Request, rt: RuntimeDep, staff: PageStaff
) -> HTMLResponse:
    me = _need(staff)
    patient, messages = await _sim_transcript(rt, me, external_id)
    return await _render(
        request,
        rt,
        "simulator_chat.html",
        me,
        patient=patient,
        messages=_with_html(messages),
        answer_form=_answer_form(request, external_id),
    )


@router.get("/simulator/{external_id}/transcript", response_class=HTMLResponse)
async def simulator_transcript(
    external_id: ExternalId, request: Request, rt: RuntimeDep, staff: PageStaff
) -> HTMLResponse:
    me = _need(staff)
    _, messages = await _sim_transcript(rt, me, external_id)
    context: dict[str, Any] = {"messages": _with_html(messages), "tz": await _tz(rt, me)}
    context["answer_form"] = _answer_form(request, external_id)
    return templates.TemplateResponse(request, "_transcript.html", context)


def _answer_form(request: Request, external_id: str) -> dict[str, str]:
    """The simulated phone answers a question's buttons as a Telegram patient would."""
    return {"action": f"/simulator/{external_id}", "csrf": _csrf(request)}


@router.post("/simulator/{external_id}")
async def simulator_send(
    external_id: ExternalId,
    request: Request,
    rt: RuntimeDep,
    staff: PageStaff,
    text: Annotated[str, Form(max_length=4000)] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> RedirectResponse:
    me = _need(staff)
    check_csrf(request, csrf)
    patient = await _sim_patient(rt, me, external_id)
    if text.strip():
        await simulate(rt, me.clinic_id, patient.external_id, text.strip())
    return RedirectResponse(f"/simulator/{external_id}", status_code=303)
