"""What the suite relies on about itself: static checks moved to CI (not gone), tests stay
offline, and the test-only cheap password hashing never reaches production."""

from __future__ import annotations

import importlib.util
import socket
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from vigil.web import security

from .conftest import NetworkRefused

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_ruff_mypy_and_import_linter_before_the_tests() -> None:
    script = (ROOT / ".ci" / "run").read_text()
    pytest_at = script.index("python3 -m pytest")
    for check in ("-m ruff check", "-m mypy", "lint-imports"):
        assert -1 < script.find(check) < pytest_at, f"{check} must run in .ci/run before pytest"
    makefile = (ROOT / "Makefile").read_text()
    assert all(check in makefile for check in ("-m ruff check", "-m mypy", "lint-imports", "-m pytest"))


def test_a_connection_beyond_this_machine_is_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(NetworkRefused) as info:
        s.connect(("192.0.2.1", 443))  # TEST-NET-1: never routed, never reached
    assert "may not use the network" in str(info.value)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        assert s.connect_ex(("127.0.0.1", 9)) != 0  # refused by the port, not by the guard
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s, pytest.raises(NetworkRefused):
        s.connect_ex(("2001:db8::1", 443))


def test_production_hashes_passwords_with_argon2s_defaults() -> None:
    # The suite swaps in a cheap hasher; a fresh copy of the module must still have the real one.
    spec = importlib.util.spec_from_file_location("fresh_security", security.__file__)
    assert spec is not None
    assert spec.loader is not None
    fresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fresh)
    real, default = fresh._hasher, PasswordHasher()
    assert (real.time_cost, real.memory_cost, real.parallelism) == (
        default.time_cost,
        default.memory_cost,
        default.parallelism,
    )
    assert security._hasher.time_cost < default.time_cost  # tests run with the cheap one
