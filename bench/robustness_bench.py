"""Triage robustness: the same message, texted another way, should read the same.

Each development set's urgent and emergency messages that triage reads right are rewritten the
ways people text them — a greeting before, a filler after, no apostrophes, no full stops or
commas, no accents, two neighbouring letters swapped in one word — and read again. A rewrite
that changes no meaning must not lower the level; the bench counts the readings it lowers.
It measures how well the engine generalises beyond the sentences it was tuned on, without
spending the unseen sets (which it never reads).

python bench/robustness_bench.py                 # every rewrite, counts
python bench/robustness_bench.py --details typo  # also list what one rewrite lowered
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from triage_bench import DEFAULT_SETS, LEVELS, load

RANK = {level: i for i, level in enumerate(LEVELS)}
GREETINGS = {
    "en": ["hi sorry to bother you, ", "morning. ", "hello nurse, quick one: ", "Ok so ", "update: "],
    "es": ["hola buenas, ", "buenos dias. ", "disculpe la molestia, ", "bueno les cuento: "],
}
FILLERS = {
    "en": [" x", " thanks", ". anyway how are you all", " lol", " sorry for the long msg"],
    "es": [" gracias", " saludos", ". bendiciones", " jaja"],
}
# Full stops and commas, not the ones inside a number ("38.5", "38,5").
STOPS = re.compile(r"(?<!\d)[.,](?!\d)|[!?;:]")

Rewrite = Callable[[random.Random, str, str], str]


def _typo(rnd: random.Random, text: str, _: str) -> str:
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not long:
        return text
    i = rnd.choice(long)
    w = words[i]
    j = rnd.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _no_accents(_: random.Random, text: str, __: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


REWRITES: dict[str, Rewrite] = {
    "greeting": lambda rnd, text, lang: rnd.choice(GREETINGS[lang]) + text,
    "filler": lambda rnd, text, lang: text + rnd.choice(FILLERS[lang]),
    "no_apostrophes": lambda _, text, __: text.replace("'", "").replace("\u2019", ""),
    "no_stops": lambda _, text, __: STOPS.sub("", text),
    "no_accents": _no_accents,
    "typo": _typo,
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--details", choices=sorted(REWRITES), help="list what this rewrite lowered")
    args = parser.parse_args()
    from vigil.escalation.triage import engines

    def level(row: dict, text: str) -> str:
        lang = row.get("language", "en")
        return engines.assess(text, row.get("question"), row.get("context"), lang).level.label

    rows = [
        row
        for path in DEFAULT_SETS
        for row in load(path)
        if "text" in row and row["level"] in ("urgent", "emergency")
    ]
    right = [row for row in rows if level(row, row["text"]) == row["level"]]
    print(f"{len(right)} of {len(rows)} urgent and emergency development messages read right")
    print(f"{'rewrite':16s} {'rewritten':>9s} {'lowered':>8s} {'share':>6s}  (of which emergencies)")
    for name, rewrite in REWRITES.items():
        rnd = random.Random(7)  # the same rewrites every run, so runs compare
        rewritten = lowered = emergencies = 0
        shown: list[str] = []
        for row in right:
            text = rewrite(rnd, row["text"], row.get("language", "en"))
            if text == row["text"]:
                continue
            rewritten += 1
            got = level(row, text)
            if RANK[got] < RANK[row["level"]]:
                lowered += 1
                emergencies += row["level"] == "emergency"
                q = f" Q={row['question']!r}" if row.get("question") else ""
                shown.append(f"  [{row['id']}] want {row['level']} got {got}: {text!r}{q}")
        share = 100 * lowered / rewritten if rewritten else 0.0
        print(f"{name:16s} {rewritten:9d} {lowered:8d} {share:5.1f}%  ({emergencies})")
        if args.details == name:
            print("\n".join(shown))


if __name__ == "__main__":
    main()
