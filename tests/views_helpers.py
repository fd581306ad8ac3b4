"""Reading what a built page shows."""

from __future__ import annotations

import re


def poster_target(poster) -> str:
    """The address a poster's QR code is said to lead to (its SVG's title, its caption)."""
    title = poster.select_one("svg.ssp-qr[role=img] title").get_text()
    caption = poster.select_one(".ssp-poster__url").get_text()
    assert title == f"Code QR menant à {caption}"
    assert re.fullmatch(r"0 0 (\d+) \1", poster.select_one("svg.ssp-qr")["viewbox"])  # square, sized by CSS
    return caption
