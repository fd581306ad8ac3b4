"""What is made from content, kept from one build to the next by whoever runs the builds.

The live preview rebuilds the site after each save; an event whose file did not change keeps its
calendar, its page, its card… Keys are tuples: what was made, the content's digest
(`Event.digest`, a hash of the event file's bytes and of what it refers to), then whatever else
the result depends on (site address, day of the build, templates' fingerprint…). After a build,
sweep() forgets what that build did not use: the cache never holds more than the last build's
needs and what the current one adds. Nothing is kept in the content objects themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Cache:
    def __init__(self, parent: Cache | None = None) -> None:
        self.entries: dict[tuple, Any] = {}
        self.used: set[tuple] = set()
        self.parent = parent  # read, never written: a worker's cache over the one it inherited

    def get(self, key: tuple, make: Callable[[], Any]) -> Any:
        """The value kept under `key` (here or in the parent), made now if there is none."""
        self.used.add(key)
        if key not in self.entries:
            if self.parent is not None and key in self.parent.entries:
                return self.parent.entries[key]
            self.entries[key] = make()
        return self.entries[key]

    def has(self, key: tuple) -> bool:
        """Whether `key` was made already (it is then used by this build)."""
        if key in self.entries:
            self.used.add(key)
            return True
        return False

    def add(self, entries: dict[tuple, Any]) -> None:
        """Entries made elsewhere (in a worker process), used by this build."""
        self.entries.update(entries)
        self.used.update(entries)

    def sweep(self) -> None:
        """Forget what the build that just ended did not use."""
        for key in self.entries.keys() - self.used:
            del self.entries[key]
        self.used.clear()
