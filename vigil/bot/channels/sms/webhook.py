"""Twilio's webhooks: the signature first, always, against the public URL and every parameter."""

from __future__ import annotations

import re
from collections.abc import Mapping

from twilio.request_validator import RequestValidator

from vigil.core import phones


def signed(auth_token: str, url: str, params: Mapping[str, str], signature: str | None) -> bool:
    """Whether Twilio signed exactly this URL and these parameters."""
    if not signature:
        return False
    return bool(RequestValidator(auth_token).validate(url, dict(params), signature))


# Twilio's own ceiling on one (concatenated) SMS: triage never reads more than a phone can send.
MAX_BODY = 1600
# Twilio's ids are 34 characters; the columns that keep them hold 64.
_SID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_ERROR_CODE = re.compile(r"[0-9]{1,9}")


def sid_ok(sid: str | None) -> bool:
    """Whether this looks like a Twilio message id that fits where it is stored."""
    return sid is not None and _SID.fullmatch(sid) is not None


def inbound_text(body: str) -> str:
    """The part of an inbound body that is kept and triaged."""
    return body[:MAX_BODY]


def error_code(value: str | None) -> int | None:
    """Twilio's numeric ErrorCode; anything else (empty, "²", a thousand digits) is none."""
    return int(value) if value and _ERROR_CODE.fullmatch(value) else None


def e164(number: str) -> str | None:
    """The provider's number as Vigil stores numbers (core/phones.py), or None: it always
    carries its country code, so no region is assumed."""
    try:
        return phones.e164(number, None)
    except ValueError:
        return None


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
