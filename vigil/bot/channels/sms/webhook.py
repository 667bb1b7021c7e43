"""Twilio's webhooks: the signature first, always, against the public URL and every parameter."""

from __future__ import annotations

from collections.abc import Mapping

import phonenumbers
from twilio.request_validator import RequestValidator


def signed(auth_token: str, url: str, params: Mapping[str, str], signature: str | None) -> bool:
    """Whether Twilio signed exactly this URL and these parameters."""
    if not signature:
        return False
    return bool(RequestValidator(auth_token).validate(url, dict(params), signature))


def e164(number: str) -> str | None:
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


ORDER = {
    "accepted": 0,
    "scheduled": 0,
    "queued": 1,
    "sending": 2,
    "sent": 3,
    "delivered": 4,
    "read": 5,
    "undelivered": 6,
    "failed": 6,
    "canceled": 6,
}
