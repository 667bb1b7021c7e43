"""Resolved cases: searched, filtered and paged on the server, through the API and the page;
each opens as it was, with its events in words and its staff by name. The queue's own list
(`status=open`) is as it always was."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from vigil.assembly import Runtime
from vigil.core.clock import ManualClock
from vigil.core.models import AuditEvent
from vigil.web import history

from ..conftest import DUE, NURSE, OTHER_NURSE, bearer
from .test_oversized_ids import signed_in


async def resolved(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    external_id: str,
    text: str,
    disposition: str,
    note: str | None = None,
) -> int:
    """A case the patient's message opens, claimed and resolved by whoever `headers` is."""
    r = await client.post(
        "/api/v1/simulator/messages", headers=headers, json={"external_id": external_id, "text": text}
    )
    case_id = int(r.json()["case_id"])
    assert (await client.post(f"/api/v1/cases/{case_id}/claim", headers=headers)).status_code == 200
    r = await client.post(
        f"/api/v1/cases/{case_id}/resolve", headers=headers, json={"disposition": disposition, "note": note}
    )
    assert r.status_code == 200, r.text
    return case_id


@pytest.fixture
async def past(rt: Runtime, clock: ManualClock, client: httpx.AsyncClient, auth: dict[str, str]) -> list[int]:
    """Four resolved cases over four days (New York), and one still open."""
    ben = await bearer(rt, OTHER_NURSE)
    clock.set(DUE)  # Monday 23 November, 10:00 in New York
    ids = [
        await resolved(client, auth, "MRN-100234", "I passed out", "sent_to_emergency", "Ambulance called")
    ]
    clock.advance(days=1)
    ids.append(await resolved(client, ben, "MRN-100871", "bit of a cough today", "advice_given"))
    clock.advance(days=1)
    ids.append(
        await resolved(client, auth, "MRN-100871", "a few streaks of blood in my phlegm", "seen_in_clinic")
    )
    clock.advance(days=1)
    ids.append(await resolved(client, ben, "MRN-100234", "I coughed up a lot of blood", "admitted"))
    clock.advance(hours=1)
    await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100871", "text": "I passed out"}
    )
    return ids


async def test_the_api_lists_resolved_cases_newest_first_with_a_total(
    client: httpx.AsyncClient, auth: dict[str, str], past: list[int]
) -> None:
    r = await client.get("/api/v1/cases?status=resolved", headers=auth)
    assert r.status_code == 200
    body = r.json()
    assert [c["id"] for c in body["cases"]] == past[::-1]
    assert (body["total"], body["offset"], body["limit"]) == (4, 0, 50)
    assert {c["status"] for c in body["cases"]} == {"resolved"}
    first = body["cases"][-1]
    assert (first["disposition"], first["note"], first["resolved_by"], first["resolved_by_name"]) == (
        "sent_to_emergency",
        "Ambulance called",
        NURSE,
        "Ana Reyes",
    )


async def test_the_queues_own_list_is_as_it_always_was(
    client: httpx.AsyncClient, auth: dict[str, str], past: list[int]
) -> None:
    body = (await client.get("/api/v1/cases?status=open", headers=auth)).json()
    assert set(body) == {"cases"}  # no paging keys: every open case, most urgent first
    assert [c["patient"]["external_id"] for c in body["cases"]] == ["MRN-100871"]
    assert set((await client.get("/api/v1/cases", headers=auth)).json()) == {"cases"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("level=emergency", [3, 0]),
        ("level=urgent,routine", [2, 1]),
        ("disposition=admitted", [3]),
        ("disposition=advice_given,seen_in_clinic", [2, 1]),
        (f"nurse={OTHER_NURSE}", [3, 1]),
        ("nurse=ANA.REYES@riverside.example", [2, 0]),
        ("from=2026-11-24&to=2026-11-25", [2, 1]),
        ("from=2026-11-26", [3]),
        ("to=2026-11-23", [0]),
        ("q=maria", [2, 1]),
        ("q=MRN-100234", [3, 0]),
        ("q=ambulance", [0]),
        ("level=emergency&nurse=ana.reyes@riverside.example", [0]),
        ("q=nobody", []),
    ],
)
async def test_the_api_filters_resolved_cases(
    client: httpx.AsyncClient, auth: dict[str, str], past: list[int], query: str, expected: list[int]
) -> None:
    body = (await client.get(f"/api/v1/cases?status=resolved&{query}", headers=auth)).json()
    assert [c["id"] for c in body["cases"]] == [past[i] for i in expected]
    assert body["total"] == len(expected)


async def test_a_case_number_finds_its_case(
    client: httpx.AsyncClient, auth: dict[str, str], past: list[int]
) -> None:
    body = (await client.get(f"/api/v1/cases?status=resolved&q=%23{past[1]}", headers=auth)).json()
    assert [c["id"] for c in body["cases"]] == [past[1]]


async def test_resolved_cases_come_a_page_at_a_time(
    client: httpx.AsyncClient, auth: dict[str, str], past: list[int]
) -> None:
    seen = []
    for offset in (0, 3):
        body = (
            await client.get(f"/api/v1/cases?status=resolved&limit=3&offset={offset}", headers=auth)
        ).json()
        assert body["total"] == 4
        seen += [c["id"] for c in body["cases"]]
    assert seen == past[::-1]


async def test_filters_apply_to_open_cases_too_when_asked(
    client: httpx.AsyncClient, auth: dict[str, str], past: list[int]
) -> None:
    body = (await client.get("/api/v1/cases?status=open&q=maria", headers=auth)).json()
    assert [c["patient"]["external_id"] for c in body["cases"]] == ["MRN-100871"]
    assert body["total"] == 1


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("level=severe", "level must be among routine, urgent, emergency"),
        ("disposition=vibes", "disposition must be among"),
        ("from=yesterday", "from must be a date as YYYY-MM-DD"),
        ("from=2026-11-25&to=2026-11-24", "from must be on or before to"),
        ("nurse=someone@elsewhere.example", "no staff member someone@elsewhere.example"),
        ("status=resolved,gone", "status must be among"),
    ],
)
async def test_a_filter_that_names_nothing_is_a_422_that_says_which(
    client: httpx.AsyncClient, auth: dict[str, str], query: str, says: str
) -> None:
    r = await client.get(f"/api/v1/cases?status=resolved&{query}", headers=auth)
    assert r.status_code == 422
    assert says in str(r.json()["detail"])


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "offset=-1", "q=" + "x" * 201])
async def test_paging_out_of_bounds_is_a_422(
    client: httpx.AsyncClient, auth: dict[str, str], query: str
) -> None:
    assert (await client.get(f"/api/v1/cases?status=resolved&{query}", headers=auth)).status_code == 422


async def test_listing_resolved_cases_is_audited_with_its_filters(
    rt: Runtime, client: httpx.AsyncClient, auth: dict[str, str], past: list[int]
) -> None:
    await client.get("/api/v1/cases?status=resolved&level=emergency", headers=auth)
    async with rt.db.session() as session:
        row = await session.scalar(
            select(AuditEvent).where(AuditEvent.action == "list").order_by(AuditEvent.id.desc()).limit(1)
        )
    assert row is not None
    assert (row.actor, row.subject_id, row.detail["count"]) == (NURSE, "resolved", 2)
    assert row.detail["filters"] == {"status": "resolved", "level": "emergency"}


async def test_the_history_page_lists_filters_and_pages_resolved_cases(
    rt: Runtime, client: httpx.AsyncClient, past: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    await signed_in(client)
    page = await client.get("/history")
    assert page.status_code == 200
    assert "Resolved cases" in page.text
    for case_id in past:
        assert f'href="/cases/{case_id}"' in page.text
    assert "Ana Reyes" in page.text
    assert "Ben Okafor" in page.text
    assert "sent to emergency" in page.text
    filtered = await client.get("/history", params={"level": "emergency", "nurse": OTHER_NURSE})
    assert [f'data-case-id="{i}"' in filtered.text for i in past] == [False, False, False, True]
    assert '<option value="emergency" selected>' in filtered.text  # the form keeps what was asked

    monkeypatch.setattr(history, "PAGE_SIZE", 3)
    first = await client.get("/history")
    assert "1–3 of 4" in first.text
    assert 'href="/history?page=2"' in first.text
    second = await client.get("/history?page=2")
    assert [f'data-case-id="{i}"' in second.text for i in past] == [True, False, False, False]
    assert "Page 2 of 2" in second.text


async def test_the_history_page_says_what_is_wrong_with_a_filter(client: httpx.AsyncClient) -> None:
    await signed_in(client)
    r = await client.get("/history", params={"from": "2026-11-25", "to": "2026-11-01"})
    assert r.status_code == 422
    assert "from must be on or before to" in r.text
    assert 'name="q"' in r.text  # the form is still there to put it right


async def test_a_resolved_case_page_shows_it_as_it_was(
    client: httpx.AsyncClient, clock: ManualClock, auth: dict[str, str], past: list[int]
) -> None:
    await signed_in(client)
    # Walter wrote again days after this case was resolved: the page marks where it ended.
    page = (await client.get(f"/cases/{past[0]}")).text
    assert 'id="case-resolved"' in page
    assert "by Ana Reyes: sent to emergency — Ambulance called" in page
    assert 'id="case-end"' in page
    assert page.index('id="case-start"') < page.index('id="case-end"')
    assert 'href="/history"' in page
    assert ">Claim</button>" not in page
    assert ">Release</button>" not in page
    events = page[page.index('id="case-events"') :]
    assert "claimed</strong> by Ana Reyes" in events
    assert "resolved</strong> by Ana Reyes" in events
    assert "→ Ana Reyes" in events  # the page, to a name
    assert "ana.reyes@" not in events


async def test_event_kinds_read_as_words_on_the_case_page(
    client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    clock.set(DUE)
    r = await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100234", "text": "I passed out"}
    )
    case_id = r.json()["case_id"]
    await client.post(
        "/api/v1/simulator/messages",
        headers=auth,
        json={"external_id": "MRN-100234", "text": "I passed out again"},
    )
    await signed_in(client)
    events = (await client.get(f"/cases/{case_id}")).text.split('id="case-events"')[1]
    assert "<strong>reason added</strong>" in events
    assert "reason_added" not in events.replace('data-kind="reason_added"', "")
    api = (await client.get(f"/api/v1/cases/{case_id}", headers=auth)).json()
    assert "reason_added" in [e["kind"] for e in api["events"]]  # the API keeps the kind itself


async def test_waiting_since_in_the_queue_is_when_the_case_reached_its_level(
    client: httpx.AsyncClient, auth: dict[str, str], clock: ManualClock
) -> None:
    clock.set(DUE)
    r = await client.post(
        "/api/v1/simulator/messages",
        headers=auth,
        json={"external_id": "MRN-100234", "text": "bit of a cough today"},  # routine
    )
    case_id = r.json()["case_id"]
    clock.advance(hours=3)
    raised_at = clock.now()
    await client.post(
        "/api/v1/simulator/messages", headers=auth, json={"external_id": "MRN-100234", "text": "I passed out"}
    )
    clock.advance(minutes=30)
    await client.post(  # more of the same level does not restart the wait
        "/api/v1/simulator/messages",
        headers=auth,
        json={"external_id": "MRN-100234", "text": "passed out again"},
    )
    case = (await client.get("/api/v1/cases", headers=auth)).json()["cases"][0]
    assert (case["id"], case["level"]) == (case_id, "emergency")
    assert case["level_since"] == raised_at.isoformat().replace("+00:00", "Z")
    assert case["opened_at"] == (raised_at - timedelta(hours=3)).isoformat().replace("+00:00", "Z")
    await signed_in(client)
    rows = (await client.get("/queue/rows")).text
    assert f'<time datetime="{case["level_since"]}"' in rows
