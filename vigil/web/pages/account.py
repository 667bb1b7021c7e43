"""A staff member's own password: chosen at the first sign-in after an invite or a reset (every
page sends them here until then), and changed whenever they like."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select

from vigil.clinic import staff as staff_ops
from vigil.core.audit import staff_did
from vigil.core.models import AuditEvent, Staff

from ..deps import CHANGE_PASSWORD, RuntimeDep, check_csrf, signed_in_staff
from ..security import check_password_async, hash_password, token_hash
from .common import _need, _render
from .signin import THROTTLE_AFTER, THROTTLE_WINDOW

router = APIRouter()

SignedIn = Annotated[Staff | None, Depends(signed_in_staff)]  # the one page a temporary password opens
Secret = Annotated[str, Form(max_length=staff_ops.MAX_PASSWORD + 1)]


@router.get(CHANGE_PASSWORD, response_class=HTMLResponse)
async def password_form(request: Request, rt: RuntimeDep, staff: SignedIn) -> HTMLResponse:
    me = _need(staff)
    return await _render(
        request, rt, "account_password.html", me, minimum=staff_ops.MIN_PASSWORD, problems={}
    )


@router.post(CHANGE_PASSWORD, response_model=None)
async def change_password(
    request: Request,
    rt: RuntimeDep,
    staff: SignedIn,
    current: Secret = "",
    new: Secret = "",
    again: Secret = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    me = _need(staff)
    check_csrf(request, csrf)
    now = rt.clock.now()
    async with rt.db.session() as session:
        failures = await session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.actor == me.email,
                AuditEvent.action == "password_change_failed",
                AuditEvent.at > now - THROTTLE_WINDOW,
            )
        )
    if (failures or 0) >= THROTTLE_AFTER:  # a borrowed session must not guess the password here
        return await _render(
            request,
            rt,
            "account_password.html",
            me,
            status=429,
            minimum=staff_ops.MIN_PASSWORD,
            problems={"current": "too many wrong tries: try again in 15 minutes"},
        )
    matches = await check_password_async(me.password_hash, current)  # off the event loop: argon2
    problems = staff_ops.password_problems(current, new, again, matches)
    if problems:
        async with rt.db.transaction() as session:
            staff_did(
                session,
                me,
                "password_change_refused" if matches else "password_change_failed",
                "staff",
                me.id,
                at=now,
                channel="web",
                fields=sorted(problems),
            )
        return await _render(
            request,
            rt,
            "account_password.html",
            me,
            status=422,
            minimum=staff_ops.MIN_PASSWORD,
            problems=problems,
        )
    secret = request.session.get("sid")
    hashed = await asyncio.get_running_loop().run_in_executor(None, hash_password, new)  # argon2: slow
    async with rt.db.transaction() as session:
        await staff_ops.change_own_password(
            session,
            me.id,
            new,
            lambda _: hashed,
            now,
            "web",
            keep_session=token_hash(secret) if isinstance(secret, str) and secret else None,
        )
    request.session["flash"] = ("Your password is changed; you are signed out everywhere else.", "ok")
    return RedirectResponse("/", status_code=303)
