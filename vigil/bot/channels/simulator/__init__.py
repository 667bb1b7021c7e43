"""The simulator channel: the patient is a chat page in the browser (the dashboard's simulator
page and `POST /api/v1/simulate` are its way in; they live with the pages, being staff pages)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigil.core.hub import Hub
from vigil.core.settings import Settings

from .transport import SimulatorChannel, topic

if TYPE_CHECKING:
    from fastapi import APIRouter

    from vigil.usecases.service import Service

__all__ = ["SimulatorChannel", "SimulatorDoor", "door", "topic"]


class SimulatorDoor:
    name = "simulator"

    def __init__(self, hub: Hub) -> None:
        self.transport = SimulatorChannel(hub)

    def bind(self, service: Service) -> APIRouter | None:
        return None

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


def door(settings: Settings, hub: Hub) -> SimulatorDoor | None:
    return SimulatorDoor(hub) if settings.simulator else None
