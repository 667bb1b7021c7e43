"""Triage: a pure library that reads a patient's message and decides how fast a nurse must act.

No database, no network, no clock: text (plus the question it answers and the
patient's context) in, an `Assessment` out. The lexicon and rules are data files
under `data/<language>/`.
"""

from .engine import TriageEngine, assess, default_engine
from .model import Assessment, Finding, Level

__all__ = ["Assessment", "Finding", "Level", "TriageEngine", "assess", "default_engine"]
