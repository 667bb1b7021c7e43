"""Passwords (argon2), API tokens (random, stored as SHA-256) and CSRF tokens."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
TOKEN_PREFIX = "vgl_"  # noqa: S105 - a prefix, not a secret


def hash_password(password: str) -> str:
    return _hasher.hash(password)


@cache
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def check_password(stored: str | None, password: str) -> bool:
    """Whether `password` matches; an unknown account is checked against a dummy hash, so the
    answer takes the same work and its timing does not tell which emails exist."""
    try:
        matched = _hasher.verify(stored or _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return matched and bool(stored)


# argon2 is deliberately slow (tens of ms) and releases the GIL: checked off the event loop,
# on two threads at most, so a flood of sign-ins cannot stall pages, webhooks or paging.
_checks = ThreadPoolExecutor(max_workers=2, thread_name_prefix="password")


async def check_password_async(stored: str | None, password: str) -> bool:
    return await asyncio.get_running_loop().run_in_executor(_checks, check_password, stored, password)


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    # A 256-bit random token needs no slow hash: SHA-256 cannot be guessed backwards.
    return hashlib.sha256(token.encode()).hexdigest()


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))
