"""What the Playwright tests share: Debian's Chromium, screenshots, and the app served on a
free port in a thread for the browser to reach."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(os.environ["VIGIL_SCREENSHOTS"]) if os.environ.get("VIGIL_SCREENSHOTS") else None

if CHROMIUM is None and os.environ.get("CI"):
    pytest.fail("Chromium is not installed; .ci/run installs Debian's chromium", pytrace=False)
requires_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def shot(page: object, name: str) -> None:
    """With VIGIL_SCREENSHOTS=docs, leave the page's picture there."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """The app on 127.0.0.1 in a thread, with its lifespan; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)  # waiting for a real server thread, not for time to pass in a test
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


def sign_in(page: Any, base: str, email: str, password: str) -> None:
    """Sign in on the page's sign-in form, as a person would."""
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
