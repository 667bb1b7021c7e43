"""Every operation of the API's own OpenAPI schema, driven by schemathesis (valid and invalid
requests alike), authenticated, on each backend: not one server error."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import FailedHealthCheck, Unsatisfiable
from schemathesis import openapi
from schemathesis.core import NotSet
from schemathesis.generation import GenerationMode

from vigil.assembly import Runtime

from ..conftest import emergency_case, make_token

EXAMPLES = 25  # per operation and mode: every operation's edges, in seconds rather than minutes


_DRAWN: dict[str, list[Any]] = {}


def _cases(raw: dict[str, Any]) -> list[Any]:
    """Requests drawn from the schema, generated up front so they can be sent on this loop;
    once per schema (derandomized, so SQLite and PostgreSQL get the same requests, and drawing
    them is half the test's time)."""
    key = json.dumps(raw, sort_keys=True)
    if key not in _DRAWN:
        _DRAWN[key] = _draw(raw)
    return _DRAWN[key]


def _draw(raw: dict[str, Any]) -> list[Any]:
    drawn: list[Any] = []
    for result in openapi.from_dict(raw).get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,  # the same requests every run: a failure can be run again
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def keep(case: Any) -> None:
                drawn.append(case)

            try:
                keep()
            except (Unsatisfiable, FailedHealthCheck):  # nothing about this operation can be made invalid
                continue
    return drawn


async def test_every_api_operation_answers_generated_requests_without_a_server_error(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    admin = {"Authorization": f"Bearer {await make_token(rt, 'admin@riverside.example')}"}
    await emergency_case(rt)  # so that small ids name a real case
    raw = (await client.get("/api/v1/openapi.json", headers=admin)).json()
    cases = _cases(raw)
    operations = {(c.method, c.path) for c in cases}
    assert len(operations) == len(raw["paths"]) + sum(len(v) - 1 for v in raw["paths"].values())
    errors = []
    for case in cases:
        headers = {k: str(v) for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
        body = case.body
        if isinstance(body, NotSet):
            content = None
        elif isinstance(body, bytes):  # an invalid body may be raw bytes of another media type
            content = body
        else:
            content = json.dumps(body, default=str).encode()
        if content is not None:
            headers.setdefault("content-type", case.media_type or "application/json")
        r = await client.request(
            case.method,
            "/api/v1" + case.formatted_path,
            params=case.query or None,
            headers={**headers, **admin},
            content=content,
        )
        if r.status_code >= 500:
            errors.append((case.method, case.formatted_path, case.query, body, r.status_code))
    print(f"\nschemathesis: {len(cases)} requests, {len(operations)} operations, {len(errors)} server errors")
    assert errors == []
    assert len(cases) >= 100


@pytest.mark.parametrize("ident", ["0", "-1", str(2**31), "1e3", "%20"])
async def test_ids_outside_the_schema_are_not_found(
    client: httpx.AsyncClient, auth: dict[str, str], ident: str
) -> None:
    assert (await client.get(f"/api/v1/cases/{ident}", headers=auth)).status_code == 404
