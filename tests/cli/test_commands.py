"""The `vigil` commands of INTERFACES.md, run as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from vigil.migrations import alembic_config

from ..conftest import DEMO, NURSE


def vigil(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vigil.cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("VIGIL_")}
    out["VIGIL_DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    return out


def test_upgrade_import_token_and_send_due(env: dict[str, str]) -> None:
    up = vigil("db", "upgrade", env=env)
    assert up.returncode == 0, up.stderr
    assert "created Vigil's tables at revision" in up.stdout
    dry = vigil("import", "--dry-run", str(DEMO), env=env)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("would import riverside-thoracic (dry run, nothing written):")
    assert "created 1 clinic" in dry.stdout
    first = vigil("import", str(DEMO), env=env)
    assert first.returncode == 0, first.stderr
    assert "created 1 clinic" in first.stdout
    assert "created 1 protocol," in first.stdout
    # The demo clinic pages Ana by Telegram, which this environment does not have.
    assert "warning: ana.reyes@riverside.example is paged by telegram" in first.stderr
    again = vigil("import", str(DEMO), env=env)
    assert "nothing changed" in again.stdout
    token = vigil("token", "create", NURSE, env=env)
    assert token.returncode == 0
    assert token.stdout.strip().startswith("vgl_")
    early = vigil("checkins", "send-due", "--now", "2000-01-01T00:00:00Z", "--dry-run", env=env)
    assert early.stdout.startswith("would open 0 check-ins")
    due = vigil("checkins", "send-due", "--now", "2099-01-01T15:00:00Z", "--dry-run", env=env)
    assert due.stdout.startswith("would open 3 check-ins")
    now = vigil("checkins", "send-due", env=env)
    assert now.stdout.startswith("opened 0 check-ins")  # the dry run wrote nothing: none is due yet
    password = vigil("staff", "password", NURSE, env=env, stdin="a long enough password\n")
    assert password.returncode == 0, password.stderr


def test_db_upgrade_says_whether_it_created_the_tables_upgraded_them_or_found_them_current(
    env: dict[str, str],
) -> None:
    url = env["VIGIL_DATABASE_URL"]
    script = ScriptDirectory.from_config(alembic_config(url))
    head = script.get_current_head()
    previous = script.get_revision(head).down_revision
    created = vigil("db", "upgrade", env=env)
    assert created.returncode == 0, created.stderr
    assert created.stdout.startswith(f"created Vigil's tables at revision {head} (sqlite+aiosqlite:")
    again = vigil("db", "upgrade", env=env)
    assert again.stdout.startswith(f"the database is already at revision {head}, the newest: nothing to do")
    command.downgrade(alembic_config(url), str(previous))
    upgraded = vigil("db", "upgrade", env=env)
    assert upgraded.stdout.startswith(f"upgraded the database from revision {previous} to {head} (")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("token", "create", "nobody@nowhere.example"), "no active staff member"),
        (("checkins", "send-due", "--now", "next tuesday"), "is not an ISO-8601 time"),
        (("import", "/no/such/file.yaml"), "cannot read"),
        (("serve",), "VIGIL_SECRET_KEY"),
    ],
)
def test_user_errors_are_one_line_on_stderr_and_a_failing_exit(
    env: dict[str, str], args: tuple[str, ...], needle: str
) -> None:
    assert vigil("db", "upgrade", env=env).returncode == 0
    done = vigil(*args, env=env)
    assert done.returncode != 0
    assert needle in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_bad_clinic_file_lists_every_problem_and_writes_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    assert vigil("db", "upgrade", env=env).returncode == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        DEMO.read_text()
        .replace("role: physician", "role: wizard")
        .replace("channel: simulator", "channel: owl")
    )
    done = vigil("import", str(bad), env=env)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) >= 2
    assert all(line.startswith(f"vigil: {bad}:") for line in lines)
    assert "Traceback" not in done.stderr
    token = vigil("token", "create", NURSE, env=env)
    assert "no active staff member" in token.stderr  # nothing was imported


def test_a_database_that_was_never_upgraded_says_so(env: dict[str, str]) -> None:
    done = vigil("import", str(DEMO), env=env)
    assert done.returncode == 2
    assert "vigil db upgrade" in done.stderr
    assert "Traceback" not in done.stderr


def test_patients_invite_prints_a_single_use_telegram_link(env: dict[str, str]) -> None:
    from ..bot.channels.telegram import telegram_api

    assert vigil("db", "upgrade", env=env).returncode == 0
    assert vigil("import", str(DEMO), env=env).returncode == 0
    off = vigil("patients", "invite", "MRN-100871", env=env)
    assert off.returncode != 0
    assert "VIGIL_TELEGRAM_TOKEN" in off.stderr
    with telegram_api.running() as fake:
        env = {**env, "VIGIL_TELEGRAM_TOKEN": telegram_api.TOKEN, "VIGIL_TELEGRAM_API_URL": fake.api_url}
        made = vigil("patients", "invite", "MRN-100871", env=env)
        assert made.returncode == 0, made.stderr
        assert made.stdout.startswith("https://t.me/vigil_test_bot?start=")
        assert "single use" in made.stderr
        other = vigil("patients", "invite", "MRN-100871", env=env)
        assert other.stdout != made.stdout
        unknown = vigil("patients", "invite", "MRN-NOPE", env=env)
        assert unknown.returncode != 0
        assert "no patient" in unknown.stderr
        staff = vigil("staff", "invite", NURSE, env=env)
        assert staff.stdout.startswith("https://t.me/vigil_test_bot?start=")


def test_vigil_serve_runs_the_tick_on_its_timer(env: dict[str, str]) -> None:
    """The timer, not a test, calls the tick: the sweeps' metric counts up under `vigil serve`."""
    import socket
    import time
    import urllib.request

    assert vigil("db", "upgrade", env=env).returncode == 0
    assert vigil("import", str(DEMO), env=env).returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    served = {**env, "VIGIL_SECRET_KEY": "test-secret-key-0123456789", "VIGIL_SCHEDULER_TICK_SECONDS": "0.2"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "vigil.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=served,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        ticks = 0.0
        # Polled because the server is another process on a real timer; bounded at 60 s.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and ticks < 2:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as r:
                    body = r.read().decode()
            except OSError:
                time.sleep(0.2)
                continue
            for line in body.splitlines():
                if line.startswith('vigil_tick_sweep_seconds_count{sweep="paging"}'):
                    ticks = float(line.split()[-1])
            time.sleep(0.2)
        assert ticks >= 2, "the tick never ran under vigil serve"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert b"was never awaited" not in err
