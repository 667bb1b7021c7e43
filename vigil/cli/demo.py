"""`vigil demo`: a SQLite file, the demo clinic on the simulator, a nurse who can sign in."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update

from vigil.assembly import build_runtime
from vigil.clinic import file as clinic_file
from vigil.clinic import importer as clinic_import
from vigil.core.clock import Clock, SystemClock
from vigil.core.models import OutboundMessage, Staff
from vigil.core.settings import Settings
from vigil.migrations import upgrade_async
from vigil.scheduler.models import Enrolment
from vigil.web.security import hash_password

DEMO_CLINIC = Path(__file__).parent.parent / "clinic" / "demo_clinic.yaml"
DEMO_NURSE = "ana.reyes@riverside.example"
DEMO_ADMIN = "admin@riverside.example"
DEMO_PASSWORD = "vigil-demo"  # noqa: S105 - printed for the demo on purpose


FIRST_CHECK_IN_AFTER = timedelta(seconds=20)


async def prepare(settings: Settings, clock: Clock | None = None) -> tuple[str, str]:
    """Migrate, import the demo clinic, set the nurse's password, make a check-in due soon."""
    rt = build_runtime(settings)
    try:
        await upgrade_async(rt.db.engine)
        clock = clock or SystemClock()
        await clinic_import.apply(rt.db, clinic_file.load(DEMO_CLINIC), clock)
        async with rt.db.transaction() as session:
            nurse = await session.scalar(select(Staff).where(Staff.email == DEMO_NURSE))
            assert nurse is not None
            nurse.password_hash = hash_password(DEMO_PASSWORD)
            admin = await session.scalar(select(Staff).where(Staff.email == DEMO_ADMIN))
            if admin is not None:  # the on-call cover form is for admins
                admin.password_hash = hash_password(DEMO_PASSWORD)
            # The first check-in goes out in seconds whatever the hour, even inside the demo
            # clinic's quiet hours (21:00-08:00): a new user should not wait for morning to see
            # one. It is set here, outside the quiet-hour rule (send_due sends what is due; the
            # rule is applied when the next send is computed), rather than giving the demo
            # clinic no quiet hours: the protocol editor and its next-send previews then show
            # quiet hours as a real clinic has them, and every later check-in keeps to them.
            await session.execute(
                update(Enrolment)
                .where(Enrolment.active.is_(True))
                .values(next_due_at=clock.now() + FIRST_CHECK_IN_AFTER)
            )
            # Their opt-in notices, held to the end of quiet hours like any message, go first
            # for the same reason: a notice after the check-in it announces reads backwards.
            await session.execute(
                update(OutboundMessage)
                .where(OutboundMessage.status == "pending", OutboundMessage.next_attempt_at > clock.now())
                .values(next_attempt_at=clock.now())
            )
    finally:
        await rt.close()
    return DEMO_NURSE, DEMO_PASSWORD
