"""The API's newer case routes: resolved cases searched and paged, release and take over.

`GET /cases` (web/api.py) hands a request here when it asks for resolved cases or gives any
filter; a plain `?status=open` is answered there, exactly as before.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.audit import staff_did
from vigil.core.models import Clinic, Staff

from . import history, views
from .deps import ApiStaff, RowId, RuntimeDep

API_LIMIT = 50  # cases a page of the API holds unless `limit` says otherwise


class Filters:
    """The search and filters of `GET /cases`, as query parameters."""

    def __init__(
        self,
        q: Annotated[
            str | None,
            Query(
                max_length=200, description="words of the patient's name or id, the case number or the note"
            ),
        ] = None,
        level: Annotated[
            str | None, Query(max_length=100, description="comma-separated: routine, urgent, emergency")
        ] = None,
        disposition: Annotated[
            str | None, Query(max_length=200, description="comma-separated dispositions")
        ] = None,
        nurse: Annotated[
            str | None, Query(max_length=254, description="email of a staff member who acted on the case")
        ] = None,
        opened_from: Annotated[
            str | None,
            Query(
                alias="from", max_length=10, description="opened on or after this day, YYYY-MM-DD (clinic)"
            ),
        ] = None,
        opened_to: Annotated[
            str | None,
            Query(alias="to", max_length=10, description="opened on or before this day, YYYY-MM-DD (clinic)"),
        ] = None,
        offset: Annotated[int | None, Query(ge=0, le=2**31 - 1, description="cases to skip")] = None,
        limit: Annotated[
            int | None,
            Query(ge=1, le=history.MAX_LIMIT, description=f"cases to answer (default {API_LIMIT})"),
        ] = None,
    ) -> None:
        self.q, self.level, self.disposition, self.nurse = q, level, disposition, nurse
        self.opened_from, self.opened_to = opened_from, opened_to
        self.offset, self.limit = offset, limit

    @property
    def given(self) -> bool:
        return any(
            v is not None
            for v in (
                self.q,
                self.level,
                self.disposition,
                self.nurse,
                self.opened_from,
                self.opened_to,
                self.offset,
                self.limit,
            )
        )


async def clinic_tz(rt: Runtime, clinic_id: int) -> str:
    async with rt.db.session() as session:
        found = await session.scalar(select(Clinic.timezone).where(Clinic.id == clinic_id))
    return found or "UTC"


async def find_cases(
    rt: Runtime, staff: Staff, query: history.CaseQuery, channel: str, listing: str
) -> tuple[list[dict[str, Any]], int]:
    """A page of the clinic's cases for these filters; the listing is audited like the queue's."""
    tz = await clinic_tz(rt, staff.clinic_id)
    async with rt.db.transaction() as session:
        if query.nurse and not await history.nurse_known(session, staff.clinic_id, query.nurse):
            raise history.QueryError(f"nurse: no staff member {query.nurse} in this clinic")
        found, total = await history.search(session, staff.clinic_id, tz, query)
        staff_did(
            session,
            staff,
            "list",
            "cases",
            listing,
            at=rt.clock.now(),
            channel=channel,
            count=len(found),
            filters={k: v for k, v in history.described(query).items() if v},
        )
    return found, total


async def list_cases(rt: Runtime, staff: Staff, status: str, given: Filters) -> dict[str, Any]:
    try:
        query = history.parse(
            status=status,
            text=given.q,
            level=given.level,
            disposition=given.disposition,
            nurse=given.nurse,
            opened_from=given.opened_from,
            opened_to=given.opened_to,
            offset=given.offset or 0,
            limit=given.limit or API_LIMIT,
        )
        found, total = await find_cases(rt, staff, query, "api", status)
    except history.QueryError as exc:
        raise HTTPException(422, str(exc)) from None
    return {
        "cases": found,
        "total": total,
        "offset": query.offset,
        "limit": query.limit,
        "filters": history.described(query),
    }


class HandOverIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(
        min_length=1, max_length=1000, description="why: the next nurse and the audit read it"
    )


class TakeOverIn(HandOverIn):
    holder: str | None = Field(
        default=None,
        max_length=254,
        description="email of the colleague you mean to take it from: 409 if it changed hands since",
    )


router = APIRouter()


async def _hand_over(
    rt: Runtime, staff: Staff, case_id: int, action: str, reason: str, holder: str | None = None
) -> dict[str, Any]:
    await rt.service.act(staff, case_id, action, "api", reason=reason, holder=holder)
    async with rt.db.session() as session:
        found = await views.case_detail(session, staff.clinic_id, case_id)
    assert found is not None
    return found


@router.post("/cases/{case_id}/release")
async def release(case_id: RowId, body: HandOverIn, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """The holder gives the case back: open again, and the on-call chain is paged from its first tier."""
    return await _hand_over(rt, staff, case_id, "release", body.reason)


@router.post("/cases/{case_id}/take-over")
async def take_over(case_id: RowId, body: TakeOverIn, rt: RuntimeDep, staff: ApiStaff) -> dict[str, Any]:
    """Take a case claimed by a colleague: it is the caller's from now on."""
    return await _hand_over(rt, staff, case_id, "take_over", body.reason, body.holder)
