"""The clinic's protocols and quiet hours over the JSON API: what the protocol editor's pages
do (pages/protocols.py), for scripts. A protocol is the clinic file's `protocols` entry as
JSON; it is validated by the import's own code (vigil/clinic/protocols.py), and a refusal is a
422 naming each key path with the import's words. Everyone reads; only an admin changes (403);
another clinic's protocol is not found (404)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from vigil.clinic import protocols
from vigil.clinic.file import ProtocolIn
from vigil.clinic.protocols import NotAllowed, NotFound, ProtocolError
from vigil.core.models import Clinic, Staff
from vigil.scheduler.schedule import ScheduleError

from .deps import ApiStaff, RuntimeDep

router = APIRouter(tags=["protocols"])

ProtocolKey = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$", description="a protocol's key")]


def _inline(schema: dict[str, Any]) -> dict[str, Any]:
    """The clinic file's protocol schema with its $defs put in place (the API's schema has
    no $defs of its own to point into)."""
    defs = schema.pop("$defs", {})

    def put(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return put(dict(defs[ref.removeprefix("#/$defs/")]))
            return {k: put(v) for k, v in node.items()}
        if isinstance(node, list):
            return [put(v) for v in node]
        return node

    out: dict[str, Any] = put(schema)
    return out


PROTOCOL_SCHEMA = _inline(ProtocolIn.model_json_schema())
EXAMPLE = {
    "key": "post-chemo",
    "name": "After chemotherapy, daily",
    "schedule": "0 9 * * *",
    "remind_after": "4h",
    "expire_after": "12h",
    "questions": [
        {"key": "temp", "kind": "text", "text": "What is your temperature today?", "concepts": ["fever"]},
        {"key": "feel", "kind": "choice", "text": "How do you feel?", "choices": ["well", "unwell"]},
    ],
}
BODY = Body(
    description="A protocol as the clinic file writes it (`protocols:` of examples/clinic.yaml).",
    examples=[EXAMPLE],
)
DOC = {"requestBody": {"content": {"application/json": {"schema": PROTOCOL_SCHEMA}}, "required": True}}
# Replacing: the key is the path's, and may be left out of the body.
REPLACE_DOC = {
    "requestBody": {
        "content": {
            "application/json": {
                "schema": {
                    **PROTOCOL_SCHEMA,
                    "required": [k for k in PROTOCOL_SCHEMA["required"] if k != "key"],
                }
            }
        },
        "required": True,
    }
}


class QuietHoursBody(BaseModel):
    """The clinic's quiet hours (HH:MM, each patient's local time); both null: none."""

    model_config = ConfigDict(extra="forbid")
    start: str | None = Field(default=None, max_length=8, examples=["21:00"])
    end: str | None = Field(default=None, max_length=8, examples=["08:00"])


def _refused(exc: ProtocolError) -> HTTPException:
    return HTTPException(422, [{"field": k, "reason": v} for k, v in exc.problems.items()])


def _forbidden(me: Staff) -> None:
    try:
        protocols.require_admin(me)
    except NotAllowed as exc:
        raise HTTPException(403, str(exc)) from None


@router.get("/protocols")
async def list_protocols(rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    """The clinic's protocols, each with how many patients are enrolled in it now."""
    async with rt.db.session() as session:
        return {"protocols": await protocols.list_protocols(session, me.clinic_id)}


@router.post("/protocols", status_code=201, openapi_extra=DOC)
async def add_protocol(rt: RuntimeDep, me: ApiStaff, body: Annotated[dict[str, Any], BODY]) -> dict[str, Any]:
    _forbidden(me)
    try:
        async with rt.db.transaction() as session:
            saved = await protocols.save(session, me, body, rt.clock.now(), "api")
            return protocols.described(saved.protocol, 0)
    except ProtocolError as exc:
        raise _refused(exc) from None


@router.get("/protocols/{protocol_key}")
async def get_protocol(protocol_key: ProtocolKey, rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    async with rt.db.session() as session:
        try:
            found = await protocols.of_clinic(session, me.clinic_id, key=protocol_key)
        except NotFound:
            raise HTTPException(404, "no such protocol") from None
        return protocols.described(found, await protocols.enrolled_in(session, found.id))


@router.put("/protocols/{protocol_key}", openapi_extra=REPLACE_DOC)
async def replace_protocol(
    protocol_key: ProtocolKey, rt: RuntimeDep, me: ApiStaff, body: Annotated[dict[str, Any], BODY]
) -> dict[str, Any]:
    """The protocol replaced by the body, as a changed clinic file would replace it: its key
    stays (patients and the file name it); a new schedule moves each enrolled patient's next
    check-in. The answer says what changed, as the audit log records it."""
    async with rt.db.transaction() as session:
        try:
            found = await protocols.of_clinic(session, me.clinic_id, key=protocol_key)
        except NotFound:
            raise HTTPException(404, "no such protocol") from None
        _forbidden(me)
        try:
            saved = await protocols.save(session, me, body, rt.clock.now(), "api", found)
        except ProtocolError as exc:
            raise _refused(exc) from None
        return {
            **protocols.described(saved.protocol, await protocols.enrolled_in(session, found.id)),
            "changed": saved.changed,
            "rescheduled": saved.rescheduled,
        }


@router.get("/protocols/{protocol_key}/send-times")
async def send_times(
    protocol_key: ProtocolKey,
    rt: RuntimeDep,
    me: ApiStaff,
    tz: Annotated[str, Query(max_length=64, description="a patient's time zone; default: the clinic's")] = "",
    count: Annotated[int, Query(ge=1, le=50)] = protocols.SEND_TIMES,
) -> dict[str, Any]:
    """The next send times of the protocol for a patient in `tz`, out of the clinic's quiet
    hours and with daylight saving, as the scheduler computes them."""
    async with rt.db.session() as session:
        try:
            found = await protocols.of_clinic(session, me.clinic_id, key=protocol_key)
        except NotFound:
            raise HTTPException(404, "no such protocol") from None
        clinic = await session.get(Clinic, me.clinic_id)
        assert clinic is not None
    zone = tz.strip() or clinic.timezone
    try:
        protocols.check_zone(zone)
        times = protocols.send_times(found.schedule, zone, clinic, rt.clock.now(), count)
    except ProtocolError as exc:
        raise _refused(exc) from None
    except ScheduleError as exc:  # a schedule stored before it was checked
        raise HTTPException(422, [{"field": "schedule", "reason": str(exc)}]) from None
    return {"timezone": zone, "times": [t.isoformat().replace("+00:00", "Z") for t in times]}


@router.get("/quiet-hours")
async def get_quiet_hours(rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    async with rt.db.session() as session:
        clinic = await session.get(Clinic, me.clinic_id)
        assert clinic is not None
    quiet = protocols.quiet_of(clinic)
    return {"start": quiet[0] if quiet else None, "end": quiet[1] if quiet else None}


@router.put("/quiet-hours")
async def put_quiet_hours(body: QuietHoursBody, rt: RuntimeDep, me: ApiStaff) -> dict[str, Any]:
    """The clinic's quiet hours, validated as the clinic file's `quiet_hours`; every enrolled
    patient's next check-in is moved out of them."""
    _forbidden(me)
    try:
        async with rt.db.transaction() as session:
            changed = await protocols.set_quiet_hours(
                session, me, body.start, body.end, rt.clock.now(), "api"
            )
            clinic = await session.get(Clinic, me.clinic_id)
            assert clinic is not None
            quiet = protocols.quiet_of(clinic)
    except ProtocolError as exc:
        raise _refused(exc) from None
    return {"start": quiet[0] if quiet else None, "end": quiet[1] if quiet else None, "changed": changed}
