"""The whole loop on the simulator: import, send-due, a patient's red flag, a case, a nurse."""

from __future__ import annotations

import httpx

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock

from ..conftest import DUE, NURSE, make_token, opt_in_notice

RED_FLAG = "my back is killing me and my legs feel weak"


async def test_a_red_flag_answer_becomes_an_emergency_case_a_nurse_resolves(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    assert await rt.service.send_due() == 3
    # The three check-ins, and the three opt-in notices the demo's import queued at 07:00 in
    # New York, held until the quiet hours ended at 08:00.
    assert await rt.service.dispatcher.dispatch_once() == 6
    clock.advance(minutes=3)

    sent = await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100234", "text": RED_FLAG}
    )
    assert sent.status_code == 202
    await rt.service.dispatcher.dispatch_once()

    listed = (await client.get("/api/v1/cases?status=open", headers=auth)).json()["cases"]
    assert len(listed) == 1
    case = listed[0]
    assert case["level"] == "emergency"
    assert case["patient"] == {
        "external_id": "MRN-100234",
        "name": "Walter Brennan",
        "channel": "simulator",
        "language": "en",
        "status": "active",
        "discharged": False,
        "phone": "+16175550199",
        "context": {
            "on_active_treatment": True,
            "known_bone_metastases": True,
            "known_brain_metastases": False,
        },
    }
    assert {r["concept"] for r in case["reasons"]} >= {"back_pain", "limb_weakness"}
    # Every rule that fired, not only the top one (he has known bone metastases).
    assert {r["rule"] for r in case["reasons"]} == {"mscc-neuro", "cord-signs", "spinal-pain-flags"}
    assert any(r["evidence"] == "legs feel weak" for r in case["reasons"])

    detail = (await client.get(f"/api/v1/cases/{case['id']}", headers=auth)).json()
    transcript = detail["messages"]
    assert [m["direction"] for m in transcript] == ["out", "out", "in", "out"]
    notice, question, answer, safety = transcript
    assert notice["text"] == opt_in_notice()  # his enrolment's, the first message he had
    assert "How bad is any back pain" in question["text"]
    assert answer["text"] == RED_FLAG
    assert "call 911" in safety["text"]
    assert safety["status"] == "delivered"
    assert [(e["kind"], e.get("recipient"), e.get("tier")) for e in detail["events"]] == [
        ("opened", None, None),
        ("paged", NURSE, 1),  # the on-call nurse, at once
        ("checkin_stopped", None, None),  # and what the check-in never got to ask
    ]
    assert any("weakness" in q for q in detail["events"][2]["detail"]["unasked"])

    claimed = await client.post(f"/api/v1/cases/{case['id']}/claim", headers=auth)
    assert claimed.status_code == 200
    assert (claimed.json()["status"], claimed.json()["claimed_by"]) == ("acknowledged", NURSE)
    resolved = await client.post(
        f"/api/v1/cases/{case['id']}/resolve",
        headers=auth,
        json={"disposition": "sent_to_emergency", "note": "called, ambulance"},
    )
    assert resolved.status_code == 200
    story = [(e["kind"], e["actor"]) for e in resolved.json()["events"]]
    assert story == [
        ("opened", "system"),
        ("paged", "system"),
        ("checkin_stopped", "system"),
        ("acknowledged", NURSE),
        ("claimed", NURSE),
        ("resolved", NURSE),
    ]
    assert (await client.get("/api/v1/cases?status=open", headers=auth)).json() == {"cases": []}


async def test_the_patient_transcript_is_in_order_with_statuses(
    rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    clock.set(DUE)
    await rt.service.send_due()
    clock.advance(minutes=1)
    await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": "0"}
    )
    await rt.service.dispatcher.dispatch_once()
    messages = (await client.get("/api/v1/patients/MRN-100871/messages", headers=auth)).json()["messages"]
    assert messages[0]["text"] == opt_in_notice()  # from her enrolment
    assert [(m["direction"], m["channel"]) for m in messages] == [
        ("out", "simulator"),
        ("out", "simulator"),
        ("in", "simulator"),
        ("out", "simulator"),
    ]
    assert set(messages[0]) == {"direction", "text", "at", "channel", "status", "to"}
    assert "weakness, numbness or tingling" in messages[3]["text"]  # ask_if skipped the onset question


async def test_a_case_rises_when_a_worse_message_follows(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    for text in ("bit of a cough today", "now coughing up a cupful of blood"):
        await client.post(
            "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": text}
        )
        clock.advance(minutes=5)
    [case] = (await client.get("/api/v1/cases?status=open", headers=auth)).json()["cases"]
    assert case["level"] == "emergency"
    events = (await client.get(f"/api/v1/cases/{case['id']}", headers=auth)).json()["events"]
    assert [(e["kind"], e["detail"].get("level")) for e in events] == [
        ("opened", "routine"),
        ("raised", "emergency"),
        ("paged", None),  # routine never pages; the rise starts the emergency chain
    ]


async def test_case_reasons_name_every_rule_that_fired_with_the_message_it_came_from(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    texts = ("I am short of breath and it is getting worse", "and now a sudden crushing chest pain")
    for text in texts:
        await client.post(
            "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": text}
        )
        clock.advance(minutes=5)
    [case] = (await client.get("/api/v1/cases?status=open", headers=auth)).json()["cases"]
    assert case["level"] == "emergency"
    detail = (await client.get(f"/api/v1/cases/{case['id']}", headers=auth)).json()
    said = {m["id"]: m["text"] for m in detail["messages"] if m["direction"] == "in"}
    fired = {(r["rule"], said[r["message_id"]]) for r in detail["reasons"]}
    assert fired == {
        ("dyspnea-new", texts[0]),  # urgent, from the first message
        ("breathing", texts[0]),  # breathless with chest pain: both messages
        ("breathing", texts[1]),
        ("chest-pain", texts[1]),  # emergency, from the second
    }


async def test_a_rule_a_later_message_completes_is_a_reason_though_the_level_stays(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    texts = ("my legs feel weak now", "and my back is sore")
    for text in texts:
        await client.post(
            "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": text}
        )
        clock.advance(minutes=5)
    [case] = (await client.get("/api/v1/cases?status=open", headers=auth)).json()["cases"]
    detail = (await client.get(f"/api/v1/cases/{case['id']}", headers=auth)).json()
    said = {m["id"]: m["text"] for m in detail["messages"] if m["direction"] == "in"}
    fired = {(r["rule"], said[r["message_id"]]) for r in detail["reasons"]}
    # Emergency from the first message; the second completes cord compression with it.
    assert fired >= {("cord-signs", texts[0]), ("mscc-neuro", texts[0]), ("mscc-neuro", texts[1])}


async def test_two_nurses_cannot_both_hold_a_case(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": "I passed out"}
    )
    [case] = (await client.get("/api/v1/cases", headers=auth)).json()["cases"]
    other = {"Authorization": f"Bearer {await make_token(rt, 'ben.okafor@riverside.example')}"}
    assert (await client.post(f"/api/v1/cases/{case['id']}/claim", headers=auth)).status_code == 200
    lost = await client.post(f"/api/v1/cases/{case['id']}/claim", headers=other)
    assert lost.status_code == 409
    assert "Ana Reyes" in lost.json()["detail"]
    resolve = await client.post(
        f"/api/v1/cases/{case['id']}/resolve", headers=other, json={"disposition": "advice_given"}
    )
    assert resolve.status_code == 409


async def test_a_nurse_reply_reaches_the_patient(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    await client.post(
        "/api/v1/simulator/messages",
        headers=auth,
        json={"external_id": "MRN-100871", "text": "please call me about my tablets"},
    )
    [case] = (await client.get("/api/v1/cases", headers=auth)).json()["cases"]
    assert case["level"] == "routine"
    replied = await client.post(
        f"/api/v1/cases/{case['id']}/reply", headers=auth, json={"text": "I will call you at 2pm."}
    )
    assert replied.status_code == 200
    assert replied.json()["events"][-1]["kind"] == "replied"
    await rt.service.dispatcher.dispatch_once()
    messages = (await client.get("/api/v1/patients/MRN-100871/messages", headers=auth)).json()["messages"]
    assert messages[-1] == {
        **messages[-1],
        "direction": "out",
        "text": "I will call you at 2pm.",
        "status": "delivered",
    }


async def test_a_repeated_provider_id_is_processed_once(rt: Runtime) -> None:
    patient = await rt.service.patient(1, "MRN-100871")
    assert patient is not None
    first = await rt.service.receive(patient, "simulator", "SM123", "I passed out")
    again = await rt.service.receive(patient, "simulator", "SM123", "I passed out")
    assert first.message_id is not None
    assert again.message_id is None
    async with rt.db.session() as session:
        from sqlalchemy import func, select

        from vigil.escalation.models import Assessment

        assert await session.scalar(select(func.count()).select_from(Assessment)) == 1
