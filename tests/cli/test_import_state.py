"""`vigil import` of a clinic file that carries patients' state, run as an operator runs it:
what it did to anyone's consent is printed, and a bad state key stops the whole import."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from .test_commands import vigil

FILE = """
clinic: {slug: c, name: C, timezone: America/New_York, emergency_number: '911'}
patients:
  - {external_id: MRN-1, name: Sam, channel: simulator, status: active}
  - {external_id: MRN-2, name: Pat, channel: simulator, status: active}
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("VIGIL_")}
    out["VIGIL_DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    return out


def _statuses(env: dict[str, str]) -> dict[str, str]:
    path = env["VIGIL_DATABASE_URL"].removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT external_id, status FROM patient").fetchall())


def test_vigil_import_says_whom_the_file_opted_out_and_never_undoes_an_opt_out(
    env: dict[str, str],
    tmp_path: Path,
) -> None:
    assert vigil("db", "upgrade", env=env).returncode == 0
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(FILE)
    assert vigil("import", str(clinic), env=env).returncode == 0
    clinic.write_text(
        FILE.replace("Pat, channel: simulator, status: active", "Pat, channel: simulator, status: opted_out")
    )
    dry = vigil("import", "--dry-run", str(clinic), env=env)
    assert "opted out as the file says, no more messages to them: MRN-2 (was active)" in dry.stdout
    assert _statuses(env)["MRN-2"] == "active"
    done = vigil("import", str(clinic), env=env)
    assert done.returncode == 0, done.stderr
    assert "opted out as the file says, no more messages to them: MRN-2 (was active)" in done.stdout
    clinic.write_text(FILE)  # the older file again
    again = vigil("import", str(clinic), env=env)
    assert "kept opted out, as they asked (only their START takes it back): MRN-2 (the file says active)" in (
        again.stdout
    )
    assert _statuses(env) == {"MRN-1": "active", "MRN-2": "opted_out"}


def test_vigil_import_refuses_a_bad_state_naming_the_key_and_the_patient_and_writes_nothing(
    env: dict[str, str],
    tmp_path: Path,
) -> None:
    assert vigil("db", "upgrade", env=env).returncode == 0
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(FILE)
    assert vigil("import", str(clinic), env=env).returncode == 0
    bad = FILE.replace("Sam, channel: simulator, status: active", "Sam, channel: simulator, status: paused")
    bad = bad.replace("Pat, channel: simulator, status: active", "Pat, channel: simulator, status: stopped")
    clinic.write_text(bad)
    refused = vigil("import", str(clinic), env=env)
    assert refused.returncode != 0
    assert f"{clinic}:5: patients[1].status: 'stopped' is not one of" in refused.stderr
    assert "(patient MRN-2)" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert _statuses(env) == {"MRN-1": "active", "MRN-2": "active"}  # MRN-1's pause not written either
