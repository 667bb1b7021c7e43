"""The `vigil` command line."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any


class UsageError(Exception):
    """A user error: reported as one line on stderr, never as a traceback."""


def _triage_line(engine: Any, line: str) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"not valid JSON: {exc.msg} at column {exc.colno}"}
    if not isinstance(item, dict):
        return {"id": None, "error": "each line must be a JSON object"}
    ident = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": ident, "error": 'missing "text"' if text is None else '"text" must be a string'}
    question = item.get("question")
    if question is not None and not isinstance(question, str):
        return {"id": ident, "error": '"question" must be a string'}
    context = item.get("context")
    if context is None:
        context = {}
    if not isinstance(context, dict) or not all(isinstance(v, bool) for v in context.values()):
        return {"id": ident, "error": '"context" must be an object of true/false values'}
    assessment = engine.assess(text, question, context)
    return {"id": ident, **assessment.to_dict()}


def run_triage(lines: Iterable[str], out: IO[str], language: str = "en") -> int:
    """JSON lines in, one assessment (or error) per line out, in the same order."""
    from vigil.escalation.triage import TriageEngine

    try:
        engine = TriageEngine.load(language)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    for line in lines:
        if not line.strip():
            continue
        out.write(json.dumps(_triage_line(engine, line), ensure_ascii=False) + "\n")
        out.flush()
    return 0


def _cmd_triage(args: argparse.Namespace) -> int:
    # Bytes that are not UTF-8 become U+FFFD instead of stopping the run.
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    return run_triage(stdin, sys.stdout, args.language)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vigil",
        description="Vigil keeps watch over people with cancer between visits.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    triage = sub.add_parser(
        "triage",
        help="assess JSON lines from stdin, one assessment per line on stdout",
        description='Reads {"id", "text", "question"?, "context"?} lines; writes assessments.',
    )
    triage.add_argument("--language", default="en", help="lexicon language (default: en)")
    triage.set_defaults(handler=_cmd_triage)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UsageError as exc:
        print(f"vigil: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
