"""The on-call configuration over the JSON API: rotations, escalation policies and the
two-week calendar — what the on-call pages (pages/oncall.py) do, for scripts.

Bodies are the clinic file's own models (vigil/clinic/file.py): a rotation or a tier is
written as in the file, checked by the same code, and refused with the import's reasons
(422: `[{"field": "rotations[0].handoff", "reason": ...}]`). Everyone signed in reads;
only an admin changes (403); every change is audited with what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response

from vigil.assembly import Runtime
from vigil.clinic import rota
from vigil.clinic.file import OncallIn, RotationIn, TierIn
from vigil.core.models import Clinic, Staff
from vigil.scheduler.schedule import zone

from .deps import ApiStaff, RuntimeDep
from .views import iso

router = APIRouter(tags=["on call"])

RotationKey = Annotated[str, Path(max_length=64, description="the rotation's key, as tiers name it")]
Level = Literal["emergency", "urgent", "routine"]


def _http(exc: rota.RotaError) -> HTTPException:
    if exc.status in (403, 404):
        return HTTPException(exc.status, str(exc))
    return HTTPException(422, [{"field": k, "reason": v} for k, v in exc.problems])


async def _section(rt: Runtime, me: Staff) -> dict[str, Any]:
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, me.clinic_id)
        if clinic is None:
            raise HTTPException(404, "no such clinic")
        return rota.section(clinic)


async def _change(
    rt: Runtime, me: Staff, edit: Callable[[dict[str, Any]], dict[str, Any]], subject: str
) -> dict[str, Any]:
    try:
        async with rt.db.transaction() as session:
            changed = await rota.change(session, me, edit, subject, rt.clock.now(), "api")
    except rota.RotaError as exc:
        raise _http(exc) from None
    return {"oncall": await _section(rt, me), "changed": changed}


def _rotation(oncall: dict[str, Any], key: str) -> dict[str, Any]:
    found = next((r for r in oncall.get("rotations") or () if r.get("key") == key), None)
    if found is None:
        raise HTTPException(404, f"no rotation {key!r} in this clinic")
    return dict(found)


@router.get("/oncall/config", summary="The clinic's rotations and escalation policies")
async def get_config(rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """The clinic file's `oncall:` section, as `GET /clinic/export` writes it."""
    return {"oncall": await _section(rt, staff)}


@router.put("/oncall/config", summary="Replace the rotations and escalation policies")
async def put_config(body: OncallIn, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """The whole `oncall:` section, as in the clinic file, checked as `vigil import` checks
    it (members and `staff:` targets must be active staff). Returns it with what changed.
    Admins only."""
    data = body.model_dump(mode="json")
    return await _change(rt, staff, lambda _: data, "oncall")


@router.post("/oncall/rotations", status_code=201, summary="Add a rotation")
async def add_rotation(body: RotationIn, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """A rotation as in the clinic file; its key must be new. Admins only."""
    data = body.model_dump(mode="json")
    return await _change(rt, staff, lambda s: rota.with_rotation(s, None, data), f"rotation:{body.key}")


@router.get("/oncall/rotations/{rotation_key}", summary="One rotation")
async def get_rotation(rotation_key: RotationKey, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    return {"rotation": _rotation(await _section(rt, staff), rotation_key)}


@router.put("/oncall/rotations/{rotation_key}", summary="Change a rotation")
async def put_rotation(
    rotation_key: RotationKey, body: RotationIn, rt: RuntimeDep, staff: ApiStaff
) -> dict[str, Any]:
    """Members (in order), shift length, hand-over time, first day. The key stays: tiers
    and cover name the rotation by it. Admins only."""
    _rotation(await _section(rt, staff), rotation_key)
    if body.key != rotation_key:
        raise HTTPException(422, [{"field": "key", "reason": "a rotation's key cannot change"}])
    data = body.model_dump(mode="json")
    return await _change(
        rt, staff, lambda s: rota.with_rotation(s, rotation_key, data), f"rotation:{rotation_key}"
    )


@router.delete("/oncall/rotations/{rotation_key}", status_code=204, summary="Delete a rotation")
async def delete_rotation(rotation_key: RotationKey, rt: RuntimeDep, staff: ApiStaff) -> Response:
    """Refused (422) while a tier pages it. Admins only."""
    _rotation(await _section(rt, staff), rotation_key)
    await _change(rt, staff, lambda s: rota.without_rotation(s, rotation_key), f"rotation:{rotation_key}")
    return Response(status_code=204)


@router.put("/oncall/escalation", summary="Replace escalation policies, level by level")
async def put_escalation(body: dict[Level, list[TierIn]], rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """`{"urgent": [tiers...]}`: the levels given are replaced, the others kept. A tier is
    `{"notify": "rotation:nurses" | "staff:EMAIL" | "all:ROLE", "ack_within": "5m"}` or
    with `repeat_every` instead. Admins only."""
    levels = {level: [t.model_dump(mode="json") for t in tiers] for level, tiers in body.items()}

    def edit(s: dict[str, Any]) -> dict[str, Any]:
        for level, tiers in levels.items():
            s = rota.with_level(s, level, tiers)
        return s

    return await _change(rt, staff, edit, "escalation:" + ",".join(sorted(levels)))


@router.get("/oncall/calendar", summary="Who is on call, day by day, for two weeks")
async def calendar(
    rt: RuntimeDep,
    staff: ApiStaff,
    start: Annotated[
        date | None, Query(description="the first day, YYYY-MM-DD in the clinic's zone; default today")
    ] = None,
    days: Annotated[int, Query(ge=1, le=62)] = rota.CALENDAR_DAYS,
) -> dict[str, Any]:
    """Each rotation's shifts, cut at the clinic's midnights: who (`email`, `name`), whether
    it is `cover`, and `problem` when a page would reach nobody then (a gap: nobody on call,
    or someone who cannot be paged). Computed as the pager computes who is on call."""
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, staff.clinic_id)
        if clinic is None:
            raise HTTPException(404, "no such clinic")
        first = start or rt.clock.now().astimezone(zone(clinic.timezone)).date()
        found = await rota.calendar(session, clinic, first, days)
    return {
        "start": found.start.isoformat(),
        "end": (found.start + timedelta(days=days)).isoformat(),
        "timezone": found.timezone,
        "rotations": found.rotations,
        "gaps": found.gaps,
        "days": [
            {
                "day": d.day.isoformat(),
                "starts_at": iso(d.starts_at),
                "ends_at": iso(d.ends_at),
                "rotations": {
                    key: [
                        {
                            "starts_at": iso(s.starts_at),
                            "ends_at": iso(s.ends_at),
                            "email": s.email,
                            "name": s.name,
                            "cover": s.cover,
                            "gap": s.gap,
                            "problem": s.problem,
                        }
                        for s in slots
                    ]
                    for key, slots in d.rotations.items()
                },
            }
            for d in found.days
        ],
    }
