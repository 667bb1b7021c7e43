"""What a channel's transport must do to carry an outbox row to a person. Each raises
`TransientError` (retry later) or `PermanentError` (record the failure) and otherwise returns
the provider's message id. The outbox knows channels only through this."""

from __future__ import annotations

from typing import Protocol

from vigil.core.models import OutboundMessage


class TransientError(Exception):
    """Worth retrying: timeouts, rate limits, provider 5xx."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(Exception):
    """Retrying will not help: blocked, unsubscribed, invalid number.

    `patient_status` ("opted_out", "unreachable") is what this says about the patient.
    """

    patient_status: str | None = None


class Channel(Protocol):
    name: str

    async def send(self, message: OutboundMessage) -> str:
        """Deliver one message; return the provider's id for it."""
        ...
