"""Dispatch benchmark: how close the outbox comes to each configured rate limit without
ever passing it, against the fake Telegram and Twilio servers on 127.0.0.1; and webhook
ingest (POST /webhooks/telegram and /webhooks/twilio/sms) in messages a second with p99.

    python bench/dispatch_bench.py                      # SQLite in a temporary folder
    python bench/dispatch_bench.py --postgres URL       # PostgreSQL (a scratch schema)
    python bench/dispatch_bench.py --messages 500       # quicker (the full run paces ~4 minutes)

Exits non-zero if any second (or any chat's one-second window) saw more than its limit.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import httpx
from pipeline_bench import DUE, add_patients, drop, fresh, texts
from sqlalchemy import insert, update
from twilio.request_validator import RequestValidator

from tests.bot.channels.sms import twilio_api
from tests.bot.channels.telegram import telegram_api
from vigil.assembly import build_runtime
from vigil.bot.channels.sms.transport import TwilioSms
from vigil.bot.channels.telegram.bridge import TelegramBridge
from vigil.bot.outbox import Dispatcher
from vigil.bot.pacing import Limit
from vigil.core.clock import ManualClock, SystemClock
from vigil.core.db import Database
from vigil.core.hub import Hub
from vigil.core.models import OutboundMessage, Patient, queued
from vigil.core.settings import Settings
from vigil.web.app import create_app

PUBLIC = "https://vigil.example"
OVER: list[str] = []  # every window that went over its limit: the run then fails


def check(what: str, busiest: int, limit: float) -> None:
    if busiest > limit:
        OVER.append(f"{what}: {busiest} in one window (limit {limit:g})")


SECRET = "bench-webhook-secret-0123"


def most_in_window(times: list[float], window: float) -> int:
    times = sorted(times)
    best, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


async def _queue(db: Database, channel: str, addresses: list[str]) -> None:
    now = SystemClock().now()
    rows = [
        queued(
            clinic_id=None,
            channel=channel,
            address=address,
            kind="info",
            text=f"bench {i}",
            now=now,
            priority=5,
        )
        for i, address in enumerate(addresses)
    ]
    async with db.transaction() as session:
        for k in range(0, len(rows), 1000):
            await session.execute(insert(OutboundMessage), rows[k : k + 1000])


async def _run_until(dispatcher: Dispatcher, done: object) -> float:
    task = asyncio.create_task(dispatcher.run(idle=0.5))
    t0 = time.monotonic()
    while not done():  # type: ignore[operator]  # noqa: ASYNC110 - the fake server fills this from a thread
        await asyncio.sleep(0.01)
    task.cancel()
    return time.monotonic() - t0


async def telegram_rates(
    url: str, messages: int, chats: int, overall: float, per_chat: float, label: str
) -> None:
    db, schema = await fresh(url)
    try:
        with telegram_api.running() as fake:
            bridge = TelegramBridge(telegram_api.TOKEN, fake.api_url, "secret", PUBLIC)
            bridge.channel.limit = Limit(per_second=overall, per_address_interval=1 / per_chat)
            await _queue(db, "telegram", [str(1_000_000 + i % chats) for i in range(messages)])
            dispatcher = Dispatcher(db, SystemClock(), {"telegram": bridge.channel}, Hub())
            await _run_until(dispatcher, lambda: len(fake.arrivals) >= messages)
            await bridge.stop()
            arrivals = list(fake.arrivals)
        times = [t for t, _ in arrivals]
        span = max(times) - min(times)
        by_chat: dict[int, list[float]] = defaultdict(list)
        for t, chat in arrivals:
            by_chat[chat].append(t)
        chat_rates = [(len(v) - 1) / (max(v) - min(v)) for v in by_chat.values() if len(v) > 1]
        chat_peak = max(most_in_window(v, 1 / per_chat) for v in by_chat.values())
        achieved = (len(times) - 1) / span
        binding = min(overall, per_chat * len(by_chat))
        check(f"telegram {label}, busiest second", most_in_window(times, 1.0), overall)
        check(f"telegram {label}, busiest chat", chat_peak, 1)
        line = (
            f"  telegram {label}: {len(times)} messages to {len(by_chat)} chats in {span:5.1f} s; "
            f"overall {achieved:6.1f}/s = {achieved / binding:5.1%} of the binding limit {binding:g}/s, "
            f"busiest second {most_in_window(times, 1.0)} (limit {overall:g})"
        )
        if chat_rates:
            line += (
                f"; per chat median {statistics.median(chat_rates):4.2f}/s = "
                f"{statistics.median(chat_rates) / per_chat:5.1%} of {per_chat:g}/s, "
                f"most in any {1 / per_chat:g} s window {chat_peak} (limit 1)"
            )
        print(line)
    finally:
        await drop(url, db, schema)


async def sms_rate(url: str, messages: int, per_second: float) -> None:
    db, schema = await fresh(url)
    try:
        with twilio_api.running() as fake:
            sms = TwilioSms(
                twilio_api.ACCOUNT, twilio_api.TOKEN, "+16175550000", fake.url, PUBLIC, per_second=per_second
            )
            await _queue(db, "sms", [f"+1617555{i % 10000:04d}" for i in range(messages)])
            dispatcher = Dispatcher(db, SystemClock(), {"sms": sms}, Hub())
            await _run_until(dispatcher, lambda: len(fake.arrivals) >= messages)
            await sms.close()
            times = list(fake.arrivals)
        span = max(times) - min(times)
        achieved = (len(times) - 1) / span
        check("sms, busiest second", most_in_window(times, 1.0), per_second)
        print(
            f"  sms: {len(times)} messages from one number in {span:5.1f} s: {achieved:6.1f}/s = "
            f"{achieved / per_second:5.1%} of the configured {per_second:g}/s; busiest second "
            f"{most_in_window(times, 1.0)} (limit {per_second:g})"
        )
    finally:
        await drop(url, db, schema)


async def ingest(url: str, messages: int, concurrency: int) -> None:
    db, schema = await fresh(url)
    try:
        clock = ManualClock(DUE)
        patients = await add_patients(db, clock, 200, enrol=False)
        async with db.transaction() as session:
            for i, p in enumerate(patients):
                await session.execute(
                    update(Patient)
                    .where(Patient.id == p.id)
                    .values(
                        channel="telegram" if i % 2 else "sms",
                        telegram_chat_id=5_000_000 + i,
                        phone=f"+1857555{i:04d}",
                    )
                )
        with telegram_api.running() as tg, twilio_api.running() as tw:
            settings = Settings(
                database_url=url,
                secret_key="bench-secret-key-0123456789",
                public_url=PUBLIC,
                telegram_token=telegram_api.TOKEN,
                telegram_api_url=tg.api_url,
                telegram_webhook_secret=SECRET,
                twilio_account_sid=twilio_api.ACCOUNT,
                twilio_auth_token=twilio_api.TOKEN,
                twilio_from="+16175550000",
                twilio_api_url=tw.url,
            )
            rt = build_runtime(settings, clock=clock, db=db)
            app = create_app(rt, background=False)
            corpus = texts()
            validator = RequestValidator(twilio_api.TOKEN)
            requests: list[tuple[str, dict[str, object]]] = []
            for i in range(messages):
                body = corpus[i % len(corpus)]
                if i % 2:
                    update_json = telegram_api.update(10_000 + i, 5_000_000 + (i % 200 | 1), body)
                    requests.append(
                        (
                            "/webhooks/telegram",
                            {"json": update_json, "headers": {"X-Telegram-Bot-Api-Secret-Token": SECRET}},
                        )
                    )
                else:
                    params = {
                        "MessageSid": f"SMbench{i}",
                        "From": f"+1857555{(i % 200) & ~1:04d}",
                        "Body": body,
                    }
                    sig = validator.compute_signature(PUBLIC + "/webhooks/twilio/sms", params)
                    requests.append(
                        ("/webhooks/twilio/sms", {"data": params, "headers": {"X-Twilio-Signature": sig}})
                    )
            latencies: list[float] = []
            statuses: dict[int, int] = defaultdict(int)
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as client:
                await client.post(requests[1][0], **requests[1][1])  # type: ignore[arg-type]  # PTB's getMe, once
                todo = list(reversed(requests[2:]))

                async def worker() -> None:
                    while todo:
                        path, kwargs = todo.pop()
                        t = time.perf_counter()
                        r = await client.post(path, **kwargs)  # type: ignore[arg-type]
                        latencies.append(time.perf_counter() - t)
                        statuses[r.status_code] += 1

                t0 = time.perf_counter()
                await asyncio.gather(*(worker() for _ in range(concurrency)))
                elapsed = time.perf_counter() - t0
            await rt.close()
        latencies.sort()
        print(
            f"  webhook ingest: {len(latencies)} updates (half Telegram, half signed SMS), {concurrency} at a "
            f"time: {len(latencies) / elapsed:5.0f} msg/s, p50 {statistics.median(latencies) * 1000:5.1f} ms, "
            f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:6.1f} ms; statuses {dict(statuses)}"
        )
    finally:
        await drop(url, db, schema)


def _fresh_files(tmp: str) -> None:
    for leftover in Path(tmp).glob("bench.db*"):
        leftover.unlink()


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", help="a PostgreSQL URL (postgresql+asyncpg://...)")
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--skip-rates", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        backends = [("SQLite", f"sqlite+aiosqlite:///{tmp}/bench.db")]  # removed after each part
        if args.postgres:
            backends.append(("PostgreSQL", args.postgres))
        for name, url in backends:
            print(f"{name}:")
            if not args.skip_rates:
                # Telegram's limits as configured in production: 1 a second per chat (binding
                # here: 2,000 messages to 20 chats), then 30 a second per bot (to 2,000 chats).
                await telegram_rates(url, args.messages, 20, 30, 1.0, "per chat")
                _fresh_files(tmp)
                await telegram_rates(url, args.messages, args.messages, 30, 1.0, "overall")
                _fresh_files(tmp)
                # One sending number configured at 30 a second (a short code or toll-free
                # number; the default of 1 a second would take half an hour for 2,000).
                await sms_rate(url, args.messages, 30)
                _fresh_files(tmp)
            if not args.skip_ingest:
                await ingest(url, args.messages, args.concurrency)
            _fresh_files(tmp)
    if OVER:
        print("OVER THE LIMIT:\n  " + "\n  ".join(OVER))
        sys.exit(1)


if __name__ == "__main__":
    asyncio.run(main())
