"""Phone numbers as Vigil reads them, wherever they are typed: the clinic file, the patient,
carer and staff forms, a CSV of patients and the API all call `e164` with the clinic's region
(`region_of_zone` of its time zone), so a number is accepted, stored and refused alike."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import phonenumbers


def e164(value: str | int, region: str | None) -> str:
    """The number as E.164. With `region` (the clinic's country) a national number is read as
    that country's; without one it must carry its country code. ValueError says why not."""
    text = str(value).strip()
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        wanted = f"a {region} number, or +country code" if region else "with its country code: +1 617 ..."
        raise ValueError(f"{text!r} is not a phone number ({wanted})") from None
    # IS_POSSIBLE_LOCAL_ONLY ("555 0123" without its area code) is dialable only nearby: stored
    # as +15550123 it would reach no one, and the patient would silently get nothing.
    if phonenumbers.is_possible_number_with_reason(number) != phonenumbers.ValidationResult.IS_POSSIBLE:
        raise ValueError(f"{text!r} is not a possible phone number: too short or too long{_abroad(text)}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _abroad(text: str) -> str:
    """A hint when the digits are a valid number of another country once "+" is put before
    them (44 7700 900123, 0044...): typed without "+", never guessed, since a wrong guess
    would text a stranger."""
    digits = "".join(ch for ch in text if ch.isdigit())
    for candidate in (digits, digits[2:] if digits.startswith("00") else ""):
        if not candidate:
            continue
        try:
            number = phonenumbers.parse("+" + candidate, None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            return f"; a number abroad needs its +country code: did you mean {shown}?"
    return ""


def region_of_zone(timezone: str | None) -> str | None:
    """The country of a time zone (America/New_York: US), from the system's tz database, for
    reading a phone number typed without its country code; None when unknown."""
    return _zone_regions().get(timezone or "")


@cache
def _zone_regions() -> dict[str, str]:
    """Time zone -> ISO country, from zone.tab (zone1970.tab); empty without them."""
    out: dict[str, str] = {}
    for name in ("zone.tab", "zone1970.tab"):
        path = Path("/usr/share/zoneinfo") / name
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) >= 3:
                out.setdefault(parts[2], parts[0].split(",")[0])
    return out
