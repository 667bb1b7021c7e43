"""On call: the rotations and escalation policies (an admin edits them, everyone signed in
reads them), and the two-week calendar of who is on call, with cover and gaps.

A form holds one rotation or one level's tiers. Its buttons (up, down, remove, add) change
the draft shown again, unsaved; Save runs the draft through the clinic file's validation and
the importer's save (vigil/clinic/rota.py), so a refusal carries the import's reason, beside
the field it concerns. Cover itself is set on the queue page (pages/cover.py)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic import rota
from vigil.clinic.staff import ROLES
from vigil.core.models import Clinic, Staff
from vigil.escalation.paging import contact
from vigil.scheduler.schedule import zone

from ..deps import RuntimeDep, check_csrf
from .common import PageStaff, _need, _render

router = APIRouter()

EDITED_LEVELS = ("emergency", "urgent")  # routine never pages (escalation.paging.start)
TIMERS = {"ack_within": "wait for an acknowledgement", "repeat_every": "page again every"}
NEW = ""  # the `original` of a rotation not saved yet


def _admin(me: Staff) -> None:
    try:
        rota.require_admin(me)
    except rota.NotAllowed as exc:
        raise HTTPException(403, str(exc)) from None


async def _form(request: Request) -> dict[str, list[str]]:
    form = await request.form()
    check_csrf(request, str(form.get("csrf") or "") or None)
    out: dict[str, list[str]] = {}
    for k, v in form.multi_items():
        if isinstance(v, str):
            out.setdefault(k, []).append(v.strip())
    return out


def _one(form: dict[str, list[str]], key: str) -> str:
    return (form.get(key) or [""])[0]


def _moved(items: list[Any], action: str) -> list[Any]:
    """The list after an up:i, down:i or remove:i button."""
    verb, _, index = action.partition(":")
    if not index.isdigit() or int(index) >= len(items):
        return items
    i = int(index)
    items = list(items)
    if verb == "up" and i > 0:
        items[i - 1], items[i] = items[i], items[i - 1]
    elif verb == "down" and i + 1 < len(items):
        items[i + 1], items[i] = items[i], items[i + 1]
    elif verb == "remove":
        del items[i]
    return items


def _rotation_of(form: dict[str, list[str]]) -> dict[str, Any]:
    """The rotation as the clinic file writes one, from the form (blank fields left out, so
    the import says they are missing)."""
    members = [m for m in form.get("members") or () if m]
    data: dict[str, Any] = {
        "key": _one(form, "key"),
        "members": members,
        "shift_hours": _one(form, "shift_hours"),
        "handoff": _one(form, "handoff"),
        "starts": _one(form, "starts"),
    }
    return {k: v for k, v in data.items() if v != ""}


def _tiers_of(form: dict[str, list[str]]) -> list[dict[str, Any]]:
    notify, timers, waits = form.get("notify") or [], form.get("timer") or [], form.get("wait") or []
    tiers = []
    for i, target in enumerate(notify):
        timer = timers[i] if i < len(timers) and timers[i] in TIMERS else "ack_within"
        wait = waits[i] if i < len(waits) else ""
        tiers.append({"notify": target, timer: wait} if wait else {"notify": target})
    return tiers


def _fields(problems: list[tuple[str, str]], prefix: str) -> tuple[dict[str, str], list[str]]:
    """The import's problems for the form at `prefix` ("rotations[1]", "escalation.urgent"):
    by field ("shift_hours", "members", "0.notify", "0.wait"), and the rest in words."""
    by_field: dict[str, str] = {}
    rest = []
    for key, reason in problems:
        if key.startswith(prefix):
            tail = key[len(prefix) :]
            m = re.match(r"^\[(\d+)\](?:\.(\w+))?", tail) if prefix.startswith("escalation") else None
            if m:  # a tier: its target, or its timer
                tier, part = m.group(1), m.group(2)
                name = "wait" if part in TIMERS or "ack_within" in reason else "notify"
                by_field.setdefault(f"{tier}.{name}", reason)
                continue
            m = re.match(r"^\.(\w+)", tail)
            if m:
                by_field.setdefault(m.group(1), reason)
                continue
        rest.append(f"{key}: {reason}" if key else reason)
    return by_field, rest


async def _choices(rt: Runtime, me: Staff) -> dict[str, Any]:
    async with rt.db.session() as session:
        people = list(
            await session.scalars(
                select(Staff)
                .where(Staff.clinic_id == me.clinic_id, Staff.active.is_(True))
                .order_by(Staff.name, Staff.id)
            )
        )
    return {
        "people": people,
        "names": {p.email: p.name for p in people},
        # Members a page cannot reach: their shifts are gaps in the calendar.
        "unreachable": {p.email for p in people if contact(p) is None},
    }


async def _editor(
    request: Request,
    rt: Runtime,
    me: Staff,
    *,
    status: int = 200,
    rotation_draft: tuple[str, dict[str, Any]] | None = None,
    level_draft: tuple[str, list[dict[str, Any]]] | None = None,
    reminder_draft: str | None = None,
    was: str = "",
    problems: list[tuple[str, str]] | None = None,
    unsaved: bool = False,
    focus: str = "",
) -> HTMLResponse:
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, me.clinic_id)
        assert clinic is not None
        stored = rota.section(clinic)
    rotations = [{"original": r["key"], "was": rota.digest(r), **r} for r in stored.get("rotations") or ()]
    adding = {"original": NEW, "members": []}
    forms: dict[str, dict[str, Any]] = {}  # the problems of the form that was sent, by form id
    if rotation_draft is not None:
        original, draft = rotation_draft
        shown = {"original": original, "was": was, **draft}
        index = next((i for i, r in enumerate(rotations) if r["original"] == original), None)
        if index is None:
            adding = shown
            form_id, prefix = "rotation-new", f"rotations[{len(rotations)}]"
        else:
            rotations[index] = shown
            form_id, prefix = f"rotation-{original}", f"rotations[{index}]"
        # The checks across the file name a rotation by its key: beside its key or members.
        named = f"rotations.{draft.get('key')}"
        problems = [
            (f"{prefix}.{'key' if 'twice' in m else 'members'}" if k == named else k, m)
            for k, m in problems or []
        ]
        forms[form_id] = _form_state(problems, prefix, unsaved, focus)
    escalation = {level: list((stored.get("escalation") or {}).get(level) or []) for level in EDITED_LEVELS}
    was_level = {level: rota.digest(escalation[level]) for level in EDITED_LEVELS}
    if level_draft is not None:
        escalation[level_draft[0]] = level_draft[1]
        was_level[level_draft[0]] = was
        forms[f"level-{level_draft[0]}"] = _form_state(
            problems, f"escalation.{level_draft[0]}", unsaved, focus
        )
    reminder = stored.get("remind_owner_after") or ""
    if reminder_draft is not None:
        reminder = reminder_draft
        forms["reminder"] = _form_state(problems, "remind_owner_after", unsaved)
    tiers = {
        level: [
            {
                "notify": t.get("notify", ""),
                "timer": "repeat_every" if t.get("repeat_every") else "ack_within",
                "wait": t.get("repeat_every") or t.get("ack_within") or "",
            }
            for t in listed
        ]
        for level, listed in escalation.items()
    }
    choices = await _choices(rt, me)
    targets = (
        [
            (f"rotation:{r['original']}", f"whoever is on call for {r['original']}")
            for r in rotations
            if r["original"]
        ]
        + [(f"staff:{p.email}", f"{p.name} ({p.role})") for p in choices["people"]]
        + [(f"all:{role}", f"every {role}") for role in ROLES]
    )
    return await _render(
        request,
        rt,
        "oncall.html",
        me,
        status=status,
        rotations=rotations,
        adding=adding,
        tiers=tiers,
        was_level=was_level,
        reminder=reminder,
        forms=forms,
        targets=targets,
        timers=TIMERS,
        levels=EDITED_LEVELS,
        kept_levels=[lv for lv in (stored.get("escalation") or {}) if lv not in EDITED_LEVELS],
        **choices,
    )


def _focus_after(action: str, count: int) -> str:
    """The control that keeps the keyboard where it was when the page comes back: the moved
    item's button that moves it on (or back, at the end), else the form's add control."""
    verb, _, index = action.partition(":")
    if verb not in ("up", "down") or not index.isdigit() or count < 2:
        return "add"
    i = max(0, min(int(index) + (-1 if verb == "up" else 1), count - 1))
    if verb == "up" and i == 0:
        return "down:0"
    if verb == "down" and i == count - 1:
        return f"up:{i}"
    return f"{verb}:{i}"


def _form_state(
    problems: list[tuple[str, str]] | None, prefix: str, unsaved: bool, focus: str = ""
) -> dict[str, Any]:
    fields, rest = _fields(problems or [], prefix)
    if prefix == "remind_owner_after" and problems:
        fields, rest = {"remind_owner_after": "; ".join(r for _, r in problems)}, []
    return {"fields": fields, "rest": rest, "unsaved": unsaved, "focus": focus}


@router.get("/oncall", response_class=HTMLResponse)
async def editor(request: Request, rt: RuntimeDep, staff: PageStaff) -> HTMLResponse:
    """Everyone signed in reads the rota and the policies; only an admin has the forms."""
    return await _editor(request, rt, _need(staff))


class _Stale(Exception):
    pass


async def _save(
    request: Request, rt: Runtime, me: Staff, edit: Any, subject: str, said: str
) -> tuple[bool, list[tuple[str, str]]]:
    try:
        async with rt.db.transaction() as session:
            changed = await rota.change(session, me, edit, subject, rt.clock.now(), "web")
    except rota.Stale as exc:
        request.session["flash"] = (f"Not saved: {exc}. Make your change again.", "error")
        raise _Stale from None
    except rota.RotaError as exc:
        if exc.status in (403, 404):
            raise HTTPException(exc.status, str(exc)) from None
        return False, exc.problems
    fields = sorted({re.sub(r"\[\d+\].*|\..*", "", k.split(".", 2)[-1]) for k in changed})
    request.session["flash"] = (
        f"{said} saved: {', '.join(f.replace('_', ' ') for f in fields)} changed."
        if changed
        else "Nothing changed.",
        "ok",
    )
    return True, []


@router.post("/oncall/rotations", response_model=None)
async def save_rotation(request: Request, rt: RuntimeDep, staff: PageStaff) -> Response:
    """One rotation's form: `original` names the rotation it edits (blank: a new one), `was`
    its fingerprint when the page was opened; `do` is the button pressed (save, add, delete,
    up:i, down:i, remove:i)."""
    me = _need(staff)
    form = await _form(request)
    _admin(me)
    original, was = _one(form, "original"), _one(form, "was")
    do = _one(form, "do") or "save"
    draft = _rotation_of(form)
    if original:  # tiers and cover name a rotation by its key: it stays
        draft["key"] = original
    key = original or str(draft.get("key") or "")
    adding = _one(form, "add_member")
    if adding and do in ("add", "save") and adding not in draft.get("members", []):
        draft["members"] = [*draft.get("members", []), adding]
    if do not in ("save", "delete"):
        draft["members"] = _moved(draft.get("members", []), do)
        focus = _focus_after(do, len(draft["members"]))
        return await _editor(
            request, rt, me, rotation_draft=(original, draft), was=was, unsaved=True, focus=focus
        )
    deleting = do == "delete" and bool(original)

    def edit(s: dict[str, Any]) -> dict[str, Any]:
        if original:  # not over another admin's change made since the page was opened
            rota.unchanged(rota.rotation_of(s, original), was, f"rotation {original}")
        if deleting:
            return rota.without_rotation(s, original)
        return rota.with_rotation(s, original or None, draft)

    try:
        ok, problems = await _save(request, rt, me, edit, f"rotation:{key}", f"Rotation {key}")
    except _Stale:
        return await _editor(request, rt, me, status=409)
    if not ok:
        return await _editor(
            request, rt, me, status=422, rotation_draft=(original, draft), was=was, problems=problems
        )
    if deleting:
        request.session["flash"] = (f"Rotation {original} deleted.", "ok")
        return RedirectResponse("/oncall", status_code=303)
    if not original:
        request.session["flash"] = (f"Rotation {key} added: see it in the calendar.", "ok")
    return RedirectResponse(f"/oncall#rotation-{key}", status_code=303)


@router.post("/oncall/escalation", response_model=None)
async def save_level(request: Request, rt: RuntimeDep, staff: PageStaff) -> Response:
    """One level's tiers; `was` and `do` as for a rotation (save, add, up:i, down:i, remove:i)."""
    me = _need(staff)
    form = await _form(request)
    _admin(me)
    level, was = _one(form, "level"), _one(form, "was")
    if level not in EDITED_LEVELS:
        raise HTTPException(422, f"level: one of {', '.join(EDITED_LEVELS)}")
    tiers = _tiers_of(form)
    do = _one(form, "do") or "save"
    if do != "save":
        if do == "add":
            tiers.append({"notify": "all:nurse", "ack_within": "5m"})
            focus = f"notify:{len(tiers) - 1}"  # the new tier's target
        else:
            tiers = _moved(tiers, do)
            focus = _focus_after(do, len(tiers))
        return await _editor(request, rt, me, level_draft=(level, tiers), was=was, unsaved=True, focus=focus)

    def edit(s: dict[str, Any]) -> dict[str, Any]:
        rota.unchanged(list((s.get("escalation") or {}).get(level) or []), was, f"the {level} policy")
        return rota.with_level(s, level, tiers)

    try:
        ok, problems = await _save(request, rt, me, edit, f"escalation:{level}", f"The {level} policy")
    except _Stale:
        return await _editor(request, rt, me, status=409)
    if ok:
        return RedirectResponse(f"/oncall#level-{level}", status_code=303)
    return await _editor(request, rt, me, status=422, level_draft=(level, tiers), was=was, problems=problems)


@router.post("/oncall/reminder", response_model=None)
async def save_reminder(request: Request, rt: RuntimeDep, staff: PageStaff) -> Response:
    me = _need(staff)
    form = await _form(request)
    _admin(me)
    value = _one(form, "remind_owner_after")
    ok, problems = await _save(
        request, rt, me, lambda s: rota.with_reminder(s, value or None), "remind_owner_after", "The reminder"
    )
    if ok:
        return RedirectResponse("/oncall#reminder", status_code=303)
    return await _editor(request, rt, me, status=422, reminder_draft=value, problems=problems)


# --- the calendar -------------------------------------------------------------------------


def _start(rt: Runtime, tz: str, start: str) -> tuple[date, str | None]:
    today = rt.clock.now().astimezone(zone(tz)).date()
    if not start:
        return today, None
    try:
        return date.fromisoformat(start), None
    except ValueError:
        return today, f"{start!r} is not a date (YYYY-MM-DD): showing from today"


@router.get("/oncall/calendar", response_class=HTMLResponse)
async def calendar_page(request: Request, rt: RuntimeDep, staff: PageStaff, start: str = "") -> HTMLResponse:
    """Two weeks of who is on call from `start` (a day in the clinic's zone; today by default)."""
    me = _need(staff)
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, me.clinic_id)
        assert clinic is not None
        first, refused = _start(rt, clinic.timezone, start[:20])
        found = await rota.calendar(session, clinic, first)
    return await _render(
        request,
        rt,
        "oncall_calendar.html",
        me,
        status=400 if refused else 200,
        cal=found,
        refused=refused,
        earlier=(first - timedelta(days=rota.CALENDAR_DAYS)).isoformat(),
        later=(first + timedelta(days=rota.CALENDAR_DAYS)).isoformat(),
        zone=zone(clinic.timezone),
    )
