"""Provider webhooks: POST /webhooks/telegram, /webhooks/twilio/sms and /webhooks/twilio/status.

The secret or signature is checked first (Twilio's against VIGIL_PUBLIC_URL + the path and
query string as called + every parameter received); a wrong one gets 403 and nothing is stored.
"""

from __future__ import annotations

import json
import logging

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import Counter
from sqlalchemy import select, update

from vigil.assembly import Runtime
from vigil.bot.channels.sms import inbound as sms_inbound
from vigil.bot.channels.sms import webhook as sms
from vigil.bot.channels.telegram.bridge import Unavailable, UpdateRejected
from vigil.core.models import OutboundMessage, Patient
from vigil.escalation.cases import event, open_case_of

from .deps import RuntimeDep

log = logging.getLogger("vigil.webhooks")
router = APIRouter()
TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
OPERATOR_ALERTS = Counter(
    "vigil_sms_operator_alerts_total", "Twilio errors the operator must look at", ["code"]
)
RETRY_LATER = {30003}
ALERT = {30007, 30032, 30034}


def _twiml() -> Response:
    return Response(TWIML_EMPTY, media_type="text/xml")


async def _signed_form(request: Request, rt: Runtime, path: str) -> dict[str, str] | Response:
    token = rt.settings.twilio_auth_token
    if not token or not rt.settings.twilio_account_sid:
        return Response("SMS is not configured", status_code=404)
    try:
        form = await request.form()
    except Exception:  # a body that is not a form is not Twilio
        return Response("not a form", status_code=400)
    params = {k: str(v) for k, v in form.multi_items()}
    # Twilio signs the URL it was told to call, query string and all.
    query = request.scope.get("query_string", b"").decode("latin-1")
    url = rt.settings.public_url + path + (f"?{query}" if query else "")
    if not sms.signed(token, url, params, request.headers.get("x-twilio-signature")):
        return Response("bad signature", status_code=403)
    return params


@router.post("/webhooks/telegram")
async def telegram_update(request: Request, rt: RuntimeDep) -> Response:
    bridge = rt.telegram
    if bridge is None:
        return Response("Telegram is not configured", status_code=404)
    # Before reading the body: PTB's own example leaves this check to the reader.
    if not bridge.secret_ok(request.headers.get("x-telegram-bot-api-secret-token")):
        return Response("bad secret", status_code=403)
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError, RecursionError):  # [[[[... nested past the stack
        return Response("not JSON", status_code=400)
    if not isinstance(data, dict) or type(data.get("update_id")) is not int or not _ids_fit(data):
        return Response("not a Telegram update", status_code=400)
    try:
        await bridge.feed(data)
    except UpdateRejected as exc:
        return Response(str(exc), status_code=400)
    except Unavailable:
        return Response("try again", status_code=503, headers={"Retry-After": "5"})
    return Response(status_code=200)


def _ids_fit(data: object) -> bool:
    """Whether every number in an update fits a 64-bit column, as all of Telegram's ids do."""
    stack = [data]
    while stack:  # a loop, not recursion: the body may be nested as deep as JSON allows
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, int) and not -(2**63) <= item < 2**63:
            return False
    return True


@router.post("/webhooks/twilio/sms")
async def inbound_sms(request: Request, rt: RuntimeDep) -> Response:
    params = await _signed_form(request, rt, "/webhooks/twilio/sms")
    if isinstance(params, Response):
        return params
    sid, sender, body = params.get("MessageSid"), params.get("From"), params.get("Body")
    if not sid or not sender or body is None:
        return Response("MessageSid, From and Body are required", status_code=400)
    if not sms.sid_ok(sid):  # checked before anything is written: no half-stored message
        return Response("MessageSid is not a Twilio message id", status_code=400)
    body = sms.inbound_text(body)
    number = sms.e164(sender)
    async with rt.db.session() as session:
        patient = None
        if number is not None:
            patient = await session.scalar(
                select(Patient)
                .where(Patient.phone == number, Patient.channel == "sms")
                .order_by(Patient.created_at.desc())
                .limit(1)
            )
    if patient is None and number is not None:
        staff = await sms_inbound.staff_by_phone(rt.service, number)
        if staff is not None:
            try:
                await sms_inbound.from_staff(rt.service, staff, sid, body)
            except Exception:  # nothing was committed: ask Twilio to deliver it again
                log.exception("a nurse's SMS could not be handled")
                return Response("try again", status_code=503)
        else:
            log.info("an SMS from a number nobody has got the stranger's answer")  # no number logged
            await sms_inbound.from_stranger(rt.service, number, sid)
        return _twiml()
    if patient is None:
        return _twiml()
    await rt.service.receive(patient, "sms", sid, body)
    return _twiml()


@router.post("/webhooks/twilio/status")
async def sms_status(request: Request, rt: RuntimeDep) -> Response:
    params = await _signed_form(request, rt, "/webhooks/twilio/status")
    if isinstance(params, Response):
        return params
    sid, status = params.get("MessageSid"), (params.get("MessageStatus") or "").lower()
    if not sms.sid_ok(sid) or status not in sms.ORDER:
        return Response("MessageSid and a known MessageStatus are required", status_code=400)
    code = sms.error_code(params.get("ErrorCode"))
    now = rt.clock.now()
    async with rt.db.transaction() as session:
        row = await session.scalar(
            select(OutboundMessage)
            .where(OutboundMessage.channel == "sms", OutboundMessage.provider_id == sid)
            .with_for_update()
        )
        if row is None:
            return Response(status_code=204)
        if sms.ORDER.get(status, 0) > sms.ORDER.get(row.status, 0):  # forward only
            row.status = "failed" if status in ("undelivered", "failed", "canceled") else status
            if status == "delivered":
                row.delivered_at = now
        if code is not None:
            row.error = f"twilio {code}"
            await _consequences(session, row, code, now)
    return Response(status_code=204)


async def _consequences(session: object, row: OutboundMessage, code: int, now: object) -> None:
    from datetime import datetime, timedelta

    from sqlalchemy.ext.asyncio import AsyncSession

    assert isinstance(session, AsyncSession)
    assert isinstance(now, datetime)
    if code in RETRY_LATER:  # the handset was unreachable: try again later
        row.status, row.next_attempt_at, row.provider_id = "pending", now + timedelta(minutes=10), None
        return
    if code in ALERT:
        OPERATOR_ALERTS.labels(str(code)).inc()
        log.warning("twilio error %s on outbound %s: the operator should look at the sender", code, row.id)
        return
    status = "opted_out" if code == 21610 else "unreachable" if code in {21211, 21614, 30005, 30006} else None
    if status is None or row.patient_id is None:
        return
    await session.execute(update(Patient).where(Patient.id == row.patient_id).values(status=status))
    case = await open_case_of(session, row.patient_id)
    if case is not None:
        event(session, case, "unreachable", now, "system", "sms", reason=status, code=code)
