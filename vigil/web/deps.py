"""Request dependencies: the runtime, the signed-in staff member, CSRF."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.clinic.file import key_path, reason
from vigil.core.models import ApiToken, Staff, StaffSession

from .security import same, token_hash


def runtime(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


RuntimeDep = Annotated[Runtime, Depends(runtime)]


CHANGE_PASSWORD = "/account/password"  # noqa: S105 - a path, not a secret


class PasswordChangeRequired(Exception):
    """The signed-in staff member holds a temporary password: nothing but choosing their own."""


async def api_staff(request: Request, rt: RuntimeDep) -> Staff:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        secret = (request.scope.get("session") or {}).get("sid")
        if isinstance(secret, str) and secret:
            holder = await session_staff(rt, secret)
            if holder is not None and holder.must_change_password:
                raise HTTPException(
                    403, f"choose your own password first ({CHANGE_PASSWORD}): yours is a temporary one"
                )
        raise HTTPException(
            401,
            "send Authorization: Bearer TOKEN (vigil token create EMAIL)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    async with rt.db.transaction() as session:
        row = (
            await session.execute(
                select(ApiToken, Staff)
                .join(Staff, Staff.id == ApiToken.staff_id)
                .where(ApiToken.token_hash == token_hash(token.strip()), ApiToken.revoked_at.is_(None))
            )
        ).first()
        if row is None or not row[1].active:
            raise HTTPException(401, "unknown or revoked token", headers={"WWW-Authenticate": "Bearer"})
        row[0].last_used_at = rt.clock.now()
        staff: Staff = row[1]
    return staff


async def signed_in_staff(request: Request, rt: RuntimeDep) -> Staff | None:
    """Who this dashboard session belongs to, while it is neither signed out nor expired."""
    secret = request.session.get("sid")
    if not isinstance(secret, str) or not secret:
        return None
    return await session_staff(rt, secret)


async def page_staff(request: Request, rt: RuntimeDep) -> Staff | None:
    """`signed_in_staff`, once they have chosen their own password: with a temporary one (an
    invite, a reset) every page sends them to choose it (PasswordChangeRequired)."""
    staff = await signed_in_staff(request, rt)
    if staff is not None and staff.must_change_password:
        raise PasswordChangeRequired
    return staff


async def session_staff(rt: Runtime, secret: str) -> Staff | None:
    async with rt.db.session() as session:
        return await session.scalar(
            select(Staff)
            .join(StaffSession, StaffSession.staff_id == Staff.id)
            .where(
                StaffSession.token_hash == token_hash(secret),
                StaffSession.revoked_at.is_(None),
                StaffSession.expires_at > rt.clock.now(),
                Staff.active.is_(True),
            )
        )


def check_csrf(request: Request, token: str | None) -> None:
    if not same(request.session.get("csrf"), token):
        raise HTTPException(403, "the form has expired; reload the page and try again")


ApiStaff = Annotated[Staff, Depends(api_staff)]

# Row ids are 32-bit INTEGER columns: a larger id would make PostgreSQL refuse the query (and
# drop the connection), so it is turned away here, where the app answers 404 (not found).
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="a row id")]
ExternalId = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", description="a patient's id")]


def path_error(exc: RequestValidationError) -> bool:
    """Whether a path parameter failed validation: such a URL names nothing, so it is a 404."""
    return any(e.get("loc", ("",))[0] == "path" for e in exc.errors())


def field_problems(exc: RequestValidationError) -> list[dict[str, str]]:
    """A request FastAPI could not read, as the API's documented refusal: `[{"field",
    "reason"}]`, the field as the clinic file's key path (`rotations[0].handoff`, `limit`), the
    reason in the import's words (`clinic.file.reason`), one entry a field."""
    out: dict[str, str] = {}
    for err in exc.errors():
        loc = tuple(err.get("loc") or ())
        where = key_path(loc[1:]) if len(loc) > 1 else ""
        kind = str(err.get("type", ""))
        if kind == "json_invalid":
            where, why = "body", "is not valid JSON"
        elif not where and kind in ("model_attributes_type", "dict_type", "model_type"):
            where, why = "body", "should be a JSON object"
        else:
            where, why = where or (str(loc[0]) if loc else "body"), reason(err)
        out.setdefault(where, why)
    return [{"field": k, "reason": v} for k, v in out.items()]
