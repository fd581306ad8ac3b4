"""What a build is made for, handed down as one value instead of parameters threaded through the core."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .cache import Cache


@dataclass(frozen=True)
class BuildContext:
    """The site's address (absolute links: calendars, share pictures, QR codes; "" for a build
    without one), the day of the build (what is published, what is over), what the previous build
    of the preview made (`cache`), whether this is the preview, and how many processes may work."""
    site_url: str = ""
    today: date = field(default_factory=date.today)
    cache: Cache = field(default_factory=Cache)
    preview: bool = False
    workers: int = 1
