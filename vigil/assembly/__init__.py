"""Where a running Vigil is built from its settings: the channels, the use cases, the tick."""

from .runtime import CHANNELS, Runtime, build_runtime

__all__ = ["CHANNELS", "Runtime", "build_runtime"]
