"""Sign-in guessing is throttled per account AND address: a stranger cannot keep the on-call
nurse off the dashboard, and the answer costs the same hash work whether the email exists."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from vigil.assembly import Runtime
from vigil.web import security
from vigil.web.app import create_app

from ..conftest import NURSE


@pytest.fixture
async def from_two_places(rt: Runtime) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """One app, two browsers at different client addresses."""
    app = create_app(rt, background=False)
    stranger = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app, client=("203.0.113.9", 40000)), base_url="http://vigil.test"
    )
    owner = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app, client=("198.51.100.7", 40001)), base_url="http://vigil.test"
    )
    async with stranger, owner:
        yield stranger, owner


async def sign_in(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    page = await client.get("/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    return await client.post("/login", data={"email": email, "password": password, "csrf": csrf})


async def test_a_strangers_five_failures_do_not_lock_the_owner_out_from_another_address(
    from_two_places: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    stranger, owner = from_two_places
    for guess in range(5):
        assert (await sign_in(stranger, NURSE, f"guess {guess}")).status_code == 401
    assert (await sign_in(stranger, NURSE, "guess 6")).status_code == 429
    r = await sign_in(owner, NURSE, "correct horse battery")
    assert (r.status_code, r.headers["location"]) == (303, "/")


async def test_the_stranger_stays_throttled_even_with_the_right_password(
    from_two_places: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    stranger, _ = from_two_places
    for guess in range(5):
        await sign_in(stranger, NURSE, f"guess {guess}")
    r = await sign_in(stranger, NURSE, "correct horse battery")
    assert r.status_code == 429
    assert "Too many attempts" in r.text


@pytest.mark.parametrize("email", ["nobody@riverside.example", NURSE])
async def test_every_sign_in_answer_costs_one_argon2_verification(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, email: str
) -> None:
    verified: list[str] = []
    real = security._hasher

    class Counting:
        def hash(self, password: str) -> str:
            return real.hash(password)

        def verify(self, stored: str, password: str) -> bool:
            verified.append(stored)
            return real.verify(stored, password)

    monkeypatch.setattr(security, "_hasher", Counting())
    r = await sign_in(client, email, "wrong password")
    assert r.status_code == 401
    assert len(verified) == 1
    assert verified[0].startswith("$argon2")  # unknown emails too: against a dummy hash


def test_the_dummy_hash_never_lets_anyone_in() -> None:
    assert not security.check_password(None, "")
    assert not security.check_password("", "anything")
