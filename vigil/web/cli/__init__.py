"""Transitional, and not part of the web (a package, not a module, so that git follows the old
cli.py to vigil/cli/commands.py): a `vigil` script installed before the command line
moved to vigil/cli still imports `vigil.web.cli:main`. Re-running `pip install -e .` points it
at `vigil.cli:main` (pyproject's [project.scripts]); then delete this file and its
ignore_imports line in pyproject.toml."""

from vigil.cli.commands import main

__all__ = ["main"]
