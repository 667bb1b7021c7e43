"""What every page shares: templates, the signed-in staff member, rendering, live streams."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from markupsafe import Markup, escape
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.models import Clinic, Patient, Staff
from vigil.escalation.models import Case
from vigil.scheduler.schedule import zone

from ..deps import page_staff, session_staff
from ..reasons import grouped
from ..security import new_csrf

templates = Jinja2Templates(directory=str(Path(__file__).parent.parent / "templates"))


@pass_context
def _local(ctx: Any, iso: str | None, seconds: bool = False) -> str:
    """An instant in the clinic's time zone ("Mon 23 Nov 10:04 EST"): nurses think in local time."""
    if not iso:
        return ""
    at = datetime.fromisoformat(iso).astimezone(zone(str(ctx.get("tz") or "UTC")))
    fmt = "%a %d %b %H:%M:%S" if seconds else "%a %d %b %H:%M"
    return f"{at:{fmt}} {at.tzname()}"


templates.env.filters["local"] = _local


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
    """The case with each reason's message as escaped HTML, that reason's evidence marked, and
    the reasons grouped by message for the page (`reason_groups`)."""
    # A finding a later message took back, gave to someone else or said got better stays a
    # reason (the case never lowers), marked so the nurse sees it changed.
    changes = {
        (e["detail"].get("message_id"), e["detail"].get("concept")): e["detail"].get("status")
        for e in case.get("events") or ()
        if e.get("kind") == "finding_changed" and e.get("detail")
    }
    for r in case["reasons"]:
        key = ((r.get("message") or {}).get("id"), r.get("concept"))
        if key in changes:
            r["changed"] = changes[key]
        if r.get("message"):
            r["message"] = {**r["message"], "html": highlighted(r["message"])}
    case["reason_groups"] = grouped(case["reasons"])
    for g in case["reason_groups"]:
        if g["message"]:
            g["message"]["html"] = highlighted(g["message"])
    return case


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


async def _of_clinic(rt: Runtime, me: Staff, model: type[Patient] | type[Case], row_id: int) -> Any:
    """The row, if it belongs to this person's clinic; 404 otherwise (never say whose it is)."""
    async with rt.db.session() as session:
        row: Patient | Case | None = await session.get(model, row_id)
    if row is None or row.clinic_id != me.clinic_id:
        raise HTTPException(404, f"no such {model.__tablename__}")
    return row
