"""Triage benchmark: accuracy on labelled messages, then speed on one core.

python bench/triage_bench.py                     # every set: development first, then the unseen
python bench/triage_bench.py --details           # also list every disagreement
python bench/triage_bench.py FILE.jsonl ...      # other labelled files
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LEVELS = ["none", "routine", "urgent", "emergency"]
DATA = ROOT / "bench" / "data"
# Written from docs/triage.md by people who never read the engine, and only ever measured:
# the honest estimate on unseen messages. Their disagreements are never listed. When the engine
# has been tuned against them they join the development sets and newly written sets take over.
UNSEEN = [
    DATA / "holdout8_texting.jsonl",
    DATA / "holdout11_texting.jsonl",
    DATA / "holdout12_texting.jsonl",
    DATA / "holdout13_texting.jsonl",
    DATA / "conversations_holdout8.jsonl",
    DATA / "conversations_holdout9.jsonl",
    DATA / "es_holdout7.jsonl",
    DATA / "es_holdout8.jsonl",
    DATA / "es_conversations_holdout6.jsonl",
    DATA / "es_conversations_holdout7.jsonl",
]
# Everything else in bench/data is for development: the shared dev sets, the red-team sets, the
# conversation and Spanish sets, and the older holdouts that the engine has since been tuned on.
DEFAULT_SETS = [p for p in sorted(DATA.glob("*.jsonl")) if p not in UNSEEN]


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_conversation(engine, row: dict):
    """The assessment after a conversation line's last message, as `vigil triage` gives it."""
    from vigil.escalation.triage import engines
    from vigil.escalation.triage.conversation import ConversationReader
    from vigil.escalation.triage.lines import _messages

    if "language" in row:
        return engines.read_conversation(
            _messages(row["messages"]), row.get("context"), row["language"]
        ).assessment
    return ConversationReader(engine).read(_messages(row["messages"]), row.get("context")).assessment


def assess_row(engine, row: dict):
    """A message line's assessment: in its own "language" when it names one."""
    from vigil.escalation.triage import engines

    if "language" in row:
        return engines.assess(row["text"], row.get("question"), row.get("context"), row["language"])
    return engine.assess(row["text"], row.get("question"), row.get("context"))


def describe(row: dict) -> str:
    if "messages" in row:
        return " | ".join(
            f"+{m.get('minutes', m.get('at', 0))}m {m['text']!r}"
            + (f" Q={m['question']!r}" if m.get("question") else "")
            for m in row["messages"]
        )
    return repr(row["text"]) + (f" Q={row['question']!r}" if row.get("question") else "")


def asked_about(row: dict, a) -> bool:
    """Whether the follow-up questions this reading sends would ask about a sign the label holds.

    A missed emergency that shows a red-flag family below emergency is not left alone: the
    patient is asked that family's screening questions at once, and a truthful "yes" raises it.
    """
    from vigil.escalation.triage import followups

    ups = followups.load(row.get("language", "en"))
    wanted = set(row.get("present", []))
    return any(
        wanted & set(ask.asks) for family in ups.shown(a.findings) for ask in ups.to_ask(family, a.findings)
    )


def score(engine, rows: list[dict], details: bool) -> dict:
    matrix = {(t, p): 0 for t in LEVELS for p in LEVELS}
    concept_hits = concept_total = unread = asked = 0
    misses = []
    for row in rows:
        a = read_conversation(engine, row) if "messages" in row else assess_row(engine, row)
        got = a.level.label
        matrix[(row["level"], got)] += 1
        present = {f.concept for f in a.findings if f.present}
        for c in row.get("present", []):
            concept_total += 1
            concept_hits += c in present
        for c in row.get("not_present", []):
            concept_total += 1
            concept_hits += c not in present
        if row["level"] == "none" and present == {"unrecognised"}:
            unread += 1  # "not understood — please read": the cost of never being silent
        if got != row["level"]:
            misses.append((row, got, a))
        if row["level"] == "emergency" and got != "emergency":
            asked += asked_about(row, a)
    n = len(rows)

    def count(true_levels, pred_levels):
        return sum(matrix[(t, p)] for t in true_levels for p in pred_levels)

    emerg = count(["emergency"], LEVELS)
    urgent_up = count(["urgent", "emergency"], LEVELS)
    low = count(["none", "routine"], LEVELS)
    return {
        "n": n,
        "matrix": matrix,
        "emergency_recall": count(["emergency"], ["emergency"]) / emerg if emerg else 1.0,
        "urgent_or_higher_recall": (
            count(["urgent", "emergency"], ["urgent", "emergency"]) / urgent_up if urgent_up else 1.0
        ),
        "false_alarm_rate": count(["none", "routine"], ["urgent", "emergency"]) / low if low else 0.0,
        "exact": sum(matrix[(lv, lv)] for lv in LEVELS) / n,
        "concepts": concept_hits / concept_total if concept_total else 1.0,
        "unread": unread / count(["none"], LEVELS) if count(["none"], LEVELS) else 0.0,
        "misses": misses,
        "missed_but_asked": asked,
        "missed": emerg - count(["emergency"], ["emergency"]),
    }


def report(name: str, res: dict, details: bool, tag: str = "") -> None:
    kind = "conversations" if "conversations" in name else "messages"
    print(f"\n== {name}: {res['n']} {kind}{tag}")
    print("confusion (rows: labelled, columns: assessed)")
    print("            " + "".join(f"{p:>11}" for p in LEVELS))
    for t in LEVELS:
        print(f"{t:>11} " + "".join(f"{res['matrix'][(t, p)]:>11}" for p in LEVELS))
    print(f"emergency recall          {res['emergency_recall']:7.1%}")
    print(f"urgent-or-higher recall   {res['urgent_or_higher_recall']:7.1%}")
    print(f"false alarms              {res['false_alarm_rate']:7.1%}  (none/routine rated urgent+)")
    print(f"exact level               {res['exact']:7.1%}")
    print(f"concept agreement         {res['concepts']:7.1%}")
    print(f'none read as not understood {res["unread"]:5.1%}  (routine "please read"; keep under 5 %)')
    if res["missed"]:
        print(
            f"emergencies missed          {res['missed']:5d}  of which {res['missed_but_asked']} asked about"
            " the missing sign by the follow-up questions at once"
        )
    if details:
        for row, got, a in res["misses"]:
            found = ", ".join(
                f"{f.concept}:{f.status}{'+' + '+'.join(f.modifiers) if f.modifiers else ''}"
                + (f"@{f.message}" if f.message is not None else "")
                for f in a.findings
            )
            print(
                f"  [{row['id']}] want {row['level']} got {got}: {describe(row)}"
                + (f" C={row['context']}" if row.get("context") else "")
                + f"\n      found: {found} rules: {list(a.rules)}"
            )


def speed(engine, rows: list[dict], total: int = 20_000) -> None:
    typical = [r for r in rows if "text" in r and len(r["text"]) < 300 and "language" not in r]
    if not typical:
        print("\n== speed: no English single messages in these files to time; skipped")
        return
    rng = random.Random(7)
    sample = [rng.choice(typical) for _ in range(total)]
    # Vary the text slightly so per-token caches do not make every message free.
    msgs = [
        (r["text"] + ("" if i % 3 else f" {i % 97}"), r.get("question"), r.get("context"))
        for i, r in enumerate(sample)
    ]
    for text, q, c in msgs[:500]:
        engine.assess(text, q, c)
    lat = []
    t0 = time.perf_counter()
    for text, q, c in msgs:
        s = time.perf_counter()
        engine.assess(text, q, c)
        lat.append(time.perf_counter() - s)
    elapsed = time.perf_counter() - t0
    lat.sort()
    print(f"\n== speed: {total} typical messages (< 300 chars) on one core")
    print(f"messages per second       {total / elapsed:9.0f}")
    print(f"p50 latency               {statistics.median(lat) * 1e6:9.0f} us")
    print(f"p99 latency               {lat[int(len(lat) * 0.99)] * 1e6:9.0f} us")
    big = "my back hurts and my legs feel weak, no fever. " * 20_000
    s = time.perf_counter()
    engine.assess(big[:1_000_000])
    print(f"1 MB message              {time.perf_counter() - s:9.2f} s")
    # A conversation whose last message is 8,000 marks of punctuation: the patterns that read
    # a message against the one before must stay linear (a nested \W* once took 9 s here).
    from datetime import datetime, timedelta

    from vigil.escalation.triage import engines
    from vigil.escalation.triage.conversation import ConversationReader, Message

    start = datetime(2026, 1, 1)
    for language, first in (("en", "my back hurts"), ("es", "me duele la espalda")):
        reader = ConversationReader(engines.default_engine(language))
        window = [Message(first, start), Message("!" * 8_000, start + timedelta(minutes=5))]
        s = time.perf_counter()
        reader.read(window)
        print(f"8 k punctuation reply ({language}) {time.perf_counter() - s:7.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--details", action="store_true", help="list every disagreement")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()

    t0 = time.perf_counter()
    from vigil.escalation.triage import TriageEngine

    engine = TriageEngine.load("en")
    load_ms = (time.perf_counter() - t0) * 1000
    print(f"engine load (import + data): {load_ms:.0f} ms, ruleset {engine.version}")
    files = args.files or [*DEFAULT_SETS, *(p for p in UNSEEN if p.exists())]
    unseen = {p.resolve() for p in UNSEEN}
    everything: list[dict] = []
    quiet = unread = 0
    for path in files:
        rows = load(path)
        everything += rows
        show = args.details and path.resolve() not in unseen
        tag = " (unseen: measured, never tuned on)" if path.resolve() in unseen else ""
        res = score(engine, rows, show)
        report(path.name, res, show, tag)
        nones = sum(res["matrix"][("none", p)] for p in LEVELS)
        quiet, unread = quiet + nones, unread + round(res["unread"] * nones)
    if quiet:
        print(
            f"\n== all sets: {unread} of {quiet} messages labelled none read as not understood ({unread / quiet:.1%})"
        )
    if not args.no_speed:
        speed(engine, everything)


if __name__ == "__main__":
    main()
