"""The ASGI application: pages, the JSON API, the channels' webhooks, health and metrics."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import escape
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vigil.assembly import Runtime
from vigil.clinic import file as clinic_file
from vigil.core.db import Database

from . import pages, reasons, wording
from .analytics_pages import router as analytics_router
from .api import build_api
from .deps import CHANGE_PASSWORD, PasswordChangeRequired, path_error

log = logging.getLogger("vigil.web")


def _error_page(status: int, message: str) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><title>{status}</title><link rel=stylesheet href=/static/app.css>"
        f"<main><section class=card><h1>{status}</h1><p>{escape(message)}</p>"
        f"<p><a href=/>Back to the queue</a></p></section></main>",
        status_code=status,
    )


CSP = b"default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
SECURITY_HEADERS = [
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"content-security-policy", CSP),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
# Pages and API answers carry patients' words: no browser or proxy may keep a copy.
NO_STORE = (b"cache-control", b"no-store")


class SecurityHeaders:
    """Adds the security headers to every response. Plain ASGI: Starlette's BaseHTTPMiddleware
    costs a task group per request, which the webhook ingest benchmark showed."""

    def __init__(self, app: ASGIApp, https: bool = False) -> None:
        self.app = app
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(SECURITY_HEADERS)
        if not str(scope.get("path", "")).startswith("/static/"):  # the only thing worth caching
            extra.append(NO_STORE)
        if self.https:
            extra.append(HSTS)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in extra if k not in present
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


MAX_BODY = 64 * 1024  # the largest honest body (a form, a webhook) is a few kB
# CSV enrolment: 10,000 patients are about 1 MB (the apply form carries it base64-encoded).
LARGER_BODIES = {
    "/patients/import": 8 * 1024 * 1024,
    "/patients/import/apply": 8 * 1024 * 1024,
    "/api/v1/patients/import": 8 * 1024 * 1024,
}


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuses a request body over `limit` bytes with 413 before anything parses it: by its
    Content-Length when it gives one, else by counting the bytes as they stream in."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.larger = LARGER_BODIES if larger is None else larger

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.larger.get(str(scope.get("path", "")), self.limit)
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                if not value.isdigit():
                    await _plain(send, 400, b"bad Content-Length")
                    return
                if int(value) > limit:
                    await _plain(send, 413, b"request body too large")
                    return
        received = 0
        too_large = False
        started = False

        async def counted() -> Message:
            nonlocal received, too_large
            if too_large:
                raise _TooLarge
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise _TooLarge
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if too_large:  # whatever the app made of the cut-off body, the answer is 413
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except _TooLarge:
            pass
        except Exception:
            if not too_large:
                raise
        if too_large and not started:
            await _plain(send, 413, b"request body too large")


async def _plain(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})


@cache  # the migration scripts do not change while the process runs
def _heads() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    from vigil.migrations import alembic_config

    return frozenset(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


async def schema_problem(db: Database) -> str | None:
    """Why this database cannot serve Vigil, in one line; None when its schema is at head."""
    try:
        async with db.engine.connect() as conn:
            found = set((await conn.execute(text("SELECT version_num FROM alembic_version"))).scalars())
    except DBAPIError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else type(exc).__name__
        if "alembic_version" in reason:  # no such table: never migrated
            return "the database is not set up: run `vigil db upgrade`"
        return f"database error: {reason}"
    except OSError as exc:
        return f"cannot reach the database: {exc.strerror or type(exc).__name__}"
    if found != _heads():
        return "the database schema is not this Vigil's latest: run `vigil db upgrade`"
    return None


def check_schema(url: str) -> str | None:
    """`schema_problem` for a command line, on its own engine and event loop."""

    async def go() -> str | None:
        db = Database(url)
        try:
            return await schema_problem(db)
        finally:
            await db.dispose()

    try:
        return asyncio.run(go())
    except Exception as exc:  # a malformed URL, a missing driver: one line, not a traceback
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return f"cannot use VIGIL_DATABASE_URL: {reason}"


def create_app(rt: Runtime, *, background: bool = True, secret_key: str | None = None) -> FastAPI:
    """The whole web application. `background` runs the tick, the outbox and the channels."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await rt.start(background=background)
        try:
            yield
        finally:
            await rt.stop()

    app = FastAPI(title="Vigil", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.runtime = rt
    key = secret_key or rt.settings.require_secret()
    app.add_middleware(SecurityHeaders, https=rt.settings.https)
    app.add_middleware(
        SessionMiddleware,
        secret_key=key,
        session_cookie="vigil_session",
        same_site="lax",
        https_only=rt.settings.https,
        max_age=12 * 3600,
    )
    app.add_middleware(BodyLimit)  # outermost: a huge body is refused before anything else runs

    api = build_api(public_docs=rt.settings.demo)
    api.state.runtime = rt
    app.mount("/api/v1", api)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    app.include_router(pages.router)
    wording.install(pages.templates.env)
    reasons.install(pages.templates.env)
    for router in rt.routers:  # the channels' webhooks: web mounts them, knowing none of them
        app.include_router(router)
    app.include_router(analytics_router)

    @app.exception_handler(pages.LoginRequired)
    async def _login(request: Request, _: pages.LoginRequired) -> Response:
        path = request.url.path
        if path.startswith(("/events", "/queue/rows")) or path.endswith("/transcript"):
            return PlainTextResponse("sign in first", status_code=401)
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(PasswordChangeRequired)
    async def _temporary(request: Request, _: PasswordChangeRequired) -> Response:
        path = request.url.path
        if (
            path.startswith(("/events", "/queue/rows"))
            or path.endswith("/transcript")
            or "application/json" in request.headers.get("accept", "")
        ):
            return PlainTextResponse(f"choose your own password first: {CHANGE_PASSWORD}", status_code=403)
        return RedirectResponse(CHANGE_PASSWORD, status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if "application/json" in request.headers.get("accept", "") and "text/html" not in request.headers.get(
            "accept", ""
        ):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return _error_page(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if path_error(exc):
            return _error_page(404, "There is nothing at that address.")
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:])}: {clinic_file.reason(e)}" for e in exc.errors()
        )
        return _error_page(422, f"That form was not filled in right: {problems}")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> Response:
        try:
            problem = await asyncio.wait_for(schema_problem(rt.db), timeout=5)
        except Exception as exc:  # any database trouble means "not ready"
            log.warning("readiness check failed: %s", type(exc).__name__)
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        if problem is not None:  # an old schema would fail the first page, not this check
            log.warning("readiness check failed: %s", problem)
            return JSONResponse({"status": problem}, status_code=503)
        return JSONResponse({"status": "ready"})

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app
