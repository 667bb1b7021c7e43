"""What each Telegram update does: PTB handlers, each a thin translation into Vigil's own
calls (receive a patient's text, link by invite, consent, a nurse's button press).

Patient messages are deduplicated by the inbox (provider id "<bot id>:<update_id>"); other
updates by a receipt row written in the same transaction as their effect, so a redelivered
update does nothing twice.
"""

from __future__ import annotations

import contextvars
import logging
import re
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from vigil.core.models import Carer, Patient
from vigil.escalation.cases import CaseError
from vigil.escalation.triage.texts import say
from vigil.scheduler import checkins

from ... import enrolment, followups

if TYPE_CHECKING:
    from vigil.usecases.service import Service

log = logging.getLogger("vigil.telegram")

# Failures inside a handler, so the webhook can answer 503 and Telegram delivers again.
FAILURES: contextvars.ContextVar[list[BaseException] | None] = contextvars.ContextVar(
    "telegram_failures", default=None
)
COMMANDS = {"/help": "HELP", "/stop": "STOP", "/nurse": "NURSE", "/pause": "PAUSE", "/start": "START"}
STRANGER = say("stranger_chat")
STAFF_HINT = "Use the buttons on a page, or open the dashboard, to work a case."
EXPIRED = say("link_expired")
EXPIRED_EVERY = timedelta(minutes=10)
CASE_BUTTON = re.compile(r"^case:(\d{1,9}):(ack|claim)$")  # case ids are 32-bit
# Telegram's own ceiling on a message's text: triage never reads more than a chat can send.
MAX_TEXT = 4096
ANSWER_BUTTON = re.compile(r"^a:(.{1,60}):(\d{1,2})$")  # the question's key and the answer's index
# A follow-up question's answer: the round, the question's place in it, the answer's index.
FOLLOW_UP_BUTTON = re.compile(r"^f:(\d{1,10}):(\d{1,2}):(\d)$")

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def guarded(handler: Handler) -> Handler:
    """Record a handler's failure for the webhook instead of letting PTB swallow it."""

    async def run(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await handler(update, context)
        except Exception as exc:
            log.exception("handling Telegram update %s failed", update.update_id)
            failures = FAILURES.get()
            if failures is not None:
                failures.append(exc)

    return run


def _service(context: ContextTypes.DEFAULT_TYPE) -> Service:
    service: Service = context.bot_data["service"]
    return service


def _key(context: ContextTypes.DEFAULT_TYPE, update: Update) -> str:
    return f"{context.bot_data['bot_id']}:{update.update_id}"


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    if chat is None or chat.type != "private":
        return
    token = context.args[0] if context.args else ""
    svc = _service(context)
    if not token:  # "/start" alone: a linked patient turning check-ins back on, or a stranger
        await on_text(update, context)
        return
    receipt = ("telegram", _key(context, update))
    await svc.link(token, "telegram", chat.id, receipt=receipt, expired=EXPIRED, expired_every=EXPIRED_EVERY)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or chat.type != "private":
        return
    svc = _service(context)
    text = (message.text or "")[:MAX_TEXT]
    command = text.split(maxsplit=1)[0].split("@", 1)[0].lower() if text.startswith("/") else ""
    if command:
        text = COMMANDS.get(command, text)
    receipt = ("telegram", _key(context, update))
    writer = await svc.writer_at("telegram", chat.id)
    patient, carer = writer if writer is not None else (None, None)
    if patient is None:
        staff = await svc.staff_at("telegram", chat.id)
        if staff is not None:
            await svc.answer_staff(staff, "telegram", str(chat.id), STAFF_HINT, receipt=receipt, priority=5)
        else:
            await svc.answer_stranger("telegram", str(chat.id), STRANGER, receipt=receipt)
        return
    word = text.strip().strip(".!").lower()
    if carer is not None:  # a carer writing for the patient: their consent is not asked here
        if text.strip():
            await svc.receive(patient, "telegram", _key(context, update), text, carer=carer)
        return
    if patient.status == "awaiting_consent" and command == "/start":
        # Telegram's Start button is not an answer to the consent question: ask it again.
        await svc.ask_consent_again(patient, receipt=receipt)
        return
    if patient.status == "awaiting_consent" and (word in enrolment.YES or word in enrolment.NO):
        await svc.consent("telegram", chat.id, word in enrolment.YES, receipt=receipt)
        return
    if not text.strip():
        return
    await svc.receive(patient, "telegram", _key(context, update), text)


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A photo, voice note or sticker: we cannot read it, so say so rather than stay silent."""
    chat = update.effective_chat
    if chat is None or chat.type != "private":
        return
    receipt = ("telegram", _key(context, update))
    await _service(context).unreadable("telegram", chat.id, receipt=receipt, stranger=STRANGER)


async def _answer(update: Update, text: str | None = None) -> None:
    query = update.callback_query
    if query is None:
        return
    try:
        await query.answer(text)
    except TelegramError:  # the spinner times out on its own; the action itself is stored
        log.info("answering a callback query failed")


async def _drop_buttons(update: Update, note: str | None = None) -> None:
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        text = getattr(query.message, "text", None)
        if note and text:
            await query.edit_message_text(f"{text}\n\n{note}")
        else:
            await query.edit_message_reply_markup(None)
    except TelegramError:
        log.info("editing a message's buttons failed")


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:
        return
    data = query.data or ""
    if data.startswith("case:"):
        await _case_button(update, context, data)
    elif data in ("consent:yes", "consent:no"):
        await _consent_button(update, context, data == "consent:yes")
    elif data.startswith("a:"):
        await _answer_button(update, context, data)
    elif data.startswith("f:"):
        await _follow_up_button(update, context, data)
    else:
        await _answer(update, "This button no longer works.")


async def _case_button(update: Update, context: ContextTypes.DEFAULT_TYPE, data: str) -> None:
    query = update.callback_query
    assert query is not None
    found = CASE_BUTTON.match(data)
    if found is None:
        await _answer(update, "This button no longer works.")
        return
    case_id, action = int(found.group(1)), "acknowledge" if found.group(2) == "ack" else "claim"
    svc = _service(context)
    # Every press checks again that this Telegram user is active staff of the case's clinic.
    staff = await svc.staff_of_case(query.from_user.id, case_id)
    if staff is None:
        await _answer(update, "You are not on the staff of this case's clinic.")
        return
    try:
        # The receipt commits with the action: a redelivered press acts once, a failed one again.
        if not await svc.act(staff, case_id, action, "telegram", receipt=("telegram", _key(context, update))):
            return
    except CaseError as exc:
        await _answer(update, str(exc)[:190])
        return
    done = "Acknowledged" if action == "acknowledge" else "Claimed"
    await _answer(update, f"{done} case #{case_id}.")
    if action == "claim":
        await _drop_buttons(update, f"{done} by {staff.name}.")


async def _consent_button(update: Update, context: ContextTypes.DEFAULT_TYPE, agreed: bool) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    svc = _service(context)
    done = await svc.consent("telegram", chat.id, agreed, receipt=("telegram", _key(context, update)))
    if done is None:  # a redelivered press
        return
    await _answer(update)
    patient = await svc.patient_at("telegram", chat.id) if done else None
    language = (patient.language if patient is not None else None) or "en"
    await _drop_buttons(
        update, say("consent_agreed" if agreed else "consent_declined", language) if done else None
    )


async def _answer_button(update: Update, context: ContextTypes.DEFAULT_TYPE, data: str) -> None:
    chat = update.effective_chat
    found = ANSWER_BUTTON.match(data)
    if chat is None or found is None:
        await _answer(update, "This button no longer works.")
        return
    key, index = found.group(1), int(found.group(2))
    svc = _service(context)
    async with svc.db.session() as session:
        writer = await enrolment.writer_by_chat(session, chat.id)
        patient, carer = writer if writer is not None else (None, None)
        pending = await checkins.open_checkin(session, patient.id) if patient is not None else None
    question = checkins.current_question(*pending) if pending else None
    # The labels at send time, in the patient's language: the index maps back to the same answer.
    language = (patient.language if patient is not None else None) or "en"
    buttons = checkins.answer_buttons(question, language, say) if question else None
    labels = [label for row in buttons or [] for label, _ in row]
    if patient is None or question is None or question.get("key") != key or index >= len(labels):
        await _answer_closed(update, language)
        return
    await _answer_with(update, context, patient, labels[index], carer)


async def _answer_closed(update: Update, language: str) -> None:
    await _answer(update, say("answer_closed", language))
    await _drop_buttons(update)


async def _answer_with(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    patient: Patient,
    value: str,
    carer: Carer | None = None,
) -> None:
    """A pressed answer is the patient (or their carer) typing it."""
    await _service(context).receive(patient, "telegram", _key(context, update), value, carer=carer)
    await _answer(update)
    await _drop_buttons(update, say("answer_noted", patient.language or "en", answer=value))


async def _follow_up_button(update: Update, context: ContextTypes.DEFAULT_TYPE, data: str) -> None:
    """Yes or No to a red-flag question: the same as typing it, while the question is open."""
    chat = update.effective_chat
    found = FOLLOW_UP_BUTTON.match(data)
    if chat is None or found is None:
        await _answer(update, "This button no longer works.")
        return
    round_id, position, index = (int(g) for g in found.groups())
    svc = _service(context)
    async with svc.db.session() as session:
        writer = await enrolment.writer_by_chat(session, chat.id)
        patient, carer = writer if writer is not None else (None, None)
        label = await followups.button_answer(session, patient, round_id, position, index, svc.clock.now())
    if patient is None or label is None:
        await _answer_closed(update, (patient.language if patient is not None else None) or "en")
        return
    await _answer_with(update, context, patient, label, carer)


def install(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    app.add_handler(CommandHandler("start", guarded(on_start)))
    app.add_handler(CallbackQueryHandler(guarded(on_button)))
    app.add_handler(MessageHandler(filters.TEXT, guarded(on_text)))
    app.add_handler(MessageHandler(filters.ALL & ~filters.StatusUpdate.ALL, guarded(on_other)))
