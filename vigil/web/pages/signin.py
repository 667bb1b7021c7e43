"""Sign in and sign out: passwords checked off the event loop, throttled per account and address."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select

from vigil.core.audit import audit, staff_did
from vigil.core.models import AuditEvent, Staff, StaffSession
from vigil.core.text import clean

from .. import sessions
from ..deps import CHANGE_PASSWORD, RuntimeDep, check_csrf
from ..security import check_password_async, new_csrf, new_token, token_hash
from .common import SESSION_TTL, _render

router = APIRouter()


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
    # A temporary password (an invite, a reset) opens only the page that replaces it.
    return RedirectResponse(CHANGE_PASSWORD if staff.must_change_password else "/", status_code=303)


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
                staff_did(session, staff, "logout", "staff", staff.id, at=now, channel="web")
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
