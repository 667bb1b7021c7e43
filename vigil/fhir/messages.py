"""Each message between Vigil and a patient, both ways, as a Communication. What the patient
wrote is the payload: health data that goes into the export and nowhere else."""

from __future__ import annotations

from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.communication import Communication, CommunicationPayload

from vigil.bot.models import InboundMessage
from vigil.core.models import OutboundMessage

from . import codes

# The outbox's status as an event's: written and waiting, sent, or given up on.
STATUS = {
    "pending": "preparation",
    "sending": "in-progress",
    "sent": "completed",
    "delivered": "completed",
    "failed": "not-done",
}
# HL7's communication categories where one fits a kind of message Vigil sends.
CATEGORY = {"safety": ("alert", "Alert"), "reminder": ("reminder", "Reminder"), "page": ("alert", "Alert")}


def _category(kind: str) -> list[CodeableConcept]:
    coded = [codes.coding(codes.MESSAGE_KIND, kind, codes.words(kind))]
    if kind in CATEGORY:
        coded.append(codes.coding(codes.COMMUNICATION_CATEGORY, *CATEGORY[kind]))
    return [CodeableConcept(coding=coded)]


def _medium(channel: str) -> list[CodeableConcept]:
    return [codes.concept(codes.CHANNEL, channel, display=channel.title())]


def _payload(text: str) -> list[CommunicationPayload] | None:
    """The words; none for a message that had none (FHIR has no empty string)."""
    return [CommunicationPayload(contentString=text)] if text else None


def inbound(message: InboundMessage) -> Communication:
    """A message the patient sent."""
    patient = codes.ref("Patient", codes.patient_rid(message.patient_id))
    return Communication(
        id=codes.inbound_rid(message.id),
        status="completed",
        category=_category("patient-message"),
        medium=_medium(message.channel),
        subject=patient,
        sender=patient,
        recipient=[codes.vigil_ref()],
        received=message.received_at,
        payload=_payload(message.text),
    )


def outbound(message: OutboundMessage, sender: codes.Person | None = None) -> Communication:
    """A message Vigil sent the patient: a question, a reminder, safety advice, or a nurse's
    reply (`sender`, the nurse)."""
    assert message.patient_id is not None, "only messages to a patient are part of their record"
    patient = codes.ref("Patient", codes.patient_rid(message.patient_id))
    return Communication(
        id=codes.outbound_rid(message.id),
        status=STATUS.get(message.status, "unknown"),
        category=_category(message.kind),
        medium=_medium(message.channel),
        subject=patient,
        sender=codes.staff_ref(sender) if sender else codes.vigil_ref(),
        recipient=[patient],
        sent=message.sent_at,
        received=message.delivered_at,
        payload=_payload(message.text),
    )
