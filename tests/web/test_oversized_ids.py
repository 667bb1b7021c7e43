"""Ids that do not fit a 32-bit column name nothing: 404 on every route, and the database
connection survives to answer the next request."""

from __future__ import annotations

import httpx
import pytest

from vigil.assembly import Runtime

from ..conftest import NURSE, emergency_case, make_token

TOO_BIG = [2**31, 2**40, 2**53 - 1, 2**53, 2**63]


def _api_paths(client: httpx.AsyncClient) -> list[tuple[str, str]]:
    """Every API route with an integer id in its path, as (method, path template)."""
    app = client._transport.app  # type: ignore[attr-defined]
    mount = next(r for r in app.routes if getattr(r, "path", "") == "/api/v1")
    return [
        (method, "/api/v1" + route.path)
        for route in mount.app.routes
        for method in sorted(getattr(route, "methods", ()) or ())
        if "_id}" in route.path and "{external_id}" not in route.path
    ]


async def test_every_api_route_says_not_found_for_an_id_no_column_can_hold(
    rt: Runtime, client: httpx.AsyncClient
) -> None:
    auth = {"Authorization": f"Bearer {await make_token(rt, 'admin@riverside.example')}"}
    case_id = await emergency_case(rt)
    paths = _api_paths(client)
    assert len(paths) >= 7  # get, acknowledge, claim, decline, resolve, reply, delete cover
    for method, template in paths:
        for ident in TOO_BIG:
            url = template.replace("{case_id}", str(ident)).replace("{override_id}", str(ident))
            body = {"disposition": "other", "text": "hello"} if method == "POST" else None
            r = await client.request(method, url, headers=auth, json=body)
            assert r.status_code == 404, (method, url, r.status_code, r.text)
    # The connection pool is still healthy: the real case answers.
    assert (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).status_code == 200


async def signed_in(client: httpx.AsyncClient, email: str = NURSE) -> str:
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    r = await client.post("/login", data={"email": email, "password": "correct horse battery", "csrf": csrf})
    assert r.status_code == 303, r.text
    page = await client.get("/")
    return page.text.split('name="csrf" value="')[1].split('"')[0]


@pytest.mark.parametrize("ident", TOO_BIG)
async def test_every_page_says_not_found_for_an_id_no_column_can_hold(
    rt: Runtime, client: httpx.AsyncClient, ident: int
) -> None:
    csrf = await signed_in(client, "admin@riverside.example")
    for path in (
        f"/cases/{ident}",
        f"/cases/{ident}/live",
        f"/cases/{ident}/transcript",
        f"/events/case/{ident}",
        f"/events/patient/{ident}",
    ):
        r = await client.get(path)
        assert r.status_code == 404, (path, r.status_code)
    for path in (f"/cases/{ident}/claim", f"/cases/{ident}/reply", f"/oncall/overrides/{ident}/remove"):
        r = await client.post(path, data={"csrf": csrf, "text": "hello"})
        assert r.status_code == 404, (path, r.status_code)
    assert (await client.get("/")).status_code == 200


async def test_the_largest_id_that_fits_is_simply_not_found(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    r = await client.get(f"/api/v1/cases/{2**31 - 1}", headers=auth)
    assert (r.status_code, r.json()["detail"]) == (404, "no such case")
