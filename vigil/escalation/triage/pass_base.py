"""The base of the conversation's pooling passes."""

from __future__ import annotations

from .engine import TriageEngine
from .phrases import Phrases


class PoolPasses:
    """What every pooling pass reads with: the engine and its language's phrases."""

    engine: TriageEngine
    phrases: Phrases
