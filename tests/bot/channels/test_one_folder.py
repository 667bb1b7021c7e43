"""A channel is one folder and one line: a carrier-pigeon channel defined here alone, in this
module, registered where the app is built, and a patient's message round-trips through it:
received by its own webhook, triaged, stored with its case, and answered through its transport.
Nothing in vigil/ knows this channel exists."""

from __future__ import annotations

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select, update

from vigil.assembly import CHANNELS, Runtime, build_runtime
from vigil.core.clock import ManualClock
from vigil.core.hub import Hub
from vigil.core.models import OutboundMessage, Patient
from vigil.core.settings import Settings
from vigil.escalation.models import Case
from vigil.usecases.service import Service
from vigil.web.app import create_app

PATIENT = "MRN-100234"


class Loft:
    """The pigeon's transport: every message it carries lands here."""

    name = "pigeon"

    def __init__(self) -> None:
        self.carried: list[tuple[str, str]] = []

    async def send(self, message: OutboundMessage) -> str:
        self.carried.append((message.address, message.text))
        return f"pigeon-{len(self.carried)}"


class PigeonDoor:
    name = "pigeon"

    def __init__(self) -> None:
        self.transport = Loft()

    def bind(self, service: Service) -> APIRouter | None:
        routes = APIRouter()

        @routes.post("/webhooks/pigeon")
        async def landed(request: Request) -> Response:
            note = await request.json()
            async with service.db.session() as session:
                patient = await session.scalar(
                    select(Patient).where(Patient.channel == "pigeon", Patient.external_id == note["from"])
                )
            if patient is None:
                return Response(status_code=404)
            await service.receive(patient, "pigeon", note["id"], note["text"])
            return Response(status_code=200)

        return routes

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


def pigeon(settings: Settings, hub: Hub) -> PigeonDoor:
    return PigeonDoor()


async def test_a_channel_defined_in_this_module_alone_round_trips_a_message(
    rt: Runtime, clock: ManualClock
) -> None:
    # The one line a new channel needs where the app is built (on the demo clinic's database):
    rt = build_runtime(rt.settings, clock=clock, db=rt.db, channels=(*CHANNELS, pigeon))
    door = rt.doors["pigeon"]
    assert isinstance(door, PigeonDoor)
    async with rt.db.transaction() as session:  # the patient chose pigeons
        await session.execute(update(Patient).where(Patient.external_id == PATIENT).values(channel="pigeon"))
    app = create_app(rt, background=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://vigil.test") as c:
        landed = await c.post(
            "/webhooks/pigeon", json={"from": PATIENT, "id": "coo-1", "text": "I coughed up a lot of blood"}
        )
        assert landed.status_code == 200
        again = await c.post(  # a pigeon that lands twice delivers once
            "/webhooks/pigeon", json={"from": PATIENT, "id": "coo-1", "text": "I coughed up a lot of blood"}
        )
        assert again.status_code == 200
    async with rt.db.session() as session:
        case = await session.scalar(select(Case).join(Patient).where(Patient.external_id == PATIENT))
    assert case is not None  # triaged, and a case opened
    assert case.level == "emergency"
    await rt.service.dispatcher.drain()
    # Answered once, through the pigeon's own transport, with the emergency advice:
    [(address, text)] = door.transport.carried
    assert address == PATIENT
    assert "call 911 straight away" in text
    async with rt.db.session() as session:
        sent = (
            await session.scalars(select(OutboundMessage.status).where(OutboundMessage.channel == "pigeon"))
        ).all()
    assert sent
    assert set(sent) == {"sent"}
    await rt.close()
