"""Channels: one folder each (`sms/`, `telegram/`, `simulator/`), holding everything that
channel is: its transport (how the outbox reaches a person), its webhook routes, its inbound
parsing, what its provider's error codes mean, and its sample payloads.

A channel gives the app a `Door`. `vigil.assembly` lists the channels, one line each, and the
web app mounts whatever routers the doors give it: adding WhatsApp is a folder and a line.
Channels call the use cases (`vigil.usecases`); they never import each other or the web app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from vigil.bot.transport import Channel, PermanentError, TransientError
from vigil.core.hub import Hub
from vigil.core.settings import Settings

if TYPE_CHECKING:
    from fastapi import APIRouter

    from vigil.usecases.service import Service

__all__ = ["Channel", "Door", "DoorFactory", "PermanentError", "TransientError"]


class Door(Protocol):
    """A channel as the app sees it."""

    name: str

    @property
    def transport(self) -> Channel | None:
        """How the outbox reaches people on it; None: it hears but cannot send (no SMS sender)."""
        ...

    def bind(self, service: Service) -> APIRouter | None:
        """Hand the channel the use cases it calls; its webhook routes, if it has any."""
        ...

    async def start(self) -> None:
        """Begin listening (register a webhook, start polling); never fails the app's start."""
        ...

    async def stop(self) -> None:
        """Stop listening and close the transport; safe to call twice."""
        ...


# How a channel is made from the settings: None when the settings leave it off.
DoorFactory = Callable[[Settings, Hub], Door | None]
