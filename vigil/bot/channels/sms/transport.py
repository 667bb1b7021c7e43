"""Sending SMS through Twilio's REST API with the official client (async HTTP client).

`VIGIL_TWILIO_API_URL` is the API base, so tests talk to a fake Twilio on 127.0.0.1.
Every message asks for a status callback and carries a validity period, so a check-in that
cannot be delivered in time expires instead of arriving hours late.
"""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.rest import Client

from vigil.core.models import OutboundMessage

from ...pacing import Limit
from ...transport import PermanentError, TransientError
from .errors import patient_status
from .gsm import fold

log = logging.getLogger("vigil.sms")

VALIDITY_SECONDS = {"question": 4 * 3600, "reminder": 4 * 3600}  # others: Twilio's maximum


class PermanentSmsError(PermanentError):
    def __init__(self, message: str, code: int | None) -> None:
        super().__init__(message)
        self.code = code
        self.patient_status = patient_status(code)


class TwilioSms:
    name = "sms"

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        sender: str,
        api_url: str,
        public_url: str,
        per_second: float = 1.0,
    ) -> None:
        # One sending number: carriers throttle (and filter) a long code sending faster.
        self.limit = Limit(per_second=per_second)
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.sender = sender
        self.api_url = api_url.rstrip("/")
        self.status_url = f"{public_url.rstrip('/')}/webhooks/twilio/status"
        self._client: Client | None = None

    def _get_client(self) -> Client:
        if self._client is None:  # the async HTTP client needs the running loop
            client = Client(self.account_sid, self.auth_token, http_client=AsyncTwilioHttpClient(timeout=15))
            client.api.base_url = self.api_url
            self._client = client
        return self._client

    async def send(self, message: OutboundMessage) -> str:
        kwargs: dict[str, Any] = {
            "to": message.address,
            "body": fold(message.text),
            "status_callback": self.status_url,
        }
        if self.sender.startswith("MG"):
            kwargs["messaging_service_sid"] = self.sender
        else:
            kwargs["from_"] = self.sender
        validity = VALIDITY_SECONDS.get(message.kind)
        if validity:
            kwargs["validity_period"] = validity
        try:
            sent = await self._get_client().messages.create_async(**kwargs)
        except TwilioRestException as exc:
            if exc.status == 429 or exc.status >= 500:
                raise TransientError(f"twilio {exc.status} {exc.code or ''}".strip()) from None
            raise PermanentSmsError(f"twilio {exc.status} error {exc.code}", exc.code) from None
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise TransientError(f"twilio unreachable: {type(exc).__name__}") from None
        return str(sent.sid)

    async def close(self) -> None:
        if self._client is not None and hasattr(self._client.http_client, "close"):
            await self._client.http_client.close()
        self._client = None
