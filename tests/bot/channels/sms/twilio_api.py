"""A fake Twilio REST API on 127.0.0.1: the Messages resource, speaking Twilio's HTTP
(form bodies in, JSON out, Twilio's error bodies), for the real twilio client to call."""

from __future__ import annotations

import base64
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ....fakes import serving

ACCOUNT = "AC" + "0" * 32
TOKEN = "test-auth-token-0123456789abcdef"


@dataclass
class FakeTwilio:
    url: str = ""
    sent: list[dict[str, str]] = field(default_factory=list)
    failures: list[tuple[int, int | None]] = field(default_factory=list)  # (HTTP status, Twilio code)
    arrivals: list[float] = field(default_factory=list)  # monotonic time of each accepted message

    def fail_next(self, status: int, code: int | None = None) -> None:
        self.failures.append((status, code))


def _app(fake: FakeTwilio) -> Starlette:
    async def create(request: Request) -> JSONResponse:
        account = request.path_params["account"]
        expected = "Basic " + base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode()
        if account != ACCOUNT or request.headers.get("authorization") != expected:
            return JSONResponse({"code": 20003, "message": "Authenticate", "status": 401}, status_code=401)
        form = {k: str(v) for k, v in (await request.form()).items()}
        if fake.failures:
            status, code = fake.failures.pop(0)
            body: dict[str, Any] = {
                "code": code,
                "message": f"error {code}",
                "status": status,
                "more_info": f"https://www.twilio.com/docs/errors/{code}",
            }
            return JSONResponse(body, status_code=status)
        sid = "SM" + uuid.uuid4().hex
        fake.sent.append({"Sid": sid, **form})
        fake.arrivals.append(time.monotonic())
        return JSONResponse(
            {
                "sid": sid,
                "account_sid": account,
                "to": form.get("To"),
                "from": form.get("From"),
                "messaging_service_sid": form.get("MessagingServiceSid"),
                "body": form.get("Body"),
                "status": "queued",
                "num_segments": "1",
                "direction": "outbound-api",
                "api_version": "2010-04-01",
                "date_created": "Tue, 24 Nov 2026 10:00:00 +0000",
                "uri": f"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
            },
            status_code=201,
        )

    return Starlette(routes=[Route("/2010-04-01/Accounts/{account}/Messages.json", create, methods=["POST"])])


@contextmanager
def running() -> Iterator[FakeTwilio]:
    fake = FakeTwilio()
    with serving(_app(fake)) as url:
        fake.url = url
        yield fake
