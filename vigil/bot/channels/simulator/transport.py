"""The simulator channel: the patient is a chat page in the browser.

Outbound messages take the same outbox path as SMS; "sending" publishes them to the
patient's simulator page. Inbound messages come from that page or the API and take the
same inbox path as an SMS webhook.
"""

from __future__ import annotations

import uuid

from vigil.core.hub import Hub
from vigil.core.models import OutboundMessage


def topic(patient_id: int) -> str:
    return f"patient:{patient_id}"


class SimulatorChannel:
    name = "simulator"

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    async def send(self, message: OutboundMessage) -> str:
        provider_id = f"sim-{uuid.uuid4().hex}"
        if message.patient_id is not None:
            self.hub.publish(topic(message.patient_id), {"type": "message", "id": message.id})
        return provider_id
