"""`vigil export fhir`: a clinic's record changed since a date, as FHIR Bulk Data NDJSON files,
one per resource type (Patient.ndjson, Questionnaire.ndjson, ...), one resource a line.

Rows are read a batch at a time (vigil/fhir/export.py) and each resource is written as soon
as it is made. Files are written as `.part` and renamed when the export is whole, so a failed
run leaves no file that looks complete. The export is audited before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

from sqlalchemy import select

from vigil.core.audit import audit, command_line_actor
from vigil.core.clock import Clock
from vigil.core.db import Database
from vigil.core.models import Clinic
from vigil.fhir import export


class ExportError(ValueError):
    """A user error, in one line: no such clinic, a date that is none, files already there."""


@dataclass
class Written:
    clinic: str
    since: datetime
    folder: Path
    counts: dict[str, int] = field(default_factory=dict)


def since_instant(raw: str, tz: ZoneInfo) -> datetime:
    """`2026-11-01` is that day's midnight in the clinic's zone; an ISO-8601 time is itself
    (in the clinic's zone when it names no offset)."""
    text = raw.strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time(), tz)
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ExportError(f"--since {raw[:40]!r} is not a date (2026-11-01) or an ISO-8601 time") from None
    return when if when.tzinfo else when.replace(tzinfo=tz)


async def _clinic(db: Database, slug: str | None) -> Clinic:
    async with db.session() as session:
        clinics = list(await session.scalars(select(Clinic).order_by(Clinic.slug)))
    if slug is not None:
        found = next((c for c in clinics if c.slug == slug), None)
        if found is None:
            raise ExportError(f"no clinic {slug!r} (here: {', '.join(c.slug for c in clinics) or 'none'})")
        return found
    if len(clinics) != 1:
        names = ", ".join(c.slug for c in clinics) or "none"
        raise ExportError(f"name the clinic with --clinic SLUG (here: {names})")
    return clinics[0]


class Folder:
    """Where the NDJSON files go: refused if it already holds an export; each file is written
    as `.TYPE.ndjson.part` and renamed when the whole export is written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.targets = {t: path / f"{t}.ndjson" for t in export.TYPES}
        there = [p.name for p in self.targets.values() if p.exists()]
        if there:
            raise ExportError(f"{path} already holds {', '.join(there)}: export into an empty folder")
        path.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, IO[str]] = {}

    def _part(self, kind: str) -> Path:
        return self.path / f".{kind}.ndjson.part"

    def write(self, kind: str, line: str) -> None:
        try:
            if kind not in self.files:
                self.files[kind] = self._part(kind).open("w", encoding="utf-8")
            self.files[kind].write(line + "\n")
        except OSError as exc:  # said as a file's trouble, not taken for the database's
            raise ExportError(f"cannot write {self._part(kind)}: {exc.strerror or exc}") from exc

    def finish(self) -> None:
        try:
            for kind, out in self.files.items():
                out.close()
                self._part(kind).replace(self.targets[kind])
        except OSError as exc:
            raise ExportError(f"cannot write into {self.path}: {exc.strerror or exc}") from exc

    def abandon(self) -> None:
        for kind, out in self.files.items():
            out.close()
            self._part(kind).unlink(missing_ok=True)


async def export_fhir(
    db: Database, since: str, folder: Folder, clock: Clock, slug: str | None = None, actor: str | None = None
) -> Written:
    """Audits the export (who, the clinic, since when), then writes it into `folder`."""
    clinic = await _clinic(db, slug)
    instant = since_instant(since, ZoneInfo(clinic.timezone))
    async with db.transaction() as session:
        audit(
            session,
            at=clock.now(),
            actor=actor or command_line_actor(),
            action="export",
            subject_type="fhir",
            subject_id=f"since {instant.isoformat()}",
            clinic_id=clinic.id,
            channel="cli",
            since=instant.isoformat(),
        )
    written = Written(clinic.slug, instant, folder.path)
    try:
        async for resource in export.since(db, clinic, instant):
            kind = export.kind(resource)
            folder.write(kind, resource.model_dump_json())
            written.counts[kind] = written.counts.get(kind, 0) + 1
    except BaseException:
        folder.abandon()
        raise
    folder.finish()
    return written
