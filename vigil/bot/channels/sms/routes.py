"""Twilio's webhooks: POST /webhooks/twilio/sms (a text arrives) and /webhooks/twilio/status
(what became of one we sent).

The signature is checked first, against VIGIL_PUBLIC_URL + the path and query string as called
+ every parameter received; a wrong one gets 403 and nothing is stored.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import Counter

from vigil.usecases.service import Service

from . import errors, inbound
from . import webhook as sms

log = logging.getLogger("vigil.webhooks")
TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
OPERATOR_ALERTS = Counter(
    "vigil_sms_operator_alerts_total", "Twilio errors the operator must look at", ["code"]
)
FAILED = ("undelivered", "failed", "canceled")


def _twiml() -> Response:
    return Response(TWIML_EMPTY, media_type="text/xml")


def router(service: Service, auth_token: str, public_url: str) -> APIRouter:
    routes = APIRouter()

    async def signed_form(request: Request, path: str) -> dict[str, str] | Response:
        try:
            form = await request.form()
        except Exception:  # a body that is not a form is not Twilio
            return Response("not a form", status_code=400)
        params = {k: str(v) for k, v in form.multi_items()}
        # Twilio signs the URL it was told to call, query string and all.
        query = request.scope.get("query_string", b"").decode("latin-1")
        url = public_url + path + (f"?{query}" if query else "")
        if not sms.signed(auth_token, url, params, request.headers.get("x-twilio-signature")):
            return Response("bad signature", status_code=403)
        return params

    @routes.post("/webhooks/twilio/sms")
    async def inbound_sms(request: Request) -> Response:
        params = await signed_form(request, "/webhooks/twilio/sms")
        if isinstance(params, Response):
            return params
        sid, sender, body = params.get("MessageSid"), params.get("From"), params.get("Body")
        if not sid or not sender or body is None:
            return Response("MessageSid, From and Body are required", status_code=400)
        if not sms.sid_ok(sid):  # checked before anything is written: no half-stored message
            return Response("MessageSid is not a Twilio message id", status_code=400)
        body = sms.inbound_text(body)
        number = sms.e164(sender)
        # The patient's own number, or a carer's (consent recorded): the patient's message.
        writer = await service.writer_by_address("sms", number) if number is not None else None
        patient, carer = writer if writer is not None else (None, None)
        if patient is None and number is not None:
            staff = await inbound.staff_by_phone(service, number)
            if staff is not None:
                try:
                    await inbound.from_staff(service, staff, sid, body)
                except Exception:  # nothing was committed: ask Twilio to deliver it again
                    log.exception("a nurse's SMS could not be handled")
                    return Response("try again", status_code=503)
            else:
                log.info("an SMS from a number nobody has got the stranger's answer")  # no number logged
                await inbound.from_stranger(service, number, sid)
            return _twiml()
        if patient is None:
            return _twiml()
        await service.receive(patient, "sms", sid, body, carer=carer)
        return _twiml()

    @routes.post("/webhooks/twilio/status")
    async def sms_status(request: Request) -> Response:
        params = await signed_form(request, "/webhooks/twilio/status")
        if isinstance(params, Response):
            return params
        sid, status = params.get("MessageSid"), (params.get("MessageStatus") or "").lower()
        if sid is None or not sms.sid_ok(sid) or status not in sms.ORDER:
            return Response("MessageSid and a known MessageStatus are required", status_code=400)
        code = sms.error_code(params.get("ErrorCode"))
        meaning = errors.meaning(code) if code is not None else None
        if code is not None and meaning is not None and meaning.alert:
            OPERATOR_ALERTS.labels(str(code)).inc()
            log.warning("twilio error %s on an outbound SMS: the operator should look at the sender", code)
        await service.delivery_report(
            "sms",
            sid,
            status="failed" if status in FAILED else status,
            rank=sms.ORDER[status],
            order=sms.ORDER,
            delivered=status == "delivered",
            error=f"twilio {code}" if code is not None else None,
            retry_later=meaning is not None and meaning.retry_later,
            patient_status=meaning.patient_status if meaning is not None else None,
            code=code,
        )
        return Response(status_code=204)

    return routes
