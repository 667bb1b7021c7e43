"""The command line: `vigil ...` (see docs/interfaces.md). Nothing here is imported by the app."""

from .commands import main

__all__ = ["main"]
