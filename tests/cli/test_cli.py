"""`vigil triage`: JSON lines in, one assessment per line out, bad lines answered in place."""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
from pathlib import Path

from vigil.cli.commands import build_parser, main, run_triage


def triage(*lines: str) -> list[dict]:
    out = io.StringIO()
    assert run_triage(iter(lines), out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_each_line_gets_an_assessment_in_order() -> None:
    rows = triage(
        json.dumps({"id": "m1", "text": "my back hurts and my legs feel weak"}),
        json.dumps({"id": "m2", "text": "all good"}),
    )
    assert [r["id"] for r in rows] == ["m1", "m2"]
    first = rows[0]
    assert first["level"] == "emergency"
    assert {"mscc-neuro", "cord-signs"} <= set(first["rules"])
    assert first["advice"]
    assert {"concept": "back_pain", "negated": False, "modifiers": []}.items() <= first["findings"][0].items()
    assert first["findings"][0]["evidence"] == "back hurts"
    assert rows[1]["level"] == "none"


def test_question_and_context_are_used() -> None:
    [row] = triage(
        json.dumps(
            {
                "id": 1,
                "text": "38.1",
                "question": "What is your temperature today?",
                "context": {"on_active_treatment": True},
            }
        )
    )
    assert row["level"] == "emergency"
    assert row["rules"] == ["neutropenic-fever"]
    assert row["findings"][0]["value_c"] == 38.1


def test_a_message_line_may_say_a_carer_wrote_it() -> None:
    line = {"id": "c", "text": "he can't feel his legs since this morning", "context": {"writer": "carer"}}
    [row] = triage(json.dumps(line))
    assert row["level"] == "emergency"
    [bad] = triage(json.dumps({**line, "context": {"writer": 5}}))
    assert "error" in bad


def test_bad_lines_get_an_error_and_the_run_goes_on() -> None:
    rows = triage(
        "not json",
        json.dumps({"id": "x"}),
        json.dumps([1, 2]),
        json.dumps({"id": "y", "text": 5}),
        json.dumps({"id": "z", "text": "hi", "context": []}),
        "",
        json.dumps({"id": "ok", "text": "cough"}),
    )
    assert [r.get("id") for r in rows] == [None, "x", None, "y", "z", "ok"]
    assert all("error" in r for r in rows[:5])
    assert "text" in rows[1]["error"]
    assert rows[5]["level"] == "routine"


def test_the_installed_command_reads_stdin() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vigil.cli", "triage"],
        input='{"id": "a", "text": "coughing up blood"}\n{bad\n',
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    lines = [json.loads(x) for x in done.stdout.splitlines()]
    assert lines[0]["level"] == "urgent"
    assert "error" in lines[1]


def test_an_unknown_language_is_one_line_on_stderr(capsys) -> None:
    assert main(["triage", "--language", "xx"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vigil: ")
    assert err.count("\n") == 1


def test_bytes_that_are_not_utf8_do_not_stop_the_run() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vigil.cli", "triage"],
        input=b'{"id": 1, "text": "\xff\xfe cough"}\n{"id": 2, "text": "fever"}\n',
        capture_output=True,
        check=True,
        timeout=60,
    )
    rows = [json.loads(x) for x in done.stdout.decode().splitlines()]
    assert [r["id"] for r in rows] == [1, 2]
    assert rows[1]["level"] == "urgent"


def test_every_vigil_command_the_docs_name_is_one_the_cli_has() -> None:
    def commands(parser: argparse.ArgumentParser) -> set[str]:
        out: set[str] = set()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    out.add(name)
                    out |= {f"{name} {inner}" for inner in commands(sub)}
        return out

    known = commands(build_parser())
    root = Path(__file__).resolve().parents[2]
    named: set[tuple[str, str]] = set()
    for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        for m in re.finditer(r"`vigil ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?", doc.read_text(encoding="utf-8")):
            first, second = m.group(1), m.group(2)
            # A command with subcommands must name one the CLI has ("checkins send-dew" is
            # wrong); after one without, the next word is an argument.
            has_subcommands = any(k.startswith(f"{first} ") for k in known)
            said = f"{first} {second}" if second and has_subcommands else first
            named.add((doc.name, said))
    unknown = sorted((doc, said) for doc, said in named if said not in known)
    assert unknown == [], f"the docs name vigil commands the CLI does not have: {unknown}"
