"""The ASGI application: pages, the JSON API, health and metrics, and the background loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import escape
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import pages, webhooks
from .api import build_api
from .runtime import Runtime

log = logging.getLogger("vigil.web")


def _error_page(status: int, message: str) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><title>{status}</title><link rel=stylesheet href=/static/app.css>"
        f"<main><section class=card><h1>{status}</h1><p>{escape(message)}</p>"
        f"<p><a href=/>Back to the queue</a></p></section></main>",
        status_code=status,
    )


SECURITY_HEADERS = [
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
]


class SecurityHeaders:
    """Adds the security headers to every response. Plain ASGI: Starlette's BaseHTTPMiddleware
    costs a task group per request, which the webhook ingest benchmark showed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in present
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(rt: Runtime, *, background: bool = True, secret_key: str | None = None) -> FastAPI:
    """The whole web application. `background` runs the scheduler tick and the outbox."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        scheduler = None
        dispatcher = None
        if rt.relay is not None:  # live pages hear changes made by other processes
            await rt.relay.start()
        if background:
            tick = rt.settings.scheduler_tick_seconds
            scheduler = AsyncIOScheduler()
            scheduler.add_job(
                rt.service.tick,
                "interval",
                seconds=tick,
                id="tick",
                coalesce=True,
                max_instances=1,
                misfire_grace_time=None,
            )
            scheduler.start()
            dispatcher = asyncio.create_task(rt.service.dispatcher.run(idle=tick), name="outbox")
            if rt.telegram is not None:
                await rt.telegram.start()
        try:
            yield
        finally:
            if scheduler is not None:
                scheduler.shutdown(wait=False)
            if dispatcher is not None:  # before Telegram stops: no send into a closed client
                dispatcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await dispatcher
            if rt.telegram is not None:
                await rt.telegram.stop()
            if rt.relay is not None:
                await rt.relay.stop()

    app = FastAPI(title="Vigil", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.runtime = rt
    key = secret_key or rt.settings.require_secret()
    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        SessionMiddleware,
        secret_key=key,
        session_cookie="vigil_session",
        same_site="lax",
        https_only=rt.settings.public_url.startswith("https://"),
        max_age=12 * 3600,
    )

    api = build_api()
    api.state.runtime = rt
    app.mount("/api/v1", api)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    app.include_router(pages.router)
    app.include_router(webhooks.router)

    @app.exception_handler(pages.LoginRequired)
    async def _login(request: Request, _: pages.LoginRequired) -> Response:
        path = request.url.path
        if path.startswith(("/events", "/queue/rows")) or path.endswith("/transcript"):
            return PlainTextResponse("sign in first", status_code=401)
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if "application/json" in request.headers.get("accept", "") and "text/html" not in request.headers.get(
            "accept", ""
        ):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return _error_page(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return _error_page(422, f"That form was not filled in right: {problems}")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> Response:
        try:
            async with rt.db.session() as session:
                await asyncio.wait_for(session.execute(text("SELECT 1")), timeout=5)
        except Exception as exc:  # any database trouble means "not ready"
            log.warning("readiness check failed: %s", type(exc).__name__)
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        return JSONResponse({"status": "ready"})

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app
