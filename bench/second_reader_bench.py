"""Second-reader experiment: would a learned reader behind the lexicon catch the emergencies it misses?

    pip install -e ".[bench]"                 # scikit-learn, for this experiment only
    python bench/second_reader_bench.py       # cross-validated on the development sets, then the unseen

The lexicon and rules read what they have been taught; on sets nobody has tuned for they miss
emergencies told in words nobody wrote down yet. This measures a plain alternative: a logistic
model over hashed character and word n-grams (the message, and the question it answers), trained
on the labelled development sets to say "this reads as an emergency". A message the rules rate
below emergency is raised when the model is at least T sure.

T is chosen on the development sets alone, by five-fold cross-validation: the lowest T whose
false-alarm rate (none/routine messages the model would raise) stays at or under --max-fa. Only
then is the model trained on every development set and measured on the unseen sets, once. The
features are pure Python (crc32 of each n-gram), as an engine would compute them at run time.
Nothing here is used by Vigil yet: it is the measurement behind the proposal in docs/design.md.
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import sys
import time
import unicodedata
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from triage_bench import DEFAULT_SETS, LEVELS, UNSEEN, assess_row, load, read_conversation

BITS = 18
MASK = (1 << BITS) - 1
WORD = re.compile(r"\w+")
THRESHOLDS = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def features(text: str, question: str | None = None) -> dict[int, float]:
    """Hashed n-grams, log-scaled counts, unit length: characters 3-5 within words, words, word pairs,
    and the question's words apart (so "weakness" asked differs from "weakness" told)."""
    counts: dict[int, int] = {}

    def add(key: str) -> None:
        h = zlib.crc32(key.encode()) & MASK
        counts[h] = counts.get(h, 0) + 1

    words = WORD.findall(fold(text))
    for w in words:
        padded = f" {w} "
        for n in (3, 4, 5):
            for i in range(len(padded) - n + 1):
                add("c" + padded[i : i + n])
        add("w" + w)
    for a, b in itertools.pairwise(words):
        add("b" + a + " " + b)
    for w in WORD.findall(fold(question or "")):
        add("q" + w)
    vec = {h: 1.0 + math.log(c) for h, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {h: v / norm for h, v in vec.items()}


def text_of(row: dict) -> tuple[str, str | None]:
    """A conversation is read whole: its messages in order, each question folded in before its answer."""
    if "messages" not in row:
        return row["text"], row.get("question")
    parts = [(f"{m['question']} :: " if m.get("question") else "") + m["text"] for m in row["messages"]]
    return " || ".join(parts), None


def matrix(rows: list[dict]):
    import scipy.sparse as sp

    r, c, v = [], [], []
    for i, row in enumerate(rows):
        for h, x in features(*text_of(row)).items():
            r.append(i)
            c.append(h)
            v.append(x)
    return sp.csr_matrix((v, (r, c)), shape=(len(rows), 1 << BITS))


def fit(rows: list[dict], c: float):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    y = np.array([row["level"] == "emergency" for row in rows])
    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(matrix(rows), y)


def main() -> None:
    import numpy as np

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--max-fa", type=float, default=1.0, help="cross-validated false alarms, %%")
    parser.add_argument("--c", type=float, default=8.0, help="inverse regularisation strength")
    args = parser.parse_args()

    from vigil.escalation.triage import TriageEngine

    engine = TriageEngine.load("en")
    dev = {p.name: load(p) for p in DEFAULT_SETS}
    unseen = {p.name: load(p) for p in UNSEEN if p.exists()}

    names = sorted(dev)
    scores: dict[str, np.ndarray] = {}
    for k in range(5):
        held = names[k::5]
        model = fit([r for n in names if n not in held for r in dev[n]], args.c)
        for n in held:
            scores[n] = model.predict_proba(matrix(dev[n]))[:, 1]
    labels = {n: np.array([LEVELS.index(r["level"]) for r in rows]) for n, rows in dev.items()}
    low = sum(int((labels[n] <= 1).sum()) for n in names)
    em = sum(int((labels[n] == 3).sum()) for n in names)
    print(f"== cross-validated on {len(names)} development sets ({low} none/routine, {em} emergencies)")
    print("threshold   model false alarms   model emergency recall")
    chosen = THRESHOLDS[-1]
    for t in THRESHOLDS:
        fa = sum(int(((labels[n] <= 1) & (scores[n] >= t)).sum()) for n in names) * 100 / low
        rec = sum(int(((labels[n] == 3) & (scores[n] >= t)).sum()) for n in names) * 100 / em
        print(f"{t:9.2f}   {fa:17.2f}%   {rec:21.1f}%")
        if fa <= args.max_fa and t < chosen:
            chosen = t
    print(f"chosen threshold {chosen:.2f} (cross-validated false alarms at most {args.max_fa} %)")

    model = fit([r for rows in dev.values() for r in rows], args.c)
    print(f"\n== unseen sets: rules alone -> rules with the second reader at {chosen:.2f}")
    print("(emergency recall · urgent-or-higher recall · false alarms · exact level)")
    for name, rows in unseen.items():
        p = model.predict_proba(matrix(rows))[:, 1]
        y = np.array([LEVELS.index(r["level"]) for r in rows])
        got = np.array(
            [
                LEVELS.index(
                    (read_conversation(engine, r) if "messages" in r else assess_row(engine, r)).level.label
                )
                for r in rows
            ]
        )
        both = np.where(p >= chosen, 3, got)

        def figs(z: np.ndarray, y: np.ndarray = y) -> str:
            rec = ((y == 3) & (z == 3)).sum() * 100 / max(1, (y == 3).sum())
            urg = ((y >= 2) & (z >= 2)).sum() * 100 / max(1, (y >= 2).sum())
            fa = ((y <= 1) & (z >= 2)).sum() * 100 / max(1, (y <= 1).sum())
            exact = (y == z).sum() * 100 / len(y)
            return f"{rec:.1f} · {urg:.1f} · {fa:.1f} · {exact:.1f}"

        print(f"{name:34s} {figs(got)}  ->  {figs(both)}")

    sample = [r for rows in dev.values() for r in rows if "text" in r][:5000]
    t0 = time.perf_counter()
    for r in sample:
        features(r["text"], r.get("question"))
    print(f"\nfeatures in pure Python: {(time.perf_counter() - t0) * 1e6 / len(sample):.0f} us a message")


if __name__ == "__main__":
    main()
