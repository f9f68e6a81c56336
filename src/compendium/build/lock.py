"""One build at a time per project: the project lock (compendium.lock) is a value the build
holds and hands to its workers."""

from __future__ import annotations

from ..lock import BuildLock, exclusive

__all__ = ["BuildLock", "exclusive"]
