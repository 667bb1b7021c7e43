"""The `vigil` command line."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any


class UsageError(Exception):
    """A user error: reported as one line on stderr, never as a traceback."""


def _triage_line(line: str, language: str | None) -> dict[str, Any]:
    from vigil.escalation.triage.lines import triage_line

    return triage_line(None, line, language=language)


def run_triage(lines: Iterable[str], out: IO[str], language: str | None = None) -> int:
    """JSON lines in, one assessment (or error) per line out, in the same order.

    Each line is read in the language(s) its message is written in; the patient's language
    (the line's "language", else `language`) reads what shows none."""
    from vigil.escalation.triage import engines

    if language is not None and language not in engines.available():
        raise UsageError(f"no triage data for language {language!r}")
    for line in lines:
        if not line.strip():
            continue
        out.write(json.dumps(_triage_line(line, language), ensure_ascii=False) + "\n")
        out.flush()
    return 0


def _settings(**overrides: Any) -> Any:
    from vigil.core.settings import ConfigError, load_settings

    try:
        settings = load_settings(**overrides)
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc
    return settings.model_copy(update=overrides) if overrides else settings


def _run(coro: Any) -> Any:
    import asyncio

    from sqlalchemy.exc import DBAPIError

    try:
        return asyncio.run(coro)
    except DBAPIError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else type(exc).__name__
        if "no such table" in reason or "does not exist" in reason:
            raise UsageError(f"the database is not set up: run `vigil db upgrade` ({reason})") from exc
        raise UsageError(f"database error: {reason}") from exc
    except OSError as exc:
        raise UsageError(f"cannot reach the database: {exc}") from exc


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from vigil.migrations import upgrade

    settings = _settings()
    try:
        before, after = upgrade(settings.database_url)
    except Exception as exc:  # alembic and the drivers raise many kinds; each is one line to the user
        raise UsageError(f"migration failed: {str(exc).splitlines()[0]}") from exc
    where = _safe_url(settings.database_url)
    if before is None:
        print(f"created Vigil's tables at revision {after} ({where})")
    elif before != after:
        print(f"upgraded the database from revision {before} to {after} ({where})")
    else:
        print(f"the database is already at revision {after}, the newest: nothing to do ({where})")
    return 0


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<database>"


def _cmd_import(args: argparse.Namespace) -> int:
    from vigil.clinic import file as clinic_file
    from vigil.clinic import importer as clinic_import
    from vigil.core.clock import SystemClock
    from vigil.core.db import Database

    try:
        parsed = clinic_file.load(args.file)
    except clinic_file.ImportError_ as exc:
        for line in exc.lines:
            print(f"vigil: {line}", file=sys.stderr)
        return 1
    settings = _settings()

    async def go() -> Any:
        db = Database(settings.database_url)
        try:
            return await clinic_import.apply(db, parsed, SystemClock(), dry_run=args.dry_run)
        finally:
            await db.dispose()

    try:
        summary = _run(go())
    except clinic_file.ImportError_ as exc:  # found only against the database: nothing written
        for line in exc.lines:
            print(f"vigil: {args.file}: {line}", file=sys.stderr)
        return 1
    except ValueError as exc:
        raise UsageError(f"{args.file}: {exc}") from exc
    if args.dry_run:
        print(f"would import {parsed.clinic.slug} (dry run, nothing written): {summary}")
        return 0
    print(f"imported {parsed.clinic.slug}: {summary}")
    for warning in _unreachable_here(parsed, settings):
        print(f"vigil: warning: {warning}", file=sys.stderr)
    return 0


def _unreachable_here(parsed: Any, settings: Any) -> list[str]:
    """Who this file puts on a channel this environment cannot send on: their messages,
    safety advice included, would wait in the outbox until it is configured."""
    on = {
        "sms": bool(settings.twilio_account_sid and settings.twilio_auth_token and settings.twilio_from),
        "telegram": bool(settings.telegram_token),
        "simulator": bool(settings.simulator),
    }
    names = {"sms": "VIGIL_TWILIO_*", "telegram": "VIGIL_TELEGRAM_TOKEN", "simulator": "VIGIL_SIMULATOR=1"}
    out = []
    counts: dict[str, int] = {}
    for p in parsed.patients:
        counts[p.channel] = counts.get(p.channel, 0) + 1
    for channel, n in sorted(counts.items()):
        if not on.get(channel, True):
            out.append(f"{n} patient(s) use {channel}, which is not configured here ({names[channel]})")
    for s in parsed.staff:
        if s.notify_by == "telegram" and s.telegram_chat_id is None:
            out.append(f"{s.email} is paged by Telegram but has no chat yet: vigil staff invite {s.email}")
        elif s.notify_by and not on.get(s.notify_by, True):
            out.append(f"{s.email} is paged by {s.notify_by}, which is not configured here")
    return out


def _cmd_token_create(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from vigil.core.clock import SystemClock
    from vigil.core.db import Database
    from vigil.core.models import ApiToken, Staff
    from vigil.web.security import new_token, token_hash

    settings = _settings()
    token = new_token()

    async def go() -> bool:
        db = Database(settings.database_url)
        try:
            async with db.transaction() as session:
                staff = await session.scalar(select(Staff).where(Staff.email == args.email.strip().lower()))
                if staff is None or not staff.active:
                    return False
                session.add(
                    ApiToken(staff_id=staff.id, token_hash=token_hash(token), created_at=SystemClock().now())
                )
                return True
        finally:
            await db.dispose()

    if not _run(go()):
        raise UsageError(f"no active staff member with email {args.email}")
    print(token)
    return 0


def _invite(make: Any) -> int:
    from vigil.assembly import build_runtime
    from vigil.usecases.invites import InviteError

    settings = _settings()

    async def go() -> Any:
        rt = build_runtime(settings)
        try:
            return await make(rt)
        finally:
            await rt.close()

    try:
        made = _run(go())
    except InviteError as exc:
        raise UsageError(str(exc)) from exc
    print(made.link)
    print(f"single use; expires {made.expires_at.isoformat(timespec='minutes')}", file=sys.stderr)
    return 0


def _cmd_patients_invite(args: argparse.Namespace) -> int:
    from vigil.usecases.invites import invite_patient

    return _invite(lambda rt: invite_patient(rt.service, args.external_id.strip(), "cli"))


def _cmd_staff_invite(args: argparse.Namespace) -> int:
    from vigil.usecases.invites import invite_staff

    return _invite(lambda rt: invite_staff(rt.service, args.email, "cli"))


def _cmd_staff_password(args: argparse.Namespace) -> int:
    import getpass
    from datetime import UTC, datetime

    from sqlalchemy import select

    from vigil.core.db import Database
    from vigil.core.models import Staff
    from vigil.core.staff_sessions import revoke_all
    from vigil.web.security import hash_password

    password = (
        sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else getpass.getpass("New password: ")
    )
    if len(password) < 10:
        raise UsageError("a password needs at least 10 characters")
    settings = _settings()

    async def go() -> bool:
        db = Database(settings.database_url)
        try:
            async with db.transaction() as session:
                staff = await session.scalar(select(Staff).where(Staff.email == args.email.strip().lower()))
                if staff is None:
                    return False
                staff.password_hash = hash_password(password)
                staff.must_change_password = False  # set by whoever runs the server: not a temporary one
                # A new password signs them out everywhere: an old session may be why it changed.
                await revoke_all(session, staff.id, datetime.now(UTC))
                return True
        finally:
            await db.dispose()

    if not _run(go()):
        raise UsageError(f"no staff member with email {args.email}")
    print(f"password set for {args.email}")
    return 0


# How far `checkins send-due --now` may be from the real clock and still write: a sweep at
# another instant pages open cases and schedules their next tier as of that instant.
NOW_TOLERANCE_S = 60


def _cmd_send_due(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from vigil.assembly import build_runtime
    from vigil.core.clock import ManualClock, SystemClock

    clock: Any = SystemClock()
    if args.now:
        try:
            when = datetime.fromisoformat(args.now.replace("Z", "+00:00"))
        except ValueError as exc:
            raise UsageError(f"--now {args.now!r} is not an ISO-8601 time") from exc
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
        off = (when - clock.now()).total_seconds()
        if abs(off) > NOW_TOLERANCE_S and not args.dry_run:
            raise UsageError(
                f"--now is {_span(off)} {'ahead of' if off > 0 else 'behind'} the real clock: a sweep "
                "then would page real cases and schedule their next tier as of that time; "
                "add --dry-run to see what it would do without writing anything"
            )
        clock = ManualClock(when)
    settings = _settings()

    async def go() -> dict[str, int]:
        db = await _rolled_back(settings.database_url) if args.dry_run else None
        rt = build_runtime(settings, clock=clock, db=db)
        try:
            # What the scheduler does at that instant: escalation, due check-ins, reminders,
            # expiry and missed check-ins.
            return await rt.tick()
        finally:
            await rt.close()

    stats = _run(go())
    opened, pages, reminded = stats["opened"], stats["pages"], stats.get("reminded", 0)
    # A dry run rolled everything back: it says what the sweep would do, never "written".
    would, would_be = ("would ", "would be ") if args.dry_run else ("", "")
    sent = " would be sent" if args.dry_run else ""
    print(
        f"{would}{'open' if args.dry_run else 'opened'} {opened} check-in{'s' if opened != 1 else ''}; "
        f"{stats['missed']} missed {would_be}flagged, "
        f"{pages} page{'s' if pages != 1 else ''} {would_be}written"
        + (f", {reminded} owner reminder{'s' if reminded != 1 else ''}{sent}" if reminded else "")
    )
    if args.dry_run:
        print(f"dry run at {clock.now().isoformat(timespec='seconds')}: nothing was written")
    return 0


def _span(seconds: float) -> str:
    s = abs(seconds)
    if s >= 2 * 86400:
        return f"{s / 86400:.0f} days"
    if s >= 2 * 3600:
        return f"{s / 3600:.0f} hours"
    return f"{s / 60:.0f} minutes"


async def _rolled_back(url: str) -> Any:
    """A database whose every transaction is a savepoint inside one that is never committed.

    The sweep runs exactly as it would, against the real rows, and all of it is undone when
    the runtime closes. While it runs its row locks hold (a live server's sweep skips those
    rows for that moment, as it would skip another server's).
    """
    from sqlalchemy import event
    from sqlalchemy.ext.asyncio import AsyncConnection, async_sessionmaker

    from vigil.core.db import Database

    class RolledBack(Database):
        conn: AsyncConnection

        async def dispose(self) -> None:
            try:
                await self.conn.rollback()
                await self.conn.close()
            finally:
                await super().dispose()

    db = RolledBack(url)
    if url.startswith("sqlite"):
        # The sqlite3 module begins transactions itself and so mishandles savepoints; this
        # hands that to SQLAlchemy, as its SQLite documentation recommends.
        @event.listens_for(db.engine.sync_engine, "connect")
        def _autocommit(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None

        @event.listens_for(db.engine.sync_engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN")

    db.conn = await db.engine.connect()
    await db.conn.begin()
    db.sessions = async_sessionmaker(
        bind=db.conn, expire_on_commit=False, join_transaction_mode="create_savepoint"
    )
    return db


def _serve(
    settings: Any, host: str, port: int, secret: str | None = None, before: Callable[[Any], Any] | None = None
) -> int:
    import uvicorn

    from vigil.assembly import build_runtime
    from vigil.web.app import create_app

    rt = build_runtime(settings)
    app = create_app(rt, background=True, secret_key=secret)
    # Open live pages (SSE) would hold a shutdown forever; give them three seconds.
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False, timeout_graceful_shutdown=3)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from vigil.core.settings import ConfigError

    settings = _settings()
    try:
        settings.require_secret()
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc
    from vigil.web.app import check_schema

    problem = check_schema(settings.database_url)  # an unmigrated database fails every page
    if problem is not None:
        raise UsageError(problem)
    return _serve(settings, args.host, args.port)


def _cmd_demo(args: argparse.Namespace) -> int:
    import secrets
    import socket

    from vigil.cli import demo

    with socket.socket() as probe:
        try:
            probe.bind((args.host, args.port))
        except OSError as exc:
            raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from exc
    url = f"sqlite+aiosqlite:///{args.db}"
    settings = _settings(
        database_url=url,
        simulator=True,
        demo=True,
        scheduler_tick_seconds=5.0,
        public_url=f"http://localhost:{args.port}",
    )
    login = _run(demo.prepare(settings))
    base = f"http://localhost:{args.port}"
    print(
        f"""
Vigil demo is starting (database: {args.db}).

  Nurse dashboard:    {base}/
  Sign in as:         {login[0]}
  Password:           {login[1]}
  Clinic admin:       {demo.DEMO_ADMIN} (same password; sets on-call cover)
  Patient simulator:  {base}/simulator

Other commands against this demo need its database, for example:
  VIGIL_DATABASE_URL={url} vigil token create {login[0]}

A check-in goes out to the simulated patients within the first minute. Answer it in the
simulator (try "my back is killing me and my legs feel weak") and watch the queue.
Press Ctrl+C to stop.
""",
        flush=True,
    )
    return _serve(settings, args.host, args.port, secret=secrets.token_urlsafe(32))


def _cmd_export_fhir(args: argparse.Namespace) -> int:
    from pathlib import Path

    from vigil.cli.fhir import ExportError, Folder, export_fhir
    from vigil.core.clock import SystemClock
    from vigil.core.db import Database
    from vigil.fhir.export import ShapeError

    settings = _settings()

    async def go(folder: Folder) -> Any:
        db = Database(settings.database_url)
        try:
            return await export_fhir(db, args.since, folder, SystemClock(), args.clinic)
        finally:
            await db.dispose()

    try:
        done = _run(go(Folder(Path(args.out))))
    except (ExportError, ShapeError, OSError) as exc:
        raise UsageError(str(exc)) from None
    total = sum(done.counts.values())
    files = (
        ", ".join(f"{kind}.ndjson ({n})" for kind, n in done.counts.items()) or "no files: nothing changed"
    )
    print(f"exported {total} resources of {done.clinic} since {done.since.isoformat()}")
    print(f"to {done.folder}: {files}")
    return 0


def _cmd_triage(args: argparse.Namespace) -> int:
    # Bytes that are not UTF-8 become U+FFFD instead of stopping the run.
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    return run_triage(stdin, sys.stdout, args.language)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vigil",
        description="Vigil keeps watch over people with cancer between visits.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    triage = sub.add_parser(
        "triage",
        help="assess JSON lines from stdin, one assessment per line on stdout",
        description='Reads {"id", "text", "question"?, "context"?, "language"?} lines; writes assessments.',
    )
    triage.add_argument(
        "--language",
        default=None,
        help="the patient language of lines that name none (default: detect it per message)",
    )
    triage.set_defaults(handler=_cmd_triage)

    demo = sub.add_parser("demo", help="run a demo clinic on the patient simulator (SQLite, no accounts)")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--db", default="vigil-demo.db", help="SQLite file in the working folder")
    demo.set_defaults(handler=_cmd_demo)

    serve = sub.add_parser("serve", help="web, webhooks, bot and scheduler in one process")
    serve.add_argument("--host", default="0.0.0.0")  # noqa: S104 - a server listens
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_cmd_serve)

    db = sub.add_parser("db", help="database commands").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="apply migrations to VIGIL_DATABASE_URL").set_defaults(
        handler=_cmd_db_upgrade
    )

    imp = sub.add_parser("import", help="load a clinic file (validated whole; idempotent)")
    imp.add_argument("file")
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help="say what would change (who is discharged); write nothing",
    )
    imp.set_defaults(handler=_cmd_import)

    token = sub.add_parser("token", help="API tokens").add_subparsers(dest="token_command", required=True)
    create = token.add_parser("create", help="print a new API token for a staff member")
    create.add_argument("email")
    create.set_defaults(handler=_cmd_token_create)

    staff = sub.add_parser("staff", help="staff accounts").add_subparsers(dest="staff_command", required=True)
    patients = sub.add_parser("patients", help="patients").add_subparsers(
        dest="patients_command", required=True
    )
    pinv = patients.add_parser("invite", help="print a single-use Telegram link that links a patient's chat")
    pinv.add_argument("external_id")
    pinv.set_defaults(handler=_cmd_patients_invite)
    sinv = staff.add_parser("invite", help="print a single-use Telegram link for a staff member's pages")
    sinv.add_argument("email")
    sinv.set_defaults(handler=_cmd_staff_invite)
    pw = staff.add_parser("password", help="set a staff member's dashboard password (read from stdin)")
    pw.add_argument("email")
    pw.set_defaults(handler=_cmd_staff_password)

    checkins = sub.add_parser("checkins", help="check-ins").add_subparsers(
        dest="checkins_command", required=True
    )
    due = checkins.add_parser("send-due", help="run one due sweep now, as the scheduler would")
    due.add_argument(
        "--now", help="the instant to sweep at (ISO-8601), default: now; another time needs --dry-run"
    )
    due.add_argument("--dry-run", action="store_true", help="print what the sweep would do and write nothing")
    due.set_defaults(handler=_cmd_send_due)

    exports = sub.add_parser("export", help="exports").add_subparsers(dest="export_command", required=True)
    fhir = exports.add_parser(
        "fhir", help="the clinic's record changed since a date, as FHIR R4 Bulk Data NDJSON (a file per type)"
    )
    fhir.add_argument("--since", required=True, help="a date (the clinic's midnight) or an ISO-8601 time")
    fhir.add_argument("--clinic", default=None, help="the clinic's slug (needed when there are several)")
    fhir.add_argument("--out", default=".", help="the folder to write into (default: here)")
    fhir.set_defaults(handler=_cmd_export_fhir)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UsageError as exc:
        print(f"vigil: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
