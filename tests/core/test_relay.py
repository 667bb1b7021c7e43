"""Live-page notes reach the other `vigil serve` processes through PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest

from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.relay import PgRelay

from ..conftest import PG_URL, search_path

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="VIGIL_TEST_POSTGRES_URL is not set"),
]


async def test_a_note_published_in_one_process_reaches_pages_of_another(db: Database) -> None:
    if not db.postgres:
        pytest.skip("PostgreSQL only")
    other_db = Database(db.url, connect_args={"server_settings": {"search_path": await search_path(db)}})
    here, there = Hub(), Hub()
    relays = [PgRelay(here, db.engine), PgRelay(there, other_db.engine)]
    try:
        for relay in relays:
            await relay.start()
        with there.subscribe("clinic:1") as far, here.subscribe("clinic:1") as near:
            here.publish("clinic:1", {"type": "changed", "case": 7})
            assert await asyncio.wait_for(far.get(), timeout=10) == {"type": "changed", "case": 7}
            assert near.get_nowait() == {"type": "changed", "case": 7}
            there.publish("clinic:1", {"type": "changed"})
            assert await asyncio.wait_for(near.get(), timeout=10) == {"type": "changed"}
            # A process does not hear its own note twice.
            await asyncio.sleep(0)
            assert far.get_nowait() == {"type": "changed"}
            assert far.empty()
    finally:
        for relay in relays:
            await relay.stop()
        await other_db.dispose()


async def test_schemas_sharing_a_server_do_not_hear_each_other(db: Database) -> None:
    if not db.postgres:
        pytest.skip("PostgreSQL only")
    assert PG_URL is not None
    elsewhere = Database(PG_URL)  # the public schema: another deployment on the same server
    here, there = Hub(), Hub()
    relays = [PgRelay(here, db.engine), PgRelay(there, elsewhere.engine)]
    try:
        for relay in relays:
            await relay.start()
        assert relays[0].channel != relays[1].channel
    finally:
        for relay in relays:
            await relay.stop()
        await elsewhere.dispose()
